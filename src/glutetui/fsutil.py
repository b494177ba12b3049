"""Writing a file atomically: the one routine every durable file and every cache goes through.

:func:`write_atomic` writes a temp file in the target's own folder (created with ``O_EXCL``,
so two writers never share one), fsyncs it, ``os.replace``\\ s it over the target and fsyncs the
folder, so the rename itself survives a power cut. At every moment the target holds either its
old or its new content, whole; when anything fails the temp file is removed and the old content
is left byte-identical.

Files it creates are readable by their owner only (health data, see DESIGN.md), and so are
the folders :func:`make_private_dirs` creates, whatever the umask says; a file it replaces
keeps the permissions it had, so one a person opened up on purpose stays so.
"""

from __future__ import annotations

import os
import stat

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
OWNER_ONLY = 0o600
"""The mode of a new file: read and write for its owner, nothing for anyone else."""
PRIVATE_DIR = 0o700
"""The mode of a new folder: its owner's only."""


def make_private_dirs(folder: str | os.PathLike[str]) -> None:
    """Create ``folder`` and any missing parent, each with mode 0700 whatever the umask
    (``os.makedirs`` gives parents the umask's mode, 0755 or even 0777). Folders that exist
    are left as they are (see :func:`open_to_others` for reporting them)."""
    target = os.path.abspath(os.fspath(folder))
    missing = []
    while not os.path.exists(target):  # a file in the way: mkdir below says "Not a directory"
        missing.append(target)
        parent = os.path.dirname(target)
        if parent == target:
            break
        target = parent
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_DIR)
        except FileExistsError:
            if not os.path.isdir(path):
                raise
            continue  # made by another process meanwhile: theirs to set
        os.chmod(path, PRIVATE_DIR)  # the umask may have taken bits away, never added them


def open_to_others(path: str | os.PathLike[str]) -> int | None:
    """The permission bits of ``path`` if group or others have any; ``None`` when it is
    private or missing."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
    return mode if mode & 0o077 else None


def temp_name(target_name: str) -> str:
    """``.<name>.<8 random hex digits>.tmp``: hidden, and ignored by every reader of the folder."""
    return f"{TEMP_PREFIX}{target_name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"


def is_temp_name(name: str) -> bool:
    """Whether ``name`` looks like a temp file of :func:`write_atomic` (or another writer's)."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, durable: bool = True, mode: int = OWNER_ONLY
) -> None:
    """Replace ``path``'s content with ``data`` atomically; create the folder if needed.

    ``durable=False`` skips both fsyncs: right for caches (derived data that is rebuilt if a
    power cut loses it) and for tests that write thousands of files. ``mode`` is for a new file
    only; an existing file keeps its permission bits. Raises :class:`OSError` (the temp file is
    gone and ``path`` untouched by then).
    """
    target = os.fspath(path)
    folder = os.path.dirname(target) or "."
    tmp: str | None = None
    try:
        make_private_dirs(folder)
        try:
            keep = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            keep = None
        tmp = os.path.join(folder, temp_name(os.path.basename(target)))
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            # The umask may have taken bits from a new file's mode: set it exactly.
            os.fchmod(fd, mode if keep is None else keep)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        tmp = None
    finally:
        if tmp is not None:
            # Not contextlib.suppress: importing contextlib costs every command's start-up.
            try:  # noqa: SIM105
                os.unlink(tmp)
            except OSError:
                pass  # the failure that brought us here is the one to report
    if durable:
        fsync_dir(folder)


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Make a rename in ``folder`` durable. File systems that cannot fsync a folder are fine."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # EINVAL and friends on file systems without folder fsync; the rename stands
    finally:
        os.close(fd)


__all__ = [
    "OWNER_ONLY",
    "PRIVATE_DIR",
    "fsync_dir",
    "is_temp_name",
    "make_private_dirs",
    "open_to_others",
    "temp_name",
    "write_atomic",
]

"""``glutetui new-plugin NAME``: write a ready plugin project to start from.

The project (built with hatchling, as glutetui is) installs with ``pip install -e``, registers one example exercise through the ``glutetui`` entry-point
group, and carries a test that loads it through :func:`glutetui.plugins.load_plugins`, as
glutetui itself does, and checks that glutetui accepted it.
"""

from __future__ import annotations

import os
import re

from glutetui.errors import GlutetuiError

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    import argparse

    from glutetui.paths import Paths

_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def configure_new_plugin(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui new-plugin``."""
    p.add_argument("name", metavar="NAME", help="the plugin's name, e.g. step-ups")
    p.add_argument(
        "--directory",
        metavar="DIR",
        default=".",
        help="where to create the project folder (default: here)",
    )
    p.set_defaults(handler=cmd_new_plugin)


def names(name: str) -> tuple[str, str, str]:
    """``(distribution, module, entry point)`` for a plugin called ``name``."""
    bare = name.removeprefix("glutetui-")
    if not _NAME.fullmatch(bare):
        raise GlutetuiError(
            f"plugin name {name!r}: use lower-case letters, digits and single dashes, "
            "starting with a letter (e.g. step-ups)"
        )
    module = "glutetui_" + bare.replace("-", "_")
    return f"glutetui-{bare}", module, bare.replace("-", "_")


def files(name: str) -> dict[str, str]:
    """The project's files, by path relative to its folder."""
    dist, module, entry = names(name)
    exercise_id = f"{dist.removeprefix('glutetui-')}-lateral-step-up"
    fill = {"dist": dist, "module": module, "entry": entry, "exercise_id": exercise_id}
    return {path: text.format(**fill) for path, text in _TEMPLATES.items()} | {
        f"src/{module}/__init__.py": _MODULE.replace("EXERCISE_ID", exercise_id)
    }


def cmd_new_plugin(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui new-plugin NAME``: create the project folder, refusing to overwrite one."""
    dist, _, _ = names(args.name)
    root = os.path.join(args.directory, dist)
    if os.path.exists(root):
        raise GlutetuiError(f"{root} already exists; choose another name or folder")
    for relative, text in files(args.name).items():
        path = os.path.join(root, relative)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "x", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            raise GlutetuiError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print(f"Created {root}")
    print("Next:")
    print(f"  glutetui install -e {root}")
    print(f"  cd {root} && python -m pytest")
    print("  glutetui plugins")
    return 0


_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "{dist}"
version = "0.1.0"
description = "Exercises for glutetui, the gluteus medius coach."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["glutetui"]
# The `glutetui` keyword is how people find glutetui plugins on PyPI.
keywords = ["glutetui"]

# This line is what makes it a glutetui plugin: glutetui loads every module named in this group.
[project.entry-points.glutetui]
{entry} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["src/{module}"]
"""

_README = """\
# {dist}

A plugin for [glutetui](https://pypi.org/project/glutetui/) that adds exercises to its library.

## Try it

    glutetui install -e .
    glutetui plugins          # lists `{entry}` and the exercises it registered
    python -m pytest          # loads the plugin the way glutetui does and checks it

## Change it

`src/{module}/__init__.py` registers the exercises. Give each one an id that never changes
(logged sessions refer to it), instructions in your own words, and where its facts come from.
glutetui's guide to writing plugins, `docs/plugins.md`, describes every field and hook.

## Publish it

Keep the `glutetui-` prefix in the distribution name and the `glutetui` keyword, build with
`python -m build`, and upload with `twine upload dist/*`. People then install it with
`glutetui install {dist}`.
"""

_TEST = """\
\"\"\"The plugin loads through glutetui's own plugin loading, and glutetui accepts everything it
registers (an invalid exercise would be reported as a problem and left out).\"\"\"

from glutetui.plugins import load_plugins


def test_glutetui_loads_the_plugin_without_a_problem():
    result = load_plugins(strict=False)
    (plugin,) = [p for p in result.plugins if p.name == "{entry}"]
    assert plugin.distribution == "{dist}"
    assert plugin.problems == ()
    assert plugin.status == "ok"
    assert plugin.exercises == ("{exercise_id}",)


def test_the_example_exercise_is_in_the_catalog():
    exercise = load_plugins(strict=False).catalog.get("{exercise_id}")
    assert exercise.instructions
    assert exercise.per_side
"""

_MODULE = '''\
"""Exercises for glutetui.

Each hook below is called once when glutetui loads its plugins; ``register`` checks what it is
given, and glutetui reports anything invalid under this plugin's name (see ``glutetui plugins``).
"""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            # Stable: logged sessions refer to it. Prefix it with the plugin's name.
            id="EXERCISE_ID",
            name="Lateral step-up",
            summary="Stepping up sideways onto a low step, one leg doing the work.",
            instructions=[
                "Stand side-on to a low step or stair, the near foot on it.",
                "Push through the heel on the step to straighten that leg and lift the other foot.",
                "Keep the pelvis level and the knee over the middle of the foot.",
                "Lower the free foot slowly back to the floor.",
                "Finish the reps on one side, then turn round for the other.",
            ],
            sets=(2, 3),
            reps=(8, 12),
            per_side=True,
            equipment=["step"],
            optional_equipment=["dumbbell"],
            # The ladder the coach climbs once every set reaches the top of the range: here a
            # dumbbell in the hand on the working side, heavier by this much each step up (also
            # band_positions, band_colours, and easier/harder exercise ids; docs/plugins.md).
            load_step_kg=1.0,
            cues=["Hips stay level", "Knee tracks over the foot"],
            tags=["home", "standing"],
            # Where the facts come from: every figure the app shows has a source it can show.
            evidence=(
                "Surface EMG of the gluteus medius: 43–59 % MVIC for the lateral step-up "
                "(review table, Int J Sports Phys Ther 2014;9(2):157–167)."
            ),
        )
    )
'''

_TEMPLATES = {
    "pyproject.toml": _PYPROJECT,
    "README.md": _README,
    "tests/test_plugin.py": _TEST,
}

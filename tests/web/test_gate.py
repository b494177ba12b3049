"""Who may reach ``glutetui serve``: the checks on their own, without a server."""

from __future__ import annotations

import pytest

from glutetui.webserve import Gate, ServeError, ServeOptions, app_command, is_loopback

TOKEN = "t" * 32


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_loopback_is_only_this_machine(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_gate_knows_its_own_names_and_origins_only() -> None:
    gate = Gate.for_address("127.0.0.1", 8000, TOKEN)
    assert gate.host_ok("127.0.0.1:8000") and gate.host_ok("LOCALHOST:8000")
    assert not gate.host_ok("127.0.0.1:8001")
    assert not gate.host_ok("attacker.example:8000")
    assert not gate.host_ok(None)
    assert gate.origin_ok("http://localhost:8000")
    assert not gate.origin_ok("https://localhost:8000")
    assert not gate.origin_ok("http://attacker.example")
    assert not gate.origin_ok("null")  # a sandboxed iframe or a file:// page
    assert not gate.origin_ok(None)


def test_a_public_url_behind_a_proxy_is_accepted_as_host_and_origin() -> None:
    gate = Gate.for_address("127.0.0.1", 8000, TOKEN, "https://gym.example.org/")
    assert gate.host_ok("gym.example.org")
    assert gate.origin_ok("https://gym.example.org")
    assert not gate.origin_ok("http://gym.example.org")


def test_the_token_must_match_exactly() -> None:
    gate = Gate.for_address("127.0.0.1", 8000, TOKEN)
    assert gate.token_ok(TOKEN)
    assert not gate.token_ok(TOKEN[:-1])
    assert not gate.token_ok("")
    assert not gate.token_ok(None)
    assert not gate.token_ok("\udcff" * 32)  # undecodable bytes from a query never raise


def options(**changes: object) -> ServeOptions:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": 8000,
        "token": TOKEN,
        "token_chosen": False,
        "max_sessions": 3,
        "command": "true",
    }
    values.update(changes)
    return ServeOptions(**values)  # type: ignore[arg-type]


def test_options_refuse_what_would_expose_the_log() -> None:
    with pytest.raises(ServeError, match="--token"):
        options(host="0.0.0.0")
    with pytest.raises(ServeError, match="--public-url"):
        options(host="0.0.0.0", token_chosen=True)
    assert options(host="192.168.1.20", token_chosen=True).address == "http://192.168.1.20:8000"
    exposed = options(host="0.0.0.0", token_chosen=True, public_url="https://gym.example.org")
    assert exposed.address == "https://gym.example.org"
    with pytest.raises(ServeError, match="16 characters"):
        options(token="short", token_chosen=True)
    with pytest.raises(ServeError, match="port"):
        options(port=70000)
    with pytest.raises(ServeError, match="max-sessions"):
        options(max_sessions=0)


def test_the_address_shown_brackets_ipv6_and_prefers_the_public_url() -> None:
    assert options(host="::1").address == "http://[::1]:8000"
    assert options(public_url="https://gym.example.org/").address == "https://gym.example.org"


def test_each_tab_runs_this_interpreters_glutetui_on_the_same_config_dir() -> None:
    command = app_command("/home/a b/config")
    assert command.startswith("exec ")
    assert "-m glutetui --config-dir '/home/a b/config'" in command


def test_the_server_itself_never_imports_textual() -> None:
    import subprocess
    import sys

    check = (
        "import sys, glutetui.webserve, glutetui.cli.serve_cmd\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert not loaded, loaded[:5]"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

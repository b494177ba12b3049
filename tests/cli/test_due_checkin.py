"""``glutetui due`` counts a waiting next-morning check-in as something due, in its one line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from glutetui.cli.due_cmd import CHECKIN_DUE, NO_PROGRAMME
from tests.cli.runner import ok, run
from tests.cli.test_programme_commands import follow, train


def test_a_waiting_checkin_is_due_without_a_programme(isolated_config: Path) -> None:
    train(isolated_config, date.today() - timedelta(days=1))
    done = run("due")
    assert (done.returncode, done.stdout) == (0, CHECKIN_DUE + "\n"), done.stderr
    ok("checkin", "--pain", "2", "--compared", "same")  # answered: the cache key moves on
    done = run("due")
    assert (done.returncode, done.stdout) == (1, NO_PROGRAMME + "\n"), done.stderr


def test_the_checkin_joins_the_programmes_line(isolated_config: Path) -> None:
    yesterday = date.today() - timedelta(days=1)
    follow(isolated_config, yesterday)
    train(isolated_config, yesterday)
    done = run("due")
    assert done.returncode == 0, done.stderr
    first, rest = done.stdout.rstrip("\n").split("; ", 1)
    assert first == CHECKIN_DUE
    assert "1 of 3 done this week" in rest
    assert "\n" not in done.stdout.rstrip("\n")


def test_with_coaching_off_no_checkin_is_due(isolated_config: Path) -> None:
    train(isolated_config, date.today() - timedelta(days=1))
    (isolated_config / "settings.toml").write_text("coaching = false\n", "utf-8")
    done = run("due")
    assert (done.returncode, done.stdout) == (1, NO_PROGRAMME + "\n"), done.stderr

"""Pain zones and next-morning check-in files."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui.coach import checkins
from glutetui.coach.checkins import CheckIn, CheckInError, CheckIns, due_checkin
from glutetui.coach.zones import describe_pain, pain_zone, zones
from glutetui.paths import Paths
from glutetui.settings import Settings, parse_settings

S = Settings()


@pytest.mark.parametrize(
    ("pain", "zone", "words"),
    [
        (0, "green", "fine"),
        (3, "green", "fine"),
        (4, "amber", "acceptable"),
        (5, "amber", "acceptable"),
        (6, "red", "too much"),
        (10, "red", "too much"),
    ],
)
def test_default_zones(pain: int, zone: str, words: str) -> None:
    found = pain_zone(pain, S)
    assert (found.id, found.words) == (zone, words)
    assert describe_pain(pain, S) == f"pain {pain} – {words}"


def test_zone_limits_from_settings_and_labels() -> None:
    custom = Settings(pain_amber_from=3, pain_red_from=8)
    assert [z.label for z in zones(custom)] == ["fine (0–2)", "acceptable (3–7)", "too much (8–10)"]
    # Crossed limits leave the amber zone empty rather than failing.
    assert [z.id for z in zones(Settings(pain_amber_from=7, pain_red_from=5))] == ["green", "red"]


@pytest.mark.parametrize("bad", [-1, 11, True, 2.5])
def test_pain_outside_the_scale_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        pain_zone(bad, S)  # type: ignore[arg-type]


def test_settings_keys_are_checked() -> None:
    loaded = parse_settings({"coaching": "no", "pain_red_from": 11, "pain_amber_from": 3})
    assert loaded.settings.coaching is True and loaded.settings.pain_red_from == 6
    assert loaded.settings.pain_amber_from == 3 and len(loaded.notices) == 2


WHEN = datetime(2026, 11, 29, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def test_round_trip_owner_only(paths: Paths) -> None:
    one = CheckIn(when=WHEN, pain=3, compared="better", follows="20261128T170000-abc123")
    skipped = CheckIn(when=WHEN + timedelta(days=1), pain=None, compared=None, skipped=True)
    path = checkins.save(paths, one, durable=False)
    checkins.save(paths, skipped, durable=False)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    found = checkins.read_all(paths)
    assert found.items == (skipped, one) and not found.problems
    assert found.after("20261128T170000-abc123") == one


@given(
    st.integers(0, 10),
    st.sampled_from(["better", "same", "worse"]),
    st.booleans(),
    st.datetimes(timezones=st.just(UTC)),
)
def test_any_checkin_reads_back(pain: int, compared: str, sharp: bool, when: datetime) -> None:
    import tomllib

    one = CheckIn(when=when, pain=pain, compared=compared, sharp=sharp)  # type: ignore[arg-type]
    assert checkins.from_mapping(tomllib.loads(checkins.to_bytes(one).decode())) == one


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("format = 1\nwhen = 2026-11-29T07:00:00Z\npain = 11\ncompared = 'same'\n", "pain must"),
        ("format = 1\nwhen = 2026-11-29T07:00:00Z\npain = 2\ncompared = 'meh'\n", "compared must"),
        ("format = 1\nwhen = 2026-11-29T07:00:00\npain = 2\ncompared = 'same'\n", "time zone"),
        ("format = 2\nwhen = 2026-11-29T07:00:00Z\n", "format must be 1"),
        ("format = 1\nwhen = 2026-11-29T07:00:00Z\nskipped = true\npain = 1\n", "skipped"),
        (
            "format = 1\nwhen = 2026-11-29T07:00:00Z\npain = 1\ncompared = 'same'\nx = 1\n",
            "unknown",
        ),
        (
            "format = 1\nwhen = 2026-11-29T07:00:00Z\npain = 1\ncompared = 'same'\nfollows = '../x'\n",
            "follows",
        ),
        ("not toml = = =", "not valid TOML"),
    ],
)
def test_bad_files_are_reported_and_left_alone(paths: Paths, text: str, reason: str) -> None:
    good = CheckIn(when=WHEN, pain=1, compared="same")
    checkins.save(paths, good, durable=False)
    bad = checkins.folder(paths) / "20261129T000000-000000.toml"
    bad.write_text(text)
    found = checkins.read_all(paths)
    assert found.items == (good,)
    assert [p.path for p in found.problems] == [bad] and reason in found.problems[0].reason
    assert bad.read_text() == text


def test_a_checkin_that_makes_no_sense_cannot_be_built() -> None:
    with pytest.raises(CheckInError, match="pain must"):
        CheckIn(when=WHEN, pain=None, compared="same")


DAY = timedelta(days=1)


def test_due_once_the_day_after_a_session() -> None:
    now = datetime(2026, 11, 29, 8, 0).astimezone()
    yesterday = [("s1", now - DAY)]
    assert due_checkin(yesterday, CheckIns(), now) == "s1"
    assert due_checkin([("s1", now - timedelta(minutes=5))], CheckIns(), now) is None
    assert due_checkin([("s1", now - 4 * DAY)], CheckIns(), now) is None
    assert due_checkin([], CheckIns(), now) is None
    answered = CheckIns((CheckIn(when=now - DAY / 2, pain=1, compared="same", follows="s1"),))
    assert due_checkin(yesterday, answered, now) is None
    skipped_today = CheckIns((CheckIn(when=now, pain=None, compared=None, skipped=True),))
    assert due_checkin(yesterday, skipped_today, now) is None

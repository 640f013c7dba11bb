"""Focus options: --since/--until (a period), --about (words), --max-meetings (the most reported)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from briefgen import cli
from briefgen.cli import main
from briefgen.model import Meeting, Person
from briefgen.pipeline import BuildOptions, focus
from tests.test_cache import generated_corpus


def meeting(day, title="Talks", location=None, people=(), sources=1, end=None) -> Meeting:
    return Meeting(
        id=f"{day}-{title}",
        date=dt.date.fromisoformat(day),
        end_date=dt.date.fromisoformat(end) if end else None,
        title=title,
        location=location,
        participants=tuple(Person(name, role) for name, role in people),
        sources=tuple(f"{day}-{i}" for i in range(sources)),
    )


def kept(meetings, **options) -> list[str]:
    return [m.id for m in focus(meetings, BuildOptions(**options))]


# ---------------------------------------------------------------- since and until

PERIOD = [
    meeting("2020-01-01"),
    meeting("2020-06-30"),
    meeting("2020-07-01"),
    meeting("2020-06-27", title="Summit", end="2020-07-02"),
    meeting("2021-01-01"),
]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2020-06-30", "2020-12-31", ["2020-06-30-Talks", "2020-07-01-Talks", "2020-06-27-Summit"]),
        ("2020-07-01", None, ["2020-07-01-Talks", "2020-06-27-Summit", "2021-01-01-Talks"]),
        (None, "2020-06-29", ["2020-01-01-Talks", "2020-06-27-Summit"]),
        ("2020-07-03", "2020-12-31", []),
        (None, None, [m.id for m in PERIOD]),
    ],
)
def test_since_and_until_keep_the_meetings_that_overlap_the_period(since, until, expected):
    day = lambda value: dt.date.fromisoformat(value) if value else None  # noqa: E731
    assert kept(PERIOD, since=day(since), until=day(until)) == expected


# ---------------------------------------------------------------- about

ABOUT = [
    meeting("2021-01-01", "Leaders discuss grain exports", "Oslo", [("Ingrid Haugland", "Prime Minister")]),
    meeting("2021-02-01", "Talks in the capital", "Nairobi", [("Grace Nyambura", "Kenyan President")]),
    meeting("2021-03-01", "Phone call", None, [("Valentina Sepúlveda", "President of Chile")]),
    meeting("2021-04-01", "Visit", "Lima", [("Rosa Quispe", None)]),
]


@pytest.mark.parametrize(
    ("about", "expected"),
    [
        ("nyambura", ["2021-02-01"]),  # a participant's name, any case
        ("NYAMBURA", ["2021-02-01"]),
        ("Sepulveda", ["2021-03-01"]),  # accents ignored
        ("Kenya", ["2021-02-01"]),  # the country a role names ("Kenyan President")
        ("chile", ["2021-03-01"]),
        ("oslo", ["2021-01-01"]),  # a place
        ("grain", ["2021-01-01"]),  # a word of the title
        ("Atlantis Lima", ["2021-04-01"]),  # any of the words
        ("Quispe Haugland", ["2021-01-01", "2021-04-01"]),
        ("prime minister", ["2021-01-01"]),  # a role
        ("Nyamb", []),  # whole words only
        ("the of", []),  # stop words match nothing
    ],
)
def test_about_keeps_meetings_whose_title_place_or_people_name_a_word(about, expected):
    assert [i[:10] for i in kept(ABOUT, about=about)] == expected


# ---------------------------------------------------------------- max meetings

RANKED = [
    meeting("2020-01-01", sources=1),
    meeting("2020-02-01", sources=5),
    meeting("2020-03-01", sources=3),
    meeting("2020-04-01", sources=5),
    meeting("2020-05-01", sources=2),
]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (2, ["2020-02-01", "2020-04-01"]),  # the most sources, back in date order
        (1, ["2020-04-01"]),  # a tie goes to the later meeting
        (3, ["2020-02-01", "2020-03-01", "2020-04-01"]),
        (10, ["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01"]),
    ],
)
def test_max_meetings_keeps_the_most_reported_in_date_order(n, expected):
    assert [i[:10] for i in kept(RANKED, max_meetings=n)] == expected


def test_max_meetings_counts_after_the_period_is_applied():
    since = dt.date(2020, 4, 15)
    assert [i[:10] for i in kept(RANKED, since=since, max_meetings=1)] == ["2020-05-01"]


# ---------------------------------------------------------------- the command line


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generated_corpus(tmp_path_factory.mktemp("focus") / "corpus", 40)


def build(corpus, tmp_path, *flags) -> dict:
    out = tmp_path / "out"
    args = ["build", str(corpus), "-o", str(out), "--format", "json", "-q", "--no-cache", *flags]
    assert main(args) == 0
    return json.loads((out / "brief.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def full(corpus, tmp_path_factory):
    return build(corpus, tmp_path_factory.mktemp("full"))


def _cited(brief: dict) -> set[str]:
    return {source for m in brief["meetings"] for source in m["sources"]}


def test_since_until_on_the_command_line(corpus, full, tmp_path):
    brief = build(corpus, tmp_path, "--since", "2021", "--until", "2022-06")
    expected = [
        m["id"]
        for m in full["meetings"]
        if (m["end_date"] or m["date"]) >= "2021-01-01" and m["date"] <= "2022-06-30"
    ]
    assert expected and len(expected) < len(full["meetings"])
    assert [m["id"] for m in brief["meetings"]] == expected
    assert {a["id"] for a in brief["articles"]} == _cited(brief)  # only the articles the meetings cite


def test_about_on_the_command_line(corpus, full, tmp_path):
    people = [p["name"] for m in full["meetings"] for p in m["participants"]]
    surname = max(sorted(set(people)), key=people.count).split()[-1]
    brief = build(corpus, tmp_path, "--about", surname.upper())

    def names_it(m: dict) -> bool:
        people = " ".join(f"{p['name']} {p['role'] or ''}" for p in m["participants"])
        return surname.lower() in re.findall(r"\w+", f"{m['title']} {m['location']} {people}".lower())

    expected = [m["id"] for m in full["meetings"] if names_it(m)]
    assert [m["id"] for m in brief["meetings"]] == expected
    named = [m for m in full["meetings"] if any(p["name"].endswith(surname) for p in m["participants"])]
    assert named and {m["id"] for m in named} <= {m["id"] for m in brief["meetings"]}


def test_max_meetings_on_the_command_line(corpus, full, tmp_path):
    brief = build(corpus, tmp_path, "--max-meetings", "3")
    assert len(brief["meetings"]) == 3
    kept_ids = {m["id"] for m in brief["meetings"]}
    dropped = [len(m["sources"]) for m in full["meetings"] if m["id"] not in kept_ids]
    assert min(len(m["sources"]) for m in brief["meetings"]) >= max(dropped)
    assert [m["date"] for m in brief["meetings"]] == sorted(m["date"] for m in brief["meetings"])


@pytest.mark.parametrize(
    "flags",
    [
        ["--since", "2022", "--until", "2021"],
        ["--since", "last week"],
        ["--max-meetings", "0"],
        ["--jobs", "-1"],
    ],
)
def test_bad_focus_options_are_refused(corpus, tmp_path, flags, capsys):
    args = ["build", str(corpus), "-o", str(tmp_path / "out"), "--format", "json", "-q", "--no-cache", *flags]
    try:
        code = main(args)
    except SystemExit as exit:  # argparse refuses what it cannot parse
        code = exit.code
    assert code == 2
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("value", "since", "until"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2023-05-17", "2023-05-17", "2023-05-17"),
    ],
)
def test_a_year_or_a_month_stands_for_its_first_or_last_day(value, since, until):
    assert cli._since(value) == dt.date.fromisoformat(since)
    assert cli._until(value) == dt.date.fromisoformat(until)

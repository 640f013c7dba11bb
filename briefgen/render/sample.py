"""A small made-up brief that uses every part of the template context, for checking templates.

`briefgen templates check` renders it through a templates folder: two dated meetings (one over two
days), principals and people also present, direct and reported quotes, agreements with parties,
sources with and without a web address, a file left out, names in Cyrillic and Chinese, and text
that looks like markup. The places, people and outlets are invented.
"""

from __future__ import annotations

import datetime as dt

from briefgen.model import Agreement, Article, Brief, Fact, Meeting, Person, Problem, Quote, QuoteKind, Span

# A 1x1 PNG, written to a temporary file when a check needs a logo.
SAMPLE_LOGO_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101001810dd8f0000000049454e44ae426082"
)


def _article(n: int, title: str, published: dt.date, outlet: str | None, url: str | None) -> Article:
    text = f"{title}. Sample article text."
    return Article(
        id=f"sample-{n}",
        path=f"sample/{n}.txt",
        title=title,
        text=text,
        paragraphs=((0, len(text)),),
        outlet=outlet,
        url=url,
        published=published,
    )


def _span(n: int) -> tuple[Span, ...]:
    return (Span(f"sample-{n}", 0, 10),)


def sample_brief() -> Brief:
    """The sample brief (the same every time)."""
    articles = (
        _article(
            1,
            "Ministers meet in Rivertown",
            dt.date(2024, 3, 5),
            "The Sample Herald",
            "https://example.org/1",
        ),
        _article(2, "Trade talks end with a protocol", dt.date(2024, 4, 3), None, "sample/2.txt"),
        _article(3, "Background: a decade of talks", dt.date(2024, 4, 4), "Sample Wire", None),
    )
    first = Meeting(
        id="2024-03-05-rivertown",
        date=dt.date(2024, 3, 5),
        title="Foreign ministers meet in Rivertown",
        location="Rivertown",
        participants=(
            Person("Ada Sample", "Foreign Minister of Northland"),
            Person("Пётр Образцов", "Foreign Minister of Southland"),
            Person("Ben Example", "Deputy Minister", principal=False),
        ),
        sources=("sample-1",),
        facts=(
            Fact("The ministers discussed trade, energy & R&D cooperation.", _span(1)),
            Fact("Talks lasted <b>three</b> hours; {{ not a tag }} and {% neither %} ]]>", _span(1)),
        ),
        quotes=(
            Quote("We have opened a new chapter.", "Ada Sample", QuoteKind.DIRECT, "said", _span(1)),
            Quote(
                "cooperation would deepen in the years ahead.",
                "Пётр Образцов",
                QuoteKind.REPORTED,
                "said",
                _span(1),
                speaker_role="Foreign Minister of Southland",
            ),
            Quote("Nobody knows who said this.", None, QuoteKind.DIRECT, None, _span(1)),
        ),
        agreements=(
            Agreement(
                "Memorandum on energy",
                "The two ministers signed a memorandum on energy and a plan on trade.",
                "signed",
                _span(1),
                parties=("Northland", "Southland"),
                fields=("energy",),
            ),
            Agreement(
                "Plan on trade",
                "The two ministers signed a memorandum on energy and a plan on trade.",
                "signed",
                _span(1),
            ),
        ),
    )
    second = Meeting(
        id="2024-04-02-lakeside",
        date=dt.date(2024, 4, 2),
        end_date=dt.date(2024, 4, 3),
        title="Trade talks at Lakeside",
        location=None,
        participants=(Person("王小明", "Trade Minister"), Person("Ada Sample", None)),
        sources=("sample-2", "sample-3"),
        facts=(Fact("Both sides agreed to a protocol on tariffs.", _span(2)),),
        quotes=(),
        agreements=(
            Agreement("Tariff protocol", "Tariff protocol", "proposed", _span(2), date=dt.date(2024, 4, 3)),
        ),
    )
    return Brief(
        title="Northland – Southland relations",
        subject="Northland – Southland",
        generated_at=dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.UTC),
        articles=articles,
        meetings=(first, second),
        problems=(
            Problem("sample/unreadable.pdf", "not a text file"),
            Problem("sample/3.txt", "no date found", fatal=False),
        ),
    )


def empty_brief() -> Brief:
    """A brief without meetings or articles, for the templates' "nothing found" branches."""
    return Brief(
        title="Sample without meetings",
        subject="Nothing to report",
        generated_at=dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.UTC),
        articles=(),
        meetings=(),
    )

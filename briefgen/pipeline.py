"""The orchestrator: read -> per-article extraction (dates, place, people, quotes, agreements, facts)
-> group into meetings -> Brief. It gathers everything and writes nothing; renderers write files."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefgen.corpus import read_corpus
from briefgen.errors import UsageError
from briefgen.extract import extract_article
from briefgen.meetings import group_meetings
from briefgen.model import Article, Brief, Extraction, Meeting, Problem
from briefgen.people import country_of


@dataclass(frozen=True)
class BuildOptions:
    title: str | None = None


def build_brief(corpus: Path, options: BuildOptions = BuildOptions()) -> Brief:
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: no such folder (give the folder that holds the articles)")
    articles, problems = read_corpus(corpus)
    extractions = [extract_article(article) for article in articles]
    return assemble_brief(extractions, problems, options)


def assemble_brief(
    extractions: list[Extraction], problems: Iterable[Problem], options: BuildOptions
) -> Brief:
    problems = list(problems) + _undated(extractions)
    meetings = group_meetings(extractions)
    subject = _subject(meetings)
    articles = tuple(sorted((e.article for e in extractions), key=_article_order))
    return Brief(
        title=options.title or (f"Briefing: {subject}" if subject else "Briefing"),
        generated_at=_now(),
        articles=articles,
        meetings=tuple(meetings),
        problems=tuple(problems),
        subject=subject,
    )


def _article_order(article: Article) -> tuple[dt.date, str]:
    return (article.published or dt.date.max, article.id)


def _undated(extractions: list[Extraction]) -> list[Problem]:
    return [
        Problem(e.article.path, "no date found: the article is not placed in the chronology", fatal=False)
        for e in extractions
        if e.event_date is None and e.article.published is None
    ]


def _subject(meetings: list[Meeting]) -> str | None:
    """The relationship the corpus is about: the countries its meetings' principals most often represent."""
    counts = Counter(
        country for m in meetings for p in m.participants if p.principal and (country := country_of(p.role))
    )
    top = [country for country, _ in counts.most_common(2)]
    return " – ".join(top) if top else None


def _now() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that builds can be reproduced byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)

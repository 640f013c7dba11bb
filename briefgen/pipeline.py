"""The orchestrator: read -> per-article extraction (dates, place, people, quotes, agreements, facts)
-> group into meetings -> Brief. It gathers everything and writes nothing; renderers write files."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefgen import lexicon
from briefgen.cache import PARALLEL_MIN, Cache, Progress, default_jobs, gather_signed
from briefgen.duplicates import TextSignature, drop_duplicates
from briefgen.errors import UsageError
from briefgen.gcpause import paused_gc
from briefgen.meetings import group_meetings
from briefgen.model import Article, Brief, Extraction, Meeting, Problem
from briefgen.people import country_of
from briefgen.text import fold
from briefgen.years import infer_years


@dataclass(frozen=True)
class BuildOptions:
    title: str | None = None
    # Focus (see focus()): the meetings of a period, about some words, the most reported ones.
    since: dt.date | None = None
    until: dt.date | None = None
    about: str | None = None
    max_meetings: int | None = None
    # Speed: processes (None: all cores), cache folder (None: no cache), fewest items worth a pool.
    jobs: int | None = None
    cache: Path | None = None
    parallel_min: int = PARALLEL_MIN


def build_brief(
    corpus: Path, options: BuildOptions = BuildOptions(), progress: Progress | None = None
) -> Brief:
    """The brief of a corpus folder; PROGRESS(stage, done, total) is called as files are read and
    articles extracted (on as many processes as options.jobs, reusing options.cache)."""
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: no such folder (give the folder that holds the articles)")
    cache = Cache(options.cache) if options.cache is not None else None
    jobs = options.jobs or default_jobs()
    with paused_gc():
        extractions, signatures, problems = gather_signed(corpus, cache, jobs, options.parallel_min, progress)
        return assemble_brief(extractions, problems, options, signatures)


def assemble_brief(
    extractions: list[Extraction],
    problems: Iterable[Problem],
    options: BuildOptions,
    signatures: list[TextSignature] | None = None,
) -> Brief:
    """The brief of EXTRACTIONS; SIGNATURES, when given, are their articles' text_signature()."""
    extractions, duplicates = drop_duplicates(extractions, signatures)
    extractions, years = infer_years(extractions)
    problems = list(problems) + duplicates + years + _undated(extractions)
    meetings = group_meetings(extractions)
    if _focused(options):  # the brief then lists only the articles its meetings cite
        meetings = focus(meetings, options)
        cited = {article_id for m in meetings for article_id in m.sources}
        extractions = [e for e in extractions if e.article.id in cited]
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


def _focused(options: BuildOptions) -> bool:
    return any(v is not None for v in (options.since, options.until, options.about, options.max_meetings))


def focus(meetings: list[Meeting], options: BuildOptions) -> list[Meeting]:
    """The meetings that overlap since..until and match `about` (any of its words, in a title, a
    place, a participant's name or role or their country; case and accents ignored); then, if there
    are more than max_meetings, the ones with the most sources (the later first on a tie), in date order."""
    kept = [
        m
        for m in meetings
        if (options.since is None or (m.end_date or m.date) >= options.since)
        and (options.until is None or m.date <= options.until)
    ]
    if options.about is not None:
        wanted = _words(options.about)
        countries: dict[str | None, str] = {}  # roles repeat: look each one up once

        def about(meeting: Meeting) -> bool:
            people = [f"{p.name} {p.role or ''}" for p in meeting.participants]
            for p in meeting.participants:
                if p.role not in countries:
                    countries[p.role] = country_of(p.role) or ""
                people.append(countries[p.role])
            return bool(wanted & _words(" ".join([meeting.title, meeting.location or "", *people])))

        kept = [m for m in kept if about(m)]
    if options.max_meetings is not None and len(kept) > options.max_meetings:
        ranked = sorted(range(len(kept)), key=lambda i: (-len(kept[i].sources), -kept[i].date.toordinal()))
        kept = [kept[i] for i in sorted(ranked[: max(0, options.max_meetings)])]
    return kept


def _words(text: str) -> set[str]:
    """The words of TEXT for matching: case and accents folded, stop words left out."""
    return set(re.findall(r"\w+", fold(text))) - _STOPWORDS


_STOPWORDS = frozenset(lexicon.entries("stopwords"))


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

"""The template context: the brief's JSON form plus what every theme needs to lay it out.

The keys and their meaning are a stable contract, documented in docs/templates.md.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import briefgen
from briefgen.config import Config
from briefgen.errors import UsageError
from briefgen.model import Brief
from briefgen.render.json import brief_dict

# Agreement statuses that are not (yet) outcomes; the summary leaves them out when there are others.
TENTATIVE_STATUSES = frozenset(
    {"proposed", "discussed", "planned", "under discussion", "under negotiation", "expected", "mentioned"}
)
SUMMARY_AGREEMENTS = 10

# Headings of the body sections, by name (config.sections lists the names in order).
SECTION_TITLES = {
    "summary": "Executive summary",
    "chronology": "Chronology",
    "meetings": "Meetings",
    "agreements": "Agreements register",
    "sources": "Sources",
}


def created_at(brief: Brief) -> dt.datetime:
    """When the document was made: SOURCE_DATE_EPOCH if set (reproducible builds), else generated_at."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    stamp = brief.generated_at
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def logo_data_url(path: Path | None) -> str | None:
    """The logo embedded as a data: URL, so that no renderer has to fetch a file."""
    if path is None:
        return None
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"logo: cannot read {path}: {exc.strerror or exc}") from exc
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _cited_ids(meeting: dict[str, Any]) -> Iterable[str]:
    for key in ("facts", "quotes", "agreements"):
        for item in meeting[key]:
            yield from item["sources"]
    yield from meeting["sources"]


def source_list(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Articles numbered in order of first citation going through the meetings (facts, quotes,
    agreements, then the meeting's own sources); articles never cited come last, in corpus order."""
    order: dict[str, None] = {}
    for meeting in data["meetings"]:
        for article_id in _cited_ids(meeting):
            order.setdefault(article_id, None)
    for article in data["articles"]:
        order.setdefault(article["id"], None)
    by_id = {a["id"]: a for a in data["articles"]}
    sources = []
    for article_id in order:
        article = by_id.get(article_id)
        if article is None:  # cited but not among the articles: keep the number, show the id
            article = {
                "id": article_id,
                "title": article_id,
                "outlet": None,
                "published": None,
                "url": None,
                "path": None,
            }
        sources.append({"n": len(sources) + 1, **article})
    return sources


def make_cite(numbers: dict[str, int]) -> Callable[[Any], list[int]]:
    """cite(ids) -> the sorted source numbers of one id or a list of ids (unknown ids are skipped)."""

    def cite(ids: Any) -> list[int]:
        if ids is None:
            return []
        if isinstance(ids, str):
            ids = [ids]
        return sorted({numbers[i] for i in ids if i in numbers})

    return cite


def _meeting_ref(meeting: dict[str, Any]) -> dict[str, Any]:
    return {
        "meeting_id": meeting["id"],
        "meeting_date": meeting["date"],
        "meeting_end_date": meeting["end_date"],
        "meeting_title": meeting["title"],
        "meeting_location": meeting["location"],
    }


def template_context(brief: Brief, config: Config) -> dict[str, Any]:
    """Everything a template is given (see docs/templates.md)."""
    data = brief_dict(brief)
    sources = source_list(data)
    numbers = {s["id"]: s["n"] for s in sources}

    register = [
        {**agreement, **_meeting_ref(meeting)}
        for meeting in data["meetings"]
        for agreement in meeting["agreements"]
    ]
    outcomes = [a for a in register if a["status"].strip().lower() not in TENTATIVE_STATUSES]
    headline_facts = [
        {**meeting["facts"][0], **_meeting_ref(meeting)} for meeting in data["meetings"] if meeting["facts"]
    ]
    created = created_at(brief)
    return {
        "brief": data,
        "config": {
            "title": config.title or brief.title,
            "subject": config.subject or brief.subject,
            "organisation": config.organisation,
            "marking": config.marking,
            "primary_colour": config.primary_colour,
            "accent_colour": config.accent_colour,
            "logo": logo_data_url(config.logo),
            "sections": list(config.sections),
            "theme": config.theme,
        },
        "document": {
            "created": created.isoformat(timespec="seconds"),
            "prepared": created.date().isoformat(),
            "generator": f"briefgen {briefgen.__version__}",
        },
        "section_titles": dict(SECTION_TITLES),
        "sources": sources,
        "source_numbers": numbers,
        "cite": make_cite(numbers),
        "summary": {
            "meeting_count": len(data["meetings"]),
            "article_count": len(data["articles"]),
            "period": data.get("period"),
            "agreements": (outcomes or register)[:SUMMARY_AGREEMENTS],
            "agreement_count": len(register),
            "facts": headline_facts,
        },
        "agreements_register": register,
    }

"""The brief as JSON: the contract of brief.schema.json, and the data every template is given."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from briefgen.model import Agreement, Article, Brief, Fact, Meeting, Person, Quote, Span

SCHEMA_VERSION = 1


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _source_ids(spans: tuple[Span, ...]) -> list[str]:
    return list(dict.fromkeys(span.article_id for span in spans))


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [{"article": s.article_id, "start": s.start, "end": s.end} for s in spans]


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": _day(article.published),
        "path": article.path,
        "url": article.url,
    }


def person_dict(person: Person) -> dict[str, Any]:
    return {"name": person.name, "role": person.role, "principal": person.principal}


def quote_dict(quote: Quote) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "speaker_role": quote.speaker_role,
        "text": quote.text,
        "kind": quote.kind.value,
        "cue": quote.cue,
        "sources": _source_ids(quote.sources),
        "spans": _spans(quote.sources),
    }


def agreement_dict(agreement: Agreement) -> dict[str, Any]:
    return {
        "title": agreement.title,
        "text": agreement.text,
        "status": agreement.status,
        "parties": list(agreement.parties),
        "fields": list(agreement.fields),
        "date": _day(agreement.date),
        "sources": _source_ids(agreement.sources),
        "spans": _spans(agreement.sources),
    }


def fact_dict(fact: Fact) -> dict[str, Any]:
    return {"text": fact.text, "sources": _source_ids(fact.sources), "spans": _spans(fact.sources)}


def meeting_dict(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "date": meeting.date.isoformat(),
        "end_date": _day(meeting.end_date),
        "title": meeting.title,
        "location": meeting.location,
        "participants": [person_dict(p) for p in meeting.participants],
        "sources": list(meeting.sources),
        "partial_sources": list(meeting.partial_sources),
        "facts": [fact_dict(f) for f in meeting.facts],
        "quotes": [quote_dict(q) for q in meeting.quotes],
        "agreements": [agreement_dict(a) for a in meeting.agreements],
    }


def brief_dict(brief: Brief) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "title": brief.title,
        "subject": brief.subject,
        "generated_at": brief.generated_at.isoformat(timespec="seconds"),
        "articles": [article_dict(a) for a in brief.articles],
        "meetings": [meeting_dict(m) for m in brief.meetings],
        "not_included": [{"path": p.path, "problem": p.message} for p in brief.problems if p.fatal],
        "warnings": [{"path": p.path, "problem": p.message} for p in brief.problems if not p.fatal],
    }
    if brief.period:
        data["period"] = {"start": _day(brief.period[0]), "end": _day(brief.period[1])}
    return data


def render_json(brief: Brief) -> str:
    return json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) + "\n"

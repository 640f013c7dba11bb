"""The brief as JSON: the contract of brief.schema.json, and the data every template is given."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefgen.gcpause import paused_gc
from briefgen.model import Agreement, Article, Brief, Fact, Meeting, Person, Quote, Span
from briefgen.render.write import write_atomic

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
    return {
        name: list(value) if isinstance(value, Iterator) else value
        for name, value in _brief_items(brief).items()
    }


def _brief_items(brief: Brief) -> dict[str, Any]:
    """brief_dict(), with its two long lists (articles, meetings) as iterators, made as they are written."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "title": brief.title,
        "subject": brief.subject,
        "generated_at": brief.generated_at.isoformat(timespec="seconds"),
        "articles": map(article_dict, brief.articles),
        "meetings": map(meeting_dict, brief.meetings),
        "not_included": [{"path": p.path, "problem": p.message} for p in brief.problems if p.fatal],
        "warnings": [{"path": p.path, "problem": p.message} for p in brief.problems if not p.fatal],
    }
    if brief.period:
        data["period"] = {"start": _day(brief.period[0]), "end": _day(brief.period[1])}
    return data


def render_json(brief: Brief) -> str:
    return "".join(json_chunks(brief))


def write_json(brief: Brief, path: Path) -> None:
    """render_json(brief) written to PATH atomically, piece by piece: the whole text is never in memory."""
    with paused_gc():  # millions of short-lived strings and dicts, no cycles: see gcpause.py
        write_atomic(path, json_chunks(brief))


def json_chunks(brief: Brief) -> Iterator[str]:
    """The text of json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) and a newline, in
    pieces of an article or a meeting each. Written here rather than by json.dumps, which with an
    indent runs its pure-Python encoder: several times slower, and it holds every piece at once."""
    yield from _streamed(_brief_items(brief), "")
    yield "\n"


def _streamed(value: Any, indent: str) -> Iterator[str]:
    inner = indent + _INDENT
    if isinstance(value, Iterator):  # a long list, an item at a time
        empty = True
        for item in value:
            yield ("[\n" if empty else ",\n") + inner + _text(item, inner)
            empty = False
        yield "[]" if empty else "\n" + indent + "]"
    elif isinstance(value, dict) and any(isinstance(item, Iterator) for item in value.values()):
        opening = "{\n"
        for key, item in value.items():
            yield f"{opening}{inner}{_string(key)}: "
            yield from _streamed(item, inner)
            opening = ",\n"
        yield "\n" + indent + "}"
    else:
        yield _text(value, indent)


def _text(value: Any, indent: str) -> str:
    """VALUE as json.dumps(value, ensure_ascii=False, indent=2) writes it at the depth of INDENT.

    A brief of thousands of meetings holds millions of values: the commonest (text, nothing, whole
    numbers) are written in the loops, without a call each."""
    kind = type(value)
    if kind is str:
        return _encode_string(value)
    if kind is dict or kind is list or kind is tuple:
        if not value:
            return "{}" if kind is dict else "[]"
        inner = indent + _INDENT
        items = []
        for key, item in value.items() if kind is dict else enumerate(value):
            item_kind = type(item)
            if item_kind is str:
                text = _encode_string(item)
            elif item is None:
                text = "null"
            elif item_kind is int:
                text = int.__repr__(item)
            else:
                text = _text(item, inner)
            items.append(f"{_string(key)}: {text}" if kind is dict else text)
        if kind is dict:
            return "{\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "}"
        return "[\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "]"
    if isinstance(value, dict):  # a subclass (an OrderedDict...): written as its plain type is
        return _text(dict(value), indent)
    if isinstance(value, (list, tuple)):
        return _text(list(value), indent)
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _encode_string(value)
    if value is None or isinstance(value, bool):
        return _CONSTANTS[value]
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _string(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a JSON key or string must be text, not {type(key).__name__}")
    return _encode_string(key)


_INDENT = "  "
_CONSTANTS = {None: "null", True: "true", False: "false"}
_encode_string = json.encoder.encode_basestring  # ensure_ascii=False: as json.dumps writes strings

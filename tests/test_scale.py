"""What makes a rebuild of a large corpus cheap stays correct: duplicate signatures cached with the
extractions, the brief's JSON written piece by piece, follow-up agreements looked up in an index."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from briefgen import cache as cache_module
from briefgen import duplicates
from briefgen.cache import Cache, gather_signed
from briefgen.duplicates import TextSignature, drop_duplicates, text_signature
from briefgen.meetings import _follow_up_agreements
from briefgen.model import Agreement, Brief, Meeting, Person, Problem, Span
from briefgen.pipeline import BuildOptions, build_brief
from briefgen.render.json import brief_dict, render_json, write_json
from tests.test_cache import generated_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generated_corpus(tmp_path_factory.mktemp("scale") / "corpus", 40)


# ---------------------------------------------------------------- duplicate signatures


def test_a_rebuild_takes_the_duplicate_signatures_from_the_cache(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    options = BuildOptions(cache=tmp_path / "cache")
    first = render_json(build_brief(corpus, options))

    def refuse(article):
        raise AssertionError(f"signature made again: {article.id}")

    monkeypatch.setattr(cache_module, "text_signature", refuse)
    monkeypatch.setattr(duplicates, "text_signature", refuse)
    assert render_json(build_brief(corpus, options)) == first


def test_cached_signatures_are_the_signatures_of_the_articles(corpus, tmp_path):
    for cache in (None, Cache(tmp_path / "cache"), Cache(tmp_path / "cache")):  # none, cold, warm
        extractions, signatures, _ = gather_signed(corpus, cache)
        assert signatures == [text_signature(e.article) for e in extractions]
        assert drop_duplicates(extractions, signatures) == drop_duplicates(extractions)


@pytest.mark.parametrize(
    ("field", "bad"), [("shingles", 12), ("shingles", "not base64!"), ("shingles", "AAA="), ("minhash", "0f")]
)
def test_a_bad_signature_in_an_entry_makes_it_a_miss(corpus, tmp_path, field, bad):
    extractions, signatures, _ = gather_signed(corpus, Cache(tmp_path / "cache"))
    entry = sorted((tmp_path / "cache").rglob("articles/*/*.json"))[0]
    data = json.loads(entry.read_bytes())
    data["signature"][field] = bad
    entry.write_text(json.dumps(data), encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    assert gather_signed(corpus, cache)[:2] == (extractions, signatures)
    assert cache.stats.corrupt == 1 and cache.stats.article_misses == 1


def test_a_signature_is_small_and_keeps_no_text(corpus):
    extractions, signatures, _ = gather_signed(corpus)
    for extraction, signature in zip(extractions, signatures, strict=True):
        assert isinstance(signature, TextSignature)
        assert len(signature.minhash) in (0, duplicates.SLOTS * 9)
        assert len(json.dumps(cache_module.encode(signature))) < len(extraction.article.text) + 1000


# ---------------------------------------------------------------- the brief as JSON


def _odd_brief() -> Brief:
    """Empty lists, missing values, quotes, control characters and non-Latin text."""
    span = Span("a-1", 0, 5)
    meeting = Meeting(
        id="2024-01-02-x",
        date=dt.date(2024, 1, 2),
        title='Talks "in" Kyiv \\ Київ\t\u2028',
        location=None,
        participants=(Person("Ана Коста", None, True),),
        sources=("a-1",),
        agreements=(Agreement("Memorandum", "text\n", "signed", (span, span)),),
    )
    return Brief(
        title="Briefing: 北京",
        generated_at=dt.datetime(2024, 1, 3, 4, 5, 6, tzinfo=dt.UTC),
        articles=(),
        meetings=(meeting, dataclasses.replace(meeting, id="b", participants=(), sources=())),
        problems=(Problem("a.txt", "empty file"), Problem("b.txt", "no date", fatal=False)),
    )


def _empty_brief() -> Brief:
    return Brief("Briefing", dt.datetime(2024, 1, 3, tzinfo=dt.UTC), (), ())


@pytest.mark.parametrize("make", [_odd_brief, _empty_brief])
def test_the_json_is_what_json_dumps_writes(make):
    brief = make()
    assert render_json(brief) == json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) + "\n"


def test_the_json_of_a_generated_corpus_is_what_json_dumps_writes(corpus, tmp_path):
    brief = build_brief(corpus)
    expected = json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) + "\n"
    assert render_json(brief) == expected
    write_json(brief, tmp_path / "brief.json")
    assert (tmp_path / "brief.json").read_bytes() == expected.encode("utf-8")


def test_a_json_write_that_fails_midway_leaves_the_old_file(monkeypatch, tmp_path):
    from briefgen.render import json as render_json_module

    target = tmp_path / "brief.json"
    target.write_text("old", encoding="utf-8")
    brief = _odd_brief()
    real = render_json_module.meeting_dict
    made = []

    def fail_on_the_second(meeting):
        made.append(meeting)
        if len(made) == 2:
            raise RuntimeError("failed while writing")
        return real(meeting)

    monkeypatch.setattr(render_json_module, "meeting_dict", fail_on_the_second)
    with pytest.raises(RuntimeError):
        write_json(brief, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]


# ---------------------------------------------------------------- agreements mentioned again


def _meeting(day: int, leader: str, agreement: Agreement) -> Meeting:
    return Meeting(
        id=f"m{day}",
        date=dt.date(2024, 1, 1) + dt.timedelta(days=day),
        title=f"Talks {day}",
        location=None,
        participants=(Person(leader), Person("Olaf Weber")),
        sources=(f"a{day}",),
        agreements=(agreement,),
    )


def _agreement(day: int, status: str = "signed") -> Agreement:
    return Agreement("Joint statement on rail cooperation", "text", status, (Span(f"a{day}", 0, 4),))


def test_an_agreement_recalled_within_a_week_is_merged_and_one_later_is_not():
    meetings = [
        _meeting(0, "Ana Costa", _agreement(0)),
        _meeting(5, "Ana Costa", _agreement(5)),  # recalled five days on: the same statement
        _meeting(20, "Ana Costa", _agreement(20)),  # three weeks on: another one
    ]
    result = _follow_up_agreements(meetings)
    assert [len(m.agreements) for m in result] == [1, 0, 1]
    assert [s.article_id for s in result[0].agreements[0].sources] == ["a0", "a5"]


def test_a_follow_up_long_after_updates_the_agreement_signed():
    meetings = [
        _meeting(0, "Ana Costa", _agreement(0)),
        *[_meeting(day, "Someone Else", _agreement(day, "announced")) for day in range(30, 60, 10)],
        _meeting(400, "Ana Costa", _agreement(400, "will take effect")),
    ]
    result = _follow_up_agreements(meetings)
    assert result[-1].agreements == ()
    assert result[3].agreements[0].status == "announced; will take effect"  # the latest match


# ---------------------------------------------------------------- the garbage collector


def test_a_build_pauses_the_collector_and_leaves_it_as_it_was(corpus, monkeypatch):
    import gc

    seen = []
    real = cache_module.gather_signed

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr("briefgen.pipeline.gather_signed", spy)
    assert gc.isenabled()
    build_brief(corpus)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        build_brief(corpus)
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_the_collector_comes_back_after_an_error():
    import gc

    from briefgen.gcpause import paused_gc

    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        raise RuntimeError("stop")
    assert gc.isenabled()

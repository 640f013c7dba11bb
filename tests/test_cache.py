"""The extraction cache: JSON entries that round-trip, hits, misses after an edit, invalidation when
briefgen's version or lexicons change, corrupt entries ignored and rewritten, reading as read_corpus."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import briefgen
from briefgen import cache as cache_module
from briefgen.cache import Cache, decode, encode, fingerprint, gather
from briefgen.cli import main
from briefgen.corpus import read_corpus
from briefgen.extract import extract_article
from briefgen.model import Article, Extraction, Problem, Quote, QuoteKind, Span
from briefgen.pipeline import BuildOptions, build_brief
from briefgen.render.json import render_json
from tests.conftest import ROOT, SAMPLE_CORPUS


def generated_corpus(folder: Path, articles: int, seed: int = 8) -> Path:
    """A corpus made by bench/corpus_gen.py (invented people, several outlets and formats)."""
    name = "bench_corpus_gen"
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "corpus_gen.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    module.write_corpus(module.generate(articles, seed), folder, seed)
    return folder


@pytest.fixture(scope="module")
def sample_extractions():
    articles, _ = read_corpus(SAMPLE_CORPUS)
    return [extract_article(article) for article in articles]


@pytest.fixture
def corpus(tmp_path):
    return generated_corpus(tmp_path / "corpus", 24)


def _no_extraction(monkeypatch):
    def refuse(article):
        raise AssertionError(f"extracted again: {article.id}")

    monkeypatch.setattr(cache_module, "extract_article", refuse)


# ---------------------------------------------------------------- the JSON codec


def test_every_extraction_of_the_sample_round_trips_through_json(sample_extractions):
    for extraction in sample_extractions:
        data = json.loads(json.dumps(encode(extraction)))
        assert decode(Extraction, data) == extraction


def test_quote_kinds_dates_and_spans_come_back_typed():
    quote = Quote("We agree.", "A. Person", QuoteKind.DIRECT, "said", (Span("a1", 3, 12),))
    back = decode(Quote, json.loads(json.dumps(encode(quote))))
    assert back == quote
    assert back.kind is QuoteKind.DIRECT and isinstance(back.sources[0], Span)
    assert decode(dt.date, "2021-03-04") == dt.date(2021, 3, 4)


PROBLEM = {"path": "a.txt", "message": "empty file", "fatal": True}


@pytest.mark.parametrize(
    "data",
    [
        {"path": "a.txt", "message": "empty file"},  # a field missing
        {**PROBLEM, "extra": 1},  # a field the model does not have
        {**PROBLEM, "fatal": "yes"},  # a wrong type
        {**PROBLEM, "path": 3},
        [PROBLEM],  # not an object
        "__import__('os')",  # code is data, never run
    ],
)
def test_entries_of_the_wrong_shape_are_refused(data):
    with pytest.raises((TypeError, ValueError)):
        decode(Problem, data)


@pytest.mark.parametrize("kind", ["quoted", ["direct"], None, 1])
def test_a_quote_kind_briefgen_does_not_have_is_refused(kind):
    quote = encode(Quote("We agree.", "A. Person", QuoteKind.DIRECT, "said", (Span("a1", 3, 12),)))
    quote["kind"] = kind
    with pytest.raises((TypeError, ValueError)):
        decode(Quote, quote)


def test_a_bad_date_is_refused():
    article = encode(Article("a", "a.txt", "T", "text", ((0, 4),), published=dt.date(2020, 1, 2)))
    article["published"] = "2020-13-45"
    with pytest.raises((TypeError, ValueError)):
        decode(Article, article)


# ---------------------------------------------------------------- hits and misses


def test_a_second_run_takes_everything_from_the_cache(corpus, tmp_path, monkeypatch):
    first = Cache(tmp_path / "cache")
    extractions, problems = gather(corpus, first)
    assert first.stats.article_misses == len(extractions) > 0
    assert first.stats.article_hits == 0

    _no_extraction(monkeypatch)
    second = Cache(tmp_path / "cache")
    again, problems_again = gather(corpus, second)
    assert second.stats.article_hits == len(extractions)
    assert second.stats.article_misses == second.stats.file_misses == 0
    assert again == extractions and problems_again == problems


def test_the_cached_brief_is_the_uncached_brief(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plain = render_json(build_brief(corpus))
    options = BuildOptions(cache=tmp_path / "cache")
    assert render_json(build_brief(corpus, options)) == plain  # cold
    assert render_json(build_brief(corpus, options)) == plain  # warm


def test_an_edited_article_is_extracted_again_and_only_it(corpus, tmp_path):
    gather(corpus, Cache(tmp_path / "cache"))
    edited = sorted(corpus.rglob("*.txt"))[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "\nThe sides agreed to open a consulate in 2031.\n", encoding="utf-8")

    cache = Cache(tmp_path / "cache")
    extractions, _ = gather(corpus, cache)
    assert (cache.stats.file_misses, cache.stats.article_misses) == (1, 1)
    assert cache.stats.article_hits == len(extractions) - 1
    found = next(e for e in extractions if e.article.path == str(edited))
    assert "2031" in found.article.text
    assert found == extract_article(_as_read(found.article))


def _as_read(article: Article) -> Article:
    articles, _ = briefgen.corpus.read_file(Path(article.path))
    return next(a for a in articles if a.id == article.id)


def test_a_new_version_of_briefgen_invalidates_the_cache_and_drops_the_old_entries(
    corpus, tmp_path, monkeypatch
):
    old = Cache(tmp_path / "cache")
    extractions, _ = gather(corpus, old)
    monkeypatch.setattr(briefgen, "__version__", "99.0.0")
    new = Cache(tmp_path / "cache")
    assert new.fingerprint != old.fingerprint
    assert not old.root.exists()  # entries of another version are removed, not kept forever
    again, _ = gather(corpus, new)
    assert new.stats.article_misses == len(extractions) and new.stats.article_hits == 0
    assert again == extractions


def test_a_folder_briefgen_did_not_make_is_never_pruned(corpus, tmp_path, monkeypatch):
    mine = tmp_path / "mine"
    keep = mine / "0123456789abcdef" / "articles"
    keep.mkdir(parents=True)
    gather(corpus, Cache(mine))
    monkeypatch.setattr(briefgen, "__version__", "99.0.0")
    gather(corpus, Cache(mine))
    assert keep.is_dir()


def test_editing_a_lexicon_changes_the_fingerprint(tmp_path):
    package = Path(briefgen.__file__).parent
    copy = tmp_path / "briefgen"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "templates"))
    assert fingerprint(copy) == fingerprint(shutil.copytree(copy, tmp_path / "same"))  # not the path
    edited = tmp_path / "edited"
    shutil.copytree(copy, edited)
    titles = edited / "lexicons" / "titles.txt"
    titles.write_text(titles.read_text(encoding="utf-8") + "grand vizier\n", encoding="utf-8")
    assert fingerprint(edited) != fingerprint(copy)


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"format": 1, "key": "other"}', b"[1, 2]"])
def test_a_corrupt_entry_is_ignored_and_rewritten(corpus, tmp_path, garbage):
    extractions, _ = gather(corpus, Cache(tmp_path / "cache"))
    entries = sorted((tmp_path / "cache").rglob("articles/*/*.json"))
    assert len(entries) == len(extractions)
    entries[0].write_bytes(garbage)

    cache = Cache(tmp_path / "cache")
    again, _ = gather(corpus, cache)
    assert again == extractions
    assert cache.stats.corrupt == 1 and cache.stats.article_misses == 1
    assert json.loads(entries[0].read_bytes())["format"] == cache_module.FORMAT  # rewritten whole


def test_an_entry_of_the_wrong_shape_is_a_miss(corpus, tmp_path):
    extractions, _ = gather(corpus, Cache(tmp_path / "cache"))
    entry = sorted((tmp_path / "cache").rglob("articles/*/*.json"))[0]
    data = json.loads(entry.read_bytes())
    data["extraction"]["quotes"] = [{"text": 1}]
    entry.write_text(json.dumps(data), encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    assert gather(corpus, cache)[0] == extractions
    assert cache.stats.corrupt == 1


def test_writes_leave_no_temporary_files_and_tag_the_folder(corpus, tmp_path):
    gather(corpus, Cache(tmp_path / "cache"))
    assert not list((tmp_path / "cache").rglob("*.tmp"))
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172")


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(corpus, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    cache = Cache(blocker)
    extractions, _ = gather(corpus, cache)
    assert extractions and cache.stats.write_errors > 0


# ---------------------------------------------------------------- reading as read_corpus does


def test_reading_file_by_file_gives_what_read_corpus_gives(tmp_path):
    corpus = generated_corpus(tmp_path / "corpus", 30)
    (corpus / ".hidden.txt").write_text("Not read: hidden.", encoding="utf-8")
    (corpus / "notes.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "rows.jsonl").write_text(
        '{"text": "A row with text. It is read."}\nnot json\n', encoding="utf-8"
    )
    for name in (b"bad\xff.txt", b"bad\xfe.md"):  # file names that are not UTF-8
        with open(os.path.join(os.fsencode(corpus), name), "wb") as handle:
            handle.write(b"" if name.endswith(b".md") else b"Talks were held on Monday. They went well.")
    twin = next(p for p in sorted(corpus.rglob("*.txt")) if p.parent != corpus)
    (corpus / "zz").mkdir()
    shutil.copy(twin, corpus / "zz" / twin.name)  # the same file name twice: ids get -2

    articles, problems = read_corpus(corpus)
    for cache in (None, Cache(tmp_path / "cache"), Cache(tmp_path / "cache")):
        extractions, found_problems = gather(corpus, cache)
        assert found_problems == problems
        assert [e.article.id for e in extractions] == [a.id for a in articles]
        assert [(e.article.path, e.article.text) for e in extractions] == [(a.path, a.text) for a in articles]
    assert any(a.id.endswith("-2") for a in articles)


def test_a_corpus_without_articles_raises_what_read_corpus_raises(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(briefgen.errors.BriefgenError) as expected:
        read_corpus(tmp_path / "empty")
    with pytest.raises(type(expected.value)) as raised:
        gather(tmp_path / "empty", Cache(tmp_path / "cache"))
    assert str(raised.value) == str(expected.value)


# ---------------------------------------------------------------- the command line


def test_the_default_cache_is_beside_the_output_folder_and_no_cache_writes_none(tmp_path):
    corpus = generated_corpus(tmp_path / "corpus", 6)
    first = tmp_path / "a"
    first.mkdir()
    assert main(["build", str(corpus), "-o", str(first / "out"), "--format", "json", "-q"]) == 0
    assert list((first / ".briefgen-cache").rglob("articles/*/*.json"))
    second = tmp_path / "b"
    second.mkdir()
    args = ["build", str(corpus), "-o", str(second / "out"), "--format", "json", "-q", "--no-cache"]
    assert main(args) == 0
    assert sorted(p.name for p in second.iterdir()) == ["out"]


def test_cache_dir_puts_the_cache_where_asked(tmp_path):
    corpus = generated_corpus(tmp_path / "corpus", 6)
    args = ["build", str(corpus), "-o", str(tmp_path / "out"), "--format", "json", "-q"]
    assert main([*args, "--cache-dir", str(tmp_path / "elsewhere")]) == 0
    assert list((tmp_path / "elsewhere").rglob("articles/*/*.json"))
    assert not (tmp_path / ".briefgen-cache").exists()

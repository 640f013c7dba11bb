"""Hardening: bad input of every kind, untrusted article text, and safe, reproducible output.

Every bad file is generated here at test time (the 50 MB one too); nothing of the sample corpus is
named in code: the sample is only copied and compared with its own brief.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import http.server
import io
import json
import os
import pathlib
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader

from briefgen.cli import main
from briefgen.corpus import MAX_ARTICLE_BYTES, read_corpus, read_file
from briefgen.duplicates import drop_duplicates, duplicate_groups
from briefgen.errors import ArticleError
from briefgen.extract import extract_article
from briefgen.model import Article, Extraction
from tests.conftest import ROOT, SAMPLE_CORPUS

# ---------------------------------------------------------------- the articles

GOOD = """date 2024-03-05 Ministers agree on a new rail link

The transport ministers of the two countries met on Tuesday in the capital and agreed to build a new rail link between their border towns.

"This line will bring our regions closer together," the first minister said after the talks.

The two sides signed a memorandum on the financing of the project, which is expected to cost two billion dollars.
"""

RUSSIAN_TITLE = "Министры обсудили строительство моста"
RUSSIAN = (
    f"{RUSSIAN_TITLE}\n\n"
    "Министры транспорта двух стран встретились во вторник и обсудили строительство нового моста "
    "через реку. «Мост соединит наши регионы», — сказал министр после переговоров.\n"
)
FRENCH_TITLE = "Réunion des ministres à propos du pont"
FRENCH = (
    f"{FRENCH_TITLE}\n\n"
    "Les ministres se sont réunis mardi pour discuter de la construction d'un pont élevé sur la rivière, "
    "a déclaré le ministère à l'issue de la réunion. « Ce pont reliera nos régions », a-t-il ajouté.\n"
)
CHINESE_TITLE = "两国交通部长举行会谈"
CHINESE = (
    f"{CHINESE_TITLE}\n\n"
    "两国交通部长周二在首都举行会谈，双方同意修建一条新的铁路。“这条铁路将拉近我们的距离，”部长在会谈后说。\n\n"
    "双方还签署了关于项目融资的谅解备忘录。\n"
)
BOM_TITLE = "Ministers open a new border crossing"
HIDDEN_MARKERS = ("SCRIPT_MARKER", "STYLE_MARKER", "IFRAME_MARKER", "NOSCRIPT_MARKER", "OBJECT_MARKER")

# A small but real PDF file (what a browser's "save as" gives when the name ends in .txt).
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
    b"xref\n0 4\n0000000000 65535 f \ntrailer << /Size 4 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n"
)


EPOCH = 1710000000  # SOURCE_DATE_EPOCH of the reproducible builds


def _dated(text: str, dated: bool, day: str = "2024-03-12") -> str:
    """TEXT with the scraper's date header on its first line, or without any date."""
    return f"date {day} {text}" if dated else text


# ---------------------------------------------------------------- the matrix of bad input


@dataclasses.dataclass(frozen=True)
class Case:
    """One kind of bad input: how to make it, and what the user must be told about it."""

    name: str
    make: Callable[[Path, bool, Path], Path]  # (corpus, dated?, a good article) -> the file named
    reports: tuple[tuple[str, str], ...] = ()  # the lines naming that file: (skipped|warning, regex)
    included: bool = False  # an article of the file is in the brief
    check: Callable[[dict, Path], None] | None = None  # more checks on the JSON brief
    good_kept: bool = True  # the good article stays in the brief


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _article_of(brief: dict, path: Path) -> dict:
    found = [a for a in brief["articles"] if a["path"] == str(path)]
    assert len(found) == 1, [a["path"] for a in brief["articles"]]
    return found[0]


def _titles(brief: dict) -> set[str]:
    return {a["title"] for a in brief["articles"]}


def make_random_binary(corpus: Path, dated: bool, good: Path) -> Path:
    data = random.Random(7).randbytes(8192).replace(b"\x00", b"\x01")  # no NUL byte to give it away
    return _write(corpus / "random.txt", data)


def make_damaged_utf8(corpus: Path, dated: bool, good: Path) -> Path:
    text = _dated("Ministers meet in Zürich for talks\n\n", dated)
    body = "The ministers met in Zürich — the Swiss city — and said “yes” to the plan. Señor Peña agreed."
    # A character cut in half and one byte of another encoding.
    return _write(corpus / "damaged.txt", text.encode() + body.encode() + b" \xc3 and \xff end.\n")


def check_damaged_utf8(brief: dict, path: Path) -> None:
    assert _article_of(brief, path)["title"] == "Ministers meet in Zürich for talks"


def make_cp1251(corpus: Path, dated: bool, good: Path) -> Path:
    return _write(corpus / "cp1251.txt", _dated(RUSSIAN, dated).encode("cp1251"))


def make_latin1(corpus: Path, dated: bool, good: Path) -> Path:
    return _write(corpus / "latin1.txt", _dated(FRENCH, dated).encode("latin-1"))


def make_bom_crlf(corpus: Path, dated: bool, good: Path) -> Path:
    text = _dated(f"{BOM_TITLE}\n\nThe ministers opened a new crossing on the border on Friday.\n", dated)
    return _write(corpus / "bom.txt", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())


def make_large(corpus: Path, dated: bool, good: Path) -> Path:
    path = corpus / "large.txt"
    line = b"The ministers met again and talked about the rail link for a long time.\n"
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // (64 * 1024)):
            handle.write((line * (64 * 1024 // len(line) + 1))[: 64 * 1024])
    return path


def make_html(corpus: Path, dated: bool, good: Path) -> Path:
    published = '<meta property="article:published_time" content="2024-03-12">' if dated else ""
    return _write(
        corpus / "page.html",
        f"""<!doctype html><html><head><title>Ports deal signed at the harbour</title>{published}
<style>.x {{ content: "STYLE_MARKER" }}</style>
<script>var marker = "SCRIPT_MARKER"; document.write("<p>SCRIPT_MARKER</p>");</script>
</head><body><article><h1>Ports deal signed at the harbour</h1>
<p>The ministers of the two countries signed an agreement on the ports of the coast on Tuesday.</p>
<iframe src="about:blank">IFRAME_MARKER</iframe><noscript><p>NOSCRIPT_MARKER</p></noscript>
<object data="x.swf">OBJECT_MARKER</object>
<p>The agreement opens the harbour to ships of both countries, the ministry said in a statement.</p>
<script>alert("SCRIPT_MARKER")</script></article></body></html>""",
    )


def check_html(brief: dict, path: Path) -> None:
    assert "Ports deal signed at the harbour" in _titles(brief)
    dumped = json.dumps(brief)
    for marker in HIDDEN_MARKERS:
        assert marker not in dumped


def make_unbalanced(corpus: Path, dated: bool, good: Path) -> Path:
    return _write(
        corpus / "unbalanced.txt",
        _dated(
            "Harbour talks end without a deal\n\n"
            "The minister said “we will open the harbour next year, and then he left the room.\n\n"
            'He added "the talks were long, and the two sides will meet again in May.\n\n'
            "“Nothing was signed, the spokesman said. ”The next round is in spring.”\n",
            dated,
        ),
    )


def check_unbalanced(brief: dict, path: Path) -> None:
    article = _article_of(brief, path)
    text = path.read_bytes().decode("utf-8")
    spans = 0
    for meeting in brief["meetings"]:
        for item in meeting["quotes"] + meeting["facts"]:
            for span in item["spans"]:
                if span["article"] == article["id"]:
                    spans += 1
                    # Verbatim, and an open quote mark never swallows the paragraphs after it.
                    assert text[span["start"] : span["end"]] == item["text"]
                    assert "\n\n" not in item["text"]
    assert spans


def make_undated(corpus: Path, dated: bool, good: Path) -> Path:
    return _write(
        corpus / "undated.txt",
        "Ministers discuss the rail link again\n\n"
        "The ministers discussed the rail link again and agreed to meet once more.\n",
    )


def check_undated(brief: dict, path: Path) -> None:
    article = _article_of(brief, path)
    assert article["published"] is None
    assert all(article["id"] not in meeting["sources"] for meeting in brief["meetings"])


def make_chinese(corpus: Path, dated: bool, good: Path) -> Path:
    return _write(corpus / "chinese.txt", _dated(CHINESE, dated))


def make_duplicate(corpus: Path, dated: bool, good: Path) -> Path:
    return _write(corpus / f"{good.stem}_copy.txt", good.read_bytes())


def check_duplicate(brief: dict, path: Path) -> None:
    assert str(path) not in {a["path"] for a in brief["articles"]}
    assert any(p["path"] == str(path) and "good.txt" in p["problem"] for p in brief["warnings"])
    cited = [source for meeting in brief["meetings"] for source in meeting["sources"]]
    assert len(cited) == len(set(cited))


def make_update(corpus: Path, dated: bool, good: Path) -> Path:
    """An updated version of GOOD (one more paragraph) is written; GOOD is the file reported."""
    text = good.read_text(encoding="utf-8").rstrip("\n")
    _write(
        corpus / f"{good.stem}_updated.txt",
        f"{text}\n\nThe ministry did not give further details of the talks on the day.\n",
    )
    return good


def check_update(brief: dict, path: Path) -> None:
    updated = path.with_name(f"{path.stem}_updated.txt")
    assert str(path) not in {a["path"] for a in brief["articles"]}
    kept = _article_of(brief, updated)
    cited = [source for meeting in brief["meetings"] for source in meeting["sources"]]
    assert kept["id"] in cited and len(cited) == len(set(cited))


def make_csv_missing_columns(corpus: Path, dated: bool, good: Path) -> Path:
    date = ",date" if dated else ""
    day = ",2024-03-12" if dated else ""
    return _write(
        corpus / "missing.csv",
        f"headline{date},text,views\n"
        f'Rail link approved{day},"The parliament approved the rail link on Wednesday.",10\n'
        f"Row without its text{day}\n",
    )


def check_csv_rows(*titles: str) -> Callable[[dict, Path], None]:
    def check(brief: dict, path: Path) -> None:
        assert {a["title"] for a in brief["articles"] if a["path"] == str(path)} == set(titles)

    return check


def make_csv_no_body(corpus: Path, dated: bool, good: Path) -> Path:
    return _write(corpus / "nobody.csv", "headline,date\nRail link approved,2024-03-12\n")


def make_csv_extra_columns(corpus: Path, dated: bool, good: Path) -> Path:
    date = ",date" if dated else ""
    day = ",2024-03-12" if dated else ""
    return _write(
        corpus / "extra.csv",
        f"headline{date},text,views,tags,lang\n"
        f'Road works begin{day},"Work on the new road began on Monday.",12,"rail, bridge",en\n'
        f'Airport works begin{day},"Work on the airport began on Friday.",9,rail,en,unexpected,fields\n',
    )


def make_csv_broken_row(corpus: Path, dated: bool, good: Path) -> Path:
    date = ",date" if dated else ""
    day = ",2024-03-12" if dated else ""
    return _write(
        corpus / "broken.csv",
        f"headline{date},text\n"
        f'Bridge works begin{day},"Work on the new bridge began on Monday."\n'
        f'Broken row{day},"This text has no closing quote mark\n'
        "and goes on over a second line\n"
        f'Tunnel works begin{day},"Work on the tunnel began on Friday."\n',
    )


def make_jsonl(corpus: Path, dated: bool, good: Path) -> Path:
    date = ', "date": "2024-03-12"' if dated else ""
    return _write(
        corpus / "feed.jsonl",
        f'{{"title": "Harbour works begin", "text": "Work on the new harbour began on Monday."{date}}}\n'
        '{"title": "Broken line", "text": "no closing brace"\n'
        f'{{"title": "Canal works begin", "text": "Work on the canal began on Friday."{date}}}\n',
    )


def make_unreadable(corpus: Path, dated: bool, good: Path) -> Path:
    path = _write(corpus / "locked.txt", _dated("Locked article title\n\nThe locked text.\n", dated))
    path.chmod(0)  # enforced for a normal user; for root, the `unreadable` fixture does it
    return path


def make_link_loop(corpus: Path, dated: bool, good: Path) -> Path:
    path = corpus / "loop.txt"
    os.symlink("loop.txt", path)
    return path


def make_folder_loop(corpus: Path, dated: bool, good: Path) -> Path:
    (corpus / "more").mkdir()
    os.symlink("..", corpus / "more" / "back")
    return corpus / "more" / "back"


CASES = [
    Case("empty file", lambda c, d, g: _write(c / "empty.txt", b""), (("skipped", "empty file$"),)),
    Case(
        "whitespace only",
        lambda c, d, g: _write(c / "blank.txt", " \n\t \r\n\xa0 \n"),
        (("skipped", "empty file$"),),
    ),
    Case("binary data", make_random_binary, (("skipped", "binary data, not text$"),)),
    Case(
        "PDF saved as .txt",
        lambda c, d, g: _write(c / "scan.txt", PDF_BYTES),
        (("skipped", "PDF data, not text$"),),
    ),
    Case(
        "invalid UTF-8",
        make_damaged_utf8,
        (("warning", r"invalid UTF-8 \(2 bad byte sequences"),),
        included=True,
        check=check_damaged_utf8,
    ),
    Case("cp1251", make_cp1251, included=True, check=lambda b, p: _title_is(b, p, RUSSIAN_TITLE)),
    Case("latin-1", make_latin1, included=True, check=lambda b, p: _title_is(b, p, FRENCH_TITLE)),
    Case("UTF-8 BOM and CRLF", make_bom_crlf, included=True, check=lambda b, p: _title_is(b, p, BOM_TITLE)),
    Case("50 MB file", make_large, (("skipped", r"file too large \(50 MB; the limit is 10 MB\)$"),)),
    Case("HTML with scripts, styles and frames", make_html, included=True, check=check_html),
    Case("unbalanced quote marks", make_unbalanced, included=True, check=check_unbalanced),
    Case(
        "no date",
        make_undated,
        (("warning", "no date found: the article is not placed in the chronology$"),),
        included=True,
        check=check_undated,
    ),
    Case("not in English", make_chinese, included=True, check=lambda b, p: _title_is(b, p, CHINESE_TITLE)),
    Case(
        "two copies of one article",
        make_duplicate,
        (("warning", r"duplicate of .*\.txt \(the same text\); cited once, from that file$"),),
        check=check_duplicate,
    ),
    Case(
        "an updated version of an article",
        make_update,
        (("warning", r"superseded by .*_updated\.txt, a later or longer version of the same article"),),
        check=check_update,
        good_kept=False,
    ),
    Case(
        "CSV with missing columns",
        make_csv_missing_columns,
        (("skipped", r"row 2: no text$"),),
        included=True,
        check=check_csv_rows("Rail link approved"),
    ),
    Case("CSV without a text column", make_csv_no_body, (("skipped", "no body column"),)),
    Case(
        "CSV with extra columns",
        make_csv_extra_columns,
        (("warning", r"row 2 \(line 3\): \d fields for \d columns; the extra ones are ignored$"),),
        included=True,
        check=check_csv_rows("Road works begin", "Airport works begin"),
    ),
    Case(
        "CSV with a broken row",
        make_csv_broken_row,
        (("skipped", r"row 2 \(line 3\): broken quoting .*row left out, with the 1 line after it$"),),
        included=True,
        check=check_csv_rows("Bridge works begin", "Tunnel works begin"),
    ),
    Case(
        "JSONL with an invalid line",
        make_jsonl,
        (("skipped", r"line 2: invalid JSON \("),),
        included=True,
        check=check_csv_rows("Harbour works begin", "Canal works begin"),
    ),
    Case("unreadable file", make_unreadable, (("skipped", "cannot read file: permission denied$"),)),
    Case("symbolic link loop", make_link_loop, (("skipped", "cannot read file: symbolic link loop$"),)),
    Case(
        "folder link loop",
        make_folder_loop,
        (("warning", r"folder already read \(a symbolic link loop"),),
    ),
]


def _title_is(brief: dict, path: Path, title: str) -> None:
    assert _article_of(brief, path)["title"] == title


@pytest.fixture(autouse=True)
def unreadable(monkeypatch):
    """Files named locked.* cannot be read, even by root (who ignores chmod 000, as CI runs)."""
    original = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name.startswith("locked."):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)


def _build(corpus: Path, out: Path, *options: str) -> int:
    return main(["build", str(corpus), "-o", str(out), "--format", "json", *options])


def _lines_naming(text: str, path: Path) -> list[str]:
    return [line for line in text.splitlines() if str(path) in line]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_and_the_rest_is_built(case: Case, tmp_path: Path, capsys) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    good = _write(corpus / "good.txt", GOOD)
    path = case.make(corpus, True, good)

    assert _build(corpus, out) == 0
    captured = capsys.readouterr()
    lines = _lines_naming(captured.err, path)
    assert len(lines) == len(case.reports), lines
    for line, (kind, message) in zip(lines, case.reports, strict=True):
        assert re.fullmatch(rf"briefgen: {kind}: {re.escape(str(path))}: {message}.*", line), line

    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    listed = {"skipped": brief["not_included"], "warning": brief["warnings"]}
    for kind, message in case.reports:
        assert any(p["path"] == str(path) and re.match(message, p["problem"]) for p in listed[kind])
    skipped = [message for kind, message in case.reports if kind == "skipped"]
    summary = captured.out[captured.out.find("not included") :]
    assert ("not included" in captured.out) == bool(skipped)
    assert len(_lines_naming(summary, path)) == len(skipped)

    paths = {a["path"] for a in brief["articles"]}
    assert (str(path) in paths) == case.included
    assert (str(good) in paths) == case.good_kept
    assert brief["meetings"], "the good article still makes a meeting"
    if case.check:
        case.check(brief, path)

    assert _build(corpus, out, "--strict", "--quiet") == (5 if case.reports else 0)


def test_the_sample_brief_survives_every_bad_file(tmp_path: Path, capsys, sample_brief) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    samples = sorted(SAMPLE_CORPUS.glob("*.txt"))
    for source in samples:
        shutil.copy(source, corpus / source.name)
    named = {
        case.name: case.make(corpus, False, corpus / samples[i % len(samples)].name)
        for i, case in enumerate(CASES)
    }

    assert main(["build", str(corpus), "-o", str(out), "--format", "json,pdf"]) == 0
    captured = capsys.readouterr()
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))

    def meetings(items):
        return [(m["date"], m["title"], m["location"], len(m["sources"])) for m in items]

    expected = [(m.date.isoformat(), m.title, m.location, len(m.sources)) for m in sample_brief.meetings]
    assert len(expected) == 4
    assert meetings(brief["meetings"]) == expected
    for case in CASES:
        path = named[case.name]
        for kind, message in case.reports:
            assert any(
                re.fullmatch(rf"briefgen: {kind}: {re.escape(str(path))}: {message}.*", line)
                for line in _lines_naming(captured.err, path)
            ), case.name
        if any(kind == "skipped" for kind, _ in case.reports):
            assert str(path) in captured.out[captured.out.find("not included") :]
    # The readable extras have no date: each is listed as not placed in the chronology.
    undated = {w["path"] for w in brief["warnings"] if w["problem"].startswith("no date found")}
    assert undated == {str(named[case.name]) for case in CASES if case.included}
    assert {RUSSIAN_TITLE, FRENCH_TITLE, CHINESE_TITLE, BOM_TITLE} <= _titles(brief)
    # The appendix of the PDF lists every file left out.
    pdf = "".join(page.extract_text() for page in PdfReader(out / "brief.pdf").pages)
    appendix = re.sub(r"\s+", "", pdf[pdf.lower().rfind("files not included") :])
    for case in CASES:
        if any(kind == "skipped" for kind, _ in case.reports):
            assert re.sub(r"\s+", "", str(named[case.name])) in appendix, case.name
    assert main(["build", str(corpus), "-o", str(out), "--format", "json", "--strict", "--quiet"]) == 5


def test_the_large_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch) -> None:
    path = make_large(tmp_path, True, tmp_path)
    assert path.stat().st_size == 50 * 1024 * 1024 > MAX_ARTICLE_BYTES

    def no_reading(self):
        raise AssertionError("the large file was read")

    monkeypatch.setattr(pathlib.Path, "read_bytes", no_reading)
    started = time.perf_counter()
    with pytest.raises(ArticleError, match="too large"):
        read_file(path)
    assert time.perf_counter() - started < 1


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ArticleError, match="not a regular file"):
        read_file(tmp_path / "pipe.txt")  # reading it would block the run forever


def _badly_named_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    _write(corpus / "good.txt", GOOD)
    _write(corpus / os.fsdecode(b"bad\xffname.txt"), "")
    _write(corpus / os.fsdecode(b"french\xfe.txt"), _dated(FRENCH, True))
    return corpus


def test_file_names_that_are_not_utf8_are_shown_and_rendered(tmp_path: Path) -> None:
    from briefgen.pipeline import BuildOptions, assemble_brief
    from briefgen.render.outputs import write_outputs

    articles, problems = read_corpus(_badly_named_corpus(tmp_path))
    assert [p.path.rsplit("/", 1)[-1] for p in problems] == ["bad\ufffdname.txt"]
    assert {a.path.rsplit("/", 1)[-1] for a in articles} == {"good.txt", "french\ufffd.txt"}
    assert "french\ufffd" in {a.id for a in articles}
    brief = assemble_brief([extract_article(a) for a in articles], problems, BuildOptions())
    write_outputs(brief, tmp_path / "out", ["json", "docx", "pdf", "html"])
    data = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert data["not_included"][0]["path"].endswith("bad\ufffdname.txt")


def test_file_names_that_are_not_utf8_on_the_command_line(tmp_path: Path, capsys) -> None:
    corpus, out = _badly_named_corpus(tmp_path), tmp_path / "out"
    assert main(["build", str(corpus), "-o", str(out), "--format", "json,pdf"]) == 0
    assert "bad\ufffdname.txt: empty file" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["", "notes.xyz"], ids=["empty folder", "no article files"])
def test_a_corpus_without_articles_is_an_error(tmp_path: Path, capsys, content: str) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    if content:
        _write(corpus / content, "not an article")
    assert _build(corpus, out) == 6
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"briefgen: error: {corpus}: no articles found (files ending in .txt, .md, .html, .csv, .tsv, .jsonl, .json are read)"
    ]
    assert not out.exists()


def test_a_corpus_of_bad_files_only_lists_them_and_fails(tmp_path: Path, capsys) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus / "empty.txt", "")
    _write(corpus / "scan.txt", PDF_BYTES)
    assert _build(corpus, out) == 6
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"briefgen: skipped: {corpus / 'empty.txt'}: empty file",
        f"briefgen: skipped: {corpus / 'scan.txt'}: PDF data, not text",
        f"briefgen: error: {corpus}: no readable articles (2 files left out)",
    ]
    assert not out.exists()


# ---------------------------------------------------------------- duplicates


def _extraction(text: str, name: str, published: dt.date | None = None, title: str = "A title") -> Extraction:
    paragraphs = tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))
    article = Article(
        id=name, path=f"{name}.txt", title=title, text=text, paragraphs=paragraphs, published=published
    )
    return Extraction(article=article)


def _story(seed: int, paragraphs: int = 6) -> str:
    rng = random.Random(seed)
    words = [
        "port",
        "rail",
        "minister",
        "talks",
        "border",
        "trade",
        "energy",
        "bridge",
        "signed",
        "agreed",
        "the",
        "two",
        "countries",
        "project",
        "loan",
        "tariff",
        "river",
        "ferry",
        "summit",
        "plan",
    ]
    return "\n".join(" ".join(rng.choice(words) for _ in range(25)) + "." for _ in range(paragraphs))


def test_the_later_version_is_kept_even_when_shorter() -> None:
    story = _story(1)
    first = _extraction(
        story + "\nOne more paragraph with details that the update left out of it.",
        "first",
        dt.date(2024, 3, 5),
    )
    later = _extraction(story, "later", dt.date(2024, 3, 6))
    kept, problems = drop_duplicates([first, later])
    assert [e.article.id for e in kept] == ["later"]
    assert [(p.path, p.fatal) for p in problems] == [("first.txt", False)]
    assert problems[0].message.startswith("superseded by later.txt")


def test_exact_copies_keep_the_first_and_short_texts_need_the_same_title() -> None:
    story = _story(2)
    a, b, c = (_extraction(story, name) for name in ("a", "b", "c"))
    short_one = _extraction("Talks were held.", "s1", title="Talks on rail")
    short_two = _extraction("Talks were held.", "s2", title="Talks on energy")
    kept, problems = drop_duplicates([a, b, c, short_one, short_two])
    assert [e.article.id for e in kept] == ["a", "s1", "s2"]
    assert [p.message for p in problems] == [
        "duplicate of a.txt (the same text); cited once, from that file",
        "duplicate of a.txt (the same text); cited once, from that file",
    ]


def test_different_stories_on_one_event_are_both_kept() -> None:
    shared = "The two ministers met on Tuesday and signed a memorandum on the new rail link."
    one = _extraction(shared + "\n" + _story(4), "one")
    two = _extraction(shared + "\n" + _story(5), "two")
    assert drop_duplicates([one, two])[1] == []


def test_duplicate_search_is_linear(monkeypatch) -> None:
    """Candidates come from buckets of bounded size: the number of comparisons grows with the corpus,
    not with its square, even when every article shares the same lead paragraph."""
    from briefgen import duplicates

    lead = "The two ministers met on Tuesday and signed a memorandum on the new rail link between the towns."
    articles = [_extraction(lead + "\n" + _story(100 + i), f"a{i}").article for i in range(400)]
    calls = 0
    similar = duplicates._similar

    def counting(a, b):
        nonlocal calls
        calls += 1
        return similar(a, b)

    monkeypatch.setattr(duplicates, "_similar", counting)
    assert duplicate_groups(articles) == {}
    assert 0 < calls <= duplicates.PEERS * len(articles)
    assert calls < len(articles) * (len(articles) - 1) // 2 / 10


# ---------------------------------------------------------------- untrusted text


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    _Recorder.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_article_markup_never_reaches_the_renderer(tmp_path: Path, server: str, monkeypatch) -> None:
    from briefgen.render.pdf import SafeFetcher

    secret = _write(tmp_path / "secret.css", "SECRET_FILE_CONTENT { color: red }")
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus / "good.txt", GOOD)
    shown = f'&lt;img src="file:///etc/passwd"&gt; &lt;img src="{server}/title.png"&gt;'
    _write(
        corpus / "evil.html",
        f"""<!doctype html><html><head>
<title>Harbour deal {shown}</title>
<meta property="article:published_time" content="2024-03-05">
<link rel="stylesheet" href="{server}/page.css"><link rel="stylesheet" href="file://{secret}">
<style>@import url("{server}/import.css"); body {{ background: url({server}/style.png) }}</style>
</head><body><article><h1>Harbour deal {shown}</h1>
<p style="background: url({server}/inline.png)">The transport ministers met on Tuesday in the capital
and agreed to build a new rail link. <img src="file:///etc/passwd"><img src="{server}/img.png"></p>
<p>&lt;style&gt;body {{ background: url({server}/text.png) }}&lt;/style&gt; The ministers said
"&lt;img src='{server}/quote.png'&gt; the harbour will open next year," after the talks.</p>
<iframe src="{server}/frame.html"></iframe><object data="file://{secret}"></object>
</article></body></html>""",
    )
    asked: list[str] = []
    fetch = SafeFetcher.fetch

    def spy(self, url, *args, **kwargs):
        asked.append(url)
        return fetch(self, url, *args, **kwargs)

    monkeypatch.setattr(SafeFetcher, "fetch", spy)
    assert main(["build", str(corpus), "-o", str(out), "--format", "pdf,html,json,docx", "--quiet"]) == 0

    assert _Recorder.requests == []
    assert not [url for url in asked if "127.0.0.1" in url or "passwd" in url or str(secret) in url]
    pdf = "\n".join(page.extract_text() for page in PdfReader(out / "brief.pdf").pages)
    assert '<img src="file:///etc/passwd">' in pdf  # shown as text, so it was never markup
    assert "root:" not in pdf and "SECRET_FILE_CONTENT" not in pdf
    html = (out / "brief.html").read_text(encoding="utf-8")
    assert "&lt;img src=" in html and '<img src="file:///etc/passwd"' not in html
    assert f'<img src="{server}' not in html and "<style>body" not in html
    with zipfile.ZipFile(out / "brief.docx") as archive:
        assert not [n for n in archive.namelist() if b"SECRET_FILE_CONTENT" in archive.read(n)]
        assert not [n for n in archive.namelist() if "passwd" in n or n.endswith(".css")]


CONTROL = "".join(chr(c) for c in range(32)) + "\x7f\x85\ufffe\uffff\u2028\U0001f600"


def test_any_character_in_an_article_gives_valid_documents(tmp_path: Path) -> None:
    from lxml import etree

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    record = {
        "title": f"Control{CONTROL}title",
        "date": "2024-03-05",
        "text": f"The ministers met{CONTROL} on Tuesday and agreed to build a rail link.\n\n"
        f'"We agreed{CONTROL} on everything," the minister said after the talks.',
    }
    _write(corpus / "feed.jsonl", json.dumps(record) + "\n")
    assert main(["build", str(corpus), "-o", str(out), "--format", "docx,pdf,html,json", "--quiet"]) == 0

    with zipfile.ZipFile(out / "brief.docx") as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # raises on any character XML cannot hold
    import docx

    document = docx.Document(str(out / "brief.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Control" in text and "title" in text
    assert "\x00" not in text and "\ufffe" not in text
    assert PdfReader(out / "brief.pdf").pages
    assert json.loads((out / "brief.json").read_text(encoding="utf-8"))["articles"][0]["title"].startswith(
        "Control"
    )


# ---------------------------------------------------------------- output safety


@pytest.mark.parametrize("where", ["same", "inside", "dotted", "linked"])
def test_an_output_folder_in_the_corpus_is_refused(tmp_path: Path, capsys, where: str) -> None:
    corpus = tmp_path / "corpus"
    _write(corpus / "good.txt", GOOD)
    out = {
        "same": corpus,
        "inside": corpus / "deep" / "out",
        "dotted": tmp_path / "other" / ".." / "corpus" / "out",
        "linked": tmp_path / "link" / "out",
    }[where]
    if where == "linked":
        os.symlink(corpus, tmp_path / "link")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert _build(corpus, out) == 2
    assert "must not be inside the corpus folder" in capsys.readouterr().err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_title_never_makes_a_file_name(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _write(corpus / "good.txt", GOOD)
    title = "../../escape/" + "x" * 300 + "\x00\n"
    assert (
        main(["build", str(corpus), "-o", str(out), "--format", "json,html", "--title", title, "--quiet"])
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["brief.html", "brief.json"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".briefgen-cache") == ["corpus", "out"]


def test_ids_from_a_csv_column_are_sanitised_and_bounded(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "ids.csv", 'id,title,text\n"../../etc/' + "x" * 200 + '\n",Rail,"The rail link opened."\n'
    )
    (article,), _ = read_file(path)
    assert re.fullmatch(r"\w[\w.-]{0,79}", article.id), article.id
    assert article.id.startswith("etc-xxx")


@pytest.fixture(scope="module")
def twin_builds(tmp_path_factory):
    """The sample corpus plus a copy and an update of one article, built twice in parallel processes
    with different hash seeds: set iteration order changes between them, the outputs must not."""
    root = tmp_path_factory.mktemp("twins")
    corpus = root / "corpus"
    corpus.mkdir()
    samples = sorted(SAMPLE_CORPUS.glob("*.txt"))
    for source in samples:
        shutil.copy(source, corpus / source.name)
    make_duplicate(corpus, True, corpus / samples[0].name)
    make_update(corpus, True, corpus / samples[1].name)
    runs = {}
    for label, extra in (("epoch", {"SOURCE_DATE_EPOCH": str(EPOCH)}), ("now", {})):
        for seed in ("1", "2"):
            env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
            env.update(extra, PYTHONHASHSEED=seed)
            out = root / f"{label}-{seed}"
            formats = "json,pdf,docx" if label == "epoch" else "json"
            runs[(label, seed)] = (
                out,
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "briefgen",
                        "build",
                        str(corpus),
                        "-o",
                        str(out),
                        "--format",
                        formats,
                        "--quiet",
                    ],
                    cwd=ROOT,
                    env=env,
                ),
            )
    for _, process in runs.values():
        assert process.wait(timeout=300) == 0
    return {key: out for key, (out, _) in runs.items()}


def test_same_corpus_same_bytes_with_source_date_epoch(twin_builds) -> None:
    one, two = twin_builds[("epoch", "1")], twin_builds[("epoch", "2")]
    for name in ("brief.json", "brief.pdf", "brief.docx"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    brief = json.loads((one / "brief.json").read_text(encoding="utf-8"))
    assert brief["generated_at"] == dt.datetime.fromtimestamp(EPOCH, dt.UTC).isoformat()
    assert len(brief["warnings"]) == 2


def test_same_corpus_same_json_but_the_time_without_it(twin_builds) -> None:
    def load(key):
        brief = json.loads((twin_builds[key] / "brief.json").read_text(encoding="utf-8"))
        stamp = dt.datetime.fromisoformat(brief.pop("generated_at"))
        assert (stamp == dt.datetime.fromtimestamp(EPOCH, dt.UTC)) == (key[0] == "epoch")
        return brief

    one, two = load(("now", "1")), load(("now", "2"))
    assert one == two
    assert one == {k: v for k, v in load(("epoch", "1")).items()}


# A build that is killed: the old brief.pdf must stay readable. The child prints a marker at the
# chosen moment and then waits (so the kill always lands there); "anytime" has no marker at all.
KILLED_BUILD = """
import os, sys, time
from briefgen import cli
from briefgen.render import outputs

stage = sys.argv[1]
if stage == "rendering":
    render = outputs._render
    def slow_render(brief, fmt, config):
        print("MARK", flush=True)
        data = render(brief, fmt, config)
        time.sleep(60)
        return data
    outputs._render = slow_render
elif stage == "writing":
    def slow_fsync(fd):  # the new file is written, not yet renamed over the old one
        print("MARK", flush=True)
        time.sleep(60)
    os.fsync = slow_fsync
sys.exit(cli.main(["build", sys.argv[2], "-o", sys.argv[3], "--format", "pdf", "--quiet"]))
"""


@pytest.fixture(scope="module")
def previous_brief(tmp_path_factory):
    """A corpus and the brief.pdf of an earlier build of it, with a different title."""
    root = tmp_path_factory.mktemp("killed")
    corpus = root / "corpus"
    _write(corpus / "good.txt", GOOD)
    _write(
        corpus / "bom.txt",
        b"\xef\xbb\xbf" + _dated(f"{BOM_TITLE}\n\nThe ministers opened a crossing.\n", True).encode(),
    )
    out = root / "first"
    assert (
        main(
            [
                "build",
                str(corpus),
                "-o",
                str(out),
                "--format",
                "pdf",
                "--title",
                "The previous brief",
                "--quiet",
            ]
        )
        == 0
    )
    return corpus, (out / "brief.pdf").read_bytes()


def _wait_for_mark(process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.1)
        if ready:
            line = process.stdout.readline()
            if line.strip() == b"MARK":
                return
            assert line, f"the build ended before the mark: {process.wait()}"
    raise AssertionError("no mark from the build")


@pytest.mark.parametrize("stage", ["rendering", "writing", "anytime"])
def test_a_killed_build_leaves_the_previous_brief_readable(
    previous_brief, tmp_path: Path, stage: str
) -> None:
    corpus, old = previous_brief
    out = tmp_path / "out"
    _write(out / "brief.pdf", old)
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, stage, str(corpus), str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)},
    )
    try:
        if stage == "anytime":
            # Kill as soon as a temporary file shows up, or after a short while (about when the
            # layout runs), whichever comes first; a build that was faster has ended well.
            deadline = time.monotonic() + 1
            while (
                time.monotonic() < deadline and not list(out.glob(".brief.pdf.*")) and process.poll() is None
            ):
                time.sleep(0.005)
        else:
            _wait_for_mark(process, timeout=120)
        if stage == "writing":
            assert list(out.glob(".brief.pdf.*.tmp")), "the kill lands while the new file is being written"
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
    finally:
        code = process.wait(timeout=60)
        process.stdout.close()
    assert code in ((-signal.SIGKILL, 0) if stage == "anytime" else (-signal.SIGKILL,))

    data = (out / "brief.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert reader.pages  # readable, whole
    if stage != "anytime":
        assert data == old
        assert "The previous brief" in reader.pages[0].extract_text()
    else:
        assert data == old or data.rstrip().endswith(b"%%EOF")
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == ["brief.pdf"]


def test_a_corpus_read_twice_gives_the_same_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = _write(corpus / "good.txt", GOOD)
    for case in CASES:
        if case.make is not make_large:
            case.make(corpus, True, good)
    first, second = read_corpus(corpus), read_corpus(corpus)
    assert len(first[0]) > 10 and len(first[1]) > 10
    assert first == second
    assert [extract_article(a) for a in first[0]] == [extract_article(a) for a in second[0]]


def test_every_exit_code_is_documented() -> None:
    from briefgen import errors

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Exit codes") :].split("\n## ", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    codes = {
        kind.exit_code
        for kind in vars(errors).values()
        if isinstance(kind, type) and issubclass(kind, errors.BriefgenError)
    }
    assert codes | {0, 5, 130} <= documented

"""The command line end to end on the sample corpus: files written, read back, errors clear."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from docx import Document
from pypdf import PdfReader

from briefgen.cli import main
from tests.conftest import ROOT, SAMPLE_CORPUS
from tests.gold import GOLD

SCHEMA = json.loads((ROOT / "briefgen" / "brief.schema.json").read_text(encoding="utf-8"))
BOILERPLATE = json.loads(GOLD.read_text(encoding="utf-8"))["boilerplate"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert (
        main(["build", str(SAMPLE_CORPUS), "-o", str(out), "--format", "pdf,docx,json,html", "--quiet"]) == 0
    )
    return out


def test_build_writes_every_format(built):
    assert sorted(p.name for p in built.iterdir()) == ["brief.docx", "brief.html", "brief.json", "brief.pdf"]


def test_json_brief_follows_the_schema(built):
    brief = json.loads((built / "brief.json").read_text(encoding="utf-8"))
    jsonschema.validate(brief, SCHEMA)
    assert [m["date"] for m in brief["meetings"]] == ["2023-05-17", "2023-05-19", "2023-10-17", "2024-07-03"]


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_has_the_meetings_in_order_with_their_dates(built):
    text = re.sub(r"\s+", " ", _pdf_text(built / "brief.pdf"))
    brief = json.loads((built / "brief.json").read_text(encoding="utf-8"))
    sections = text[text.find("Meeting 1 of") if "Meeting 1 of" in text else 0 :]
    positions = [sections.find(re.sub(r"\s+", " ", m["title"])[:40]) for m in brief["meetings"]]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    for label in ("17 May 2023", "19 May 2023", "17 October 2023", "3 July 2024"):
        assert label in text


def test_docx_has_a_heading_per_meeting_and_the_quotes(built):
    document = Document(str(built / "brief.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    brief = json.loads((built / "brief.json").read_text(encoding="utf-8"))
    for meeting in brief["meetings"]:
        assert any(meeting["title"] in h for h in headings), meeting["title"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "We had very meaningful talks with Chinese President Xi Jinping" in body


@pytest.mark.parametrize("name", ["brief.json", "brief.html", "brief.pdf", "brief.docx"])
def test_no_site_furniture_in_any_output(built, name):
    path = built / name
    if name.endswith(".pdf"):
        text = _pdf_text(path)
    elif name.endswith(".docx"):
        document = Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            c.text for t in document.tables for r in t.rows for c in r.cells
        )
    else:
        text = path.read_text(encoding="utf-8")
    for phrase in BOILERPLATE:
        assert phrase not in text


def test_extract_prints_one_object_per_article(capsys):
    files = sorted(str(p) for p in SAMPLE_CORPUS.glob("*.txt"))
    assert main(["extract", *files]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(files)
    fields = {
        "id",
        "path",
        "title",
        "outlet",
        "published",
        "event_date",
        "location",
        "participants",
        "quotes",
        "agreements",
        "facts",
    }
    for line in lines:
        record = json.loads(line)
        assert fields <= set(record)
        text = (SAMPLE_CORPUS / f"{record['id']}.txt").read_text(encoding="utf-8")
        for quote in record["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]


def test_missing_corpus_folder_is_a_one_line_error(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert "nowhere" in err and len(err.splitlines()) == 1


def test_unknown_format_is_refused(tmp_path, capsys):
    assert main(["build", str(SAMPLE_CORPUS), "-o", str(tmp_path), "--format", "pdf,odt"]) == 2
    assert "odt" in capsys.readouterr().err


def test_output_inside_the_corpus_is_refused(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("date 2024-01-02 Ministers meet\n\nThe ministers met in Oslo on Tuesday.")
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    assert "inside the corpus" in capsys.readouterr().err


def test_bad_files_are_listed_and_the_rest_is_built(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in SAMPLE_CORPUS.glob("*.txt"):
        (corpus / source.name).write_bytes(source.read_bytes())
    (corpus / "empty.txt").write_text("")
    (corpus / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01binary")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "-o", str(out), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err and "scan.txt" in captured.err
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    assert len(brief["meetings"]) == 4
    assert {p["path"].rsplit("/", 1)[-1] for p in brief["not_included"]} == {"empty.txt", "scan.txt"}
    assert main(["build", str(corpus), "-o", str(out), "--format", "json", "--strict"]) == 5

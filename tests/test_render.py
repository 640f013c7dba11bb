"""Rendering: HTML, PDF and DOCX built from a small hand-made brief, read back and checked."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest

from briefgen.config import Config
from briefgen.model import Agreement, Article, Brief, Fact, Meeting, Person, Problem, Quote, QuoteKind, Span

DANGEROUS = ["<script>alert(1)</script>", "R&D", "{{ x }}", "{% if %}", "]]>"]
CYRILLIC = "Иван Сидоров"
CHINESE = "李明"


def _article(n: int, title: str, text: str, published: dt.date, url: str | None = None) -> Article:
    return Article(
        id=f"a{n}",
        path=f"corpus/a{n}.txt",
        title=title,
        text=text,
        paragraphs=((0, len(text)),),
        outlet=f"Outlet {n}",
        url=url,
        published=published,
    )


def make_brief() -> Brief:
    """Three meetings in date order, with Cyrillic and Chinese names and text that looks like markup."""
    articles = (
        _article(
            1, "Ministers meet in Northport", "Body one.", dt.date(2024, 3, 5), "https://example.org/one"
        ),
        _article(
            2,
            "Talks continue & conclude",
            "Body two.",
            dt.date(2024, 3, 20),
            "https://example.org/two?a=1&b=2",
        ),
        _article(3, "Summit at Lakeside", "Body three.", dt.date(2024, 6, 2)),
        _article(4, "Background piece", "Body four.", dt.date(2024, 6, 3)),
    )

    def span(n: int) -> tuple[Span, ...]:
        return (Span(f"a{n}", 0, 4),)

    m1 = Meeting(
        id="2024-03-05-northport",
        date=dt.date(2024, 3, 5),
        title="Foreign ministers meet in Northport",
        location="Northport",
        participants=(
            Person("Anna Keller", "Foreign Minister"),
            Person(CYRILLIC, "Министр иностранных дел"),
            Person("Tom Reyes", "Deputy Minister", principal=False),
        ),
        sources=("a1", "a2"),
        facts=(
            Fact("The ministers discussed energy, trade and R&D cooperation.", span(1)),
            Fact("Talks lasted three hours <script>alert(1)</script> behind closed doors.", span(2)),
        ),
        quotes=(
            Quote(
                "We have opened a new chapter in our relations.",
                CYRILLIC,
                QuoteKind.DIRECT,
                "said",
                span(1),
                speaker_role="Министр иностранных дел",
            ),
            Quote(
                "the partnership would deepen {{ x }} and {% if %} nothing ]]> else",
                "Anna Keller",
                QuoteKind.REPORTED,
                "said",
                span(2),
            ),
        ),
        agreements=(
            Agreement(
                "Memorandum on energy cooperation",
                "A memorandum on energy cooperation was signed.",
                "signed",
                span(1),
                parties=("Northland", "Southland"),
            ),
        ),
    )
    m2 = Meeting(
        id="2024-03-20-talks",
        date=dt.date(2024, 3, 20),
        end_date=dt.date(2024, 3, 21),
        title="Trade talks in Eastvale",
        location="Eastvale",
        participants=(Person(CHINESE, "Trade Minister"), Person("Anna Keller", "Foreign Minister")),
        sources=("a2",),
        facts=(Fact("Both sides agreed to expand the quota for agricultural goods.", span(2)),),
        quotes=(Quote("Trade is the engine of our friendship.", CHINESE, QuoteKind.DIRECT, "said", span(2)),),
        agreements=(Agreement("Trade protocol", "A protocol on tariffs.", "announced", span(2)),),
    )
    m3 = Meeting(
        id="2024-06-02-summit",
        date=dt.date(2024, 6, 2),
        title="Leaders' summit at Lakeside",
        location="Lakeside",
        participants=(Person("Maria Lund", "President"), Person(CHINESE, "Trade Minister")),
        sources=("a3",),
        facts=(Fact("The leaders adopted a joint declaration.", span(3)),),
        quotes=(
            Quote("This summit marks a turning point.", "Maria Lund", QuoteKind.DIRECT, "said", span(3)),
        ),
        agreements=(Agreement("Joint declaration", "A joint declaration was adopted.", "adopted", span(3)),),
    )
    return Brief(
        title="Northland–Southland relations",
        subject="Ministerial and leaders' meetings, March–June 2024",
        generated_at=dt.datetime(2024, 7, 1, 9, 30, tzinfo=dt.UTC),
        articles=articles,
        meetings=(m1, m2, m3),
        problems=(Problem("corpus/broken.html", "no article text found"),),
    )


def _norm(text: str) -> str:
    return " ".join(text.split())


BRANDED = Config(marking="RESTRICTED", organisation="Policy Unit")


@pytest.fixture(scope="module")
def brief() -> Brief:
    return make_brief()


# --- HTML ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(brief: Brief) -> str:
    from briefgen.render.html import render_html

    return render_html(brief, BRANDED)


def test_html_escapes_article_text(html: str) -> None:
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "R&amp;D" in html
    assert "{{ x }}" in html and "{% if %}" in html and "]]&gt;" in html


def test_html_has_metadata_and_every_meeting_in_order(html: str, brief: Brief) -> None:
    assert "<title>Northland–Southland relations</title>" in html
    assert '<meta name="author" content="Policy Unit">' in html
    assert '<meta name="dcterms.created" content="2024-07-01T09:30:00+00:00">' in html
    positions = [html.index(f"<h2>{m.title.replace(chr(39), '&#39;')}</h2>") for m in brief.meetings]
    assert positions == sorted(positions)


def test_html_sources_numbered_by_first_citation(brief: Brief) -> None:
    from briefgen.render.context import template_context

    context = template_context(brief, Config())
    assert [(s["n"], s["id"]) for s in context["sources"]] == [(1, "a1"), (2, "a2"), (3, "a3"), (4, "a4")]
    assert context["cite"](["a3", "a1", "a1", "unknown"]) == [1, 3]
    assert context["cite"]("a2") == [2]
    assert context["summary"]["meeting_count"] == 3
    assert context["summary"]["period"] == {"start": "2024-03-05", "end": "2024-06-02"}
    assert [f["meeting_id"] for f in context["summary"]["facts"]] == [m.id for m in brief.meetings]
    register = context["agreements_register"]
    assert [(a["title"], a["meeting_date"]) for a in register] == [
        ("Memorandum on energy cooperation", "2024-03-05"),
        ("Trade protocol", "2024-03-20"),
        ("Joint declaration", "2024-06-02"),
    ]


def test_source_date_epoch_sets_the_document_date(brief: Brief, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.render.context import template_context

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert template_context(brief, Config())["document"]["created"] == "2023-11-14T22:13:20+00:00"


# --- PDF -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_bytes(brief: Brief) -> bytes:
    from briefgen.render.pdf import render_pdf

    return render_pdf(brief, BRANDED)


@pytest.fixture(scope="module")
def pdf(pdf_bytes: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf_bytes))


def _outline(reader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, depth first."""
    found: list[tuple[int, str, int]] = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return found


def test_pdf_bookmarks_follow_sections_and_meetings(pdf, brief: Brief) -> None:
    from briefgen.themes import daterange

    outline = _outline(pdf)
    assert [t for level, t, _ in outline if level == 1] == [
        "Executive summary",
        "Chronology",
        "Meetings",
        "Agreements register",
        "Sources",
    ]
    meetings = [(t, page) for level, t, page in outline if level == 2]
    assert [t for t, _ in meetings] == [m.title for m in brief.meetings]
    pages = [page for _, page in meetings]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)
    for (title, page), meeting in zip(meetings, brief.meetings, strict=True):
        text = _norm(pdf.pages[page].extract_text())
        assert title in text
        assert daterange(meeting.date, meeting.end_date) in text


def test_pdf_contents_page_numbers_match_headings(pdf) -> None:
    contents = pdf.pages[1].extract_text()
    assert contents.startswith("Contents")
    for _level, title, page in _outline(pdf):
        match = re.search(re.escape(title) + r"[\s.]*?(\d+)\s*$", contents, re.MULTILINE)
        assert match, f"{title!r} is not in the table of contents"
        assert int(match.group(1)) == page + 1, title


def test_pdf_running_header_and_footer(pdf) -> None:
    count = len(pdf.pages)
    for index in range(1, count):
        text = _norm(pdf.pages[index].extract_text())
        assert f"Page {index + 1} of {count}" in text
        assert "Northland–Southland relations" in text
        assert "RESTRICTED" in text
    cover = _norm(pdf.pages[0].extract_text())
    assert "Page 1 of" not in cover and "RESTRICTED" in cover


def test_pdf_text_is_literal_and_in_date_order(pdf, brief: Brief) -> None:
    text = _norm(" ".join(page.extract_text() for page in pdf.pages))
    for needle in DANGEROUS:
        assert needle in text, needle
    assert CYRILLIC in text and CHINESE in text
    body = text[text.index("Foreign ministers meet in Northport Date") :]
    positions = [body.index(m.title) for m in brief.meetings]
    assert positions == sorted(positions)


def _embedded_cmaps(reader) -> dict[str, set[int]]:
    """The characters each embedded font (subset) has a glyph for, by its BaseFont name."""
    from fontTools.ttLib import TTFont

    cmaps: dict[str, set[int]] = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            if name in cmaps:
                continue
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            key = next(k for k in ("/FontFile2", "/FontFile3", "/FontFile") if k in descriptor)
            program = TTFont(io.BytesIO(descriptor[key].get_object().get_data()))
            cmaps[name] = set(program.getBestCmap() or {})
    return cmaps


def test_pdf_draws_cyrillic_and_chinese_names_with_fonts_that_have_their_glyphs(pdf) -> None:
    """No boxes: each letter of the names is drawn with a font whose embedded program has its glyph."""
    letters = set((CYRILLIC + CHINESE).replace(" ", ""))
    drawn: dict[str, set[str]] = {}

    def visit(text, _cm, _tm, font, _size) -> None:
        if font is not None:
            for char in set(text) & letters:
                drawn.setdefault(char, set()).add(str(font["/BaseFont"]))

    for page in pdf.pages:
        page.extract_text(visitor_text=visit)
    cmaps = _embedded_cmaps(pdf)
    for char in sorted(letters):
        assert drawn.get(char), f"{char!r} is not in the PDF"
        for font in drawn[char]:
            assert ord(char) in cmaps[font], f"{font} has no glyph for {char!r}: it shows as a box"
    assert any("CJK" in font for font in drawn[CHINESE[0]]), drawn[CHINESE[0]]


def test_pdf_metadata_and_reproducible(pdf, pdf_bytes: bytes, brief: Brief) -> None:
    from briefgen.render.pdf import render_pdf

    meta = pdf.metadata
    assert meta.title == "Northland–Southland relations"
    assert meta.author == "Policy Unit"
    assert meta.subject == brief.subject
    assert meta["/CreationDate"].startswith("D:20240701093000")
    assert render_pdf(brief, BRANDED) == pdf_bytes


# --- the URL fetcher -----------------------------------------------------------------------------


def test_safe_fetcher_serves_only_template_files_and_data_urls(tmp_path: Path) -> None:
    from briefgen.render.pdf import SafeFetcher

    root = tmp_path / "theme"
    root.mkdir()
    (root / "logo.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    fetcher = SafeFetcher([root])

    assert fetcher.fetch((root / "logo.png").as_uri()).read() == b"\x89PNG fake"
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    refused = [
        "file:///etc/passwd",
        (tmp_path / "secret.txt").as_uri(),
        f"file://{root}/../secret.txt",
        (root / "link.txt").as_uri(),
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.css",
        "ftp://example.org/x",
    ]
    for url in refused:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.refused == refused


def test_pdf_never_fetches_urls_from_text_or_templates(tmp_path: Path) -> None:
    from briefgen.render.html import render_html
    from briefgen.render.pdf import SafeFetcher, html_to_pdf, trusted_roots

    brief = make_brief()
    meeting = brief.meetings[0]
    evil = Fact('<img src="file:///etc/passwd"> <link rel="stylesheet" href="http://127.0.0.1:9/a.css">', ())
    brief = Brief(
        brief.title,
        brief.generated_at,
        brief.articles,
        (Meeting(**{**meeting.__dict__, "facts": (evil,)}), *brief.meetings[1:]),
    )
    templates = tmp_path / "mine"
    templates.mkdir()
    (templates / "ok.png").write_bytes(_PNG)
    (templates / "brief.html.j2").write_text(
        '{% extends "!default/brief.html.j2" %}{% block cover %}'
        '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/b.png"><img src="ok.png">'
        "{% endblock %}",
        encoding="utf-8",
    )
    config = Config(templates=templates)
    html = render_html(brief, config)
    assert '<img src="file:///etc/passwd"> <link' not in html  # the article's markup is text

    fetcher = SafeFetcher(trusted_roots(config))
    data = html_to_pdf(html, config, fetcher)
    assert data.startswith(b"%PDF")
    assert fetcher.refused == ["file:///etc/passwd", "http://127.0.0.1:9/b.png"]


# A 1x1 PNG.
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101001810dd8f0000000049454e44ae426082"
)


# --- DOCX ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_bytes(brief: Brief) -> bytes:
    from briefgen.render.docx import render_docx

    return render_docx(brief, BRANDED)


@pytest.fixture(scope="module")
def document(docx_bytes: bytes):
    import docx

    return docx.Document(io.BytesIO(docx_bytes))


def test_docx_headings_use_heading_styles(document, brief: Brief) -> None:
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Northland–Southland relations"]
    assert by_style["Heading 1"] == [
        "Executive summary",
        "Chronology",
        "Meetings",
        "Agreements register",
        "Sources",
    ]
    assert by_style["Heading 2"] == [m.title for m in brief.meetings]
    assert "Quotes" in by_style["Heading 3"]
    assert len(by_style["List Bullet"]) >= 8


def test_docx_has_real_tables(document, brief: Brief) -> None:
    chronology, register = document.tables
    rows = [[cell.text for cell in row.cells] for row in chronology.rows]
    assert rows[0] == ["Date", "Meeting", "Place", "Participants"]
    assert [r[1] for r in rows[1:]] == [m.title for m in brief.meetings]
    assert rows[2][0] == "20–21 March 2024"
    assert CYRILLIC in rows[1][3] and CHINESE in rows[2][3]
    assert len(register.rows) == 1 + 3
    assert chronology.style.name == "Table Grid"


def test_docx_quotes_and_literal_text(document) -> None:
    text = "\n".join(p.text for p in document.paragraphs)
    assert "“We have opened a new chapter in our relations.”" in text
    assert f"— {CYRILLIC}, Министр иностранных дел (direct quote)" in text
    assert f"— {CHINESE} (direct quote)" in text
    for needle in DANGEROUS:
        assert needle in text, needle


def test_docx_xml_is_valid_with_toc_field_header_footer_and_links(docx_bytes: bytes) -> None:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(data, etree.XMLParser(recover=False))  # raises on invalid XML
    body = parts["word/document.xml"].decode("utf-8")
    assert re.search(r'<w:fldChar w:fldCharType="begin" w:dirty="true"/>', body)
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert '<w:updateFields w:val="true"/>' in parts["word/settings.xml"].decode()
    assert "<w:hyperlink" in body
    rels = parts["word/_rels/document.xml.rels"].decode()
    assert 'Target="https://example.org/one" TargetMode="External"' in rels
    assert "https://example.org/two?a=1&amp;b=2" in rels
    headers = " ".join(v.decode() for k, v in parts.items() if k.startswith("word/header"))
    footers = " ".join(v.decode() for k, v in parts.items() if k.startswith("word/footer"))
    assert "Northland–Southland relations" in headers and "RESTRICTED" in headers
    assert " PAGE " in footers and " NUMPAGES " in footers and "Policy Unit" in footers
    assert "{{" not in headers + footers and "{%" not in body.replace("{% if %}", "")


def test_docx_properties_and_reproducible(document, docx_bytes: bytes, brief: Brief) -> None:
    from briefgen.render.docx import render_docx

    props = document.core_properties
    assert props.title == "Northland–Southland relations"
    assert props.author == "Policy Unit"
    assert props.created == dt.datetime(2024, 7, 1, 9, 30, tzinfo=dt.UTC)
    assert render_docx(brief, BRANDED) == docx_bytes


def test_docx_keeps_docxtpl_escapes_and_control_characters_out(tmp_path: Path) -> None:
    import docx

    from briefgen.render.docx import render_docx

    brief = make_brief()
    meeting = brief.meetings[0]
    odd = Fact("keep {_{ y }_} and {_% z %_} literally\x07\x0c\x00 done", ())
    brief = Brief(
        brief.title,
        brief.generated_at,
        brief.articles,
        (Meeting(**{**meeting.__dict__, "facts": (odd,)}),),
    )
    document = docx.Document(io.BytesIO(render_docx(brief, Config())))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "keep {_{ y }_} and {_% z %_} literally done" in text


# --- what the reader sees ------------------------------------------------------------------------


def _pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [_norm(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_reported_speech_is_shown_with_a_capital_but_kept_verbatim_in_the_data(
    pdf, document, brief: Brief
) -> None:
    from briefgen.render.json import render_json

    shown = "The partnership would deepen"
    pdf_text = _norm(" ".join(page.extract_text() for page in pdf.pages))
    docx_text = "\n".join(p.text for p in document.paragraphs)
    for text in (pdf_text, docx_text):
        assert shown in text and shown.lower() not in text
    assert '"text": "the partnership would deepen' in render_json(brief)
    # Direct quotes are quotations: never changed.
    assert "“We have opened a new chapter in our relations.”" in pdf_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he said so", "He said so"),
        ("“we agree”", "“We agree”"),
        ("  über alles", "  Über alles"),
        ("цель достигнута", "Цель достигнута"),
        ("Already capital", "Already capital"),
        ("42 projects", "42 projects"),
        ("$5 billion", "$5 billion"),
        ("中文", "中文"),
        ("", ""),
        (None, ""),
    ],
)
def test_capfirst(text: str | None, expected: str) -> None:
    from briefgen.themes import capfirst

    assert capfirst(text) == expected


def test_cover_leaves_out_a_subject_the_title_already_says(pdf, document, brief: Brief) -> None:
    import dataclasses

    import docx

    from briefgen.render.docx import render_docx
    from briefgen.render.pdf import render_pdf

    # A subject the title does not say is on the cover of both formats...
    assert brief.subject in _norm(pdf.pages[0].extract_text())
    assert [p.text for p in document.paragraphs if p.style.name == "Subtitle"] == [brief.subject]
    # ...and left out when the title says it already.
    said = dataclasses.replace(
        brief, title="Briefing: Northland – Southland", subject="Northland – Southland"
    )
    cover = _pdf_pages(render_pdf(said, Config()))[0]
    assert cover.count("Northland – Southland") == 1, cover
    word = docx.Document(io.BytesIO(render_docx(said, Config())))
    assert [p.text for p in word.paragraphs if p.style.name == "Title"] == ["Briefing: Northland – Southland"]
    assert not [p for p in word.paragraphs if p.style.name == "Subtitle"]


def test_a_sentence_reporting_two_agreements_is_shown_once_per_section(brief: Brief) -> None:
    import dataclasses

    from briefgen.render.docx import render_docx
    from briefgen.render.html import render_html

    shared = "The ministers signed a memorandum on energy and a protocol on trade."
    span = (Span("a1", 0, 4),)
    agreements = (
        Agreement("Memorandum on energy", shared, "signed", span),
        Agreement("Protocol on trade", shared, "signed", span),
    )
    meeting = dataclasses.replace(brief.meetings[0], agreements=agreements)
    twice = dataclasses.replace(brief, meetings=(meeting,))
    html = render_html(twice, Config())
    words = _docx_text(render_docx(twice, Config()))
    for text in (html, words):
        assert text.count(shared) == 2  # the meeting's list and the register, once each
        assert "Memorandum on energy" in text and "Protocol on trade" in text


# --- customisation -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def custom(tmp_path_factory: pytest.TempPathFactory) -> Config:
    from briefgen.config import load_config

    root = tmp_path_factory.mktemp("custom")
    (root / "mytemplates").mkdir()
    (root / "mytemplates" / "brief.html.j2").write_text(
        '{% extends "!default/brief.html.j2" %}\n'
        '{% block summary %}<section class="section" id="summary"><h1>{{ section_titles.summary }}</h1>'
        "<p>Custom summary for {{ summary.meeting_count }} meetings</p></section>{% endblock %}\n",
        encoding="utf-8",
    )
    (root / "logo.png").write_bytes(_PNG)
    (root / "briefgen.toml").write_text(
        'primary_colour = "#800000"\nlogo = "logo.png"\ntemplates = "mytemplates"\n'
        'organisation = "Custom Org"\nsections = ["summary", "meetings", "sources"]\n',
        encoding="utf-8",
    )
    return load_config(None, root)


def test_custom_block_colour_and_logo_change_the_pdf(custom: Config, brief: Brief) -> None:
    from pypdf import PdfReader

    from briefgen.render.html import render_html
    from briefgen.render.pdf import render_pdf

    html = render_html(brief, custom)
    assert "--primary: #800000;" in html
    assert 'src="data:image/png;base64,' in html
    reader = PdfReader(io.BytesIO(render_pdf(brief, custom)))
    text = _norm(" ".join(page.extract_text() for page in reader.pages))
    assert "Custom summary for 3 meetings" in text
    assert "Key points" not in text and "KEY POINTS" not in text
    assert [t for level, t, _ in _outline(reader) if level == 1] == [
        "Executive summary",
        "Meetings",
        "Sources",
    ]
    images = [
        name
        for name, obj in reader.pages[0]["/Resources"].get("/XObject", {}).items()
        if obj.get_object()["/Subtype"] == "/Image"
    ]
    assert images, "the logo is not on the cover"


def test_custom_colour_logo_and_sections_change_the_docx(custom: Config, brief: Brief) -> None:
    import docx

    from briefgen.render.docx import render_docx

    data = render_docx(brief, custom)
    document = docx.Document(io.BytesIO(data))
    assert str(document.styles["Heading 1"].font.color.rgb) == "800000"
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "Executive summary",
        "Meetings",
        "Sources",
    ]
    assert not document.tables
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert any(name.startswith("word/media/") for name in package.namelist())
    assert document.core_properties.author == "Custom Org"


# --- template errors and lookup ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            '{% extends "!default/brief.html.j2" %}{% block summary %}\n\n{{ nothing_here }}{% endblock %}',
            r"brief\.html\.j2:3: undefined variable: 'nothing_here' is undefined",
        ),
        (
            '{% extends "!default/brief.html.j2" %}\n{% block summary %}{% if %}{% endblock %}',
            r"brief\.html\.j2:2: ",
        ),
        ("{{ brief.__class__.__mro__ }}", r"brief\.html\.j2:1: "),
        ('{% include "missing.html.j2" %}', r"template not found: missing\.html\.j2"),
    ],
)
def test_template_errors_name_file_and_line(tmp_path: Path, brief: Brief, source: str, message: str) -> None:
    from briefgen.errors import TemplateError
    from briefgen.render.html import render_html

    (tmp_path / "brief.html.j2").write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError, match=message):
        render_html(brief, Config(templates=tmp_path))


def test_theme_lookup_order_and_unknown_theme(tmp_path: Path) -> None:
    from briefgen.errors import UsageError
    from briefgen.themes import builtin_themes_dir, list_themes, theme_dirs

    assert "default" in list_themes()
    assert theme_dirs(Config()) == [builtin_themes_dir() / "default"]
    assert theme_dirs(Config(templates=tmp_path))[0] == tmp_path.resolve()
    with pytest.raises(UsageError, match="unknown theme 'nope'"):
        theme_dirs(Config(theme="nope"))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-03-05", None, "5 March 2024"),
        ("2024-03-05", "2024-03-05", "5 March 2024"),
        ("2024-03-05", "2024-03-07", "5–7 March 2024"),
        ("2024-03-30", "2024-04-02", "30 March – 2 April 2024"),
        ("2023-12-30", "2024-01-02", "30 December 2023 – 2 January 2024"),
    ],
)
def test_daterange(start: str, end: str | None, expected: str) -> None:
    from briefgen.themes import daterange

    assert daterange(start, end) == expected


# --- atomic writes -------------------------------------------------------------------------------


def test_write_atomic_replaces_whole_files(tmp_path: Path) -> None:
    from briefgen.render.write import write_atomic

    target = tmp_path / "out" / "brief.txt"
    write_atomic(target, "первый")
    assert target.read_text(encoding="utf-8") == "первый"
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["brief.txt"]


def test_write_atomic_leaves_the_old_file_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from briefgen.errors import RenderError
    from briefgen.render import write

    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, "replace", fail)
    with pytest.raises(RenderError, match=r"brief\.pdf"):
        write.write_atomic(target, b"new" * 1000)
    monkeypatch.setattr(write.os, "replace", os.replace)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


# --- the memo theme and the shipped Word templates -----------------------------------------------


def test_memo_theme_is_a_short_note(brief: Brief) -> None:
    import docx
    from pypdf import PdfReader

    from briefgen.render.docx import render_docx
    from briefgen.render.pdf import render_pdf

    memo = Config(theme="memo", organisation="Policy Unit", marking="RESTRICTED")
    reader = PdfReader(io.BytesIO(render_pdf(brief, memo)))
    assert len(reader.pages) <= 2
    assert [t for _, t, _ in _outline(reader)] == ["Summary", "Chronology", "Agreements", "Sources"]
    text = _norm(" ".join(page.extract_text() for page in reader.pages))
    assert "RESTRICTED" in text and "Page 1 of" in text and "Executive summary" not in text
    assert "Foreign ministers meet in Northport" in text and CHINESE in text

    document = docx.Document(io.BytesIO(render_docx(brief, memo)))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "Summary",
        "Chronology",
        "Agreements",
        "Sources",
    ]
    assert len(document.tables) == 2


def test_shipped_word_templates_are_what_the_script_makes(tmp_path: Path) -> None:
    import importlib.util

    from briefgen.themes import builtin_themes_dir

    script = Path(__file__).resolve().parent.parent / "tools" / "make_docx_template.py"
    spec = importlib.util.spec_from_file_location("make_docx_template", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--out", str(tmp_path)]) == 0
    for theme in module.THEMES:
        made = (tmp_path / theme / "brief.docx").read_bytes()
        shipped = (builtin_themes_dir() / theme / "brief.docx").read_bytes()
        assert made == shipped, (
            f"templates/{theme}/brief.docx is stale: run python tools/make_docx_template.py"
        )


@pytest.mark.parametrize("theme", ["default", "memo"])
def test_an_empty_brief_renders_in_every_format(theme: str) -> None:
    import docx
    from pypdf import PdfReader

    from briefgen.render.docx import render_docx
    from briefgen.render.html import render_html
    from briefgen.render.pdf import render_pdf

    empty = Brief("Nothing found", dt.datetime(2024, 1, 1, tzinfo=dt.UTC), (), ())
    config = Config(theme=theme)
    assert "No meetings were found" in render_html(empty, config)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(empty, config))).pages)
    assert "No meetings were found" in _norm(text)
    document = docx.Document(io.BytesIO(render_docx(empty, config)))
    assert "No meetings were found" in "\n".join(p.text for p in document.paragraphs)


def test_word_template_errors_name_the_file(tmp_path: Path, brief: Brief) -> None:
    import docx

    from briefgen.errors import TemplateError
    from briefgen.render.docx import render_docx

    document = docx.Document()
    document.add_paragraph("Hello {{ no_such_value }}")
    document.save(tmp_path / "brief.docx")
    with pytest.raises(TemplateError, match=r"brief\.docx.*no_such_value"):
        render_docx(brief, Config(templates=tmp_path))


def test_a_failed_render_leaves_every_previous_output(
    brief: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JSON is written while it is rendered; a PDF that fails to render must still leave the old JSON."""
    import dataclasses

    from briefgen.errors import RenderError
    from briefgen.render import pdf
    from briefgen.render.outputs import write_outputs

    out = tmp_path / "out"
    write_outputs(brief, out, ["json", "pdf"])
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def fail(*args, **kwargs):
        raise RenderError("the PDF could not be made")

    monkeypatch.setattr(pdf, "render_pdf", fail)
    with pytest.raises(RenderError):
        write_outputs(dataclasses.replace(brief, title="A later brief"), out, ["json", "pdf"])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before

"""Articles saved as PDF or Word documents, and news feeds and news XML, read like any other article."""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from briefgen import documents
from briefgen.corpus import read_file
from briefgen.errors import ArticleError
from briefgen.extract import extract_article

LEAD = (
    "Foreign Minister Ana Costa received Foreign Minister Olaf Weber in Lisbon on Tuesday for talks on "
    "trade, energy and mobility between the two countries, which have grown closer in recent years."
)
QUOTE = '"Our partnership has never been stronger," Costa told reporters after the meeting.'
SIGNED = (
    "The two ministers signed an agreement on visa-free travel for holders of official passports and a "
    "memorandum of understanding on energy cooperation."
)


def _pdf(tmp_path: Path, body: str, css: str = "") -> Path:
    path = tmp_path / "release.pdf"
    HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(path)
    return path


def test_a_press_release_saved_as_pdf(tmp_path):
    path = _pdf(
        tmp_path,
        "<p>MINISTRY OF FOREIGN AFFAIRS — PRESS RELEASE</p>"
        "<h1>Foreign ministers sign visa agreement in Lisbon</h1>"
        f"<p>Lisbon, 5 March 2024</p><p>{LEAD}</p><p>{QUOTE}</p><p>{SIGNED}</p>",
    )
    [article], problems = read_file(path)
    extraction = extract_article(article)
    assert problems == []
    assert article.title == "Foreign ministers sign visa agreement in Lisbon"  # not the kicker above it
    assert article.paragraph_texts()[0].split() == LEAD.split()  # the page's line breaks joined
    assert extraction.event_date == dt.date(2024, 3, 5)
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("Our partnership has never been stronger", "Ana Costa")
    ]
    assert [a.title for a in extraction.agreements] == [
        "Agreement on visa-free travel for holders of official passports",
        "Memorandum of understanding on energy cooperation",
    ]


def test_a_pdf_s_running_footer_and_page_numbers_are_not_text(tmp_path):
    css = '@page { @bottom-center { content: "Ministry of Foreign Affairs · page " counter(page) } }'
    filler = "".join(f"<p>{LEAD}</p>" for _ in range(40))
    [article], _ = read_file(_pdf(tmp_path, f"<h1>Ministers meet in Lisbon</h1>{filler}", css))
    assert len(PdfReader(tmp_path / "release.pdf").pages) >= 3
    assert not any("Ministry of Foreign Affairs" in p for p in article.paragraph_texts())


def test_an_encrypted_pdf_is_named_with_its_problem(tmp_path):
    source = PdfReader(_pdf(tmp_path, f"<p>{LEAD}</p>"))
    writer = PdfWriter()
    for page in source.pages:
        writer.add_page(page)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ArticleError, match=r"locked\.pdf: the PDF is encrypted"):
        read_file(path)


def _docx(tmp_path: Path, title: str | None = None) -> Path:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_heading("Foreign ministers sign visa agreement in Lisbon", level=1)
    for text in ("Lisbon, 5 March 2024", LEAD, QUOTE):
        document.add_paragraph(text)
    path = tmp_path / "release.docx"
    document.save(path)
    return path


def test_a_press_release_saved_as_a_word_document(tmp_path):
    [article], _ = read_file(_docx(tmp_path))
    extraction = extract_article(article)
    assert article.title == "Foreign ministers sign visa agreement in Lisbon"  # its Heading 1
    assert article.paragraph_texts() == [LEAD, QUOTE]
    assert extraction.event_date == dt.date(2024, 3, 5)
    assert {p.name for p in extraction.participants} == {"Ana Costa", "Olaf Weber"}


def test_a_word_document_that_unpacks_to_too_much_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ArticleError, match="unpacks to too much data"):
        read_file(_docx(tmp_path))


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Lisbon Ledger</title>
<item><title>Costa and Weber sign visa deal</title><link>https://ledger.example/1</link>
<pubDate>Tue, 05 Mar 2024 18:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{lead}</p><p>{quote}</p>]]></content:encoded></item>
<item><title>Energy ministers meet</title><link>https://ledger.example/2</link>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
<description>The energy ministers met on Wednesday to discuss the new interconnector.</description></item>
</channel></rss>"""


def test_an_rss_feed_is_an_article_an_item(tmp_path):
    path = tmp_path / "ledger.xml"
    path.write_text(RSS.format(lead=LEAD, quote=QUOTE), encoding="utf-8")
    articles, problems = read_file(path)
    assert problems == []
    assert [(a.id, a.title, a.outlet, a.url) for a in articles] == [
        ("ledger-1", "Costa and Weber sign visa deal", "Lisbon Ledger", "https://ledger.example/1"),
        ("ledger-2", "Energy ministers meet", "Lisbon Ledger", "https://ledger.example/2"),
    ]
    assert articles[0].paragraph_texts() == [LEAD, QUOTE]  # the item's HTML stripped
    assert extract_article(articles[0]).event_date == dt.date(2024, 3, 5)


def test_an_atom_feed(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><title>Talks in Lisbon</title>'
        '<link href="https://wire.example/a"/><published>2024-03-05T17:00:00Z</published>'
        f"<content type='html'>&lt;p&gt;{LEAD}&lt;/p&gt;</content></entry></feed>",
        encoding="utf-8",
    )
    [article], _ = read_file(path)
    assert (article.title, article.url, article.meta_date) == (
        "Talks in Lisbon",
        "https://wire.example/a",
        "2024-03-05T17:00:00Z",
    )
    assert article.paragraph_texts() == [LEAD]


def test_a_news_agency_s_nitf_story(tmp_path):
    path = tmp_path / "story.xml"
    path.write_text(
        '<nitf><head><title>Talks</title><docdata><date.issue norm="20240305T170000Z"/></docdata></head>'
        "<body><body.head><hedline><hl1>Costa and Weber hold talks in Lisbon</hl1></hedline></body.head>"
        f"<body.content><p>{LEAD}</p><p>{QUOTE}</p></body.content></body></nitf>",
        encoding="utf-8",
    )
    [article], _ = read_file(path)
    assert article.id == "story"
    assert article.title == "Costa and Weber hold talks in Lisbon"
    assert article.paragraph_texts() == [LEAD, QUOTE]
    assert extract_article(article).article.published == dt.date(2024, 3, 5)


def test_xml_entities_are_never_expanded(tmp_path):
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    path = tmp_path / "bomb.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY l0 "lol">{laughs}]>'
        f"<nitf><body><p>{LEAD}</p><p>&l9;</p></body></nitf>",
        encoding="utf-8",
    )
    started = time.perf_counter()
    with pytest.raises(ArticleError, match=r"bomb\.xml: invalid XML"):  # refused, not expanded
        read_file(path)
    assert time.perf_counter() - started < 5


def test_xml_that_is_not_a_feed_nor_a_story_is_named_with_its_problem(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text("<urlset><url><loc>https://x.example/</loc></url></urlset>", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"sitemap\.xml: no article text in the XML"):
        read_file(path)
    path.write_text("<urlset><url>", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"sitemap\.xml: invalid XML"):
        read_file(path)


def test_the_docx_helper_reads_bytes_in_memory():
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(LEAD)
    document.save(buffer)
    assert documents.docx_text(buffer.getvalue()) == (LEAD, None)


def test_a_pdf_s_lines_are_joined_into_its_paragraphs():
    # Lines as the layout text gives them, a blank line for each vertical gap on the page.
    pages = [
        [
            "PRESS RELEASE",
            "Programme of the visit",
            "",
            "On 11–12 February, Prime Minister of the Kingdom of Norway Håkon Bjørnstad",
            "is paying an official visit to Lithuania, the first visit since 2011.",
            "",
            "“Norway is not a distant friend,” Grigaitienė said at the press conference in",
            "Vilnius on Wednesday, where the two signed a Programme of Cooperation for 2026–",
        ],
        [
            "2029 on education and culture.",
            "",
            "• an agreement on undersea cables;",
            "• a memorandum on",
            "energy.",
            "",
        ],
    ]
    assert documents._paragraphs(pages) == [
        "PRESS RELEASE",  # a kicker in capitals is not part of the headline below it
        "Programme of the visit",
        "On 11–12 February, Prime Minister of the Kingdom of Norway Håkon Bjørnstad is paying an official "
        "visit to Lithuania, the first visit since 2011.",
        "“Norway is not a distant friend,” Grigaitienė said at the press conference in Vilnius on Wednesday, "
        "where the two signed a Programme of Cooperation for 2026–2029 on education and culture.",
        "• an agreement on undersea cables;",
        "• a memorandum on energy.",
    ]
    # A list's bullets, which the text layer may give on a line of their own, are no line of text.
    assert documents._without_running_lines(["a\n• • •\nb"]) == [["a", "", "b"]]

"""Text out of files that are not plain text: PDF and Word documents, RSS and Atom feeds, news XML.

Each function turns a file's bytes into text, or into records of fields, that corpus.py lays out like
any other article. Nothing in a file is run, followed or fetched: XML entities are not expanded,
external resources are not loaded, and a zip (a .docx) is measured before it is unpacked.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

MAX_PAGES = 60  # a brief reads articles and press releases, not reports of hundreds of pages
MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a .docx that unpacks to more than this is a zip bomb


class DocumentError(ValueError):
    """The file is not a document of its kind, or cannot be read safely; the message says why."""


# ---------------------------------------------------------------- PDF


def pdf_text(data: bytes) -> tuple[str, str | None]:
    """The text of a PDF's pages (running heads, feet and page numbers left out) and its title."""
    from pypdf import PdfReader  # imported here: only corpora with PDFs pay for it
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
        title = _meta_title(reader.metadata.title if reader.metadata else None)
    except PdfReadError as error:
        raise DocumentError(f"not a readable PDF ({error})") from error
    text = "\n\n".join(_paragraphs(_without_running_lines(pages)))
    if not text:
        raise DocumentError("no text in the PDF (a scan needs OCR first)")
    return text, title


def _paragraphs(pages: list[list[str]]) -> list[str]:
    """The lines of the pages joined into paragraphs: a PDF knows lines, not paragraphs. A paragraph
    ends at a line that closes a sentence well short of the page's width (its last line), at a short
    line that closes nothing (a heading), or before a bullet; it runs on across a page break."""
    paragraphs: list[str] = []
    current: list[str] = []
    lengths = sorted(len(line) for page in pages for line in page)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0  # the text's width, as pages share it
    for page in pages:
        for i, line in enumerate(page):
            current.append(line)
            following = page[i + 1] if i + 1 < len(page) else None
            if following is None:
                continue  # the paragraph may go on on the next page
            closes = line[-1] in '.!?:;"”’)»'
            short = len(line) < 0.85 * width
            heading = len(line) < 0.6 * width and line[-1] not in ",-–" and _OPENS.match(following)
            if (closes and short) or heading or _BULLET.match(following):
                paragraphs.append(" ".join(current))
                current = []
        if current and page and page[-1][-1] in '.!?:;"”’)»':
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return [_HYPHEN_BREAK.sub(r"\1", paragraph) for paragraph in paragraphs]


_BULLET = re.compile(r"[•▪◦‣·–-]\s")
_OPENS = re.compile(r"[\"“‘«(]?[A-Z0-9]")  # what can start a paragraph after a heading
# A word broken at a hyphen or dash at the end of a line: "Defence-" "Industrial", "2026–" "2029".
_HYPHEN_BREAK = re.compile(r"(\w[-–]) (?=\w)")


def _without_running_lines(pages: list[str]) -> list[list[str]]:
    """Each page's text without its running head and foot (the lines at the top or bottom that most
    pages repeat, page numbers aside: "Ministry of Foreign Affairs · page 3") and bare page numbers."""
    # Lines of bullets alone: a list's markers, which the text layer gives apart from the items.
    lines = [
        [line.strip() for line in page.splitlines() if not _BULLETS_ONLY.fullmatch(line)] for page in pages
    ]
    edges = Counter(_running_key(line) for page in lines for line in set(page[:2] + page[-2:]))
    running = {key for key, count in edges.items() if len(pages) >= 3 and count >= 0.6 * len(pages)}
    kept = []
    for page in lines:
        edge = set(range(min(2, len(page)))) | set(range(max(0, len(page) - 2), len(page)))
        kept.append(
            [
                line
                for i, line in enumerate(page)
                if not (i in edge and _running_key(line) in running) and not _PAGE_NUMBER.fullmatch(line)
            ]
        )
    return kept


def _running_key(line: str) -> str:
    """A line with its numbers blanked: the same running foot on every page."""
    return re.sub(r"\d+", "#", line)


_BULLETS_ONLY = re.compile(r"[\s•▪◦‣·]*")
_PAGE_NUMBER = re.compile(r"(?i)(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?|-\s*\d{1,3}\s*-")


def _meta_title(value: object) -> str | None:
    """A document's own title, unless it is a file name or a word processor's placeholder."""
    title = " ".join(str(value).split()) if value else ""
    if len(title.split()) < 3 or _FILE_NAME.search(title):
        return None
    return title


_FILE_NAME = re.compile(r"(?i)\.(?:docx?|pdf|odt|rtf|txt)\b|^microsoft word\b|^untitled\b")


# ---------------------------------------------------------------- Word


def docx_text(data: bytes) -> tuple[str, str | None]:
    """The paragraphs of a Word document (one a line, with a blank line between) and its title."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise DocumentError("the document unpacks to too much data")
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError) as error:
        raise DocumentError("not a Word .docx document") from error
    paragraphs = [(p.text.strip(), p.style.name if p.style is not None else "") for p in document.paragraphs]
    title = _meta_title(document.core_properties.title) or next(
        (text for text, style in paragraphs if text and style in ("Title", "Heading 1")), None
    )
    text = "\n\n".join(text for text, _ in paragraphs if text)
    if not text:
        raise DocumentError("no text in the Word document")
    return text, title


# ---------------------------------------------------------------- feeds and news XML


def xml_records(data: bytes) -> list[dict[str, str]]:
    """The items of an RSS or Atom feed, or the one story of a news XML document (NITF, NewsML, or any
    XML whose text is in <p> elements), as records of title, date, body, url and outlet."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise DocumentError(f"invalid XML ({error})") from error
    if root is None:
        raise DocumentError("no XML document")
    kind = _local(root.tag)
    if kind == "rss" or kind == "RDF":
        channel = _child(root, "channel")
        outlet = _text(_child(channel, "title")) if channel is not None else None
        items = [e for e in root.iter() if _local(e.tag) == "item"]
        return [_rss_item(item, outlet) for item in items]
    if kind == "feed":
        outlet = _text(_child(root, "title"))
        return [_atom_entry(entry, outlet) for entry in root if _local(entry.tag) == "entry"]
    return [_news_document(root)]


def _rss_item(item, outlet: str | None) -> dict[str, str]:
    fields = {_local(child.tag): child for child in item}
    return _record(
        title=_text(fields.get("title")),
        date=_first_text(fields, "pubDate", "date"),  # "date": Dublin Core's, in RSS 1.0
        body=_first_text(fields, "encoded", "description"),  # content:encoded is the whole story
        url=_text(fields.get("link")),
        outlet=_text(fields.get("source")) or outlet,
    )


def _atom_entry(entry, outlet: str | None) -> dict[str, str]:
    fields = {_local(child.tag): child for child in entry}
    link = fields.get("link")
    return _record(
        title=_text(fields.get("title")),
        date=_first_text(fields, "published", "updated"),
        body=_first_text(fields, "content", "summary"),
        url=link.get("href") if link is not None else None,
        outlet=outlet,
    )


# Where news XML formats keep the headline and the date: NITF (hl1, date.issue), NewsML-G2
# (headline, firstCreated, versionCreated), and common names.
_TITLE_TAGS = ("hl1", "headline", "title", "hedline")
_DATE_TAGS = ("date.issue", "firstCreated", "versionCreated", "pubDate", "published", "date", "dateline")


def _news_document(root) -> dict[str, str]:
    elements = list(root.iter())
    by_name: dict[str, list] = {}
    for element in elements:
        by_name.setdefault(_local(element.tag), []).append(element)
    title = next((_text(by_name[t][0]) for t in _TITLE_TAGS if t in by_name and _text(by_name[t][0])), None)
    date = None
    for tag in _DATE_TAGS:
        for element in by_name.get(tag, []):
            date = element.get("norm") or _text(element)
            if date:
                break
        if date:
            break
    paragraphs = [_text(p) for p in by_name.get("p", [])]
    body = "\n\n".join(p for p in paragraphs if p)
    return _record(title=title, date=_iso_date(date), body=body, url=None, outlet=None)


def _iso_date(value: str | None) -> str | None:
    """NITF's "20240305T170000Z" as "2024-03-05"; other dates as they are."""
    basic = _BASIC_DATE.match(value or "")
    return f"{basic.group(1)}-{basic.group(2)}-{basic.group(3)}" if basic else value


_BASIC_DATE = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)(?:T\d{4,6}(?:Z|[+-]\d{4})?)?$")


def _first_text(fields: dict, *names: str) -> str | None:
    """The text of the first of NAMES that FIELDS has with some text (an element with no children is
    false in a test, so each is compared with None)."""
    for name in names:
        element = fields.get(name)
        if element is not None and (text := _text(element)):
            return text
    return None


def _record(**fields: str | None) -> dict[str, str]:
    return {name: value for name, value in fields.items() if value}


def _local(tag: object) -> str:
    """An element's name without its namespace ("{http://www.w3.org/2005/Atom}entry" -> "entry")."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _child(element, name: str):
    return (
        next((child for child in element if _local(child.tag) == name), None) if element is not None else None
    )


def _text(element) -> str | None:
    """All the text of an element (HTML inside a feed's CDATA stays markup, for corpus.py to strip)."""
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None

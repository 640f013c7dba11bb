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

from briefgen.text import BULLET_MARKS

MAX_PAGES = 60  # a brief reads articles and press releases, not reports of hundreds of pages
MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a .docx that unpacks to more than this is a zip bomb


class DocumentError(ValueError):
    """The file is not a document of its kind, or cannot be read safely; the message says why."""


# ---------------------------------------------------------------- PDF


def pdf_text(data: bytes) -> str:
    """The text of a PDF's pages, in paragraphs (running heads, feet and page numbers left out). Its
    metadata title is not used: it is often a template's or a file's name ("Press release",
    "Microsoft Word - draft3.docx"), and the headline is on the page."""
    from pypdf import PdfReader  # imported here: only corpora with PDFs pay for it
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("the PDF is encrypted")
        # The layout mode keeps the page's vertical gaps as blank lines: they are where paragraphs,
        # headings and list items part (the plain mode gives lines only).
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages[:MAX_PAGES]]
    except PdfReadError as error:
        raise DocumentError(f"not a readable PDF ({error})") from error
    text = "\n\n".join(_paragraphs(_without_running_lines(pages)))
    if not text:
        raise DocumentError("no text in the PDF (a scan needs OCR first)")
    return text


def _paragraphs(pages: list[list[str]]) -> list[str]:
    """The blocks of lines between blank lines, each joined into one paragraph; a paragraph that a
    page break cuts (no full stop at the page's end, lower case or a figure at the next page's start)
    is one."""
    paragraphs: list[str] = []
    for page in pages:
        blocks = [block.split("\n") for block in "\n".join(_kickers_apart(page)).split("\n\n")]
        blocks = [item for block in blocks for item in _list_items(block)]
        for i, lines in enumerate(block for block in blocks if any(block)):
            paragraph = _HYPHEN_BREAK.sub(r"\1", " ".join(line for line in lines if line))
            continued = paragraph[:1].islower() or paragraph[:1].isdigit()
            if i == 0 and paragraphs and paragraphs[-1][-1] not in _CLOSING and continued:
                paragraphs[-1] = _HYPHEN_BREAK.sub(r"\1", f"{paragraphs[-1]} {paragraph}")
            else:
                paragraphs.append(paragraph)
    return paragraphs


_CLOSING = '.!?:;"”’)»'
# A word broken at a hyphen or dash at the end of a line: "Defence-" "Industrial", "2026–" "2029".
_HYPHEN_BREAK = re.compile(r"(\w[-–]) (?=\w)")


def _list_items(block: list[str]) -> list[list[str]]:
    """A block's lines, cut before each line that starts with a bullet (list items follow each other
    with no gap)."""
    items: list[list[str]] = []
    for line in block:
        if not items or _BULLET.match(line):
            items.append([line])
        else:
            items[-1].append(line)
    return items


_BULLET = re.compile(rf"[–{BULLET_MARKS}-]\s")


def _kickers_apart(lines: list[str]) -> list[str]:
    """A line in capitals right above one that is not ("PRESS RELEASE" over the headline) is a label
    of its own: a blank line is put after it."""
    result: list[str] = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        result.append(line)
        if following and _is_capitals(line) and not _is_capitals(following):
            result.append("")
    return result


def _is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _without_running_lines(pages: list[str]) -> list[list[str]]:
    """Each page's lines (white space runs made one space, blank lines kept as "") without its running
    head and foot (the lines at its top or bottom that most pages repeat, page numbers aside: "Ministry
    of Foreign Affairs · page 3"), bare page numbers, and lines of bullets alone (a list's markers,
    which the text layer may give apart from the items)."""
    lines = [[" ".join(line.split()) for line in page.splitlines()] for page in pages]
    lines = [["" if _BULLETS_ONLY.fullmatch(line) else line for line in page] for page in lines]
    texts = [[line for line in page if line] for page in lines]
    edges = Counter(_running_key(line) for page in texts for line in set(page[:2] + page[-2:]))
    running = {key for key, count in edges.items() if len(pages) >= 3 and count >= 0.6 * len(pages)}
    kept = []
    for page, text in zip(lines, texts, strict=True):
        edge = set(text[:2] + text[-2:])
        kept.append(
            [
                ""
                if (line in edge and _running_key(line) in running) or _PAGE_NUMBER.fullmatch(line)
                else line
                for line in page
            ]
        )
    return kept


def _running_key(line: str) -> str:
    """A line with its numbers blanked: the same running foot on every page."""
    return re.sub(r"\d+", "#", line)


_BULLETS_ONLY = re.compile(rf"[\s{BULLET_MARKS}]*")
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

"""Corpus reading: txt, md, html, csv and json(l) files in, Articles without site furniture out."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import html
import itertools
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TypeVar

import charset_normalizer
import yaml

from briefgen import documents, lexicon
from briefgen.dates import match_dateline
from briefgen.errors import ArticleError, NoArticlesError, UsageError
from briefgen.model import Article, Problem

Span = tuple[int, int]
Result = tuple[list[Article], list[Problem]]
T = TypeVar("T")

# One article file larger than this is a dump, not an article; extraction would stall the run on it.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# A file of many articles (CSV, JSONL, JSON) may be larger, up to this.
MAX_RECORDS_BYTES = 100 * 1024 * 1024
TITLE_WORDS = 12  # a title made from the lead is cut to this many words...
TITLE_SLACK = 3  # ...unless the whole sentence is at most this many words longer
HEADLINE_MAX_WORDS = 30
BOILERPLATE_MAX_CHARS = 300  # furniture lines are short; longer ones are not tested, which keeps it fast

# Formats that are not read but deserve a word, since a user probably meant them as articles.
UNREADABLE_FORMATS = {".doc", ".odt", ".rtf", ".epub", ".pages", ".xls", ".xlsx"}

# Column and field names, case-insensitive, first match wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title", "headline", "heading"),
    "date": (
        "date",
        "published",
        "published_at",
        "published_time",
        "published_date",
        "publish_date",
        "publication_date",
        "pub_date",
        "date_published",
        "datepublished",
        "pubdate",
        "datetime",
        "date_time",
        "created_at",
        "time",
        "timestamp",
    ),
    "body": (
        "body",
        "text",
        "content",
        "story",
        "article",
        "article_text",
        "article_body",
        "body_text",
        "full_text",
    ),
    "url": ("url", "link", "canonical_url", "permalink", "source_url"),
    "outlet": (
        "outlet",
        "publisher",
        "publication",
        "source",
        "source_name",
        "newspaper",
        "agency",
        "wire",
        "site",
        "site_name",
        "sitename",
        "media",
    ),
}

# Legacy encodings tried for non-UTF-8 files, in order of preference when the detector cannot tell them apart.
LEGACY_ENCODINGS = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1256",
)
BINARY_MAGIC = (b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0", b"\x1f\x8b")

_LINE = re.compile(r"[^\r\n]+")
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORD = re.compile(r"\w+")
# The scraper's own header on the first line: " date 2023-05-19 " before the title or the lead.
_HEADER = re.compile(
    r"\s*(?:date|published|updated|posted)\s*:?\s+"
    r"(\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?=\s|$)\s*",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.MULTILINE | re.DOTALL)
_MD_HEADING = re.compile(r"#{1,6}(?:[ \t]+|$)")
_MD_CLOSING_HASHES = re.compile(r"[ \t]+#+$")
_MD_SKIP = re.compile(
    r"!\[[^\]]*\]\([^)]*\)$"  # image
    r"|<!--.*-->$"  # comment
    r"|([-*_=])(?:[ \t]*\1){2,}$"  # rule or setext underline
    r"|```|~~~"  # code fence
    r"|\[[^\]]+\]:\s"  # link definition
)
_MD_PREFIX = re.compile(r"(?:>[ \t]?)+|[-*+][ \t]+|\d{1,3}[.)][ \t]+")
_HTML_FRAGMENT = re.compile(
    r"<(?:p|br|div|span|a|em|strong|b|i|script|style|iframe|noscript|object|embed|svg|img)\b[^>]*>|</(?:p|div)>",
    re.IGNORECASE,
)
# Elements whose content is code or an embedded page, never article text.
_HTML_HIDDEN = re.compile(
    r"<(script|style|iframe|noscript|object|embed|svg|template|head)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li)>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]+>")

_MENU_SEP = re.compile(r"\s{2,}|\s*[|•·]\s*|\xa0")
_CRUMB_SEP = re.compile(r"\s*[>»›→]\s*")
_ENDS_SENTENCE = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*$")
_ENDS_CLAUSE = re.compile(r"[.,;:。，；：][\"'”’»)\]」』]*$")
# Chinese, Japanese and Korean are written without spaces: two characters count as a word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_DATE_HINT = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b")
_DATE_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]\.?m|at|on|utc|gmt|published|updated|posted|time|date"
    r"|(?-i:[A-Z]{2,4}))\b\.?",
    re.IGNORECASE,
)

_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+(?=[\"'“‘«(]?[A-ZА-ЯЁ0-9])|[。！？]")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|St|Jr|Sr|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
    r"|Oct|Nov|Dec))$"
)
_ATTRIBUTION = re.compile(
    r",\s+(?:[^,]{1,40}?\s)?(?:reports?|reported|writes|informs|cites|citing|according to)\b[^,]*$"
)
_TRAILING_FILLER = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from"}


# ---------------------------------------------------------------- the corpus


def read_corpus(folder: Path) -> Result:
    """Every article under FOLDER (recursively, in name order) and the problems met on the way.

    Raises UsageError if FOLDER is not a folder and NoArticlesError if not one article could be read.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    articles: list[Article] = []
    problems: list[Problem] = []
    files = 0
    for path in walk_files(folder, problems):
        suffix = path.suffix.lower()
        if suffix in UNREADABLE_FORMATS:
            files += 1
            problems.append(Problem(display_name(path), unsupported(suffix)))
            continue
        if suffix not in READERS:
            continue
        files += 1
        try:
            found, trouble = read_file(path)
        except ArticleError as error:
            problems.append(Problem(display_name(path), error.problem))
            continue
        articles.extend(found)
        problems.extend(trouble)
    if not articles:
        if files:
            left_out = f"{files} file{'' if files == 1 else 's'} left out"
            message = f"{display_name(folder)}: no readable articles ({left_out})"
        else:
            kinds = ".txt, .md, .html, .csv, .tsv, .jsonl, .json"
            message = f"{display_name(folder)}: no articles found (files ending in {kinds} are read)"
        raise NoArticlesError(message, problems)
    return unique_ids(articles), problems


def walk_files(folder: Path, problems: list[Problem]) -> Iterator[Path]:
    """Files under FOLDER in name order, hidden entries skipped, each directory visited once."""
    seen: set[tuple[int, int]] = set()

    def visit(directory: str) -> Iterator[Path]:
        try:
            status = os.stat(directory)
            # A symlink back up the tree would otherwise be walked forever.
            if (status.st_dev, status.st_ino) in seen:
                message = "folder already read (a symbolic link loop or a second link to it); skipped"
                problems.append(Problem(display_name(directory), message, fatal=False))
                return
            seen.add((status.st_dev, status.st_ino))
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(Problem(display_name(directory), f"cannot read folder: {_os_problem(error)}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if _is_dir(entry):
                yield from visit(entry.path)
            else:
                yield Path(entry.path)

    yield from visit(str(folder))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def unique_ids(articles: list[Article]) -> list[Article]:
    """Ids are how the brief points at articles, so two files with the same name get `-2`, `-3`."""
    seen: set[str] = set()
    unique = []
    for article in articles:
        new_id, n = article.id, 1
        while new_id in seen:
            n += 1
            new_id = f"{article.id}-{n}"
        seen.add(new_id)
        unique.append(article if new_id == article.id else replace(article, id=new_id))
    return unique


# ---------------------------------------------------------------- one file


def read_file(path: Path) -> Result:
    """The articles of one file and its recoverable problems (bad rows); ArticleError if unusable."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ArticleError(display_name(path), f"unsupported format ({path.suffix or 'no extension'})")
    try:
        status = path.stat()
        # A FIFO or a device (a link to /dev/zero) would block the run or never end.
        if not stat.S_ISREG(status.st_mode):
            raise ArticleError(display_name(path), "not a regular file")
        limit = MAX_RECORDS_BYTES if suffix in RECORD_FORMATS else MAX_ARTICLE_BYTES
        if status.st_size > limit:
            raise ArticleError(
                display_name(path),
                f"file too large ({_megabytes(status.st_size)}; the limit is {_megabytes(limit)})",
            )
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(display_name(path), f"cannot read file: {_os_problem(error)}") from error
    if not data.strip():
        raise ArticleError(display_name(path), "empty file")
    try:
        return reader(path, data)
    except ArticleError:
        raise
    except RecursionError as error:  # JSON or YAML nested thousands deep
        raise ArticleError(display_name(path), "nested too deeply to be read") from error
    except Exception as error:  # one odd file must never stop the corpus: name it, go on
        problem = f"could not be read ({type(error).__name__}: {_one_line(error)[:200]})"
        raise ArticleError(display_name(path), problem) from error


def unsupported(suffix: str) -> str:
    """What to say of a file in a format briefgen recognises but does not read."""
    return f"unsupported format ({suffix}); save it as text, Markdown, HTML, PDF or .docx"


def display_name(path: Path | str) -> str:
    """A path as text that can always be written: bytes of a file name that are not UTF-8 become \ufffd."""
    return os.fsencode(path).decode("utf-8", "replace")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def _os_problem(error: OSError) -> str:
    """An OSError in a few words: "symbolic link loop", "permission denied"."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file (a broken symbolic link?)"
    return (error.strerror or str(error)).lower()


def _read_txt(path: Path, data: bytes) -> Result:
    text, problems = _decode_file(path, data)
    lines = _scan_lines(text, 0, len(text))
    title, meta_date, lines = _take_header(text, lines)
    title, paragraphs = _layout(text, lines, title)
    url = next((line.norm for line in lines[:_URL_LINES] if _URL_LINE.fullmatch(line.norm)), None)
    article = _article(path, display_name(path.stem), text, title, paragraphs, date=meta_date, url=url)
    return [article], problems


# A saved page's address on a line of its own at the top (it may hold the date: /2028/03/16/).
_URL_LINE = re.compile(r"https?://[^\s<>\"]{4,2000}")
_URL_LINES = 4


# libyaml's safe loader (when PyYAML has it) is many times faster than the pure-Python one, which took
# most of the time of reading a Markdown file. libyaml recurses without limit and crashes on nesting
# some 30,000 levels deep, so front matter long enough to nest that deep goes to the Python loader,
# which stops with RecursionError instead.
_FAST_YAML_MAX_CHARS = 4096


def _load_front_matter(text: str) -> object:
    fast = getattr(yaml, "CSafeLoader", None)
    loader = fast if fast is not None and len(text) <= _FAST_YAML_MAX_CHARS else yaml.SafeLoader
    return yaml.load(text, Loader=loader)  # both loaders are the safe ones


def _read_md(path: Path, data: bytes) -> Result:
    text, problems = _decode_file(path, data)
    meta: dict = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        body_start = match.end()
        try:
            loaded = _load_front_matter(match.group(1))
        except (yaml.YAMLError, RecursionError) as error:
            loaded = None
            problems.append(
                Problem(display_name(path), f"front matter ignored: {_one_line(error)}", fatal=False)
            )
        meta = loaded if isinstance(loaded, dict) else {}
    if not text[body_start:].strip():
        raise ArticleError(display_name(path), "no text after the front matter")
    fields = _fields(meta)
    lines = _scan_lines(text, body_start, len(text), markdown=True)
    title, paragraphs = _layout(text, lines, _clean(fields.get("title")))
    article = _article(path, display_name(path.stem), text, title, paragraphs, **_meta_kwargs(fields))
    return [article], problems


@cache
def _html_options():  # -> trafilatura.settings.Extractor (imported late, like trafilatura)
    """trafilatura's settings, made once: building them for each page took a tenth of its time."""
    from trafilatura.settings import Extractor

    options = Extractor(
        output_format="python",
        with_metadata=True,
        comments=False,
        tables=False,
        images=False,
        links=False,
        precision=True,
    )
    # The page's own date markup only: htmldate's extensive search guesses from any year in the text
    # ("pledged $8.5 billion in 2021" gave 2021-01-01), and briefgen reads the text's dates itself.
    # Its cap on dates (today by default) would also drop the markup of a page dated later than
    # this machine's clock; briefgen's own checks decide what is plausible.
    far = (dt.date.today() + dt.timedelta(days=5 * 366)).isoformat()
    options.date_params = {"original_date": True, "extensive_search": False, "max_date": far}
    return options


def _read_html(path: Path, data: bytes) -> Result:
    _reject_binary(data, display_name(path))
    import trafilatura  # slow to import; only HTML corpora pay for it

    try:
        document = trafilatura.bare_extraction(data, options=_html_options())
    except Exception as error:  # a parser failure on one page must not stop the corpus
        raise ArticleError(display_name(path), f"HTML could not be parsed: {_one_line(error)}") from error
    text = getattr(document, "text", None) or ""
    if not text.strip():
        raise ArticleError(display_name(path), "no article text found in the HTML")
    title = _clean(getattr(document, "title", None))
    lines = _scan_lines(text, 0, len(text))
    title, paragraphs = _layout(text, lines, title, wrapped=False)
    meta = {
        "date": _clean(getattr(document, "date", None)),
        "url": _clean(getattr(document, "url", None)),
        "outlet": _clean(getattr(document, "sitename", None)),
    }
    return [_article(path, display_name(path.stem), text, title, paragraphs, **meta)], []


def _read_csv(path: Path, data: bytes) -> Result:
    text, problems = _decode_file(path, data)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(first_line)
    # A body longer than the csv module's default limit (128 kB) is still one article.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_BYTES))
    records = _csv_records(_PHYSICAL_LINE.findall(text), delimiter)
    header = next((fields for _, fields, _ in records if fields), None)
    columns = _columns(header or [])
    if "body" not in columns:
        raise ArticleError(
            display_name(path), f"no body column (expected one of: {', '.join(ALIASES['body'])})"
        )
    index = {field: header.index(column) for field, column in columns.items()} if header else {}
    articles: list[Article] = []
    for row_number, (line, fields, trouble) in enumerate(records, 1):
        where = f"row {row_number} (line {line})"
        if fields is None:
            problems.append(Problem(display_name(path), f"{where}: {trouble}"))
            continue
        if len(fields) > len(header):
            message = f"{where}: {len(fields)} fields for {len(header)} columns; the extra ones are ignored"
            problems.append(Problem(display_name(path), message, fatal=False))
        record = {field: fields[i] if i < len(fields) else None for field, i in index.items()}
        _collect(
            articles, problems, path, record, f"{display_name(path.stem)}-{row_number}", f"row {row_number}"
        )
    return articles, problems


def _csv_records(lines: list[str], delimiter: str) -> Iterator[tuple[int, list[str] | None, str | None]]:
    """(first line number, fields or None, what is wrong) for each record, the header first.

    Each record is parsed strictly; one that breaks the quoting rules is parsed again leniently, and
    kept if it fits on its line (a stray quote mark in a field). Otherwise (an unclosed quote that
    swallows the rows after it) it is reported, and reading goes on at its next line, past any lines
    that were the broken record's continuation.
    """
    i = 0
    while i < len(lines):
        fields, used, error = _csv_record(lines, i, delimiter, strict=True)
        if error is not None:
            fields, used, _ = _csv_record(lines, i, delimiter, strict=False)
            if used > 1:
                skipped = 0
                while i + 1 + skipped < len(lines) and _is_continuation(lines[i + 1 + skipped], delimiter):
                    skipped += 1
                extra = f", with the {skipped} line{'s' if skipped > 1 else ''} after it" if skipped else ""
                yield i + 1, None, f"broken quoting ({error}); row left out{extra}"
                i += 1 + skipped
                continue
        if fields:  # blank lines are no records
            yield i + 1, fields, None
        i += max(used, 1)


def _csv_record(
    lines: list[str], start: int, delimiter: str, strict: bool
) -> tuple[list[str], int, str | None]:
    """The record starting at line START: (fields, lines it spans, csv error or None)."""
    used = 0

    def feed() -> Iterator[str]:
        nonlocal used
        for line in itertools.islice(lines, start, None):
            used += 1
            yield line

    reader = csv.reader(feed(), delimiter=delimiter, strict=strict)
    try:
        return next(reader, []), used, None
    except csv.Error as error:
        return [], used, _one_line(error)


def _is_continuation(line: str, delimiter: str) -> bool:
    """A line after a broken record that is not a row of its own: text without any separator."""
    return bool(line.strip()) and delimiter not in line


def _read_jsonl(path: Path, data: bytes) -> Result:
    text, problems = _decode_file(path, data)
    articles: list[Article] = []
    # Not splitlines(): JSON strings may hold U+2028, which splitlines() would break on.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(
                Problem(display_name(path), f"{where}: invalid JSON ({error.msg}, column {error.colno})")
            )
            continue
        except RecursionError:
            problems.append(Problem(display_name(path), f"{where}: invalid JSON (nested too deeply)"))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(display_name(path), f"{where}: not a JSON object"))
            continue
        _collect(articles, problems, path, _fields(record), f"{display_name(path.stem)}-{number}", where)
    return articles, problems


def _read_json(path: Path, data: bytes) -> Result:
    text, warnings = _decode_file(path, data)
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(display_name(path), f"invalid JSON (line {error.lineno})") from error
    if isinstance(loaded, dict):
        lists = (loaded[key] for key in ("articles", "items", "data") if isinstance(loaded.get(key), list))
        listed = next(lists, None)
        if listed is None:
            articles: list[Article] = []
            problems: list[Problem] = []
            _collect(articles, problems, path, _fields(loaded), display_name(path.stem), "object")
            if not articles:
                raise ArticleError(display_name(path), problems[0].message.removeprefix("object: "))
            return articles, warnings + problems
        loaded = listed
    if not isinstance(loaded, list):
        raise ArticleError(display_name(path), "expected a JSON object or a list of objects")
    articles, problems = [], warnings
    for number, record in enumerate(loaded, 1):
        where = f"item {number}"
        if not isinstance(record, dict):
            problems.append(Problem(display_name(path), f"{where}: not a JSON object"))
            continue
        _collect(articles, problems, path, _fields(record), f"{display_name(path.stem)}-{number}", where)
    return articles, problems


def _read_pdf(path: Path, data: bytes) -> Result:
    text = _document(path, documents.pdf_text, data)
    title, paragraphs = _layout(text, _scan_lines(text, 0, len(text)), None, wrapped=False)
    return [_article(path, display_name(path.stem), text, title, paragraphs)], []


def _read_docx(path: Path, data: bytes) -> Result:
    text, title = _document(path, documents.docx_text, data)
    title, paragraphs = _layout(text, _scan_lines(text, 0, len(text)), title, wrapped=False)
    return [_article(path, display_name(path.stem), text, title, paragraphs)], []


def _read_xml(path: Path, data: bytes) -> Result:
    """An RSS or Atom feed (an article an item), or one story in news XML (NITF, NewsML)."""
    records = _document(path, documents.xml_records, data)
    articles: list[Article] = []
    problems: list[Problem] = []
    for number, record in enumerate(records, 1):
        where = f"item {number}"
        default_id = f"{display_name(path.stem)}-{number}" if len(records) > 1 else display_name(path.stem)
        _collect(articles, problems, path, _fields(record), default_id, where)
    if not articles:
        raise ArticleError(display_name(path), "no article text in the XML")
    return articles, problems


def _document(path: Path, reader: Callable[[bytes], T], data: bytes) -> T:
    try:
        return reader(data)
    except documents.DocumentError as error:
        raise ArticleError(display_name(path), str(error)) from error


READERS: dict[str, Callable[[Path, bytes], Result]] = {
    ".txt": _read_txt,
    ".text": _read_txt,
    ".md": _read_md,
    ".markdown": _read_md,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".csv": _read_csv,
    ".tsv": _read_csv,
    ".jsonl": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".json": _read_json,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".xml": _read_xml,
    ".rss": _read_xml,
    ".atom": _read_xml,
}
# Files of many articles, which may be larger than one article (PDFs carry images and fonts).
RECORD_FORMATS = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom", ".pdf"})


# ---------------------------------------------------------------- records (csv, jsonl, json)


def _columns(fieldnames: list[str]) -> dict[str, str]:
    """Field -> actual column name, using the first alias that the header has."""
    by_key: dict[str, str] = {}
    for name in fieldnames:
        if name is not None:
            by_key.setdefault(_field_key(name), name)
    columns = {}
    for field, aliases in ALIASES.items():
        found = next((by_key[alias] for alias in aliases if alias in by_key), None)
        if found is not None:
            columns[field] = found
    return columns


def _fields(record: dict) -> dict[str, object]:
    """The known fields of a record (front matter, JSON object), found by alias; the fields of an
    object nested in it count too ({"article": {"headline": ..., "body": ...}}), after its own."""
    by_key = {}
    for name, value in record.items():
        by_key.setdefault(_field_key(name), value)
    for value in record.values():
        if isinstance(value, dict) and any(_field_key(name) in _STORY_KEYS for name in value):
            for name, item in value.items():
                by_key.setdefault(_field_key(name), item)
    fields = {}
    for field, aliases in ALIASES.items():
        for alias in aliases:
            if by_key.get(alias) not in (None, ""):
                fields[field] = by_key[alias]
                break
    return fields


# Fields that show a nested object holds the story itself (not a source's or an author's details).
_STORY_KEYS = frozenset(ALIASES["body"]) | frozenset(ALIASES["title"])


def _field_key(name: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lstrip("\ufeff").casefold())


def _delimiter(header: str) -> str:
    """The separator the header line uses most; a sniffer is easily fooled by the commas in article text."""
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _collect(
    articles: list[Article], problems: list[Problem], path: Path, fields: dict, default_id: str, where: str
) -> None:
    """Append the article that a record makes, or a problem naming the row if it has no text."""
    body = _body(fields.get("body"))
    if not body or not body.strip():
        problems.append(Problem(display_name(path), f"{where}: no text"))
        return
    title, paragraphs = _layout(body, _scan_lines(body, 0, len(body)), _clean(fields.get("title")))
    if not paragraphs:
        problems.append(Problem(display_name(path), f"{where}: no text"))
        return
    article_id = _sanitise_id(fields.get("id")) or default_id
    articles.append(_article(path, article_id, body, title, paragraphs, **_meta_kwargs(fields)))


def _body(value: object) -> str | None:
    if isinstance(value, list):
        value = "\n\n".join(str(item) for item in value if isinstance(item, str))
    if not isinstance(value, str):
        return None
    if _HTML_FRAGMENT.search(value):
        # Exports often keep the CMS markup; the tags would otherwise end up in paragraphs, and the
        # content of scripts, styles and frames is never text.
        value = _HTML_HIDDEN.sub(" ", value)
        value = html.unescape(_HTML_TAG.sub("", _HTML_BREAK.sub("\n\n", value)))
    return value


def _sanitise_id(value: object) -> str | None:
    cleaned = _clean(value)
    if cleaned is None:
        return None
    return re.sub(r"[^\w.-]+", "-", cleaned).strip("-.")[:80] or None


def _meta_kwargs(fields: dict) -> dict[str, str | None]:
    return {name: _clean(fields.get(name)) for name in ("date", "url", "outlet")}


def _clean(value: object) -> str | None:
    """A metadata value as one trimmed string: names of nested objects, the first of a list, ISO dates."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("@value")
    if isinstance(value, list):
        value = next((_clean(item) for item in value if _clean(item)), None)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    cleaned = " ".join(str(value).split())
    return cleaned or None


def _article(
    path: Path,
    article_id: str,
    text: str,
    title: str,
    paragraphs: tuple[Span, ...],
    date: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    if not paragraphs:
        raise ArticleError(display_name(path), "no article text (only headings or site furniture)")
    return Article(
        id=article_id,
        path=display_name(path),
        title=title,
        text=text,
        paragraphs=paragraphs,
        outlet=outlet,
        url=url,
        meta_date=date,
    )


def _one_line(error: object) -> str:
    return " ".join(str(error).split())


# ---------------------------------------------------------------- decoding


def decode(data: bytes, path: str) -> str:
    """Text of a file: UTF-8 (BOM dropped), UTF-16 with a BOM, or a detected legacy encoding."""
    return _decode(data, path)[0]


def _decode_file(path: Path, data: bytes) -> tuple[str, list[Problem]]:
    """The text of a file and, if it was damaged, a warning that says so."""
    text, note = _decode(data, display_name(path))
    return text, [Problem(display_name(path), note, fatal=False)] if note else []


def _decode(data: bytes, path: str) -> tuple[str, str | None]:
    """(text, a note on damage or None); ArticleError for binary data."""
    note = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ArticleError(path, "invalid UTF-16 text") from error
    else:
        _reject_binary(data, path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text, note = _decode_damaged_utf8(data) or (_decode_legacy(data, path), None)
    if not text.strip():
        raise ArticleError(path, "empty file")
    # Control characters in bulk mean a binary file that happened to decode.
    if len(_CONTROL.findall(text, 0, 4096)) > 8:
        raise ArticleError(path, "binary data, not text")
    return text, note


def _decode_damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes (a truncated character, one byte of another encoding), or None.

    A legacy encoding gives mostly invalid sequences; damaged UTF-8 mostly valid ones.
    """
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    if good < 4 * bad:
        return None
    return text, f"invalid UTF-8 ({bad} bad byte sequence{'s' if bad > 1 else ''} shown as \ufffd)"


def _reject_binary(data: bytes, path: str) -> None:
    if data.lstrip()[:5] == b"%PDF-":
        raise ArticleError(path, "PDF data, not text")
    if data.startswith(BINARY_MAGIC) or b"\x00" in data:
        raise ArticleError(path, "binary data, not text")
    if len(_CONTROL_BYTES.findall(data, 0, 4096)) > 8:
        raise ArticleError(path, "binary data, not text")


def _decode_legacy(data: bytes, path: str) -> str:
    results = list(charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if not results:
        results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise ArticleError(path, "unknown text encoding (neither UTF-8 nor a common legacy encoding)")
    # The detector often ties cp1252 with cp1250 and cp1251 with cp1250; the preference order breaks ties.
    rank = {name: i for i, name in enumerate(LEGACY_ENCODINGS)}
    best = min(results, key=lambda r: (round(r.chaos, 2), -round(r.coherence, 2), rank.get(r.encoding, 99)))
    return str(best)


# ---------------------------------------------------------------- lines and paragraphs


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    block: int  # lines of one block are not separated by a blank line
    norm: str  # whitespace (nbsp too) collapsed to single spaces
    heading: bool = False  # a Markdown heading: a title candidate, never a paragraph


def _scan_lines(text: str, pos: int, end: int, markdown: bool = False) -> list[_Line]:
    """The non-blank lines of TEXT[pos:end] with stripped spans and block numbers."""
    lines: list[_Line] = []
    block = 0
    previous = pos
    for match in _LINE.finditer(text, pos, end):
        start, stop = match.span()
        gap = text[previous:start]
        previous = stop
        if gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1:
            block += 1
        chunk = match.group()
        stripped = chunk.strip()
        if not stripped:
            block += 1
            continue
        start += len(chunk) - len(chunk.lstrip())
        stop = start + len(stripped)
        heading = False
        if markdown:
            start, stop, heading, skip = _markdown_span(text, start, stop)
            if skip:
                block += 1
                continue
        lines.append(_Line(start, stop, block, " ".join(text[start:stop].split()), heading))
    return lines


def _markdown_span(text: str, start: int, stop: int) -> tuple[int, int, bool, bool]:
    """(start, stop, is_heading, skip) for a Markdown line: markers left out of the span."""
    if _MD_SKIP.match(text, start, stop):
        return start, stop, False, True
    heading = _MD_HEADING.match(text, start, stop)
    if heading:
        start = heading.end()
        closing = _MD_CLOSING_HASHES.search(text, start, stop)
        stop = closing.start() if closing else stop
        return start, stop, True, start >= stop
    prefix = _MD_PREFIX.match(text, start, stop)
    if prefix:
        start = prefix.end()
        while start < stop and text[start].isspace():
            start += 1
    return start, stop, False, start >= stop


def _take_header(text: str, lines: list[_Line]) -> tuple[str | None, str | None, list[_Line]]:
    """The scraper header " date 2023-05-19 " on the first line: (title after it, date, remaining lines).

    After the header comes either a short title or directly the lead, which then stays a paragraph.
    """
    if not lines:
        return None, None, lines
    first = lines[0]
    match = _HEADER.match(text, first.start, first.end)
    if not match:
        return None, None, lines
    rest = _Line(match.end(), first.end, first.block, " ".join(text[match.end() : first.end].split()))
    kind = _kind(rest, text) if rest.norm else "furniture"
    if kind in ("furniture", "tail"):
        return None, match.group(1), lines[1:]
    if kind == "body" or _ENDS_CLAUSE.search(rest.norm):
        return None, match.group(1), [rest, *lines[1:]]
    return rest.norm, match.group(1), lines[1:]


def _layout(
    text: str, lines: list[_Line], title: str | None, wrapped: bool = True
) -> tuple[str, tuple[Span, ...]]:
    """The title and the paragraph spans: furniture, headings, title lines and the page tail left out.

    TITLE comes from metadata if known; otherwise it is the headline before the first body line, or
    made from the lead. WRAPPED allows joining hard-wrapped lines of one block into a paragraph.
    """
    kinds = _drop_tail([_kind(line, text) for line in lines])
    if wrapped:
        lines, kinds = _join_wrapped(lines, kinds)
    first_body = next((i for i, kind in enumerate(kinds) if kind == "body"), len(lines))
    title_at = -1
    if not title:
        title_at = _find_title(lines, kinds, first_body)
        title = lines[title_at].norm if title_at >= 0 else None
    if not title:
        title = _title_from_lead(lines[first_body].norm) if first_body < len(lines) else ""
    title_key = _key(title)
    body = [
        (line, _key(line.norm) == title_key)
        for i, (line, kind) in enumerate(zip(lines, kinds, strict=True))
        # Lines before the headline are site names and labels.
        if kind in _TEXT_KINDS and kind != "label" and i > title_at
    ]
    # A line repeating the title is not body, unless it is all the body there is (a one-sentence
    # article whose title was made from it, or whose metadata title is its text).
    paragraphs = tuple((line.start, line.end) for line, repeats in body if not repeats)
    return title, paragraphs or tuple((line.start, line.end) for line, _ in body)


_TEXT_KINDS = ("headline", "body", "label")


def _drop_tail(kinds: list[str]) -> list[str]:
    """After "Related news" and the like, headline-like lines are links to other pages, not body;
    after "About the company" or "Notes to editors" (once the story has begun), nothing is."""
    in_tail = False
    for i, kind in enumerate(kinds):
        if kind == "end" and "body" in kinds[:i]:
            kinds[i:] = ["furniture"] * (len(kinds) - i)
            break
        if kind == "end":  # before the story, "About half of the staff back the strike" is a headline
            kinds[i] = "headline"
        elif kind == "tail":
            in_tail = True
        elif kind == "body":
            in_tail = False
        elif in_tail and kind in _TEXT_KINDS:
            kinds[i] = "furniture"
    return kinds


def _join_wrapped(lines: list[_Line], kinds: list[str]) -> tuple[list[_Line], list[str]]:
    """Lines of text wrapped at a fixed width, or continuing in lower case, joined into one line."""
    widths: dict[int, int] = {}
    counts: dict[int, int] = {}
    for line, kind in zip(lines, kinds, strict=True):
        if kind in _TEXT_KINDS:
            widths[line.block] = max(widths.get(line.block, 0), len(line.norm))
            counts[line.block] = counts.get(line.block, 0) + 1
    # Two lines of a block may be a title and a short lead; wrapping shows in three lines or more.
    widths = {block: width if counts[block] >= 3 else 0 for block, width in widths.items()}
    joined: list[_Line] = []
    joined_kinds: list[str] = []
    previous: _Line | None = None
    for line, kind in zip(lines, kinds, strict=True):
        if (
            previous is not None
            and kind in _TEXT_KINDS
            and joined_kinds[-1] in _TEXT_KINDS
            and previous.block == line.block
            and _continues(previous.norm, line.norm, widths[line.block])
        ):
            last = joined[-1]
            joined[-1] = _Line(last.start, line.end, last.block, f"{last.norm} {line.norm}")
            # A headline wrapped over two lines is still a headline; anything longer is body.
            headline = joined_kinds[-1] == "headline" and _headline_length(joined[-1].norm)
            joined_kinds[-1] = "headline" if headline else "body"
        else:
            joined.append(line)
            joined_kinds.append(kind)
        previous = line
    return joined, joined_kinds


def _continues(previous: str, line: str, width: int) -> bool:
    """LINE goes on with PREVIOUS's sentence: it starts in lower case after an unfinished line, or
    PREVIOUS was broken because LINE's first word would not fit the block's width (hard wrapping)."""
    if _ENDS_SENTENCE.search(previous):
        return False  # one paragraph a line is the common layout; a break after a sentence keeps it
    if line[:1].islower():
        return True
    first_word = line.split(" ", 1)[0]
    return 40 <= width <= 120 and len(previous) + 1 + len(first_word) > width


def _kind(line: _Line, text: str) -> str:
    """furniture | tail | heading | label | headline | body."""
    norm = line.norm
    if line.heading:  # "### Notes to editors" ends a Markdown press release as its plain line would
        return "end" if len(norm) <= BOILERPLATE_MAX_CHARS and _boilerplate().end.match(norm) else "heading"
    if len(norm) <= BOILERPLATE_MAX_CHARS:
        boilerplate = _boilerplate()
        if boilerplate.furniture(norm):
            if boilerplate.end.match(norm):
                return "end"
            return "tail" if boilerplate.tail.search(norm) else "furniture"
        if _is_menu(text[line.start : line.end]) or _is_breadcrumb(norm) or _is_date_line(norm):
            return "furniture"
    words = norm.count(" ") + 1 + len(_CJK.findall(norm)) // 2
    if words < 3 and not _ENDS_SENTENCE.search(norm):
        return "label"
    return "headline" if _headline_length(norm) else "body"


def _headline_length(norm: str) -> bool:
    """Short enough for a headline, and not ending like a sentence or a clause."""
    words = norm.count(" ") + 1 + len(_CJK.findall(norm)) // 2
    return words <= HEADLINE_MAX_WORDS and len(norm) <= 250 and not _ENDS_CLAUSE.search(norm)


@dataclass(frozen=True)
class _Boilerplate:
    """The furniture patterns of lexicons/boilerplate.txt, split by how they are tried: the ones anchored
    with ^ are matched at the line's start only (a search would try them at every character, which
    made this the slowest part of reading), the others are searched."""

    anchored: re.Pattern[str]
    floating: re.Pattern[str]
    tail: re.Pattern[str]  # the patterns that also start the page tail
    end: re.Pattern[str]  # the patterns after which nothing is the story (a press release's back matter)

    def furniture(self, norm: str) -> bool:
        return bool(self.anchored.match(norm) or self.floating.search(norm))


@cache
def _boilerplate() -> _Boilerplate:
    entries = lexicon.entries("boilerplate")
    patterns = [entry.removeprefix("tail:").removeprefix("end:").strip() for entry in entries]
    tail = [entry.removeprefix("tail:").strip() for entry in entries if entry.startswith("tail:")]
    end = [entry.removeprefix("end:").strip() for entry in entries if entry.startswith("end:")]

    def combine(patterns: list[str]) -> re.Pattern[str]:
        # An empty alternation would match every line; "(?!)" matches none.
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)

    return _Boilerplate(
        anchored=combine([p.removeprefix("^") for p in patterns if p.startswith("^")]),
        floating=combine([p for p in patterns if not p.startswith("^")]),
        tail=combine(tail),
        end=combine(end),
    )


def _is_menu(raw: str) -> bool:
    """Many short capitalised items separated by runs of spaces, nbsp or bars: a navigation bar."""
    items = [item.strip() for item in _MENU_SEP.split(raw)]
    items = [item for item in items if item]
    if len(items) < 4:
        return False
    nav = sum(
        1
        for item in items
        if len(item.split()) <= 4 and (item[0].isupper() or item[0].isdigit()) and not item.endswith(".")
    )
    return nav >= 0.8 * len(items)


def _is_breadcrumb(norm: str) -> bool:
    """Short items joined by '>' or '»': "Home > World > Asia"."""
    if not _CRUMB_SEP.search(norm) or _ENDS_SENTENCE.search(norm):
        return False
    parts = [part for part in _CRUMB_SEP.split(norm) if part]
    return 2 <= len(parts) <= 8 and len(parts[0].split()) <= 4 and all(len(p.split()) <= 6 for p in parts)


def _is_date_line(norm: str) -> bool:
    """A line that is only a date or a timestamp ("2023-05-17 23:40", "October 17, 2023")."""
    if len(norm) > 60 or not _DATE_HINT.search(norm):
        return False
    rest = re.sub(r"[\d\W_]+", " ", _DATE_WORDS.sub(" ", norm)).split()
    # Up to two words may be month names of another language ("17 мая 2023 года").
    return len(rest) <= (2 if len(norm) <= 40 else 0)


def _find_title(lines: list[_Line], kinds: list[str], first_body: int) -> int:
    """Index of the headline among the lines before the body, or -1.

    A Markdown heading wins; then a line printed twice; then the line right above the date; then the
    longest candidate not in capitals (site names and section labels before the headline are shorter
    than the headline, and kickers are often in capitals).
    """
    for i in range(first_body):
        if kinds[i] == "heading":
            return i
    candidates = [i for i in range(first_body) if kinds[i] == "headline"]
    if not candidates:
        return -1
    keys = [_key(lines[i].norm) for i in candidates]
    for i, key in zip(candidates, keys, strict=True):
        if keys.count(key) > 1:
            return i
    # The headline stands next to its date: right above it ("Outcome of the talks" / "19.03.2024"),
    # below the site's name, or right after it ("Site" / "3 October 2024" / "Headline"); of the
    # lines around the date, and failing a date of all, the site's name and labels are the shorter.
    dated = [i for i in candidates if i + 1 < len(lines) and _is_date_line(lines[i + 1].norm)]
    if dated:
        candidates = [dated[-1], *(i for i in candidates if i > dated[-1] + 1)]
    # A line in capitals above a headline in sentence case is a kicker ("PRESS RELEASE", a ministry's name);
    # a line of parts set apart by bars or dots is a masthead ("THE TIMES · Business").
    return max(
        candidates,
        key=lambda i: (
            not lines[i].norm.isupper(),
            not _PARTS.search(lines[i].norm),
            lines[i].norm.count(" "),
            -i,
        ),
    )


_PARTS = re.compile(r"\s[|·•]\s")


# ---------------------------------------------------------------- titles


def _title_from_lead(lead: str) -> str:
    """A headline made from the lead's first sentence, without dateline or attribution, ~12 words."""
    dateline = match_dateline(lead)
    sentence = _first_sentence(lead[dateline.end :] if dateline else lead)
    sentence = _ATTRIBUTION.sub("", sentence).strip().rstrip(".")
    words = sentence.split()
    if len(words) <= TITLE_WORDS + TITLE_SLACK:
        return " ".join(words).rstrip(" ,;:")
    words = words[:TITLE_WORDS]
    while len(words) > 1 and words[-1].strip(",;:").casefold() in _TRAILING_FILLER:
        words.pop()
    return " ".join(words).rstrip(" ,;:-–—") + "…"


def _first_sentence(text: str) -> str:
    for match in _SENTENCE_BREAK.finditer(text):
        if match.group()[0] == "." and _ABBREVIATION.search(text, 0, match.start()):
            continue
        return text[: match.start() + 1]
    return text


def _key(text: str | None) -> str:
    """Comparison form of a line: lower case words only."""
    return " ".join(_WORD.findall(text.casefold())) if text else ""

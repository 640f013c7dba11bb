"""Publication and event dates: date expressions found by our own regexes in the header and lead."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from briefgen import lexicon
from briefgen.model import Article
from briefgen.text import sentence_spans

HEADER_CHARS = 1500  # where publication evidence is looked for: the header and the first paragraph
LEAD_PARAGRAPHS = 2
LEAD_CHARS = 2000  # of each lead paragraph: a text without line breaks is one huge "paragraph"
# A past event dated "after" publication by more than this happened in the previous year ("Dec. 30" in
# January); a future one dated before publication by more than FUTURE_SLACK happens the next year.
MIN_YEAR, MAX_YEAR = 1900, 2100  # the years a date of a news article can have
PAST_SLACK = dt.timedelta(days=62)
FUTURE_SLACK = dt.timedelta(days=7)
# Dates this long before publication are history (a decree, an earlier visit), not the event reported.
STALE = dt.timedelta(days=30)

_Days = tuple[dt.date | None, dt.date | None]  # a start and, for spans, an end


# ---------------------------------------------------------------------------------------------------
# Patterns, built once from the lexicons


def _months() -> dict[str, int]:
    rows = lexicon.table("date_months")
    if len(rows) != 12:
        raise ValueError(f"date_months lexicon has {len(rows)} months, expected 12")
    return {name.lower(): number for number, row in enumerate(rows, 1) for name in row}


def _weekdays() -> dict[str, int]:
    rows = lexicon.table("date_weekdays")
    if len(rows) != 7:
        raise ValueError(f"date_weekdays lexicon has {len(rows)} days, expected 7")
    return {row[0].lower(): number for number, row in enumerate(rows)}


def _name_pattern(rows: tuple[tuple[str, ...], ...], abbreviations: bool) -> str:
    """Names as written in running text: Title case or capitals, never lower case ("may", "march")."""
    variants: list[str] = []
    for row in rows:
        for index, name in enumerate(row if abbreviations else row[:1]):
            dot = r"\.?" if index else ""
            variants += [re.escape(name.title()) + dot, re.escape(name.upper()) + dot]
    variants.sort(key=len, reverse=True)
    return rf"(?<![A-Za-z])(?:{'|'.join(variants)})(?![A-Za-z])"


def _ci(name: str) -> str:
    """A case-insensitive alternation of a lexicon's first fields."""
    return rf"(?i:(?<!\w)(?:{lexicon.alternation([row[0] for row in lexicon.table(name)])})(?!\w))"


MONTHS = _months()
WEEKDAYS = _weekdays()
_MONTH = _name_pattern(lexicon.table("date_months"), abbreviations=True)
_WEEKDAY = _name_pattern(lexicon.table("date_weekdays"), abbreviations=False)
_WEEKDAY_ANY = _name_pattern(lexicon.table("date_weekdays"), abbreviations=True)
_RELATIVE = dict(lexicon.table("date_relative"))
_MODIFIERS = dict(lexicon.table("date_weekday_modifiers"))

# A day of the month: never part of a longer number, an amount, a decimal or a percentage.
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,]\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_RANGE = r"(?:\s*[-–—]\s*|\s+(?:to|through|till|until)\s+)"
_WORDS_DATE = (
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:{_RANGE}(?P<e1>{_DAY}))?"
    rf"|(?<![\w$€£.,/:-])(?:the\s+)?(?P<d2>{_DAY})(?:{_RANGE}(?P<e2>{_DAY}))?\s+(?:of\s+)?(?P<m2>{_MONTH}))"
    rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR}))?"
)
_NUMERIC_DATE = (
    rf"(?<![\d.,/-])(?P<iy>{_YEAR})(?P<isep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=isep)(?P<id>3[01]|[12]\d|0?[1-9])(?!\d)"
    rf"|(?<![\d.,/-])(?P<na>\d{{1,2}})(?P<nsep>[-/.])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>{_YEAR})"
)
DATE_PATTERN = rf"(?:{_NUMERIC_DATE}|{_WORDS_DATE})"
_DATE_RE = re.compile(DATE_PATTERN)
_RELATIVE_RE = re.compile(
    rf"(?:(?P<mod>{_ci('date_weekday_modifiers')})\s+)?(?P<wd>{_WEEKDAY})"
    rf"(?!,?\s*(?:the\s+)?\d|,?\s*{_MONTH})"  # "Tuesday, May 17": the explicit date decides
    rf"|(?P<rel>{_ci('date_relative')})"
    # "on the 10th": a day of the month the article is in (or the one before), without the month.
    r"|(?<![\w])on\s+the\s+(?P<od>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])"
)
_LABELS = _ci("date_header_labels")
_HEADER_RE = re.compile(rf"(?m)^[ \t]*{_LABELS}[ \t]*:?[ \t]+{DATE_PATTERN}")
_TIME_AFTER = re.compile(r"(?:[ \t]*[,|•·\-–—][ \t]*|[ \t]+|T)\d{1,2}:\d{2}")  # "14/03/2025 · 19:40"
# What may sit beside a date on a line of its own: a weekday, a time, a zone, separators.
_DATE_LINE_RESIDUE = re.compile(
    rf"(?:\s|[,|•·/()\-–—]|{_WEEKDAY_ANY}|(?i:at|[ap]\.?m\.?|gmt|utc)(?![A-Za-z])"
    r"|\d{1,2}:\d{2}(?::\d{2})?|[A-Z]{2,5}\b|[+-]\d{2}:?\d{2})*"
)
# Datelines: "PARIS, Oct. 17 (Agency) --", "OSLO, Norway, May 19.", "WASHINGTON (AP) —",
# "Warsaw, 4 May 2023 -", "Lagos, March 3 (Wire) -". A place in capitals may stand alone before its
# dash; a place in Title case only with a date or an agency and a dash (else it is a sentence).
# Latin letters with their accented forms ("İZMİR", "ŁÓDŹ", "Gdańsk"), as character-class ranges.
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_LOWER = "a-zß-öø-ÿ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.islower())
_CAPS_PLACE = rf"[{_UPPER}][{_UPPER}'’.\-]+(?:[ \t]+[{_UPPER}][{_UPPER}'’.\-]+){{0,4}}"
_TITLE_PLACE = (
    rf"[{_UPPER}][{_LOWER}'’.\-]+"
    rf"(?:[ \t]+(?:(?:de|da|do|dos|del|la|le|el|al|am|an|upon|on)[ \t]+)?[{_UPPER}][{_LOWER}'’.\-]+){{0,3}}"
)
_REGION = (  # ", Norway" (or ", Illinois, United States"): the first part is kept as the country
    rf"(?:,[ \t]*(?P<country>[{_UPPER}][\w'’.\-]*(?:[ \t]+[{_UPPER}][\w'’.\-]*){{0,3}}))?"
    rf"(?:,[ \t]*[{_UPPER}][\w'’.\-]*(?:[ \t]+[{_UPPER}][\w'’.\-]*){{0,3}})?"
)
_WHEN = rf",?[ \t]+(?P<when>{DATE_PATTERN})"
_AGENCY = r"[ \t]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)"
_SLASHED_AGENCY = r"(?:[ \t]*/[^/\n]{1,40}/\.?)?"  # "MOSCOW, May 17. /TASS/."
_CAPS_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE}){_REGION}(?:{_WHEN})?(?:{_AGENCY})?"
    # a dash or colon after it; with a date, a full stop or the end of the line ("WINDSOR, ON, Oct. 3, 2024")
    rf"[ \t]*(?:--|[-–—:]|(?(when)(?:\.|(?=[ \t]*(?:\n|$)))|(?!))){_SLASHED_AGENCY}(?=\s|$)\s*"
)
_TITLE_DATELINE = re.compile(
    rf"(?P<place>{_TITLE_PLACE}){_REGION}(?:{_WHEN}(?:{_AGENCY})?|{_AGENCY})"
    # a dash; with a date, a colon too ("New Delhi, 10th January: ...", as Indian papers write it)
    rf"[ \t]*(?:--|[-–—]|(?(when):|(?!))){_SLASHED_AGENCY}(?=\s)\s*"
)
# "Ulaanbaatar, Mongolia: An IMF team ..." (a press release's place and country, then a colon)
_PLACE_COUNTRY_COLON = re.compile(
    rf"(?P<place>{_TITLE_PLACE}),[ \t]*(?P<country>[{_UPPER}][\w'’.\-]*(?:[ \t]+[{_UPPER}][\w'’.\-]*){{0,2}})"
    rf"[ \t]*:(?=\s)\s*"
)
_LINE_START = re.compile(rf"(?m)^[ \t]*(?:{_LABELS}[ \t]*:?[ \t]+\S+[ \t]+)?")
_FUTURE_RE = re.compile(_ci("date_future_cues"))
_REPORTED_RE = re.compile(rf"{_ci('date_speech_verbs')}.*(?<!\w)(?i:that)(?!\w)", re.DOTALL)
_BACKGROUND_RE = re.compile(_ci("date_background_cues"))
_CLAUSE_BREAK = re.compile(r"[,;:()—–]")
_TENSE_BREAK = re.compile(rf"[,;:()—–]|{_ci('date_conjunctions')}")
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"\n]*\"")
_PROSE_END = re.compile(r"[.!?…][\"'”’»)]*(?:\s|$)")
_RELATIVE_MARKER_RE = re.compile(_ci("date_relative_markers"))
_AMOUNT = re.compile(r"[$€£¥%]|(?i:\b(?:million|billion|trillion|percent)\b)")


# ---------------------------------------------------------------------------------------------------
# Date expressions


@dataclass(frozen=True)
class _Expr:
    """One date expression: month and day, perhaps a year, perhaps the end of a span."""

    start: int
    end: int
    month: int
    day: int
    year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    end_year: int | None = None


def _number(day: str) -> int:
    return int(re.match(r"\d+", day).group())


def _decode(m: re.Match[str], day_first: bool = False) -> _Expr | None:
    """An expression from a match of DATE_PATTERN (or a pattern that embeds it once)."""
    groups = m.groupdict()
    if groups.get("iy"):
        return _Expr(m.start(), m.end(), int(groups["im"]), int(groups["id"]), int(groups["iy"]))
    if groups.get("ny"):
        first, second = int(groups["na"]), int(groups["nb"])
        # Dotted dates are day first everywhere they are used; slashes follow the caller unless the
        # order is impossible ("14/03/2025" is day first, "03/14/2025" month first, whatever the caller).
        day_first = groups["nsep"] == "." or day_first
        if (day_first and second <= 12) or (not day_first and first > 12):
            first, second = second, first
        return _Expr(m.start(), m.end(), first, second, int(groups["ny"]))
    month = groups.get("m1") or groups.get("m2")
    if not month:
        return None
    number = MONTHS[month.lower().rstrip(".")]
    day = _number(groups.get("d1") or groups["d2"])
    until = groups.get("e1") or groups.get("e2")
    year = int(groups["y"]) if groups.get("y") else None
    if until is None:
        return _Expr(m.start(), m.end(), number, day, year)
    return _Expr(m.start(), m.end(), number, day, year, number, _number(until), year)


def _expressions(text: str, start: int = 0, end: int | None = None) -> list[_Expr]:
    """Date expressions in text[start:end], with spans across months joined."""
    end = len(text) if end is None else end
    found = [e for m in _DATE_RE.finditer(text, start, end) if (e := _decode(m))]
    joined: list[_Expr] = []
    for expr in found:
        last = joined[-1] if joined else None
        if last and _closes_span(text, last, expr):
            year = last.year if last.year is not None else _span_start_year(last, expr)
            expr = replace(
                last, year=year, end=expr.end, end_month=expr.month, end_day=expr.day, end_year=expr.year
            )
            joined[-1] = expr
        else:
            joined.append(expr)
    return joined


def _closes_span(text: str, first: _Expr, second: _Expr) -> bool:
    gap = text[first.end : second.start]
    return first.end_day is None and bool(gap) and re.fullmatch(_RANGE, gap) is not None


def _span_start_year(first: _Expr, second: _Expr) -> int | None:
    """The year of "December 30 - January 2, 2024" is the one before the end's."""
    if second.year is None:
        return None
    return second.year - 1 if first.month > second.month else second.year


def _plausible(day: dt.date | None) -> dt.date | None:
    """DAY, unless its year is absurd for news. Not bounded by this machine's clock: a corpus may be
    dated ahead of it (a wrong clock, an exercise set in the future), and refusing every date of it
    would leave a brief without a chronology; a date to come is told from the article's own date."""
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return day


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return _plausible(dt.date(year, month, day))
    except ValueError:  # 30 February, 31 April
        return None


def _infer_year(month: int, day: int, base: dt.date, future: bool) -> dt.date | None:
    """Month and day without a year, placed next to the base date the way the tense says."""
    guess = _make(base.year, month, day)
    if guess is None:
        return None
    if not future and guess > base + PAST_SLACK:
        return _make(base.year - 1, month, day)
    if future and guess < base - FUTURE_SLACK:
        return _make(base.year + 1, month, day)
    return guess


def _resolve(expr: _Expr, base: dt.date | None, future: bool = False) -> _Days:
    if expr.year is not None:
        start = _make(expr.year, expr.month, expr.day)
    elif base is not None:
        start = _infer_year(expr.month, expr.day, base, future)
    else:
        return None, None
    if start is None or expr.end_day is None:
        return start, None
    end_year = expr.end_year or start.year + (1 if (expr.end_month or start.month) < start.month else 0)
    end = _make(end_year, expr.end_month or start.month, expr.end_day)
    return start, (end if end and end > start else None)


def _relative(m: re.Match[str], base: dt.date, future: bool) -> dt.date:
    """ "yesterday", "on Tuesday", "next Monday" counted from the publication date."""
    if m.group("rel"):
        return base + dt.timedelta(days=int(_RELATIVE[_squash(m.group("rel"))]))
    if m.group("od"):
        return _day_of_month(int(m.group("od")), base, future)
    weekday = WEEKDAYS[m.group("wd").lower()]
    direction = int(_MODIFIERS[_squash(m.group("mod"))]) if m.group("mod") else 0
    back = (base.weekday() - weekday) % 7  # days since that weekday, 0 on the day itself
    ahead = (weekday - base.weekday()) % 7
    if direction < 0:  # "last Tuesday" is never the publication day itself
        return base - dt.timedelta(days=back or 7)
    if direction > 0:
        return base + dt.timedelta(days=ahead or 7)
    return base + dt.timedelta(days=ahead) if future else base - dt.timedelta(days=back)


def _day_of_month(day: int, base: dt.date, future: bool) -> dt.date:
    """The nearest date with that day of the month, on or before BASE (after it for the future tense)."""
    months = [(base.year, base.month + step) for step in ((0, 1, 2) if future else (0, -1, -2))]
    for year, month in months:
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        candidate = _make(year, month, day)
        if candidate and (candidate >= base if future else candidate <= base):
            return candidate
    return base


def _squash(phrase: str) -> str:
    return " ".join(phrase.lower().split())


# ---------------------------------------------------------------------------------------------------
# Parsing a short date string


def parse_date_text(
    text: str, *, day_first: bool = False, relative_base: dt.date | None = None
) -> dt.date | None:
    """The date in a short string ("November 5, 2022", "2024-03-05T23:30:00+09:00", "Tue, 05 Mar 2024").

    Time zones are ignored: the local date as written is the date. Without a year the date needs
    relative_base (the past side of it); weekdays and "yesterday" need it too.
    """
    text = text.strip()
    if not text or len(text) > 200:
        return None
    m = _DATE_RE.search(text)
    if m and (expr := _decode(m, day_first)) and (day := _resolve(expr, relative_base)[0]):
        return day
    if relative_base is not None and (m := _RELATIVE_RE.search(text)):
        return _plausible(_relative(m, relative_base, future=False))
    return _fallback(text, day_first, relative_base)


def _fallback(text: str, day_first: bool, base: dt.date | None) -> dt.date | None:
    """dateparser for the formats our patterns miss, on short strings with digits that are no amounts."""
    if len(text) > 40 or not re.search(r"\d", text) or _AMOUNT.search(text):
        return None
    if base is None and _RELATIVE_MARKER_RE.search(text):  # "3 days ago" would count from today
        return None
    data = _parser(day_first, base).get_date_data(text)
    if data.date_obj is None or data.period != "day":  # "three decades" comes back as a year
        return None
    return _plausible(data.date_obj.date())


@lru_cache(maxsize=64)
def _parser(day_first: bool, base: dt.date | None):  # -> DateDataParser, imported lazily
    from dateparser.date import DateDataParser  # slow to import; most articles never need it

    settings = {
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"] if base else ["day", "month", "year"],
    }
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


# ---------------------------------------------------------------------------------------------------
# Datelines


@dataclass(frozen=True)
class Dateline:
    """Where (and perhaps when) a story was filed, at the start of its first paragraph."""

    start: int
    end: int  # where the story's own words start
    place: str  # as written: "NEW DELHI", "Warsaw"
    country: str | None  # "Norway" in "OSLO, Norway, May 19."
    when: _Expr | None  # the date, if the dateline gives one


def match_dateline(text: str, start: int = 0, end: int | None = None) -> Dateline | None:
    """The dateline that text[start:end] opens with, if any."""
    end = len(text) if end is None else end
    for pattern in (_CAPS_DATELINE, _TITLE_DATELINE, _PLACE_COUNTRY_COLON):
        m = pattern.match(text, start, end)
        if m and not _names_a_day(m.group("place")):
            when = _decode(m) if "when" in m.groupdict() and m.group("when") else None
            return Dateline(m.start(), m.end(), m.group("place"), m.group("country"), when)
    return None


def _names_a_day(place: str) -> bool:
    """ "Monday, May 5 -" or "March, 2024 -" is no place."""
    return any(word.lower().rstrip(".") in MONTHS or word.lower() in WEEKDAYS for word in place.split())


@lru_cache(maxsize=256)  # the publication date, the event date and the year-less day all ask
def first_dateline(text: str, end: int) -> Dateline | None:
    """The first dated dateline at the start of a line of text[:end] (perhaps after a header date)."""
    for line in _LINE_START.finditer(text, 0, end):
        dateline = match_dateline(text, line.end(), end)
        if dateline and dateline.when:
            return dateline
    return None


# ---------------------------------------------------------------------------------------------------
# Publication date


def find_published(article: Article) -> tuple[dt.date | None, str]:
    """The publication date and the kind of evidence it came from ("none" when there is none)."""
    if article.meta_date and (day := parse_date_text(article.meta_date)):
        return day, "metadata"
    top = article.text[:HEADER_CHARS]
    for finder, evidence in ((_header_date, "header"), (_timestamp, "timestamp"), (_date_line, "date line")):
        if day := finder(top):
            return day, evidence
    if article.url and (day := url_date(article.url)):
        return day, "address"
    dateline = first_dateline(top, len(top))
    first = _first_full_date(article.text)
    if dateline and (expr := dateline.when):
        day = _same_day_written_with_year(top, expr) or _this_year(article.text, expr)
        day = day or _dateline_date(expr, first)
        return (day, "dateline") if day else (None, "none")
    return (first, "first dated sentence") if first else (None, "none")


def url_date(url: str) -> dt.date | None:
    """The day a page's address gives in its path: /2028/03/16/, /2028-03-16-, /20280316/."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for m in _URL_DATE.finditer(path):
        year, month, day = (int(g) for g in m.groups() if g is not None)
        if found := _make(year, month, day):
            return found
    return None


_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)/([01]\d)/([0-3]\d)(?=[/_.-])"  # /2028/03/16/
    r"|[/_-]((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?=[/_.-]|$)"  # /2028-03-16-
    r"|/((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[/_.-])"  # /20280316/
)


def other_reading(article: Article, published: dt.date | None) -> dt.date | None:
    """PUBLISHED read the other way round when it comes from a numeric date that fits both orders
    ("09/05/2025"), from the metadata or the first numeric date of the header; else None."""
    if published is None:
        return None
    sources = [article.meta_date] if article.meta_date else []
    if not sources:
        sources = [m.group() for m in _DATE_RE.finditer(article.text[:HEADER_CHARS]) if m.group("ny")][:1]
    for source in sources:
        m = _AMBIGUOUS.match(source)
        if m and int(m.group(1)) != int(m.group(2)) and int(m.group(3)) == published.year:
            first, second = int(m.group(1)), int(m.group(2))
            if (published.month, published.day) in ((first, second), (second, first)):
                return _make(published.year, published.day, published.month)
    return None


_AMBIGUOUS = re.compile(r"\s*(0?[1-9]|1[0-2])[/-](0?[1-9]|1[0-2])[/-]((?:19|20)\d\d)\b")


def day_without_year(article: Article) -> tuple[int, int] | None:
    """(month, day) of the article's dateline when it gives no year ("SEOUL, Dec. 30 (Yonhap) --")."""
    dateline = first_dateline(article.text, HEADER_CHARS)
    if dateline is None or dateline.when is None or dateline.when.year is not None:
        return None
    if _make(2000, dateline.when.month, dateline.when.day) is None:  # a leap year: any real day
        return None
    return dateline.when.month, dateline.when.day


def _header_date(top: str) -> dt.date | None:
    for m in _HEADER_RE.finditer(top):
        expr = _decode(m)
        if expr and expr.year is not None and (day := _resolve(expr, None)[0]):
            return day
    return None


def _timestamp(top: str) -> dt.date | None:
    """A numeric date with a time after it, or a year-first date with slashes ("2023/05/17")."""
    for m in _DATE_RE.finditer(top):
        numeric = m.group("iy") or m.group("ny")
        if not numeric:
            continue
        stamped = _TIME_AFTER.match(top, m.end()) or m.group("isep") == "/"
        if stamped and (expr := _decode(m)) and (day := _resolve(expr, None)[0]):
            return day
    return None


def _date_line(top: str) -> dt.date | None:
    """A full date alone on its line: "October 17, 2023", "Tuesday, 17 October 2023 10:30 GMT", or
    alone in its part of a masthead line: "Mumbai | Tuesday, 11th January 2028"."""
    for line in top.splitlines():
        if len(line) > 80 or not _DATE_RE.search(line):
            continue
        parts = _MASTHEAD_SEPARATOR.split(line)
        if any(len(part.split()) > 4 for part in parts if not _DATE_RE.search(part)):
            continue  # a part of several words beside the date: a sentence, not a masthead
        for part in parts:
            if not (m := _DATE_RE.search(part)):
                continue
            if len(parts) > 1 and not (m.group("m1") or m.group("m2")):
                continue  # beside other parts, only a date in words: "12/05/2025" may be either day
            expr = _decode(m)
            residue = part[: m.start()] + " " + part[m.end() :]
            alone = expr is not None and expr.year is not None and _DATE_LINE_RESIDUE.fullmatch(residue)
            if alone and (day := _resolve(expr, None)[0]):
                return day
    return None


_MASTHEAD_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def _first_full_date(text: str) -> dt.date | None:
    for expr in _expressions(text):
        if expr.year is not None and (day := _resolve(expr, None)[0]):
            return day
    return None


def _same_day_written_with_year(top: str, expr: _Expr) -> dt.date | None:
    """The year of a full date in the header that is the dateline's day, in either order of a numeric
    date: "12/05/2025" above "ABUJA, May 12" is 12 May 2025, whichever order the site writes."""
    if expr.year is not None:
        return None
    for m in _DATE_RE.finditer(top):
        if m.group("ny") and {(int(m.group("na")), int(m.group("nb")))} & {
            (expr.month, expr.day),
            (expr.day, expr.month),
        }:
            return _make(int(m.group("ny")), expr.month, expr.day)
        if m.group("iy") and (int(m.group("im")), int(m.group("id"))) == (expr.month, expr.day):
            return _make(int(m.group("iy")), expr.month, expr.day)
    return None


def _this_year(text: str, expr: _Expr) -> dt.date | None:
    """A year-less dateline's year, when the story speaks of its own year ("so far in 2024")."""
    if expr.year is not None:
        return None
    years = {int(m.group(1) or m.group(2)) for m in _SO_FAR.finditer(text)}
    return _make(years.pop(), expr.month, expr.day) if len(years) == 1 else None


_SO_FAR = re.compile(r"\bso far in ((?:19|20)\d\d)\b|\b((?:19|20)\d\d) so far\b")


def _dateline_date(expr: _Expr, other: dt.date | None) -> dt.date | None:
    """A dateline's date; without a year, the year that puts it nearest to other evidence, if any."""
    if expr.year is not None:
        return _resolve(expr, None)[0]
    if other is None:
        return None
    years = (other.year - 1, other.year, other.year + 1)
    options = [d for y in years if (d := _make(y, expr.month, expr.day))]
    return min(options, key=lambda d: abs(d - other), default=None)


# ---------------------------------------------------------------------------------------------------
# Event date


@dataclass(frozen=True)
class _Sentence:
    text: str  # the whole text the offsets point into
    start: int
    end: int
    quoted: tuple[tuple[int, int], ...]  # quotation spans in the same coordinates
    first: bool


def sentence_event_date(
    text: str, start: int, end: int, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The day an event in text[start:end] (one sentence) took place, if the sentence dates it."""
    quoted = tuple(m.span() for m in _QUOTED.finditer(text, start, end))
    return _sentence_date(_Sentence(text, start, end, quoted, first=False), published)


def find_event_date(article: Article, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """Start and end (None unless a span) of the meeting the article reports, from its lead."""
    dateline = first_dateline(article.text, HEADER_CHARS)
    sentences = _lead_sentences(article, dateline.end if dateline else 0)
    if moved := _moved_to(sentences, published):
        return moved, None
    for sentence in sentences:
        found = _sentence_date(sentence, published)
        if found[0]:
            return _days_of_event(sentences, found[0]) if found[1] is None else found
    if dateline and (expr := dateline.when):
        start = _resolve(expr, published)[0]
        if start:
            return start, None
    return published, None


def postponed_to(article: Article) -> dt.date | None:
    """The new day the article's lead gives a postponed meeting ("postponed to February 3"), if any."""
    dateline = first_dateline(article.text, HEADER_CHARS)
    return _moved_to(_lead_sentences(article, dateline.end if dateline else 0), article.published)


def _moved_to(sentences: list[_Sentence], published: dt.date | None) -> dt.date | None:
    """The new day of a meeting the report says was postponed ("postponed to February 3"): the report
    belongs to the meeting held that day, not to the day it was first set for."""
    for s in sentences:
        for moved in _MOVED.finditer(s.text, s.start, s.end):
            reach = min(s.end, moved.end() + 100)
            for to in _MOVED_TO.finditer(s.text, moved.end(), reach):
                date = _DATE_RE.match(s.text, to.end(), s.end)
                if date and (expr := _decode(date)) and (day := _resolve(expr, published, future=True)[0]):
                    return day
    return None


_MOVED = re.compile(r"(?i)\b(?:postponed|rescheduled|put off|pushed back|deferred|delayed|moved)\b")
_MOVED_TO = re.compile(rf"\b(?i:to|until|till|for)\s+(?:(?i:next\s+)?{_WEEKDAY},?\s+)?")


def _days_of_event(sentences: list[_Sentence], day: dt.date) -> tuple[dt.date, dt.date | None]:
    """The span of an event of several days the lead reports one day of: "on the first day of the
    two-day forum", "wrapped up a three-day visit on Friday" (the day given is its first, its last)."""
    for s in sentences:
        m = _SEVERAL_DAYS.search(s.text, s.start, s.end)
        if m is None:
            continue
        days = _SMALL_NUMBERS[m.group("n").lower()]
        nth = (m.group("nth") or "").lower()
        if nth:
            first = day - dt.timedelta(days=(_NTH_DAY.get(nth) or days) - 1)
        elif _CLOSING.search(s.text, s.start, s.end):
            first = day - dt.timedelta(days=days - 1)
        elif _OPENING.search(s.text, s.start, s.end):
            first = day
        else:
            continue
        return first, first + dt.timedelta(days=days - 1)
    return day, None


_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_NTH_DAY = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4}  # closing, final, last: the end
_SEVERAL_DAYS = re.compile(
    r"(?i)\b(?:(?P<nth>first|opening|second|third|fourth|closing|final|last)\s+day\s+of\s+(?:the|a|an|its|their)\s+)?"
    r"(?P<n>two|three|four|five|[2-5])-day\b"
)
_CLOSING = re.compile(
    r"(?i)\b(?:wrapped up|wraps up|closed|closes|ended|ends|concluded|concludes|wound up)\b"
)
_OPENING = re.compile(r"(?i)\b(?:opened|opens|began|begins|kicked off|started|starts)\b")


def _lead_sentences(article: Article, skip_to: int) -> list[_Sentence]:
    """The lead's first sentence, then the title, then the rest of the first two prose paragraphs."""
    text = article.text
    paragraphs = [p for p in (article.paragraphs or ((0, len(text)),)) if _is_prose(text, *p)]
    sentences: list[_Sentence] = []
    for start, end in paragraphs[:LEAD_PARAGRAPHS]:
        start = max(start, skip_to) if skip_to < end else start  # past the dateline and header date
        end = min(end, start + LEAD_CHARS)
        quoted = tuple(m.span() for m in _QUOTED.finditer(text, start, end))
        for a, b in sentence_spans(text, start, end):
            sentences.append(_Sentence(text, a, b, quoted, first=not sentences))
    if article.title:
        title = _Sentence(article.title, 0, len(article.title), (), first=False)
        sentences.insert(1 if sentences else 0, title)
    return sentences


def _is_prose(text: str, start: int, end: int) -> bool:
    """Body text rather than a menu, a title or a photo credit: several words and a full stop."""
    chunk = text[start:end]
    return len(chunk.split()) >= 8 and _PROSE_END.search(chunk) is not None


def _sentence_date(s: _Sentence, published: dt.date | None) -> _Days:
    """The first usable date expression of a sentence, resolved against publication."""
    found: list[tuple[int, _Days]] = []
    for expr in _expressions(s.text, s.start, s.end):
        found.append((expr.start, _resolve(expr, published, _is_future(s, expr.start))))
    if published is not None:
        for m in _RELATIVE_RE.finditer(s.text, s.start, s.end):
            if _standalone_relative(s.text, m):
                day = _plausible(_relative(m, published, _is_future(s, m.start())))
                found.append((m.start(), (day, None)))
    for position, (start, end) in sorted(found, key=lambda item: item[0]):
        if start and _attached_to_event(s, position, start, published):
            return start, end
    return None, None


def _is_future(s: _Sentence, position: int) -> bool:
    """Whether the clause holding the date is in the future tense ("will visit ... on Tuesday").

    A short opening adverbial ("On Tuesday, ...") takes its tense from the clause after it.
    """
    sentence = s.text[s.start : s.end]
    offset = position - s.start
    breaks = [m.start() for m in _TENSE_BREAK.finditer(sentence)] + [len(sentence)]
    left = max((b for b in breaks if b < offset), default=0)
    right = min(b for b in breaks if b > offset)
    if len(sentence[left:right].split()) < 5 and right < len(sentence):
        right = min(b for b in breaks if b > right)
    return _FUTURE_RE.search(sentence, left, right) is not None


def _standalone_relative(text: str, m: re.Match[str]) -> bool:
    """A capitalised "Today" in mid-sentence is a name ("... Today reports"), not a day."""
    word = m.group()
    if not word[0].isupper() or m.group("wd"):
        return True
    before = text[: m.start()].rstrip(" \t")
    return not before or before[-1] in '.!?:;"“(—-\n'


def _attached_to_event(s: _Sentence, position: int, day: dt.date, published: dt.date | None) -> bool:
    """False for dates in quotations, in reported speech, or of older things ("signed on 5 November 2022")."""
    offset = position - s.start
    if any(a <= position < b for a, b in s.quoted):
        return False
    before = s.text[s.start : position]
    reported = _REPORTED_RE.search(before)
    # What someone said happened is not the event; an announced visit ("said that ... will visit") is.
    if reported and not _FUTURE_RE.search(s.text, s.start + reported.end(), s.end):
        return False
    clause = _CLAUSE_BREAK.split(before)[-1] if offset else ""
    background = _BACKGROUND_RE.search(clause) is not None
    stale = published is not None and day < published - STALE
    if background:
        return not stale and published is not None
    return not stale or s.first

"""People in an article: names with their roles, and every mention (name, description, pronoun) resolved.

A capitalised sequence counts as a person only with evidence: a title before it ("Foreign Minister X"),
a role after it ("X, Minister of ..."), a speech verb after it ("X said"), or a list of people present.
Later short mentions ("Costa", "Weber") and descriptions ("the French president", "the head of state")
resolve to those people; pronouns resolve to the most recent person mentioned outside quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

import regex

from briefgen import lexicon
from briefgen.dates import MONTHS, WEEKDAYS
from briefgen.text import has_word, sentence_spans, tidy

# One capitalised word of a name: "Li", "Jean-Yves", "O'Brien", "McDonald", "TRUMP".
_NAME_WORD = (
    r"(?:(?<![\p{L}'’])\p{Lu}(?:\p{Ll}+(?:\p{Lu}\p{Ll}+)?|['’]\p{Lu}\p{Ll}+|\p{Lu}+)(?:-\p{Lu}?\p{Ll}+)*"
    r"(?![\p{L}\p{N}]|['’]\p{L}))"  # whole words only: never "Ma" out of "Ma'an"
)
_PARTICLE = r"(?:bin|ibn|al|el|de|da|di|du|del|der|van|von|la|le|dos|das)"
# An initial before a name: "B. Enkhtuya", "Ts. Altangerel" (Mongolian patronymics), "J. Smith".
_INITIAL = r"(?<![\p{L}.])\p{Lu}\p{Ll}?\.\s+(?=\p{Lu}\p{Ll})"
# A nickname in quotation marks inside a name: Ma. Consuelo "Connie" Alcantara, Rodolfo "Ka Dolfo" Manalastas.
_NICKNAME = r"[\"“]\p{Lu}[\p{L}.'’ -]{0,18}[\"”]\s+"
_NAME_RUN = regex.compile(
    rf"(?:{_INITIAL})?{_NAME_WORD}"
    rf"(?:\s+(?:{_NICKNAME})?(?:{_PARTICLE}\s+){{0,2}}(?:{_INITIAL})?{_NAME_WORD}){{0,7}}"
)
_NICKNAME_IN_NAME = regex.compile(rf"\s+{_NICKNAME}")
_SPACES = regex.compile(r"\s+")
_NON_SPACE = regex.compile(r"\S+")
_HONORIFIC_WORDS = tuple(lexicon.entries("honorifics"))  # "Mr", "Dr", "Shri", "Smt"...
_HONORIFIC = rf"(?:{lexicon.alternation(list(_HONORIFIC_WORDS))})\.?"
_HONORIFIC_BEFORE = regex.compile(rf"\b{_HONORIFIC}\s+$")
_HONORIFIC_AND_WORD = regex.compile(rf"\b{_HONORIFIC}\s+\S+$")
_HONORIFIC_REACH = 2 + max(map(len, _HONORIFIC_WORDS))  # characters before a name where one can stand
# Forms of address that say who is meant, not what they do: never a role.
_HONORIFICS = frozenset(
    {form for word in _HONORIFIC_WORDS for form in (word.lower(), word.lower() + ".")}
    | {"sir", "madam", "his excellency", "her excellency", "excellency", "h.e.", "h. e.", "his highness"}
    | {"her highness"}
)
_ROLE_END = regex.compile(r"\s*[,.;)]")
_PRONOUN = regex.compile(r"\b(?:he|she|him|her|his)\b", regex.IGNORECASE)
_MALE_TITLES = frozenset(
    {"mr.", "mr", "king", "prince", "sir", "lord", "emir", "sheikh", "sultan", "crown prince"}
)
_FEMALE_TITLES = frozenset({"mrs.", "mrs", "ms.", "ms", "queen", "princess", "dame", "first lady", "madam"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # canonical name of the person
    kind: str  # "name", "description" or "pronoun"
    in_quote: bool = False
    possessive: bool = False


@dataclass
class PersonInfo:
    name: str
    role: str | None = None
    country: str | None = None
    gender: str | None = None  # "m", "f" or None when unknown
    first_seen: int = 0


@dataclass
class Cast:
    """The people of one article and where each is mentioned."""

    people: dict[str, PersonInfo] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # mentions' starts, for bisecting

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention covering text[start:end] exactly or containing it."""
        i = bisect_left(self.starts, start + 1) - 1
        for m in self.mentions[max(0, i - 2) : i + 3]:
            if m.start <= start and end <= m.end:
                return m
        return None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def latest_before(self, position: int, *, gender: str | None = None) -> Mention | None:
        """The most recent mention outside quotations before `position` (for pronouns)."""
        for m in reversed(self.mentions):
            if m.end > position or m.in_quote or m.possessive:
                continue
            person = self.people[m.name]
            if gender and person.gender and person.gender != gender:
                continue
            return m
        return None


# ---------------------------------------------------------------- lexicon-derived vocabularies


@dataclass(frozen=True)
class _Vocabulary:
    countries: dict[str, str]  # any form (name, alias, demonym), lower case -> canonical country
    demonyms: frozenset[str]
    blocked: frozenset[str]  # lower-case words that are never part of a person's name
    places: frozenset[str]  # lower-case names of countries, regions and cities ("united states")
    title_regex: regex.Pattern[str]
    description_regex: regex.Pattern[str]


@cache
def _country_table() -> tuple[dict[str, str], frozenset[str], tuple[str, ...]]:
    """(any form of a country, lower case -> its name; demonyms; short forms such as "U.S.", "UK"),
    apart from vocabulary() so that naming a country does not compile the title regexes."""
    countries: dict[str, str] = {}
    demonyms: set[str] = set()
    short_forms: list[str] = []  # "U.S.", "UK": they stand before titles like demonyms
    for row in lexicon.table("countries"):
        name = row[0]
        forms = [name, *_split(row[2] if len(row) > 2 else "")]
        row_demonyms = _split(row[1] if len(row) > 1 else "")
        demonyms.update(d.lower() for d in row_demonyms)
        for form in [*forms, *row_demonyms]:
            countries.setdefault(form.lower(), name)
        short_forms.extend(f for f in forms if len(f) <= 4 and (f.isupper() or "." in f))
    return countries, frozenset(demonyms), tuple(short_forms)


@cache
def non_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case words that are never part of a person's name, lower-case place names), apart from
    vocabulary() so that telling a name from an institution does not compile the title regexes."""
    countries = _country_table()[0]
    blocked = {w.lower() for w in lexicon.entries("org_words")} | {
        w.lower() for w in lexicon.entries("non_names")
    }
    # One-word countries, demonyms, regions and cities never belong to a person's name; the words of
    # longer place names may ("Ana Costa", "Lloyd Austin"), so those are left to the whole-phrase checks.
    places = [*countries, *lexicon.entries("regions"), *(tidy(row[0]) for row in lexicon.table("cities"))]
    blocked |= {phrase.lower() for phrase in places if " " not in phrase}
    title_words = {w for t in lexicon.entries("titles") for w in t.lower().split()}
    blocked |= title_words | {_plural(w) for w in title_words}  # "Presidents A and B"
    blocked |= {word.lower() for word in lexicon.entries("honorifics")}  # "Smt. Hemlata Chaturvedi"
    return frozenset(blocked), frozenset(phrase.lower() for phrase in places)


# Capitalised words, or a list of them ending in "and": "Foreign Affairs", "Industry, Trade and Investment".
# The case is forced: the title regex ignores case, and "Ghana, His Excellency" is not a list.
_CAPITALISED = r"(?-i:\p{Lu})\p{Ll}+(?:\s+(?-i:\p{Lu})\p{Ll}+)*"
# A comma before "and" only after other commas: "A, B, and C", not "Acme Canada, and Ana Costa".
_CAPITALISED_LIST = (
    rf"{_CAPITALISED}(?:(?:\s*,\s*{_CAPITALISED})+\s*,?\s+and\s+{_CAPITALISED}|\s+and\s+{_CAPITALISED})?"
)


@cache
def vocabulary() -> _Vocabulary:
    countries, demonyms, short_forms = _country_table()
    blocked, place_names = non_name_words()
    titles = lexicon.alternation(lexicon.entries("titles"))
    country_forms = lexicon.alternation(list(_country_forms(countries)))
    demonym_forms = lexicon.alternation([d.title() for d in demonyms] + sorted(demonyms) + list(short_forms))
    # "Chinese Foreign Minister", "President of Kazakhstan", "State Councilor and Foreign Minister",
    # "Deputy Prime Minister and Minister of Foreign Affairs".
    one_title = (
        # "Minister of Industry, Trade and Investment"
        # "Trade and Industry Minister": a portfolio joined to the one the title names
        rf"(?:(?-i:\p{{Lu}})\p{{Ll}}+\s+(?:and|&)\s+)?"
        # any portfolio before "Minister" or "Secretary": "Logistics Minister", "Tourism Secretary"
        rf"(?:{titles}|(?-i:\p{{Lu}}\p{{Ll}}+\s+(?:Minister|Secretary)))"
        rf"(?:\s+of\s+(?:the\s+)?(?:{country_forms}|{_CAPITALISED_LIST}))?"
    )
    title_regex = regex.compile(
        rf"(?:(?:{demonym_forms})\s+)?{one_title}(?:\s*(?:,|and|&)\s+(?:(?:{demonym_forms})\s+)?{one_title})*",
        regex.IGNORECASE,
    )
    description_regex = regex.compile(
        # "the Chinese foreign minister", "the AP chair" (an organisation's acronym)
        rf"\b(?:(?:the|The)\s+(?:(?P<dem>{demonym_forms})\s+|(?-i:\p{{Lu}}{{2,6}})\s+)?|(?P<dem2>{demonym_forms})\s+)"
        rf"(?P<title>{titles}|leader|head of state|head of government|head)"
        rf"(?:\s+of\s+(?:the\s+)?(?P<country>{country_forms}))?\b",
        regex.IGNORECASE,
    )
    return _Vocabulary(countries, demonyms, blocked, place_names, title_regex, description_regex)


def _split(field_text: str) -> list[str]:
    return [part.strip() for part in field_text.split(";") if part.strip()]


def _country_forms(countries: dict[str, str]) -> set[str]:
    # Country names as written (title case); demonyms are adjectives and are handled separately.
    return {form for form in (f for f in countries) if " " in form or len(form) > 2} | {
        form.upper() for form in countries if len(form) <= 3
    }


@cache
def country_of(text: str | None) -> str | None:
    """The country a role or description names ("Chinese President", "President of Kazakhstan")."""
    if not text:
        return None
    lowered = text.lower()
    best: tuple[int, str] | None = None  # (length of the form found, country): the longest form wins
    for form, country in _country_table()[0].items():
        # Short upper-case forms ("US", "UK") only as written, so that "us" is never a country.
        found = has_word(text, form.upper()) if len(form) <= 3 else has_word(lowered, form)
        if found and (best is None or len(form) > best[0]):
            best = (len(form), country)
    return best[1] if best else None


# ---------------------------------------------------------------- finding people


@cache
def _verb_regex() -> regex.Pattern[str]:
    verbs = [
        *lexicon.entries("speech_verbs"),
        *lexicon.entries("stance_verbs"),
        *lexicon.entries("meeting_verbs"),
    ]
    return regex.compile(
        rf"\s+(?:(?:also|further|then|again|once again|later|on \w+day)\s+)?"
        rf"(?:{lexicon.alternation(verbs)})\b"
    )


def _speaks_next(text: str, position: int, end: int) -> bool:
    """A speech, stance or meeting verb right after a name ("X said"): a cheap word test first."""
    following = _NEXT_WORD.match(text, position, end)
    if not following or following.group(1).lower() not in _verb_first_words():
        return False
    return _verb_regex().match(text, position, end) is not None


def _spoken_before(text: str, name_start: int, floor: int) -> bool:
    """A speech verb right before a name: the verb-first attribution of '"...," said X Y'."""
    before = _WORD_BEFORE.search(text, max(floor, name_start - 20), name_start)
    return before is not None and before.group(1).lower() in _verb_last_words()


# Abstract nouns ("Promotion", "Development") end a portfolio, never a surname.
_ABSTRACT_NOUN = regex.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism)s?$")
_WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$")


# "X Y of the digital rights group Z", "X Y of the Sotavento Irrigators' Association said": a person
# and what they belong to
@cache
def _of_affiliation() -> regex.Pattern[str]:
    """After a name: "of the rights group", "of the Sotavento Association said", "of the Pancretan
    Federation of Hotel Workers" (a body named with an organisation's word)."""
    verbs = lexicon.alternation([*lexicon.entries("speech_verbs"), *lexicon.entries("stance_verbs")])
    bodies = lexicon.alternation([w for w in lexicon.entries("org_words") if w[:1].isupper()])
    return regex.compile(
        rf"\s+of\s+the\s+(?:\p{{Ll}}[\p{{Ll}}-]+\s+\p{{Ll}}|[^,.;:\"“”]{{3,70}}?\s+(?:{verbs})\b"
        rf"|(?:\p{{Lu}}[\p{{L}}'’-]*\s+){{1,4}}(?:{bodies})\b)"
    )


_ACCORDING_BEFORE = regex.compile(r"\b(?i:according to|in the words of)\s+$")  # a source's words
_WHO_AFTER = regex.compile(r"\s*,\s*who(?:se)?\s")  # "X Y, who sells phones": a person


@cache
def _described_after() -> regex.Pattern[str]:
    """ "X Y, a truck driver from Ipiales," "X Y, a 26-year-old research fellow": described as a person."""
    nouns = lexicon.alternation(lexicon.entries("person_nouns"))
    return regex.compile(rf"\s*,\s*an?\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b")


@cache
def _verb_last_words() -> frozenset[str]:
    """The last words of the speech verbs ("said", "added", "pointed out")."""
    return frozenset(verb.split()[-1].lower() for verb in lexicon.entries("speech_verbs"))


@cache
def _verb_first_words() -> frozenset[str]:
    verbs = [
        *lexicon.entries("speech_verbs"),
        *lexicon.entries("stance_verbs"),
        *lexicon.entries("meeting_verbs"),
    ]
    adverbs = {"also", "further", "then", "again", "once", "later", "on"}
    return frozenset({v.split()[0].lower() for v in verbs} | adverbs)


@cache
def _presence_regex() -> regex.Pattern[str]:
    # "A, B and C, among others, were present", "officials including A and B were present at the events"
    name = _NAME_RUN.pattern
    return regex.compile(
        rf"(?P<names>{name}(?:\s*,\s*{name})*(?:\s*,?\s+and\s+{name})?)(?:\s*,\s*among others\s*,)?"
        rf"\s+(?:were|was)\s+(?:also\s+)?(?:present|in attendance|among)",
    )


# Words without which _presence_regex cannot match.
_PRESENCE_WORDS = regex.compile(r"present|in attendance|among")


def find_cast(text: str, spans: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> Cast:
    """People of the text (body paragraph spans plus the title span), with every mention resolved.

    `quoted` are the spans of quotations: mentions inside them are not antecedents of pronouns.
    """
    cast = Cast()
    # The capitalised runs of each span, found once: three passes below go over them.
    runs = [[run.span() for run in _NAME_RUN.finditer(text, start, end)] for start, end in spans]
    for (start, end), span_runs in zip(spans, runs, strict=True):
        _introduce_people(cast, text, start, end, span_runs)
    _complete_names(cast, text, [run for span_runs in runs for run in span_runs])
    mentions = [m for span_runs in runs for m in _name_mentions(cast, text, span_runs, quoted)]
    sentences = [sentence for start, end in spans for sentence in sentence_spans(text, start, end)]
    mentions += [
        m
        for start, end in spans
        for m in _description_mentions(cast, text, start, end, quoted, mentions, sentences)
    ]
    cast.mentions = sorted(mentions, key=lambda m: m.start)
    for start, end in spans:
        _resolve_pronouns(cast, text, start, end, quoted, sentences)
    cast.starts = [m.start for m in cast.mentions]
    return cast


def _introduce_people(cast: Cast, text: str, start: int, end: int, runs: list[tuple[int, int]]) -> None:
    """Register the people that text[start:end] introduces with evidence (title, role, speech verb,
    presence); RUNS are its capitalised runs."""
    for run_start, run_end in runs:
        core = _core_name(text, run_start, run_end)
        if core is None or core[1] - core[0] == 0:
            continue
        core_start, core_end, words = core
        role = _title_before(text, core_start, start)
        if len(words) >= 3 and (role is None or words[0].lower() in _portfolio_words()):
            # "Minister of Infrastructure and Equipment Ilyas Daher Bouh", "... Economic Reconciliation X"
            core_start, words, role = _portfolio_apart(text, core_start, words, start, role)
        if role is None and _of_a_title(text, core_start, start):
            continue  # "governor of San Luis Potosi, who ...": the place or body a title is of
        if (
            len(words) < 2
            and (
                not (
                    (role and (role[0].isupper() or role.split()[-1][:1].isupper()))  # "founder and CEO X"
                    or _has_honorific(text, core_start)
                    # a one-word name behind a title in lower case, said to be a person or to speak:
                    # "the founder and chief executive Haryanto, who ...", "chief executive Haryanto said"
                    or (role and (_WHO_AFTER.match(text, core_end, end) or _speaks_next(text, core_end, end)))
                )
                or text[start:core_start].rstrip().endswith(",")  # "Minister of Labour, Immigration, ..."
                or _ABSTRACT_NOUN.search(
                    words[0]
                )  # "Minister of Commerce, Industry and Investment Promotion"
            )
        ):
            # One word is a name only behind a title as titles stand before names, capitalised:
            # "President Petrov", "Mr. Brown"; not "we will judge Acme by what it offers".
            continue
        of_country = _OF_COUNTRY.match(text, core_end, end) if role else None
        if of_country and country_of(of_country.group("country")):
            role = f"{role} of {tidy(of_country.group('country'))}"  # "President X of Kazakhstan"
        role = role or _role_after(text, core_end, end)
        # "Colombia's Luisa Ocampo": evidence, and the person's country when no title gives one
        country = None
        if not role and len(words) >= 2:
            country = _country_possessive_before(text, core_start, start)
        evidence = (
            role
            or _speaks_next(text, core_end, end)
            or (len(words) >= 2 and _spoken_before(text, core_start, start))
            or (len(words) >= 2 and _ACCORDING_BEFORE.search(text, max(start, core_start - 20), core_start))
            or (len(words) >= 2 and _WHO_AFTER.match(text, core_end, end) is not None)
            or (len(words) >= 2 and _described_after().match(text, core_end, end) is not None)
            or (len(words) >= 2 and _of_affiliation().match(text, core_end, end) is not None)
            or _has_honorific(text, core_start)
            or country
        )
        if evidence:
            person = cast.people[_register(cast, text[core_start:core_end], role, core_start)]
            person.country = person.country or country
    for match in _pair_regex().finditer(text, start, end):  # "Presidents A and B"
        role = _singular_title(match.group("title"))
        for group in ("a", "b"):
            core = _core_name(text, match.start(group), match.end(group))
            if core and len(core[2]) >= 2:
                _register(cast, text[core[0] : core[1]], role, core[0])
    if not _PRESENCE_WORDS.search(text, start, end):
        return  # the cheap test first: lists of people present are rare
    for match in _presence_regex().finditer(text, start, end):
        for run in _NAME_RUN.finditer(text, match.start("names"), match.end("names")):
            core = _core_name(text, run.start(), run.end())
            if core and len(core[2]) >= 2:
                _register(cast, text[core[0] : core[1]], None, core[0], principal_hint=False)


@cache
def _pair_regex() -> regex.Pattern[str]:
    """A title in the plural before two names: "Presidents A and B", "Foreign Ministers A and B"."""
    plurals = [_plural(title) for title in lexicon.entries("titles") if title[:1].isalpha()]
    titles = lexicon.alternation(sorted({p[:1].upper() + p[1:] for p in plurals}))
    name = _NAME_RUN.pattern
    return regex.compile(rf"\b(?P<title>{titles})\s+(?P<a>{name})\s+and\s+(?P<b>{name})")


def _plural(title: str) -> str:
    words = title.split()
    last = words[-1]
    last = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
    return " ".join([*words[:-1], last])


def _singular_title(plural: str) -> str:
    words = plural.split()
    last = words[-1]
    last = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    return " ".join([*words[:-1], last])


def _complete_names(cast: Cast, text: str, runs: list[tuple[int, int]]) -> None:
    """A person known by one word ("President Petrov") takes the full name the text gives elsewhere
    ("Vladimir Petrov"), when exactly one full name fits."""
    short = [name for name in cast.people if " " not in name]
    if not short:
        return
    fuller: dict[str, set[str]] = {name: set() for name in short}
    for run_start, run_end in runs:
        core = _core_name(text, run_start, run_end)
        if core and len(core[2]) >= 2:
            candidate = tidy(text[core[0] : core[1]].removesuffix("'s").removesuffix("’s"))
            for name in short:
                if name in candidate.split():
                    fuller[name].add(candidate)
    for name, names in fuller.items():
        if len(names) == 1 and (full := names.pop()) not in cast.people:
            person = cast.people.pop(name)
            person.name = full
            cast.people[full] = person


@lru_cache(maxsize=8192)  # three passes over the same runs ask for each core
def _core_name(text: str, start: int, end: int) -> tuple[int, int, tuple[str, ...]] | None:
    """Trim a capitalised run to the words that can be a person's name ("French President Jean Martin")."""
    blocked = vocabulary().blocked
    words = [(m.start() - start, m.end() - start) for m in _NON_SPACE.finditer(text, start, end)]
    tokens = [text[start + a : start + b] for a, b in words]
    # The name is the last run of unblocked words: "South Korean President Park Min-jae" -> Park Min-jae
    # ("South" is no name, but it is not blocked on its own either).
    runs, i = [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and not _blocked(tokens[j], blocked):
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    if not runs:
        return None
    i, j = runs[-1]
    if " ".join(tokens[i:j]).lower().strip(".,;:") in vocabulary().places:
        return None  # nothing left, or a place of several words ("United States", "New Delhi")
    if j < len(tokens) and tokens[j].lower().strip(".,;:()") in _org_words():
        return None  # the words before an institution's word name it: "Dutch Data Protection Authority"
    return start + words[i][0], start + words[j - 1][1], tuple(tokens[i:j])


@cache
def _org_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.entries("org_words"))


def _blocked(token: str, blocked: frozenset[str]) -> bool:
    """Titles, places, organisation words; also "Kazakh-Chinese" or "China-Europe" (every part blocked)."""
    lowered = token.lower().removesuffix("'s").removesuffix("’s").strip(".,;:")
    return lowered in blocked or (
        "-" in lowered and all(part in blocked for part in lowered.split("-") if part)
    )


def _country_possessive_before(text: str, name_start: int, floor: int) -> str | None:
    """The country of "Egypt's Tarek Fathy", "Saudi Arabia's Faisal bin Nasser": a country's person, in
    diplomatic news."""
    before = _POSSESSIVE_BEFORE.search(text, max(floor, name_start - 40), name_start)
    return _country_table()[0].get(tidy(before.group("owner")).lower()) if before else None


_POSSESSIVE_BEFORE = regex.compile(r"(?P<owner>\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3})['’]s\s+$")


def _of_a_title(text: str, name_start: int, floor: int) -> bool:
    """A run after "governor of (the)" or "X of the": the place or body a title or a person is of,
    whatever verb follows ("Y of the Consejo Empresarial Potosino welcomed it")."""
    before = _OF_BEFORE.search(text, max(floor, name_start - 40), name_start)
    return before is not None and (
        before.group("the") is not None or before.group("word").lower() in _title_last_words()
    )


_OF_BEFORE = regex.compile(r"(?P<word>\p{L}+)\s+of\s+(?P<the>the\s+)?$")


@cache
def _title_last_words() -> frozenset[str]:
    """The words titles end with ("governor", "minister", "director-general"), and their plurals."""
    words = {title.split()[-1].lower() for title in lexicon.entries("titles") if title[:1].isalpha()}
    return frozenset(words | {_plural(word) for word in words})


def _has_honorific(text: str, start: int) -> bool:
    return bool(_HONORIFIC_BEFORE.search(text[max(0, start - _HONORIFIC_REACH) : start]))


def _title_before(text: str, name_start: int, floor: int, *, cheap_test: bool = True) -> str | None:
    window_start = max(floor, name_start - 120)
    window = text[window_start:name_start]
    # "the President of Ghana, His Excellency X": the style of address is not part of the title.
    if excellency := _STYLE_OF_ADDRESS.search(window):
        window = window[: excellency.start()] + excellency.group("comma") + " "
    previous = window.split()[-1:] or [""]
    if cheap_test and not previous[0].endswith(",") and _clean_word(previous[0]) not in _title_endings():
        return None  # the cheap test first: most capitalised runs have no title before them
    title_regex, starters = vocabulary().title_regex, _title_starters()
    # Try only where a title can start (a demonym or a title's first word), leftmost first, so the
    # longest title that ends at the name wins: "State Councilor and Foreign Minister".
    for word in _WORD_START.finditer(window):
        if _clean_word(word.group()) not in starters:
            continue
        match = title_regex.match(window, word.start())
        if match and (title := _title_reaching(window, match)):
            return tidy(_portfolio_before(window, match.start()) + title).rstrip(" ,")
    return None


def _portfolio_before(window: str, title_start: int) -> str:
    """The capitalised words of a portfolio the title lexicon does not hold, right before a bare
    "Minister" or "Secretary": "Union Civil Aviation Minister", "Digital Economy Secretary"."""
    if not _BARE_PORTFOLIO_TITLE.match(window, title_start):
        return ""
    before = _PORTFOLIO_WORDS.search(window, max(0, title_start - 60), title_start)
    if not before:
        return ""
    words = before.group().split()
    while words and words[0].lower() in _not_portfolio_words():
        words.pop(0)  # "On Tuesday", "The": where the sentence starts, not the portfolio
    return " ".join(words) + " " if words else ""


_BARE_PORTFOLIO_TITLE = regex.compile(r"(?:Minister|Secretary)\b(?!\s+(?:of|for)\b)")
_PORTFOLIO_WORDS = regex.compile(r"(?<![\p{L}.'’-])(?:\p{Lu}\p{Ll}+\s+){1,3}$")


@cache
def _not_portfolio_words() -> frozenset[str]:
    places = non_name_words()[1]
    return frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(lexicon.entries("stopwords")) | places


def _portfolio_apart(
    text: str, core_start: int, words: tuple[str, ...], floor: int, role: str | None = None
) -> tuple[int, tuple[str, ...], str | None]:
    """A run that starts with the last words of a title's list of portfolios ("... of Civil Aviation
    Prakash Narayan Dubey", "Minister of Infrastructure and Equipment Ilyas Daher Bouh"): the title
    takes them, the name is the rest (two words at least)."""
    known = 0
    while known < len(words) - 2 and words[known].lower().strip(",") in _portfolio_words():
        known += 1
    taken = known or 1  # a word the lexicon lacks ends a list of several: "... Economic Reconciliation X"
    last = words[taken - 1]
    name_start = _NON_SPACE.search(text, text.index(last, core_start) + len(last)).start()
    longer = _title_before(text, name_start, floor, cheap_test=False)
    if (
        longer
        and longer.endswith(last)
        and not _HONORIFIC_AND_WORD.search(longer)  # "of Civil Aviation Shri Prakash X": a first name
        and (known or not _OF_ONE_WORD.search(longer))  # "governor of San Luis Potosi": a place
    ):
        return name_start, words[taken:], longer
    return core_start, words, role


_OF_ONE_WORD = regex.compile(r"\bof\s+\S+$")


@cache
def _portfolio_words() -> frozenset[str]:
    return frozenset(lexicon.entries("portfolios"))


# Styles of address and honorifics between a title and the name: "Minister of Commerce Dr. S. Ramaswamy".
_STYLE_OF_ADDRESS = regex.compile(
    r"(?P<comma>,?)\s*\b(?:(?:His|Her|Their|Your)\s+(?:Royal\s+)?(?:Excellency|Majesty|Highness)|H\.\s?E\."
    rf"|{_HONORIFIC})\s+$"
)


def _title_reaching(window: str, match: regex.Match[str]) -> str | None:
    """The title if nothing but a comma, or its organisation and a comma, stands between it and the
    name: "the company's chief executive, X", "the chief executive of Acme S.A., X"."""
    rest = window[match.end() :].strip()
    if not rest:
        return match.group()
    # Apart from the name, the title is introduced as such ("the", "its", "Acme's"): "the Consulate
    # General of X in Y, Trend reports" is an institution, and Trend no general.
    if not _DETERMINER_BEFORE.search(window, 0, match.start()):
        return None
    if rest == ",":
        return match.group()
    ends = [match.end(), *(of.start() for of in _OF_OR_AT.finditer(window, match.start(), match.end()))]
    for title_end in ends:
        owner = _OWNER_THEN_COMMA.fullmatch(window, title_end)
        if owner:
            return window[match.start() : owner.end("owner")]
    return None


_DETERMINER_BEFORE = regex.compile(r"(?:\b(?:the|its|his|her|their|our)|['’]s)\s+$", regex.IGNORECASE)
# An organisation may carry its name in another language or its acronym in brackets: "the chair of the
# Dutch Data Protection Authority (Autoriteit Persoonsgegevens, AP), X".
_OWNER_THEN_COMMA = regex.compile(
    r"\s+(?:of|at|for|on|to)\s+(?P<owner>(?:[^,;()\"“”]|\([^()]{1,60}\)){1,100}?)\s*,\s*"
)


def _clean_word(word: str) -> str:
    return word.lower().strip(",;:()\"“”'’")


_WORD_START = regex.compile(r"[\p{L}][\p{L}.'’-]*")
# _WORD_START for the faster re module: a letter, then letters and . ' ’ -
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:[.'’-]+[^\W\d_]*)*")


@cache
def _title_starters() -> frozenset[str]:
    """First words of titles, and demonyms ("Chinese Foreign Minister")."""
    demonyms = {d.split()[0] for d in vocabulary().demonyms}  # "south" of "south korean"
    return frozenset({t.split()[0].lower() for t in lexicon.entries("titles")} | demonyms)


# Title words and "of the Republic of X" between a title's first words and the name.
_BEFORE_NAME = regex.compile(r"(?:\s+(?:of|and|the|for|&|\p{Lu}[\p{L}.'’-]*))*\s+")


@cache
def _head_titles() -> tuple[str, ...]:
    """Titles of leaders of states and governments: "the Argentine leader" is one of them."""
    return lexicon.entries("head_titles")


_NEXT_WORD = regex.compile(r"\s+([\p{L}][\p{L}.'’-]*)")


@cache
def _description_followers() -> frozenset[str]:
    """Words that can follow the first word of a description: demonyms and titles' first words."""
    return _title_starters() | {"leader", "head"}


@cache
def _description_starters() -> frozenset[str]:
    return frozenset({"the"} | vocabulary().demonyms)


@cache
def _title_endings() -> frozenset[str]:
    """Last words of titles and of the countries a title can end with ("President of Kazakhstan")."""
    vocab = vocabulary()
    words = {t.split()[-1].lower() for t in lexicon.entries("titles")}
    words |= {form.split()[-1].lower() for form in vocab.countries}
    return frozenset(words | _portfolio_words())  # "Minister of Mining"


_ROLE_AFTER_COMMA = regex.compile(r"\s*,\s*(?:the\s+)?")
_OF_COUNTRY = regex.compile(r"\s+of\s+(?P<country>(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})")


def _role_after(text: str, name_end: int, floor: int) -> str | None:
    """ "X, Minister of Foreign Affairs," or "X, chief executive of the cloud company Acme," (a title,
    then perhaps whose it is, up to the end of the apposition)."""
    comma = _ROLE_AFTER_COMMA.match(text, name_end, floor)
    if comma:
        match = vocabulary().title_regex.match(text, comma.end(), floor)
        if match and (match.end() >= floor or _ROLE_END.match(text, match.end(), floor)):
            return tidy(match.group())
        if match:  # whose title: from the title's end, or from an "of" inside what the title took
            ends = [match.end(), *(of.start() for of in _OF_OR_AT.finditer(text, match.start(), match.end()))]
            for title_end in ends:
                owner = _ROLE_OWNER.match(text, title_end, floor)
                if owner and (owner.end() >= floor or _ROLE_END.match(text, owner.end(), floor)):
                    return tidy(text[match.start() : owner.end()])
    return None


# "... of the US cloud company Acme", "... at the European Cloud Providers Alliance"
_OF_OR_AT = regex.compile(r"\s+(?:of|at|for|on|to)\s")
_ROLE_OWNER = regex.compile(  # up to the end of the apposition, not into a relative clause
    r"\s+(?:of|at|for|on|to)\s+(?:(?!\s(?:who|which|that|where|whose)\s)[^,;.()\"“”]){1,100}?(?=\s*[,;.)])"
)


def _register(cast: Cast, raw_name: str, role: str | None, position: int, principal_hint: bool = True) -> str:
    name = _plain_name(raw_name)
    # "PRESIDENT SMITH:" in a transcript is Smith; "MORIMOTO Yuko" (surname in capitals) is Morimoto Yuko.
    name = " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in name.split())
    existing = _known(cast, name)
    if existing:
        person = cast.people[existing]
        if role and (person.role is None or (country_of(role) and not person.country)):
            person.role, person.country = role, country_of(role)
        return existing
    role = _counterpart_role(cast, role)
    gender = _gender(role)
    if role and role.lower() in _HONORIFICS:
        role = None  # "Mr" tells the gender, not the role
    cast.people[name] = PersonInfo(name, role, country_of(role), gender, position)
    return name


def _counterpart_role(cast: Cast, role: str | None) -> str | None:
    """ "his Indian counterpart" after "Japanese Prime Minister X" is the Indian Prime Minister."""
    if not role or not role.lower().endswith("counterpart"):
        return role
    other = next(
        (p.role for p in reversed(cast.people.values()) if p.role and "counterpart" not in p.role), None
    )
    if other is None:
        return role
    words = other.split(" of ")[0].split()
    if words and words[0].lower() in vocabulary().demonyms:
        words = words[1:]
    side = role[: -len("counterpart")].strip()
    return " ".join([side, *words]).strip() or role


def _plain_name(raw_name: str) -> str:
    """The name as the brief shows it: no possessive, no nickname, single spaces."""
    return tidy(_NICKNAME_IN_NAME.sub(" ", raw_name.removesuffix("'s").removesuffix("’s")))


def _known(cast: Cast, name: str) -> str | None:
    """The known person this (possibly shorter) name refers to: "Weber" -> "Olaf Weber"."""
    if name in cast.people:
        return name
    words = set(name.lower().split())
    matches = [known for known in cast.people if words <= set(known.lower().split())]
    return min(matches, key=lambda k: cast.people[k].first_seen) if matches else None


def _gender(role: str | None) -> str | None:
    if not role:
        return None
    lowered = role.lower()
    if any(has_word(lowered, t) for t in _FEMALE_TITLES):
        return "f"
    if any(has_word(lowered, t) for t in _MALE_TITLES):
        return "m"
    return None


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def _name_mentions(
    cast: Cast, text: str, runs: list[tuple[int, int]], quoted: list[tuple[int, int]]
) -> list[Mention]:
    found = []
    for run_start, run_end in runs:
        for word_run in _known_spans(cast, text, run_start, run_end):
            a, b, name = word_run
            possessive = text.startswith(("'s", "’s"), b) or text[a:b].endswith(("'s", "’s"))
            found.append(Mention(a, b, name, "name", _inside(a, quoted), possessive))
    return found


def _known_spans(cast: Cast, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Known people inside a capitalised run; titles and other words around them are skipped."""
    core = _core_name(text, start, end)
    if core is None:
        return []
    core_start, core_end, words = core
    name = _known(cast, _plain_name(text[core_start:core_end]))
    # Portfolio words before the name ("Equipment Ilyas Bouh", "Civil Aviation Prakash Dubey"): the
    # known name is the rest of the run, two words at least.
    skipped = 0
    while not name and len(words) - skipped >= 3:
        core_start = _NON_SPACE.search(
            text, text.index(words[skipped], core_start) + len(words[skipped])
        ).start()
        skipped += 1
        name = _known(cast, _plain_name(text[core_start:core_end]))
    if not name:
        return []
    # "Mr Sakai", "Smt. Chaturvedi" is one mention (the form of address may stand outside the run)
    honorific = _HONORIFIC_BEFORE.search(text, max(0, core_start - _HONORIFIC_REACH), core_start)
    return [(honorific.start() if honorific else core_start, core_end, name)]


def _description_mentions(
    cast: Cast,
    text: str,
    start: int,
    end: int,
    quoted: list[tuple[int, int]],
    names: list[Mention],
    sentences: list[tuple[int, int]],
) -> list[Mention]:
    if not cast.people:
        return []
    found = []
    named_starts = {m.start for m in names}
    description = vocabulary().description_regex
    for word_start in _description_starts(text, start, end):
        match = description.match(text, word_start, end)
        if not match:
            continue
        if any(
            match.end() < named <= match.end() + 60 and _BEFORE_NAME.fullmatch(text, match.end(), named)
            for named in named_starts
        ):
            continue  # a title in front of a name ("Argentine Secretary of Energy X"), not a description
        person = _match_description(cast, match, names, sentences)
        if person:
            found.append(
                Mention(match.start(), match.end(), person, "description", _inside(match.start(), quoted))
            )
    return found


def _description_starts(text: str, start: int, end: int) -> list[int]:
    """Where a description can start: "the" or a demonym followed by a demonym or a title's first word
    ("the French president", "the head of state", "Chinese leader"), or "the", an organisation's
    acronym and a title's first word ("the AP chair"). One scan of the words in Python is much cheaper
    than trying the description regex, whose alternations are long, at every word."""
    starters, followers = _description_starters(), _description_followers()
    found = [m.start() for m in _THE_ACRONYM.finditer(text, start, end) if m.group(1).lower() in followers]
    lowered = text[start:end].lower()
    if len(lowered) == end - start and not _may_describe(_WORD_TOKEN.findall(lowered), starters, followers):
        return found  # the cheap test first: word strings only, no match objects
    words = [(m.start(), m.end(), _clean_word(m.group())) for m in _WORD_TOKEN.finditer(text, start, end)]
    found += [
        a
        for (a, b, word), (c, _, following) in pairwise(words)
        if word in starters and following in followers and text[b:c].isspace()
    ]
    return sorted(found)


_THE_ACRONYM = re.compile(r"\b[Tt]he [A-Z]{2,6} ([A-Za-z]+)")  # "the AP chair"


def _may_describe(words: list[str], starters: frozenset[str], followers: frozenset[str]) -> bool:
    """A starter word followed by a follower word among WORDS (lower case, as _WORD_TOKEN finds them)."""
    return any(
        word.rstrip("'’") in starters and following.rstrip("'’") in followers
        for word, following in pairwise(words)
    )


def _match_description(
    cast: Cast, match: regex.Match[str], names: list[Mention], sentences: list[tuple[int, int]]
) -> str | None:
    country = country_of(match.group("country") or match.group("dem") or match.group("dem2"))
    title = match.group("title").lower()
    generic = title in {"leader", "head", "head of state", "head of government"}
    heads = _head_titles()
    titled = [
        p
        for p in cast.people.values()
        if p.role and (any(h in p.role.lower() for h in heads) if generic else _same_title(title, p.role))
    ]
    # Of the country the description names; else of no known country ("the Colombian Foreign Minister"
    # is the "Minister of Foreign Affairs" whose country the article did not give, when no other fits).
    candidates = [p.name for p in titled if country is None or p.country == country]
    if not candidates and country is not None:
        candidates = [p.name for p in titled if p.country is None]
    if len(candidates) == 1:
        return candidates[0]
    earlier = [m for m in names if m.end <= match.start() and m.name in candidates and not m.in_quote]
    if not earlier:
        return None
    # Of the candidates the nearest sentence names, its subject (named first): "Foreign Minister A,
    # who signed with her counterpart B, ..." / "the foreign minister said" is A.
    last = earlier[-1]
    sentence = next(((a, b) for a, b in sentences if a <= last.start < b), (last.start, last.end))
    return next(m.name for m in earlier if sentence[0] <= m.start < sentence[1])


def _same_title(title: str, role: str) -> bool:
    """ "foreign minister" is a "Minister of Foreign Affairs", "president" the "President of X"."""
    role = role.lower()
    return title in role or set(title.split()) <= set(role.replace(",", " ").split())


def _resolve_pronouns(
    cast: Cast,
    text: str,
    start: int,
    end: int,
    quoted: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
) -> None:
    for match in _PRONOUN.finditer(text, start, end):
        word = match.group().lower()
        gender = "f" if word in {"she", "her"} else "m"
        in_quote = _inside(match.start(), quoted)
        antecedent = None if in_quote else _antecedent(cast, text, sentences, match.start(), gender)
        if antecedent is None:
            continue
        mention = Mention(match.start(), match.end(), antecedent.name, "pronoun", in_quote, word == "his")
        index = bisect_left([m.start for m in cast.mentions], mention.start)
        cast.mentions.insert(index, mention)


def _antecedent(
    cast: Cast, text: str, sentences: list[tuple[int, int]], position: int, gender: str
) -> Mention | None:
    """The subject of the nearest sentence that has one: the person it names right before a speech verb
    ("Standing with Mayor X, Y said ..." is Y), else the first it names outside quotations (subjects
    come first in English news), looking at the words before the pronoun first."""
    current = next((i for i, (a, b) in enumerate(sentences) if a <= position < b), len(sentences))
    for i in range(min(current, len(sentences) - 1), max(-1, current - 7), -1):
        a, b = sentences[i]
        candidates = [
            mention
            for mention in cast.mentions_between(a, min(b, position))
            if not (mention.in_quote or mention.possessive)
            and not (cast.people[mention.name].gender and cast.people[mention.name].gender != gender)
        ]
        if candidates:
            speaking = (m for m in candidates if m.kind == "name" and _speaks_next(text, m.end, b))
            return next(speaking, candidates[0])
    return cast.latest_before(position, gender=gender)

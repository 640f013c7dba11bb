"""Reading the XML of a Word template: its parts, its paragraphs and the Jinja tags in their runs.

Word stores a paragraph as runs (`<w:r>`) of equally formatted text. A docxtpl tag typed in one go
sits in one run; after an edit, a spelling check or a change of formatting half-way, Word may split
it (`{{ brief.` in one run, `title }}` in the next). These helpers find such tags, and the paragraph
a name occurs in, for messages that point at a place in the document instead of an XML line.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# The parts that hold text with tags: the body, headers, footers, footnotes and endnotes.
TEXT_PART = re.compile(r"word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml")

_OPEN = {"{{": "}}", "{%": "%}", "{#": "#}"}


def xml_parser() -> etree.XMLParser:
    """A strict parser that resolves no entities and fetches nothing."""
    return etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=False)


def xml_problems(data: bytes) -> list[str]:
    """`part:line: message` for every XML part of a .docx (bytes) that is not well-formed."""
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                etree.fromstring(package.read(name), xml_parser())
            except etree.XMLSyntaxError as exc:
                line = exc.position[0] if exc.position else exc.lineno
                problems.append(f"{name}:{line}: invalid XML: {exc.msg}")
    return problems


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a part: its number in the part (from 1) and the text of each of its runs."""

    number: int
    runs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.runs)

    def excerpt(self, width: int = 60) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= width else text[: width - 1] + "…"


def paragraphs(root: etree._Element) -> Iterator[Paragraph]:
    """The paragraphs of a part in document order (table cells and text boxes included)."""
    for number, paragraph in enumerate(root.iter(W + "p"), 1):
        runs = []
        for run in paragraph.iter(W + "r"):
            # A text box inside a run holds paragraphs of its own; they are listed separately.
            if next(run.iterancestors(W + "p"), None) is not paragraph:
                continue
            runs.append("".join(t.text or "" for t in run.iter(W + "t")))
        yield Paragraph(number, tuple(runs))


def tag_problems(paragraph: Paragraph) -> list[str]:
    """Tags of one paragraph that Word split across runs, or that are not closed in the paragraph."""
    text = paragraph.text
    owner = [index for index, run in enumerate(paragraph.runs) for _ in run]
    problems = []
    position = 0
    while True:
        start = _next_opening(text, position)
        if start < 0:
            break
        closing = _OPEN[text[start : start + 2]]
        end = text.find(closing, start + 2)
        if end < 0:
            problems.append(f"tag {text[start : start + 30]!r} is not closed in the paragraph")
            break
        end += 2
        runs = sorted(set(owner[start:end]))
        if len(runs) > 1:
            pieces = list(zip(text[start:end], owner[start:end], strict=True))
            parts = " + ".join(repr("".join(c for c, o in pieces if o == r)) for r in runs)
            problems.append(
                f"tag {text[start:end]!r} is split across {len(runs)} runs ({parts}): "
                "retype it in Word in one go, without changing its formatting half-way"
            )
        position = end
    return problems


def _next_opening(text: str, position: int) -> int:
    found = [i for i in (text.find(opening, position) for opening in _OPEN) if i >= 0]
    return min(found, default=-1)


def split_tag_problems(package: zipfile.ZipFile) -> list[str]:
    """`part: paragraph N ("text"): problem` for every split or unclosed tag of a Word template."""
    problems = []
    for name in package.namelist():
        if not TEXT_PART.fullmatch(name):
            continue
        try:
            root = etree.fromstring(package.read(name), xml_parser())
        except etree.XMLSyntaxError:
            continue  # reported by xml_problems
        for paragraph in paragraphs(root):
            for problem in tag_problems(paragraph):
                problems.append(f"{name}: paragraph {paragraph.number} ({paragraph.excerpt()!r}): {problem}")
    return problems


def find_in_tags(data: bytes, name: str) -> str | None:
    """`part: paragraph N ("text")` of the first paragraph with `name` inside a tag, or None."""
    pattern = re.compile(r"\{[{%][^}%]*?(?<!\w)" + re.escape(name) + r"(?!\w)")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for part in package.namelist():
            if not TEXT_PART.fullmatch(part):
                continue
            try:
                root = etree.fromstring(package.read(part), xml_parser())
            except etree.XMLSyntaxError:
                continue
            for paragraph in paragraphs(root):
                if pattern.search(paragraph.text):
                    return f"{part}: paragraph {paragraph.number} ({paragraph.excerpt()!r})"
    return None

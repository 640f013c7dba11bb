"""Generate the Word templates of the built-in themes (templates/*/brief.docx) with python-docx.

The .docx files are committed, but they are made by this script so that they can be reviewed and
reproduced: run `python tools/make_docx_template.py` after changing it; the output is byte-identical
from one run to the next. The templates use docxtpl tags ({{ }}, {%p %} paragraph tags, {%tr %} table
row tags, {{r }} rich text) over the context of docs/templates.md, and Word's built-in styles (Title,
Heading 1-3, List Bullet, Quote, Table Grid), so the navigation pane and the TOC field work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.render.docx import normalise_docx  # noqa: E402

PRIMARY = RGBColor(0x1F, 0x3A, 0x5F)
ACCENT = RGBColor(0xB8, 0x89, 0x3A)
MARKING = RGBColor(0xA4, 0x16, 0x1A)
MUTED = RGBColor(0x5B, 0x66, 0x75)
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

PEOPLE = (
    "{% for p in meeting.participants if p.principal %}{{ p.name }}"
    "{% if p.role %} ({{ p.role }}){% endif %}{% if not loop.last %}, {% endif %}{% endfor %}"
)
# The subject is left out where the title already says it ("Briefing: A – B" and "A – B").
NEW_SUBJECT = "config.subject and config.subject|lower not in config.title|lower"
# An agreement's text is shown unless it is its title again or the sentence already shown for the
# agreement before it (one sentence often reports several agreements).
NEW_TEXT = (
    "agreement.text and agreement.text != agreement.title "
    "and (loop.first or agreement.text != loop.previtem.text)"
)
OTHERS = (
    "{% for p in meeting.participants if not p.principal %}{{ p.name }}"
    "{% if p.role %} ({{ p.role }}){% endif %}{% if not loop.last %}, {% endif %}{% endfor %}"
)


def refs(expr: str) -> str:
    """Source numbers of `expr` (a list of article ids) as [1][3]."""
    return "{% for n in cite(" + expr + ") %}[{{ n }}]{% endfor %}"


# --- low-level helpers ---------------------------------------------------------------------------


class Builder:
    def __init__(self) -> None:
        self.doc = Document()

    def para(self, text: str = "", style: str | None = None, **fmt: object) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            paragraph.add_run(text)
        for key, value in fmt.items():
            setattr(paragraph.paragraph_format, key, value)
        return paragraph

    def tag(self, tag: str) -> Paragraph:
        """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); it disappears on rendering."""
        return self.doc.add_paragraph(tag)

    def runs(self, paragraph: Paragraph, *parts: tuple[str, dict[str, object]]) -> Paragraph:
        for text, props in parts:
            run = paragraph.add_run(text)
            for key, value in props.items():
                if key == "color":
                    run.font.color.rgb = value
                elif key == "superscript":
                    run.font.superscript = value
                elif key == "size":
                    run.font.size = value
                else:
                    setattr(run, key, value)
        return paragraph

    def heading(self, text: str, level: int, *, new_page: bool = False) -> Paragraph:
        paragraph = self.doc.add_paragraph(text, style=f"Heading {level}")
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def section(self, name: str, body: Callable[[], None]) -> None:
        self.tag('{%p if section == "' + name + '" %}')
        self.heading("{{ section_titles." + name + " }}", 1, new_page=True)
        body()
        self.tag("{%p endif %}")

    def table(self, headers: list[str], cells: list[str], loop: str, widths: list[float]) -> Table:
        """A Table Grid table: a repeated header row and one row per item of `loop`."""
        table = self.doc.add_table(rows=4, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header = table.rows[0]
        _repeat_header(header)
        for cell, text in zip(header.cells, headers, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
            _shade(cell, "1F3A5F")
            cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        table.rows[1].cells[0].paragraphs[0].add_run("{%tr for " + loop + " %}")
        for cell, text in zip(table.rows[2].cells, cells, strict=True):
            cell.paragraphs[0].add_run(text)
        _keep_row_together(table.rows[2])
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Mm(width)
        return table


def _shade(cell: object, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    props.append(shading)


def _keep_row_together(row: object) -> None:
    props = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    props.append(OxmlElement("w:cantSplit"))


def _repeat_header(row: object) -> None:
    props = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def _fld_char(paragraph: Paragraph, kind: str, *, dirty: bool = False) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    paragraph.add_run()._r.append(char)


def _instr(paragraph: Paragraph, instruction: str) -> None:
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "", *, dirty: bool = False) -> None:
    """A complex field (PAGE, NUMPAGES ...) in `paragraph`; `dirty` asks Word to refresh it."""
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate):
        paragraph.add_run()._r.append(element)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(end)


def _update_fields_on_open(doc: object) -> None:
    settings = doc.settings.element  # type: ignore[attr-defined]
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


# --- the document ---------------------------------------------------------------------------------


def setup(b: Builder) -> Mm:
    doc = b.doc
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.header_distance = section.footer_distance = Mm(10)
    text_width = Mm(170)

    styles = doc.styles
    styles["Normal"].font.size = Pt(10)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 28), ("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 11)):
        style = styles[name]
        style.font.color.rgb = PRIMARY
        style.font.size = Pt(size)
        style.paragraph_format.keep_with_next = True
    styles["Heading 3"].font.all_caps = True
    styles["Subtitle"].font.color.rgb = MUTED
    styles["Quote"].paragraph_format.left_indent = Mm(6)
    styles["Quote"].paragraph_format.space_after = Pt(1)
    for name in ("Header", "Footer"):
        # One right-aligned tab at the text edge (the stock styles have centre and right tabs at
        # Letter-paper positions).
        styles[name].font.size = Pt(8)
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    core = doc.core_properties
    core.author = ""
    core.title = ""
    core.subject = ""
    core.comments = ""
    core.keywords = ""
    core.last_modified_by = ""
    core.revision = 1
    core.created = core.modified = FIXED_TIME.replace(tzinfo=None)

    # Header and footer: title and marking on top, organisation and "Page X of Y" below.
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    b.runs(
        header,
        ("{{ config.title }}", {"color": MUTED, "size": Pt(8)}),
        ("\t", {}),
        ("{{ config.marking or '' }}", {"bold": True, "color": MARKING, "size": Pt(8)}),
    )
    footer = section.footer.paragraphs[0]
    b.runs(
        footer,
        ("{{ config.organisation or '' }}", {"color": MUTED, "size": Pt(8)}),
        ("\tPage ", {"size": Pt(8)}),
    )
    _field(footer, "PAGE", "1")
    footer.add_run(" of ").font.size = Pt(8)
    _field(footer, "NUMPAGES", "1")
    for paragraph in (section.first_page_header.paragraphs[0], section.first_page_footer.paragraphs[0]):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        b.runs(paragraph, ("{{ config.marking or '' }}", {"bold": True, "color": MARKING}))
    return text_width


def cover(b: Builder) -> None:
    b.tag("{%p if logo_image %}")
    b.para("{{ logo_image }}")
    b.tag("{%p endif %}")
    b.tag("{%p if config.organisation %}")
    b.runs(b.para(), ("{{ config.organisation }}", {"bold": True, "color": PRIMARY}))
    b.tag("{%p endif %}")
    b.runs(b.para(space_before=Pt(150)), ("BRIEFING BOOK", {"bold": True, "color": ACCENT}))
    b.para("{{ config.title }}", style="Title")
    b.tag("{%p if " + NEW_SUBJECT + " %}")
    b.para("{{ config.subject }}", style="Subtitle")
    b.tag("{%p endif %}")
    facts = [
        (
            "Period covered",
            "{% if summary.period %}{{ summary.period.start|daterange(summary.period.end) }}"
            "{% else %}No dated meetings{% endif %}",
        ),
        ("Meetings", "{{ summary.meeting_count }}"),
        ("Sources", "{{ sources|length }} article{{ '' if sources|length == 1 else 's' }}"),
        ("Prepared", "{{ document.prepared|longdate }}"),
    ]
    first = True
    for label, value in facts:
        paragraph = b.para(space_before=Pt(60) if first else None)
        first = False
        b.runs(paragraph, (f"{label}: ", {"bold": True, "color": MUTED}), (value, {}))
    b.tag("{%p if config.organisation %}")
    b.runs(b.para(), ("Prepared by: ", {"bold": True, "color": MUTED}), ("{{ config.organisation }}", {}))
    b.tag("{%p endif %}")


def _toc_styles(doc: object) -> None:
    """TOC 1 and TOC 2, the built-in styles Word gives table-of-contents entries."""
    styles = doc.styles  # type: ignore[attr-defined]
    for level, indent in ((1, 0), (2, 6)):
        name = f"TOC {level}"
        if name not in [s.name for s in styles]:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.paragraph_format.left_indent = Mm(indent)
            style.paragraph_format.space_after = Pt(3)
            if level == 1:
                style.font.bold = True


def contents(b: Builder) -> None:
    """A TOC field. Word rebuilds it with page numbers when the document is opened (w:dirty and
    updateFields in settings.xml); until then it shows the section and meeting headings."""
    _toc_styles(b.doc)
    b.page_break()
    b.para("Contents", style="TOC Heading")
    start = b.para(style="TOC 1")
    _fld_char(start, "begin", dirty=True)
    _instr(start, 'TOC \\o "1-3" \\h \\z \\u')
    _fld_char(start, "separate")
    b.tag("{%p for section in config.sections %}")
    b.para("{{ section_titles[section] }}", style="TOC 1")
    b.tag('{%p if section == "meetings" %}')
    b.tag("{%p for meeting in brief.meetings %}")
    b.para("{{ meeting.title }}", style="TOC 2")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    _fld_char(b.para(style="TOC 1"), "end")


def summary(b: Builder) -> None:
    b.tag("{%p if summary.meeting_count %}")
    b.para(
        "This brief covers {{ summary.meeting_count }} "
        "meeting{{ '' if summary.meeting_count == 1 else 's' }} "
        "({{ summary.period.start|daterange(summary.period.end) }}), drawn from {{ sources|length }} "
        "source article{{ '' if sources|length == 1 else 's' }}."
        "{% if summary.agreement_count %} {{ summary.agreement_count }} agreement"
        "{{ ' was' if summary.agreement_count == 1 else 's were' }} reported.{% endif %}"
    )
    b.tag("{%p else %}")
    b.para("No meetings were found in the {{ sources|length }} articles read.")
    b.tag("{%p endif %}")
    b.tag("{%p if summary.facts %}")
    b.heading("Key points", 3)
    b.tag("{%p for fact in summary.facts %}")
    b.runs(
        b.para(style="List Bullet"),
        ("{{ fact.meeting_date|longdate }}, {{ fact.meeting_title }}: ", {"bold": True}),
        ("{{ fact.text }} ", {}),
        (refs("fact.sources"), {"superscript": True}),
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p if summary.agreements %}")
    b.heading("Main agreements", 3)
    b.tag("{%p for agreement in summary.agreements %}")
    b.runs(
        b.para(style="List Bullet"),
        ("{{ agreement.title }}", {"bold": True}),
        (" ({{ agreement.status }}, {{ agreement.meeting_date|longdate }}) ", {}),
        (refs("agreement.sources"), {"superscript": True}),
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def chronology(b: Builder) -> None:
    b.tag("{%p if brief.meetings %}")
    b.table(
        ["Date", "Meeting", "Place", "Participants"],
        [
            "{{ meeting.date|daterange(meeting.end_date) }}",
            "{{ meeting.title }}",
            "{{ meeting.location or '—' }}",
            PEOPLE,
        ],
        "meeting in brief.meetings",
        [32, 55, 30, 53],
    )
    b.tag("{%p else %}")
    b.para("No meetings were found.")
    b.tag("{%p endif %}")


def meetings(b: Builder) -> None:
    b.tag("{%p for meeting in brief.meetings %}")
    b.heading("{{ meeting.title }}", 2)
    for label, value in (
        ("Date", "{{ meeting.date|daterange(meeting.end_date) }}"),
        ("Place", "{{ meeting.location or 'Not reported' }}"),
        ("Participants", PEOPLE),
    ):
        b.runs(b.para(space_after=Pt(1)), (f"{label}: ", {"bold": True}), (value, {}))
    b.tag("{%p if meeting.participants|rejectattr('principal')|list %}")
    b.runs(b.para(space_after=Pt(1)), ("Also present: ", {"bold": True}), (OTHERS, {}))
    b.tag("{%p endif %}")
    b.runs(b.para(), ("Sources: ", {"bold": True}), (refs("meeting.sources"), {}))

    b.tag("{%p if meeting.facts %}")
    b.heading("Key facts", 3)
    b.tag("{%p for fact in meeting.facts %}")
    b.runs(
        b.para(style="List Bullet"), ("{{ fact.text }} ", {}), (refs("fact.sources"), {"superscript": True})
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    b.tag("{%p if meeting.quotes %}")
    b.heading("Quotes", 3)
    b.tag("{%p for quote in meeting.quotes %}")
    b.para(
        "{% if quote.kind == 'direct' %}“{{ quote.text }}”{% else %}{{ quote.text|capfirst }}{% endif %}",
        style="Quote",
        keep_with_next=True,  # the quote stays on the page of its speaker
    )
    b.runs(
        b.para(left_indent=Mm(6), space_after=Pt(8)),
        ("— ", {}),
        ("{{ quote.speaker or 'Unattributed' }}", {"bold": True}),
        ("{% if quote.speaker_role %}, {{ quote.speaker_role }}{% endif %} ", {}),
        ("({{ 'direct quote' if quote.kind == 'direct' else 'reported speech' }}) ", {"color": MUTED}),
        (refs("quote.sources"), {"superscript": True}),
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    b.tag("{%p if meeting.agreements %}")
    b.heading("Agreements", 3)
    b.tag("{%p for agreement in meeting.agreements %}")
    b.runs(
        b.para(style="List Bullet"),
        ("{{ agreement.title }}", {"bold": True}),
        (" ({{ agreement.status }})", {"color": MUTED}),
        (
            "{% if " + NEW_TEXT + " %}: {{ agreement.text }}{% endif %}"
            "{% if agreement.parties %} Parties: {{ agreement.parties|join(', ') }}.{% endif %} ",
            {},
        ),
        (refs("agreement.sources"), {"superscript": True}),
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p if not brief.meetings %}")
    b.para("No meetings were found.")
    b.tag("{%p endif %}")


def agreements(b: Builder) -> None:
    b.tag("{%p if agreements_register %}")
    b.table(
        ["#", "Agreement", "Status", "Meeting", "Sources"],
        [
            "{{ loop.index }}",
            "{{ agreement.title }}{% if " + NEW_TEXT + " %}: {{ agreement.text }}{% endif %}",
            "{{ agreement.status }}",
            "{{ (agreement.date or agreement.meeting_date)|longdate }}, {{ agreement.meeting_title }}",
            refs("agreement.sources"),
        ],
        "agreement in agreements_register",
        [10, 70, 25, 45, 20],
    )
    b.tag("{%p else %}")
    b.para("No agreements were reported.")
    b.tag("{%p endif %}")


def sources(b: Builder) -> None:
    b.tag("{%p for source in sources %}")
    b.runs(
        b.para(left_indent=Mm(10), first_line_indent=Mm(-10), space_after=Pt(1)),
        ("[{{ source.n }}]\t", {"bold": True, "color": PRIMARY}),
        ("{{ source.title }}", {"bold": True}),
        (
            "{% if source.outlet %}. {{ source.outlet }}{% endif %}"
            "{% if source.published %}, {{ source.published|longdate }}{% endif %}.",
            {},
        ),
    )
    b.tag("{%p if source.link %}")
    b.para("{{r source.link }}", left_indent=Mm(10), space_after=Pt(6))
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p if brief.not_included %}")
    b.heading("Files not included", 3)
    b.para("These files could not be used and are not part of this brief.")
    b.tag("{%p for item in brief.not_included %}")
    b.para("{{ item.path }}: {{ item.problem }}", style="List Bullet")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p if brief.warnings %}")
    b.heading("Notes on sources", 3)
    b.para("These files were used, or left aside as copies of another, with the note given.")
    b.tag("{%p for item in brief.warnings %}")
    b.para("{{ item.path }}: {{ item.problem }}", style="List Bullet")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def briefing_book() -> Builder:
    b = Builder()
    setup(b)
    cover(b)
    contents(b)
    b.tag("{%p for section in config.sections %}")
    b.section("summary", lambda: summary(b))
    b.section("chronology", lambda: chronology(b))
    b.section("meetings", lambda: meetings(b))
    b.section("agreements", lambda: agreements(b))
    b.section("sources", lambda: sources(b))
    b.tag("{%p endfor %}")
    _update_fields_on_open(b.doc)
    # python-docx starts documents with one empty paragraph; drop it so the cover starts at the top.
    first = b.doc.paragraphs[0]
    if not first.text:
        first._p.getparent().remove(first._p)
    return b


def memo() -> Builder:
    """The memo theme: a short note with the summary, chronology, agreements and sources."""
    b = Builder()
    setup(b)
    b.doc.sections[0].different_first_page_header_footer = False
    b.runs(b.para(), ("MEMORANDUM", {"bold": True, "color": ACCENT}))
    b.para("{{ config.title }}", style="Title")
    for label, value, condition in (
        ("From", "{{ config.organisation }}", "config.organisation"),
        ("Date", "{{ document.prepared|longdate }}", None),
        ("Subject", "{{ config.subject }}", NEW_SUBJECT),
        (
            "Period",
            "{% if summary.period %}{{ summary.period.start|daterange(summary.period.end) }}"
            "{% else %}No dated meetings{% endif %} · {{ summary.meeting_count }} meetings · "
            "{{ sources|length }} sources",
            None,
        ),
    ):
        if condition:
            b.tag("{%p if " + condition + " %}")
        field = b.para(space_after=Pt(1))
        field.paragraph_format.tab_stops.add_tab_stop(Mm(25))
        b.runs(field, (f"{label}:\t", {"bold": True, "color": MUTED}), (value, {}))
        if condition:
            b.tag("{%p endif %}")
    b.tag(
        "{%p for section in config.sections "
        'if section in ["summary", "chronology", "agreements", "sources"] %}'
    )

    def part(name: str, title: str, body: Callable[[], None]) -> None:
        b.tag('{%p if section == "' + name + '" %}')
        b.heading(title, 1)
        body()
        b.tag("{%p endif %}")

    def memo_summary() -> None:
        b.tag("{%p for fact in summary.facts %}")
        b.runs(
            b.para(style="List Bullet"),
            ("{{ fact.meeting_date|longdate }}, {{ fact.meeting_title }}. ", {"bold": True}),
            ("{{ fact.text }} ", {}),
            (refs("fact.sources"), {"superscript": True}),
        )
        b.tag("{%p endfor %}")
        b.tag("{%p if not summary.meeting_count %}")
        b.para("No meetings were found in the {{ sources|length }} articles read.")
        b.tag("{%p endif %}")

    def memo_agreements() -> None:
        b.tag("{%p if agreements_register %}")
        b.table(
            ["Agreement", "Status", "Date"],
            [
                "{{ agreement.title }} " + refs("agreement.sources"),
                "{{ agreement.status }}",
                "{{ (agreement.date or agreement.meeting_date)|longdate }}",
            ],
            "agreement in agreements_register",
            [110, 30, 30],
        )
        b.tag("{%p else %}")
        b.para("No agreements were reported.")
        b.tag("{%p endif %}")

    def memo_sources() -> None:
        b.tag("{%p for source in sources %}")
        b.runs(
            b.para(space_after=Pt(1)),
            (
                "[{{ source.n }}] {{ source.title }}{% if source.outlet %}, {{ source.outlet }}{% endif %}"
                "{% if source.published %}, {{ source.published|longdate }}{% endif %}",
                {"size": Pt(8)},
            ),
        )
        b.tag("{%p endfor %}")

    part("summary", "Summary", memo_summary)
    part("chronology", "Chronology", lambda: chronology(b))
    part("agreements", "Agreements", memo_agreements)
    part("sources", "Sources", memo_sources)
    b.tag("{%p endfor %}")
    first = b.doc.paragraphs[0]
    if not first.text:
        first._p.getparent().remove(first._p)
    return b


THEMES: dict[str, Callable[[], Builder]] = {"default": briefing_book, "memo": memo}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "templates", help="themes folder to write into")
    args = parser.parse_args(argv)
    for theme, build in THEMES.items():
        target = args.out / theme / "brief.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        build().doc.save(buffer)
        target.write_bytes(normalise_docx(buffer.getvalue(), FIXED_TIME))
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

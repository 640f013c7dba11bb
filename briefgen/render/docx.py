"""DOCX: the theme's Word template (brief.docx, docxtpl tags) filled with the template context.

Every value is escaped for XML (autoescape) and cleaned of characters XML cannot hold, so article
text with `&`, `<`, `]]>` or Jinja-like `{{ }}` comes out literally and the document stays valid.
The output is reproducible: fixed zip timestamps and core-property dates from SOURCE_DATE_EPOCH or
the brief's generated_at.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Mm, RGBColor
from docxtpl import DocxTemplate, InlineImage, RichText
from markupsafe import Markup, escape

from briefgen.config import Config
from briefgen.errors import RenderError, TemplateError
from briefgen.model import Brief
from briefgen.render.context import created_at, template_context
from briefgen.render.wordxml import find_in_tags
from briefgen.themes import find_template_file, make_environment, template_error, theme_dirs, web_url

DOCX_TEMPLATE = "brief.docx"
HEADING_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3")

# Characters XML 1.0 cannot hold (tab, newline and carriage return are fine: docxtpl turns \t and \n
# into tabs and line breaks; \a and \f, which it turns into paragraphs and page breaks, go too).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: Any) -> str:
    text = "" if value is None else str(value)
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _finalize(value: Any) -> Any:
    """Escape a value for the Word XML, keeping docxtpl objects (RichText, InlineImage) as they are.

    docxtpl turns "{_{", "}_}", "{_%" and "%_}" in its output into Jinja delimiters; writing the
    underscore as a character reference keeps such text literal.
    """
    if hasattr(value, "__html__"):
        return value
    if value is None:
        return ""
    escaped = str(escape(clean_text(value)))
    return Markup(escaped.replace("{_", "{&#95;").replace("_}", "&#95;}"))


def _docx_environment(config: Config) -> jinja2.Environment:
    env = make_environment(theme_dirs(config), sandboxed=True)
    env.trim_blocks = False  # whitespace in Word XML is text; keep the template's exactly
    env.lstrip_blocks = False
    env.keep_trailing_newline = False
    env.finalize = _finalize
    env.autoescape = True
    return env


def _docx_context(tpl: DocxTemplate, context: dict[str, Any], config: Config) -> dict[str, Any]:
    """The template context plus what only Word templates need: `logo_image` and `source.link`."""
    sources = []
    for source in context["sources"]:
        url = source.get("url")
        link: RichText | str = ""
        if url:
            target = web_url(url)
            if target:
                link = RichText(
                    clean_text(url), url_id=tpl.build_url_id(target), color="1F4E99", underline=True
                )
            else:
                link = RichText(clean_text(url))
        sources.append({**source, "link": link})
    logo: InlineImage | str = ""
    if config.logo is not None:
        logo = InlineImage(tpl, str(config.logo), height=Mm(18))
    return {**context, "sources": sources, "logo_image": logo}


def _apply_brand(tpl: DocxTemplate, config: Config) -> None:
    """Colour headings with a primary colour set in briefgen.toml (the template's own otherwise)."""
    if config.primary_colour == Config().primary_colour:
        return
    colour = RGBColor.from_string(config.primary_colour[1:].upper())
    names = {style.name for style in tpl.docx.styles}
    for name in HEADING_STYLES:
        if name in names:
            tpl.docx.styles[name].font.color.rgb = colour


def _set_properties(tpl: DocxTemplate, context: dict[str, Any], created: dt.datetime) -> None:
    props = tpl.docx.core_properties
    cfg = context["config"]
    props.title = clean_text(cfg["title"])[:255]
    props.subject = clean_text(cfg["subject"] or "")[:255]
    props.author = clean_text(cfg["organisation"] or context["document"]["generator"])[:255]
    props.last_modified_by = context["document"]["generator"]
    props.comments = f"Made by {context['document']['generator']}"
    stamp = created.astimezone(dt.UTC).replace(tzinfo=None)
    props.created = stamp
    props.modified = stamp
    props.revision = 1


def normalise_docx(data: bytes, when: dt.datetime) -> bytes:
    """The same .docx with every zip entry dated `when` and stored in name order: reproducible bytes."""
    stamp = when.astimezone(dt.UTC)
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = source.namelist()
        # [Content_Types].xml first, as Office writes it.
        ordered = [n for n in names if n == "[Content_Types].xml"] + [
            n for n in names if n != "[Content_Types].xml"
        ]
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def docx_template_error(exc: jinja2.TemplateError, path: Path) -> TemplateError:
    """A TemplateError naming the Word template and, where it can be found, the paragraph.

    Line numbers of the template's XML mean nothing in Word, so they are left out: a syntax error
    comes with the text around it, an undefined name with the first paragraph that uses it.
    """
    message = str(template_error(exc))
    if isinstance(exc, jinja2.UndefinedError):
        name = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", exc.message or "")
        try:
            where = find_in_tags(path.read_bytes(), name.group(1) or name.group(2)) if name else None
        except (OSError, zipfile.BadZipFile):
            where = None
        if where:
            return TemplateError(f"{path}: {where}: {message}")
    nearby = " ".join(" ".join(getattr(exc, "docx_context", None) or ()).split())
    if nearby:
        return TemplateError(f"{path}: {message} (near: {nearby[:200]})")
    return TemplateError(f"{path}: {message}")


def render_docx(brief: Brief, config: Config) -> bytes:
    """The brief as a Word document (bytes of a .docx)."""
    path = find_template_file(theme_dirs(config), DOCX_TEMPLATE)
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # a broken zip or XML: python-docx raises many kinds
        raise TemplateError(f"{path}: not a usable Word template: {exc}") from exc
    context = template_context(brief, config)
    env = _docx_environment(config)
    try:
        tpl.render(_docx_context(tpl, context, config), jinja_env=env, autoescape=True)
    except jinja2.TemplateError as exc:
        raise docx_template_error(exc, path) from exc
    except UnrecognizedImageError as exc:
        raise RenderError(f"logo: {config.logo}: not an image Word can show") from exc
    _apply_brand(tpl, config)
    created = created_at(brief)
    _set_properties(tpl, context, created)
    buffer = io.BytesIO()
    try:
        tpl.save(buffer)
    except Exception as exc:
        raise RenderError(f"DOCX could not be written: {type(exc).__name__}: {exc}") from exc
    return normalise_docx(buffer.getvalue(), created)

"""Checking a templates folder: render a sample brief through it and list every problem, one a line.

What is checked (`briefgen templates check DIR`):

1. every template file of the folder compiles (Jinja syntax errors, with file and line);
2. the folder's brief.docx is a Word document whose XML is well-formed, with no tag that Word split
   across runs and none left unclosed in its paragraph;
3. the HTML, the PDF and the DOCX render, twice: the sample brief with every setting used (logo,
   organisation, marking) and an empty brief with none, so that both sides of an `{% if %}` run;
   undefined names (StrictUndefined) and other template errors name the file and line (HTML) or the
   paragraph (Word); the PDF must load nothing but its own files; the rendered Word XML must be valid.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2

from briefgen.config import Config
from briefgen.errors import BriefgenError, UsageError
from briefgen.model import Brief
from briefgen.render.docx import DOCX_TEMPLATE, render_docx
from briefgen.render.html import render_html
from briefgen.render.pdf import SafeFetcher, html_to_pdf, trusted_roots
from briefgen.render.sample import SAMPLE_LOGO_PNG, empty_brief, sample_brief
from briefgen.render.wordxml import split_tag_problems, xml_problems
from briefgen.themes import make_environment, template_error, theme_dir, theme_dirs

# Files Jinja renders (the others, such as images and brief.docx, are not templates).
TEMPLATE_SUFFIXES = (".j2", ".html", ".htm", ".css", ".xml", ".txt")


def check_templates(folder: Path, theme: str = "default", brief: Brief | None = None) -> list[str]:
    """Every problem of the templates in `folder` (searched before `theme`), one line each; [] if none.

    `brief` replaces the built-in sample brief (for example one built from a real corpus).
    """
    given = Path(folder)
    folder = given.resolve()
    if not folder.is_dir():
        raise UsageError(f"{given}: no such folder")
    theme_dir(theme)  # an unknown theme is a usage error, not a template problem
    problems = syntax_problems(folder, theme)
    word_ok = True
    template = folder / DOCX_TEMPLATE
    if template.is_file():
        word = word_template_problems(template)
        problems += word
        word_ok = not any(": invalid XML: " in p or "not a Word document" in p for p in word)
    with tempfile.TemporaryDirectory(prefix="briefgen-check-") as tmp:
        logo = Path(tmp) / "logo.png"
        logo.write_bytes(SAMPLE_LOGO_PNG)
        full = Config(
            templates=folder,
            theme=theme,
            organisation="Sample Organisation",
            marking="SAMPLE MARKING",
            logo=logo,
            primary_colour="#7a1f3d",
        )
        bare = Config(templates=folder, theme=theme)
        for sample, config in ((brief or sample_brief(), full), (empty_brief(), bare)):
            problems += render_problems(sample, config, word=word_ok)
    # Name the files as the user named the folder, not by their absolute paths.
    shown = [
        p.replace(f"{folder}{os.sep}", f"{given}{os.sep}").replace(f"{folder}:", f"{given}:")
        for p in problems
    ]
    return list(dict.fromkeys(shown))


def syntax_problems(folder: Path, theme: str) -> list[str]:
    """Jinja syntax errors of the folder's template files, `file:line: message`."""
    env = make_environment(theme_dirs(Config(templates=folder, theme=theme)), sandboxed=True)
    problems = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or not path.name.endswith(TEMPLATE_SUFFIXES):
            continue
        try:
            env.compile(path.read_text(encoding="utf-8"), name=path.name, filename=str(path))
        except UnicodeDecodeError:
            problems.append(f"{path}: not UTF-8 text")
        except jinja2.TemplateSyntaxError as exc:
            problems.append(str(template_error(exc, str(path))))
    return problems


def word_template_problems(path: Path) -> list[str]:
    """Problems of a Word template file: not a .docx, invalid XML, split or unclosed tags."""
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return [f"{path}: not a Word document (a .docx is a zip file): {exc}"]
    with package:
        if "word/document.xml" not in package.namelist():
            return [f"{path}: not a Word document: it has no word/document.xml"]
        problems = [f"{path}: {p}" for p in xml_problems(path.read_bytes())]
        problems += [f"{path}: {p}" for p in split_tag_problems(package)]
    return problems


def render_problems(brief: Brief, config: Config, *, word: bool = True) -> list[str]:
    """Problems met rendering `brief` to HTML, PDF and (if `word`) DOCX with `config`."""
    problems = []
    try:
        html = render_html(brief, config)
    except BriefgenError as exc:
        problems.append(str(exc))
    else:
        fetcher = SafeFetcher(trusted_roots(config))
        try:
            with _quiet("weasyprint"):
                html_to_pdf(html, config, fetcher, created=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
        except BriefgenError as exc:
            problems.append(str(exc))
        for url in fetcher.refused:
            problems.append(
                f"{config.templates}: the HTML refers to {url[:120]}: the PDF renderer fetches only "
                "data: URLs and files inside the template folders"
            )
    if word:
        try:
            data = render_docx(brief, config)
        except BriefgenError as exc:
            problems.append(str(exc))
        else:
            name = _word_template_name(config)
            problems += [f"{name}: the rendered document is not valid: {p}" for p in xml_problems(data)]
    return problems


def _word_template_name(config: Config) -> Path:
    for folder in theme_dirs(config):
        if (folder / DOCX_TEMPLATE).is_file():
            return folder / DOCX_TEMPLATE
    return Path(DOCX_TEMPLATE)


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Silence a library's log while checking: the problems are reported as lines of their own."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)

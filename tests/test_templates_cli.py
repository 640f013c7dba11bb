"""Customisation through the command line: briefgen.toml and flags, templates list / init / check."""

from __future__ import annotations

import argparse
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefgen.cli import _parser, main
from tests.conftest import SAMPLE_CORPUS

# A 1x1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101001810dd8f0000000049454e44ae426082"
)
CUSTOM_BLOCK = (
    '{% extends "!default/brief.html.j2" %}\n'
    '{% block summary %}<section class="section" id="summary"><h1>{{ section_titles.summary }}</h1>'
    "<p>Our own summary of {{ summary.meeting_count }} meetings.</p></section>{% endblock %}\n"
)
MAROON = "0.501961 0 0 rg"  # #800000 as WeasyPrint writes it into the page content


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _page_images(path: Path, index: int) -> list[str]:
    page = PdfReader(path).pages[index]
    return [
        name
        for name, obj in page["/Resources"].get("/XObject", {}).items()
        if obj.get_object()["/Subtype"] == "/Image"
    ]


def _pdf_colours(path: Path) -> str:
    return " ".join(page.get_contents().get_data().decode("latin-1") for page in PdfReader(path).pages)


def _docx_paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _replace_in_runs(path: Path, old: str, new: str) -> None:
    """Edit a Word template as a user would in Word: change the text of the run holding `old`."""
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
                document.save(str(path))
                return
    raise AssertionError(f"{old!r} not found in {path}")


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built with no briefgen.toml and no flags."""
    out = tmp_path_factory.mktemp("plain") / "out"
    assert main(["build", str(SAMPLE_CORPUS), "-o", str(out), "--format", "pdf,docx", "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def customised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory with briefgen.toml (colour, logo, templates folder) and a customised folder
    made with `templates init`: one overridden block in the HTML and an edited Word template."""
    root = tmp_path_factory.mktemp("custom")
    folder = root / "mytemplates"
    assert main(["templates", "init", str(folder)]) == 0
    (folder / "brief.html.j2").write_text(CUSTOM_BLOCK, encoding="utf-8")
    _replace_in_runs(folder / "brief.docx", "BRIEFING BOOK", "OUR OWN WORD TEMPLATE")
    (root / "logo.png").write_bytes(PNG)
    (root / "briefgen.toml").write_text(
        'primary_colour = "#800000"\nlogo = "logo.png"\ntemplates = "mytemplates"\n', encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def custom_out(customised: Path) -> Path:
    import os

    cwd = Path.cwd()
    os.chdir(customised)  # briefgen.toml is found in the working directory
    try:
        assert main(["build", str(SAMPLE_CORPUS), "-o", "out", "--format", "pdf,docx", "-q"]) == 0
    finally:
        os.chdir(cwd)
    return customised / "out"


def test_customised_folder_and_toml_change_the_pdf(plain: Path, custom_out: Path) -> None:
    custom, default = custom_out / "brief.pdf", plain / "brief.pdf"
    text = _pdf_text(custom)
    assert "Our own summary of 4 meetings." in text
    assert "Our own summary" not in _pdf_text(default)
    assert "KEY POINTS" not in text.upper() and "KEY POINTS" in _pdf_text(default).upper()
    assert MAROON in _pdf_colours(custom) and MAROON not in _pdf_colours(default)
    assert _page_images(custom, 0), "the logo is not on the cover"
    assert not _page_images(default, 0)


def test_customised_folder_and_toml_change_the_docx(plain: Path, custom_out: Path) -> None:
    custom, default = custom_out / "brief.docx", plain / "brief.docx"
    assert "OUR OWN WORD TEMPLATE" in _docx_paragraphs(custom)
    assert "OUR OWN WORD TEMPLATE" not in _docx_paragraphs(default)
    assert str(docx.Document(str(custom)).styles["Heading 1"].font.color.rgb) == "800000"
    assert str(docx.Document(str(default)).styles["Heading 1"].font.color.rgb) != "800000"
    with zipfile.ZipFile(custom) as package:
        assert any(name.startswith("word/media/") for name in package.namelist())
    with zipfile.ZipFile(default) as package:
        assert not any(name.startswith("word/media/") for name in package.namelist())


def test_flags_override_the_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "briefgen.toml").write_text(
        'title = "Title from the file"\norganisation = "Org from the file"\nmarking = "FILE MARKING"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    args = ["build", str(SAMPLE_CORPUS), "-o", "out", "--format", "pdf,json", "-q"]
    assert main([*args, "--organisation", "Org from a flag", "--title", "Title from a flag"]) == 0
    text = _pdf_text(tmp_path / "out" / "brief.pdf")
    assert "Org from a flag" in text and "Org from the file" not in text
    assert "Title from a flag" in text and "Title from the file" not in text
    assert "FILE MARKING" in text  # not overridden
    assert json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))["title"] == (
        "Title from a flag"
    )

    assert main([*args, "--theme", "memo", "--marking", "FLAG MARKING"]) == 0
    reader = PdfReader(tmp_path / "out" / "brief.pdf")
    text = _pdf_text(tmp_path / "out" / "brief.pdf")
    assert len(reader.pages) <= 2  # the memo
    assert [item.title for item in reader.outline] == ["Summary", "Chronology", "Agreements", "Sources"]
    assert "FLAG MARKING" in text and "FILE MARKING" not in text
    assert "Title from the file" in text  # the file's title, now that no flag overrides it
    assert json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))["title"] == (
        "Title from the file"
    )


def test_config_flag_reads_another_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "briefgen.toml").write_text('organisation = "Found in the folder"\n', encoding="utf-8")
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "brand.toml").write_text('organisation = "Given with --config"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["build", str(SAMPLE_CORPUS), "-o", "out", "--format", "pdf", "-q"]
    assert main([*args, "--config", "brand/brand.toml"]) == 0
    text = _pdf_text(tmp_path / "out" / "brief.pdf")
    assert "Given with --config" in text and "Found in the folder" not in text


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--theme", "nosuch"], "unknown theme 'nosuch'"),
        (["--logo", "missing.png"], "no such file"),
        (["--templates", "missing"], "no such folder"),
        (["--config", "missing.toml"], "configuration file not found"),
    ],
)
def test_bad_appearance_flags_are_one_line_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], flags, message
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(SAMPLE_CORPUS), "-o", "out", "--format", "json", *flags]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not (tmp_path / "out").exists()  # refused before anything was read or written


# --- templates list / init / check ---------------------------------------------------------------


def test_templates_list_names_each_theme_with_a_description(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    themes = {line.split()[0]: line.split(None, 1)[1] for line in lines}
    assert set(themes) == {"default", "memo"}
    assert "briefing book" in themes["default"].lower()
    assert "memo" in themes["memo"].lower()


@pytest.mark.parametrize("theme", ["default", "memo"])
def test_init_copies_a_complete_theme_that_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], theme: str
) -> None:
    folder = tmp_path / "mine"
    assert main(["templates", "init", str(folder), "--theme", theme]) == 0
    assert {p.name for p in folder.iterdir()} >= {
        "brief.html.j2",
        "base.html.j2",
        "macros.html.j2",
        "style.css",
        "brief.docx",
    }
    capsys.readouterr()
    assert main(["templates", "check", str(folder), "--theme", theme]) == 0
    assert "templates OK" in capsys.readouterr().out


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "style.css").write_text("/* my own */", encoding="utf-8")
    assert main(["templates", "init", str(folder)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (folder / "style.css").read_text(encoding="utf-8") == "/* my own */"
    assert main(["templates", "init", str(folder), "--force"]) == 0
    assert (folder / "style.css").read_text(encoding="utf-8") != "/* my own */"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"  # other files are left alone


def _check(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["templates", "check", str(folder)])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    assert main(["templates", "init", str(folder)]) == 0
    return folder


def _break(path: Path, after: str, insert: str) -> int:
    """Insert `insert` after the first `after` in a template; the line number it lands on."""
    text = path.read_text(encoding="utf-8")
    at = text.index(after) + len(after)
    path.write_text(text[:at] + insert + text[at:], encoding="utf-8")
    return text[:at].count("\n") + 1


def test_check_names_file_and_line_of_an_undefined_name(copy: Path, capsys) -> None:
    line = _break(copy / "brief.html.j2", '<p class="cover-kicker">', "{{ config.organization }}")
    code, lines = _check(copy, capsys)
    assert code == 3
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{copy / 'brief.html.j2'}:{line}: ")
    assert "organization" in lines[0]


def test_check_reports_each_broken_file(copy: Path, capsys) -> None:
    base_line = _break(copy / "base.html.j2", "<body>\n", "{% if %}\n")
    macro_line = _break(
        copy / "macros.html.j2", "{% macro refs(ids) -%}\n", "{{ cite(ids) | nosuchfilter }}\n"
    )
    code, lines = _check(copy, capsys)
    assert code == 3
    assert any(line.startswith(f"{copy / 'base.html.j2'}:{base_line}: ") for line in lines), lines
    assert any(
        line.startswith(f"{copy / 'macros.html.j2'}:{macro_line}: ") and "nosuchfilter" in line
        for line in lines
    ), lines


def test_check_reports_what_the_pdf_may_not_load(copy: Path, capsys) -> None:
    _break(
        copy / "style.css",
        "body { margin: 0; }",
        '\n.cover { background: url("https://example.org/x.png"); }',
    )
    code, lines = _check(copy, capsys)
    assert code == 3
    assert any("https://example.org/x.png" in line for line in lines), lines


def _rewrite_part(path: Path, part: str, change) -> None:
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[part] = change(parts[part].decode("utf-8")).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def test_check_reports_a_tag_word_split_across_runs(copy: Path, capsys) -> None:
    # What Word does when formatting changes half-way through a tag: two runs, two <w:t>.
    def split(xml: str) -> str:
        whole = "<w:t>{{ config.title }}</w:t>"
        assert whole in xml
        return xml.replace(
            whole, "<w:t>{{ config.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>title }}</w:t>", 1
        )

    _rewrite_part(copy / "brief.docx", "word/document.xml", split)
    code, lines = _check(copy, capsys)
    assert code == 3
    split_lines = [line for line in lines if "split across 2 runs" in line]
    assert len(split_lines) == 1, lines
    assert split_lines[0].startswith(f"{copy / 'brief.docx'}: word/document.xml: paragraph ")
    assert "'{{ config.' + 'title }}'" in split_lines[0]


def test_check_reports_invalid_word_xml(copy: Path, capsys) -> None:
    _rewrite_part(
        copy / "brief.docx", "word/document.xml", lambda xml: xml.replace("<w:body>", "<w:body><w:p>", 1)
    )
    code, lines = _check(copy, capsys)
    assert code == 3
    assert any(
        line.startswith(f"{copy / 'brief.docx'}: word/document.xml:") and "invalid XML" in line
        for line in lines
    ), lines


def test_check_names_the_word_paragraph_of_an_undefined_name(copy: Path, capsys) -> None:
    _replace_in_runs(copy / "brief.docx", "BRIEFING BOOK", "{{ config.organization }}")
    code, lines = _check(copy, capsys)
    assert code == 3
    assert any(
        line.startswith(f"{copy / 'brief.docx'}: word/document.xml: paragraph ")
        and "{{ config.organization }}" in line
        and "organization" in line.rsplit(":", 1)[-1]
        for line in lines
    ), lines


def test_check_of_a_missing_folder_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["templates", "check", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


# --- help ---------------------------------------------------------------------------------------


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def test_every_help_text_ends_with_an_example() -> None:
    seen = []
    for path, parser in _commands(_parser()):
        seen.append(" ".join(path))
        last = parser.format_help().strip().splitlines()[-1]
        epilog = parser.epilog or ""
        assert epilog.startswith("Example: briefgen"), f"briefgen {' '.join(path)}: {last}"
        assert re.sub(r"\s+", " ", parser.format_help()).strip().endswith(re.sub(r"\s+", " ", epilog))
    assert {"build", "templates list", "templates init", "templates check"} <= set(seen)

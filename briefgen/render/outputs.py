"""Write the requested formats of a brief into a folder, each file atomically."""

from __future__ import annotations

from pathlib import Path

from briefgen.config import Config
from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.render.write import write_atomic

BASENAME = "brief"


def write_outputs(brief: Brief, folder: Path, formats: list[str], config: Config | None = None) -> list[Path]:
    """Render every format first, then write them: a failed render leaves the previous files untouched.

    JSON is the exception: it is written as it is rendered (the text of a large brief is hundreds of
    megabytes), before the other files, so a failure still leaves every previous file in place.
    """
    config = config or Config()
    rendered = {fmt: _render(brief, fmt, config) for fmt in formats if fmt != "json"}
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RenderError(f"{folder}: cannot create the output folder ({error.strerror})") from error
    if "json" in formats:
        from briefgen.render.json import write_json

        write_json(brief, folder / f"{BASENAME}.json")
    for fmt, data in rendered.items():
        write_atomic(folder / f"{BASENAME}.{fmt}", data)
    return [folder / f"{BASENAME}.{fmt}" for fmt in formats]


def _render(brief: Brief, fmt: str, config: Config) -> bytes | str:
    if fmt == "html":
        from briefgen.render.html import render_html

        return render_html(brief, config)
    if fmt == "pdf":
        from briefgen.render.pdf import render_pdf

        return render_pdf(brief, config)
    if fmt == "docx":
        from briefgen.render.docx import render_docx

        return render_docx(brief, config)
    raise RenderError(f"unknown format {fmt}")

"""Themes: where template files are found, and the Jinja environment every format renders with.

A theme is a folder of templates (`brief.html.j2`, `base.html.j2`, `style.css`, `brief.docx`).
Lookup goes through a list of folders: the user's templates folder (``--templates`` or
``templates =`` in briefgen.toml) first, then the chosen theme, then the "default" theme. A file in
an earlier folder replaces the file of the same name in a later one; a replacement can still extend
the file it replaces through the theme prefix: ``{% extends "!default/brief.html.j2" %}``.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

import briefgen
from briefgen.config import Config
from briefgen.errors import TemplateError, UsageError

DEFAULT_THEME = "default"


def builtin_themes_dir() -> Path:
    """The folder holding the built-in themes.

    In a wheel the top-level templates/ folder is installed as briefgen/templates; in a checkout (an
    editable install) it is the repository's templates/ folder next to the package.
    """
    package = Path(briefgen.__file__).resolve().parent
    packaged = package / "templates"
    return packaged if packaged.is_dir() else package.parent / "templates"


def list_themes() -> list[str]:
    """The names of the built-in themes."""
    root = builtin_themes_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def theme_dir(name: str) -> Path:
    """The folder of one built-in theme; UsageError if there is no such theme."""
    path = builtin_themes_dir() / name
    if name not in list_themes():
        available = ", ".join(list_themes()) or "none installed"
        raise UsageError(f"unknown theme {name!r} (available: {available})")
    return path


def theme_description(name: str) -> str:
    """A theme's one-line description: the first line of the comment that opens its brief.html.j2."""
    try:
        text = (theme_dir(name) / "brief.html.j2").read_text(encoding="utf-8")
    except OSError:
        return ""
    match = re.match(r"\s*\{#-?\s*([^\n]*?)\s*(?:-?#\}|\n)", text)
    return match.group(1) if match else ""


def copy_theme(name: str, target: Path, *, force: bool = False) -> list[Path]:
    """Copy every file a built-in theme uses into `target`, to be edited there; the copied paths.

    The files the theme takes from "default" (such as base.html.j2 for the memo) are copied too, so
    the folder is complete. A non-empty `target` is refused unless `force`, which overwrites files of
    the same name and leaves the others.
    """
    sources: dict[str, Path] = {}
    for folder in theme_dirs(Config(theme=name)):
        for path in sorted(folder.iterdir()):
            if not path.name.startswith((".", "_")):
                sources.setdefault(path.name, path)
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target}: exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UsageError(f"{target}: the folder is not empty (use --force to overwrite its template files)")
    copied = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for file_name, source in sources.items():
            destination = target / file_name
            if destination.is_symlink():
                destination.unlink()
            if source.is_dir():
                shutil.copytree(source, destination, dirs_exist_ok=True)
            else:
                shutil.copyfile(source, destination)
            copied.append(destination)
    except OSError as exc:
        raise UsageError(f"{target}: cannot copy the theme: {exc.strerror or exc}") from exc
    return copied


def theme_dirs(config: Config) -> list[Path]:
    """The folders searched for templates, first match wins: user folder, theme, then "default"."""
    dirs: list[Path] = []
    if config.templates is not None:
        if not Path(config.templates).is_dir():
            raise UsageError(f"templates folder not found: {config.templates}")
        dirs.append(Path(config.templates).resolve())
    dirs.append(theme_dir(config.theme))
    if config.theme != DEFAULT_THEME:
        dirs.append(theme_dir(DEFAULT_THEME))
    return dirs


def find_template_file(dirs: Sequence[Path], name: str) -> Path:
    """The first `name` in `dirs` (for files Jinja does not load itself, such as brief.docx)."""
    for folder in dirs:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    raise TemplateError(f"template {name!r} not found in {', '.join(str(d) for d in dirs)}")


# --- filters -------------------------------------------------------------------------------------


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def longdate(value: Any) -> str:
    """'2024-03-05' (or a date) as '5 March 2024'; text that is not a date is returned unchanged."""
    day = _as_date(value)
    if day is None:
        return "" if value is None else str(value)
    return f"{day.day} {day:%B %Y}"


def daterange(start: Any, end: Any = None) -> str:
    """Two dates as one short range: '5 March 2024', '5–7 March 2024', '30 March – 2 April 2024'."""
    first, last = _as_date(start), _as_date(end)
    if first is None:
        return longdate(end)
    if last is None or last == first:
        return longdate(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{longdate(first)} – {longdate(last)}"


def anchor(value: Any) -> str:
    """A string safe as an HTML id and URL fragment."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", str(value)).strip("-") or "x"


def web_url(value: Any) -> str | None:
    """The URL if it is an http(s) address (safe to link to), else None."""
    text = str(value or "").strip()
    return text if re.match(r"https?://[^\s\x00-\x1f]+$", text, re.IGNORECASE) else None


def capfirst(value: Any) -> str:
    """The text with its first letter in upper case, the rest unchanged ("he said" -> "He said").

    Leading spaces and opening quotes or brackets are skipped; text that starts with a digit or any
    other sign is returned as it is. For display only: the brief's data stays verbatim.
    """
    text = "" if value is None else str(value)
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :] if char.islower() else text
        if not (char.isspace() or char in "\"'“‘«„([¿¡"):
            return text
    return text


FILTERS: dict[str, Callable[..., Any]] = {
    "capfirst": capfirst,
    "longdate": longdate,
    "daterange": daterange,
    "anchor": anchor,
    "web_url": web_url,
}


# --- environment ---------------------------------------------------------------------------------


def _autoescape(name: str | None) -> bool:
    # Templates from strings (the Word template's XML) and every HTML or XML file are escaped;
    # only plain stylesheets and text files are not.
    if name is None:
        return True
    return not name.endswith((".css", ".css.j2", ".txt", ".txt.j2"))


def make_environment(dirs: Sequence[Path], *, sandboxed: bool = True) -> jinja2.Environment:
    """A Jinja environment over `dirs` (first match wins) plus "!THEME/" names for built-in themes.

    Autoescape is on for HTML and XML, undefined names are errors (StrictUndefined), and with
    `sandboxed` (the default, always used for rendering) templates cannot reach Python internals.
    """
    root = builtin_themes_dir()
    prefixed = {f"!{name}": jinja2.FileSystemLoader(str(root / name)) for name in list_themes()}
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(d) for d in dirs]),
            jinja2.PrefixLoader(prefixed, delimiter="/"),
        ]
    )
    cls = jinja2.sandbox.SandboxedEnvironment if sandboxed else jinja2.Environment
    env = cls(
        loader=loader,
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


def template_error(exc: BaseException, default_name: str | None = None) -> TemplateError:
    """A TemplateError naming the template file and line that `exc` (a Jinja error) came from."""
    filename: str | None = None
    lineno: int | None = None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        filename, lineno = exc.filename or exc.name, exc.lineno
    else:
        # Jinja rewrites tracebacks so that template lines appear as frames of the template file.
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".j2", ".html", ".xml", ".css")) or frame.filename == "<template>":
                filename, lineno = frame.filename, frame.lineno
                break
    if isinstance(exc, jinja2.TemplateNotFound):
        names = ", ".join(getattr(exc, "templates", None) or [exc.name])
        message = f"template not found: {names}"
    elif isinstance(exc, jinja2.UndefinedError):
        message = f"undefined variable: {exc.message}"
    elif isinstance(exc, jinja2.sandbox.SecurityError):
        message = f"not allowed in a template: {exc}"
    else:
        message = getattr(exc, "message", None) or str(exc)
    where = filename if filename and filename != "<template>" else default_name
    if where and lineno:
        return TemplateError(f"{where}:{lineno}: {message}")
    if where:
        return TemplateError(f"{where}: {message}")
    return TemplateError(message)


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template `name`; any Jinja error becomes a TemplateError with file and line."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateError as exc:
        raise template_error(exc, name) from exc

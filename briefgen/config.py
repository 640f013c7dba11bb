"""Configuration: briefgen.toml parsed once into a frozen Config; command-line flags override it."""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import UsageError

CONFIG_NAME = "briefgen.toml"

# Body sections a theme can show, in their default order. The cover and the table of contents are
# always there; the sources section ends with the list of files left out of the brief, if any.
SECTIONS = ("summary", "chronology", "meetings", "agreements", "sources")
DEFAULT_SECTIONS = SECTIONS

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")

_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class Config:
    """How the brief looks. None means "not set": the brief's own value or the theme's default is used."""

    title: str | None = None
    subject: str | None = None
    organisation: str | None = None
    logo: Path | None = None
    marking: str | None = None  # a classification or distribution marking, e.g. "RESTRICTED"
    primary_colour: str = "#1f3a5f"
    accent_colour: str = "#b8893a"
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    theme: str = "default"
    templates: Path | None = None  # a user folder searched before the theme
    # The TOML file this came from (None: defaults only); its folder is trusted for logos and assets.
    source: Path | None = field(default=None, compare=False)

    def with_overrides(self, **flags: Any) -> Config:
        """A copy with the given command-line values; a value of None means the flag was not given.

        Paths are taken relative to the current directory; `sections` may be a comma-separated string.
        """
        names = {f.name for f in dataclasses.fields(self)} - {"source"}
        unknown = sorted(set(flags) - names)
        if unknown:
            raise TypeError(f"unknown configuration override: {', '.join(unknown)}")
        changes: dict[str, Any] = {}
        for key, value in flags.items():
            if value is None:
                continue
            changes[key] = _check(key, value, base=Path.cwd(), where="command line")
        return dataclasses.replace(self, **changes) if changes else self

    @property
    def folder(self) -> Path | None:
        """The folder of the configuration file, if there is one."""
        return self.source.parent if self.source else None


def load_config(path: Path | None, cwd: Path) -> Config:
    """Read a briefgen.toml: `path` if given, else cwd/briefgen.toml if it exists, else the defaults.

    Paths inside the file are relative to the file's folder. Unknown keys and bad values raise
    UsageError naming the file and the key.
    """
    if path is None:
        candidate = Path(cwd) / CONFIG_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    else:
        path = Path(cwd) / path
    path = path.resolve()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise UsageError(f"{path}: configuration file not found") from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text") from exc
    return config_from_mapping(data, source=path)


def config_from_mapping(data: dict[str, Any], source: Path) -> Config:
    """A Config from the parsed TOML of `source` (used for messages and relative paths)."""
    names = [f.name for f in dataclasses.fields(Config) if f.name != "source"]
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            hint = difflib.get_close_matches(key, names, n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise UsageError(f"{source}: unknown key {key!r}{suggestion}; known keys: {', '.join(names)}")
        values[key] = _check(key, value, base=source.parent, where=str(source))
    return Config(**values, source=source)


def _check(key: str, value: Any, *, base: Path, where: str) -> Any:
    """The validated, normalised value of one setting; UsageError naming `where` and `key` if bad."""

    def fail(problem: str) -> UsageError:
        return UsageError(f"{where}: {key}: {problem}")

    if key in ("title", "subject", "organisation", "marking"):
        if not isinstance(value, str):
            raise fail(f"expected text, got {_kind(value)}")
        value = " ".join(value.split())
        return value or None
    if key in ("primary_colour", "accent_colour"):
        if not isinstance(value, str) or not _COLOUR.fullmatch(value.strip()):
            raise fail(f'expected a colour such as "#1f3a5f", got {value!r}')
        digits = value.strip().lower()[1:]
        return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))
    if key == "sections":
        return _check_sections(value, fail)
    if key == "theme":
        if not isinstance(value, str) or not _THEME_NAME.fullmatch(value):
            raise fail(f'expected a theme name such as "default" or "memo", got {value!r}')
        return value
    if key == "logo":
        path = _path(value, base, fail)
        if not path.is_file():
            raise fail(f"no such file: {path}")
        if path.suffix.lower() not in LOGO_SUFFIXES:
            raise fail(f"expected a PNG, JPEG or GIF image, got {path.name}")
        return path
    if key == "templates":
        path = _path(value, base, fail)
        if not path.is_dir():
            raise fail(f"no such folder: {path}")
        return path
    raise fail("unknown setting")


def _check_sections(value: Any, fail: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, Iterable) or not all(isinstance(v, str) for v in value):
        raise fail(f"expected a list of section names, got {_kind(value)}")
    sections = tuple(value)
    for name in sections:
        if name not in SECTIONS:
            raise fail(f"unknown section {name!r}; sections are {', '.join(SECTIONS)}")
    if len(set(sections)) != len(sections):
        raise fail("a section is listed twice")
    if not sections:
        raise fail("at least one section is needed")
    return sections


def _path(value: Any, base: Path, fail: Any) -> Path:
    if not isinstance(value, str | Path) or not str(value).strip():
        raise fail(f"expected a path, got {_kind(value)}")
    return (base / Path(value).expanduser()).resolve()


def _kind(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )

"""Configuration: briefgen.toml is read, checked and overridden by command-line flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import DEFAULT_SECTIONS, Config, load_config
from briefgen.errors import UsageError


def write(folder: Path, text: str, name: str = "briefgen.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(None, tmp_path)
    assert config == Config()
    assert (
        config.sections == DEFAULT_SECTIONS == ("summary", "chronology", "meetings", "agreements", "sources")
    )
    assert config.theme == "default" and config.primary_colour == "#1f3a5f"
    assert config.source is None and config.folder is None


def test_reads_briefgen_toml_from_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "logo.png").write_bytes(b"png")
    (tmp_path / "mytemplates").mkdir()
    write(
        tmp_path,
        """
title = "Quarterly   brief"
subject = "Talks"
organisation = "Policy Unit"
logo = "brand/logo.png"
marking = "RESTRICTED"
primary_colour = "#A0B"
accent_colour = "#112233"
sections = ["meetings", "summary"]
theme = "default"
templates = "mytemplates"
""",
    )
    config = load_config(None, tmp_path)
    assert config.title == "Quarterly brief"
    assert config.subject == "Talks"
    assert config.organisation == "Policy Unit"
    assert config.marking == "RESTRICTED"
    assert config.logo == (tmp_path / "brand" / "logo.png").resolve()
    assert config.templates == (tmp_path / "mytemplates").resolve()
    assert config.primary_colour == "#aa00bb"
    assert config.accent_colour == "#112233"
    assert config.sections == ("meetings", "summary")
    assert config.source == (tmp_path / "briefgen.toml").resolve()


def test_paths_are_relative_to_the_toml_folder_not_the_working_directory(tmp_path: Path) -> None:
    elsewhere = tmp_path / "conf"
    elsewhere.mkdir()
    (elsewhere / "logo.png").write_bytes(b"png")
    path = write(elsewhere, 'logo = "logo.png"\n', name="brand.toml")
    cwd = tmp_path / "work"
    cwd.mkdir()
    assert load_config(path, cwd).logo == (elsewhere / "logo.png").resolve()
    assert load_config(Path("../conf/brand.toml"), cwd).logo == (elsewhere / "logo.png").resolve()


def test_unknown_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, 'organization = "Typo Ltd"\n')
    with pytest.raises(UsageError) as error:
        load_config(None, tmp_path)
    message = str(error.value)
    assert str(path.resolve()) in message
    assert "'organization'" in message
    assert "did you mean 'organisation'" in message


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('primary_colour = "navy"', "primary_colour", "expected a colour"),
        ('accent_colour = "#12345"', "accent_colour", "expected a colour"),
        ("title = 3", "title", "expected text"),
        ('sections = ["summary", "appendix"]', "sections", "unknown section 'appendix'"),
        ('sections = ["summary", "summary"]', "sections", "listed twice"),
        ("sections = []", "sections", "at least one"),
        ('logo = "missing.png"', "logo", "no such file"),
        ('templates = "nowhere"', "templates", "no such folder"),
        ('theme = "../etc"', "theme", "expected a theme name"),
    ],
)
def test_bad_values_name_the_file_and_key(tmp_path: Path, text: str, key: str, problem: str) -> None:
    path = write(tmp_path, text + "\n")
    with pytest.raises(UsageError, match=problem) as error:
        load_config(path, tmp_path)
    assert f"{path.resolve()}: {key}:" in str(error.value)


def test_logo_must_be_an_image_word_and_pdf_can_show(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text("<svg/>")
    with pytest.raises(UsageError, match="PNG, JPEG or GIF"):
        load_config(write(tmp_path, 'logo = "logo.svg"\n'), tmp_path)


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"briefgen\.toml: not valid TOML"):
        load_config(write(tmp_path, "title = \n"), tmp_path)
    with pytest.raises(UsageError, match="configuration file not found"):
        load_config(Path("absent.toml"), tmp_path)


def test_overrides_replace_only_given_values(tmp_path: Path) -> None:
    base = load_config(write(tmp_path, 'title = "From file"\nmarking = "SECRET"\n'), tmp_path)
    config = base.with_overrides(
        title="From flag", marking=None, primary_colour="#000", sections="meetings,sources"
    )
    assert config.title == "From flag"
    assert config.marking == "SECRET"
    assert config.primary_colour == "#000000"
    assert config.sections == ("meetings", "sources")
    assert config.source == base.source
    assert base.title == "From file"  # frozen: the original is unchanged
    assert base.with_overrides(title=None) is base


def test_overrides_are_checked(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="command line: primary_colour"):
        Config().with_overrides(primary_colour="red")
    with pytest.raises(UsageError, match="no such folder"):
        Config().with_overrides(templates=tmp_path / "missing")
    with pytest.raises(TypeError, match="unknown configuration override: colour"):
        Config().with_overrides(colour="#fff")


def test_config_is_frozen() -> None:
    with pytest.raises(AttributeError):
        Config().title = "x"  # type: ignore[misc]

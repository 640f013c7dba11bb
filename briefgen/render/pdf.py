"""PDF: the HTML of the theme laid out by WeasyPrint, fetching nothing but the theme's own files.

Article text is untrusted, so the URL fetcher serves only `data:` URLs and `file:` URLs inside the
template folders and the configuration file's folder; everything else (http, file:///etc/passwd) is
refused and recorded. Output is deterministic: the creation date comes from SOURCE_DATE_EPOCH or the
brief's generated_at (see render.context.created_at), and no random file identifier is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import mimetypes
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

from briefgen.config import Config
from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.render.context import created_at
from briefgen.render.html import render_html
from briefgen.themes import builtin_themes_dir, theme_dirs


class SafeFetcher(URLFetcher):
    """A WeasyPrint URL fetcher for `data:` URLs and files under `roots`, refusing everything else.

    Refused URLs are kept in `refused` (WeasyPrint itself only logs the failure and goes on).
    """

    def __init__(self, roots: Iterable[Path]):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, fail_on_errors=False)
        self.roots = [Path(root).resolve() for root in roots]
        self.refused: list[str] = []

    def allows(self, url: str) -> Path | None:
        """The local file `url` may serve, or None."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_file():
            return None
        return path if any(path.is_relative_to(root) for root in self.roots) else None

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        path = self.allows(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"briefgen does not fetch {url[:200]}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})


def trusted_roots(config: Config) -> list[Path]:
    """The folders whose files a document may load: template folders and the config file's folder."""
    roots = [*theme_dirs(config), builtin_themes_dir()]
    if config.folder is not None:
        roots.append(config.folder)
    return list(dict.fromkeys(Path(r).resolve() for r in roots))


@contextlib.contextmanager
def _source_date_epoch(when: dt.datetime | None) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH while laying out, unless it is set already.

    fontTools, which subsets the embedded fonts, stamps each subset with the current time unless
    SOURCE_DATE_EPOCH is set; with it the same brief gives the same bytes.
    """
    if when is None or os.environ.get("SOURCE_DATE_EPOCH"):
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def html_to_pdf(
    html: str, config: Config, fetcher: SafeFetcher | None = None, created: dt.datetime | None = None
) -> bytes:
    """Lay out HTML made by render_html; relative URLs resolve against the first template folder.

    `created` (the document date) also dates the embedded font subsets, for reproducible output.
    """
    fetcher = fetcher or SafeFetcher(trusted_roots(config))
    base = theme_dirs(config)[0]
    try:
        with _source_date_epoch(created):
            document = weasyprint.HTML(string=html, base_url=str(base) + "/", url_fetcher=fetcher)
            return document.write_pdf(pdf_identifier=False)
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one message
        raise RenderError(f"PDF layout failed: {type(exc).__name__}: {exc}") from exc


def render_pdf(brief: Brief, config: Config) -> bytes:
    """The brief as PDF bytes; the same brief and configuration give the same bytes."""
    return html_to_pdf(render_html(brief, config), config, created=created_at(brief))

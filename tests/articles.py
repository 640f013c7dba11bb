"""Building articles from literal text in tests: one paragraph a non-empty line."""

from __future__ import annotations

import re

from briefgen.extract import extract_article
from briefgen.model import Article, Extraction


def make_article(
    text: str, article_id: str = "t", title: str = "", meta_date: str | None = "2024-03-05"
) -> Article:
    paragraphs = tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text))
    paragraphs = tuple(
        (a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip())))
        for a, b in paragraphs
    )
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        title=title,
        text=text,
        paragraphs=paragraphs,
        meta_date=meta_date,
    )


def extract(text: str, **kwargs) -> Extraction:
    return extract_article(make_article(text, **kwargs))

"""Tests of the corpus reader: the sample articles, every input format, and broken input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from briefgen.corpus import read_corpus, read_file
from briefgen.errors import ArticleError, NoArticlesError, UsageError
from briefgen.model import Article

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

BOILERPLATE = [
    "Embassy Info",
    "Suggest To A Friend",
    "Subscribe to our Telegram",
    "Фото",
    "HOME > China News",
    "Beijing 2022   China's EU Policy Paper",
]

SAMPLE_TITLES = {
    "000_2033f4869b013f22": (
        "President of Kazakhstan Kassym-Jomart Tokayev opened the Consulate General of Kazakhstan in Xi'an"
    ),
    "001_168cb1ee872f609e": (
        "Qin Gang Attends the Opening Ceremony of the Consulate General of Kazakhstan in Xi'an"
    ),
    "002_3e7d9b0fb8ba22a7": "Xi Jinping Holds Talks with President Kassym-Jomart Tokayev of Kazakhstan",
    "003_c41913dc013a7d8d": "Kassym-Jomart Tokayev and Xi Jinping hold talks in expanded format",
    "004_b6dd0d6cd6ae314b": "Xi meets Kazakh president",
}

SAMPLE_LEADS = {
    "000_2033f4869b013f22": "BAKU, Azerbaijan, May 19. President of Kazakhstan",
    "001_168cb1ee872f609e": "On May 19, 2023, State Councilor",
    "002_3e7d9b0fb8ba22a7": "On the afternoon of May 17, 2023, President Xi Jinping",
    "003_c41913dc013a7d8d": "President of Kazakhstan Kassym-Jomart Tokayev and President of the People's",
    "004_b6dd0d6cd6ae314b": "BEIJING, Oct. 17 (Xinhua) -- Chinese President",
}

SAMPLE_PARAGRAPH_COUNTS = {
    "000_2033f4869b013f22": 9,
    "001_168cb1ee872f609e": 4,
    "002_3e7d9b0fb8ba22a7": 7,
    "003_c41913dc013a7d8d": 8,
    "004_b6dd0d6cd6ae314b": 15,
}


def assert_clean_spans(article: Article) -> None:
    assert article.paragraphs, article.id
    previous_end = 0
    for start, end in article.paragraphs:
        chunk = article.text[start:end]
        assert chunk, (article.id, start, end)
        assert chunk.strip() == chunk, (article.id, chunk[:40])
        assert start >= previous_end, "paragraphs must be in order and not overlap"
        previous_end = end


def only(articles: list[Article]) -> Article:
    assert len(articles) == 1
    assert_clean_spans(articles[0])
    return articles[0]


def read_one(path: Path) -> Article:
    articles, problems = read_file(path)
    assert problems == []
    return only(articles)


@pytest.fixture(scope="module")
def samples() -> dict[str, Article]:
    articles, problems = read_corpus(CORPUS)
    assert problems == []
    return {article.id: article for article in articles}


# ---------------------------------------------------------------- the sample corpus


def test_sample_ids_are_file_stems_in_order(samples):
    assert list(samples) == sorted(SAMPLE_TITLES)


@pytest.mark.parametrize("article_id", sorted(SAMPLE_TITLES))
def test_sample_title(samples, article_id):
    assert samples[article_id].title == SAMPLE_TITLES[article_id]


@pytest.mark.parametrize("article_id", sorted(SAMPLE_LEADS))
def test_sample_first_paragraph_starts_at_lead(samples, article_id):
    article = samples[article_id]
    assert_clean_spans(article)
    assert article.paragraphs[0][0] == article.text.index(SAMPLE_LEADS[article_id])


@pytest.mark.parametrize("article_id", sorted(SAMPLE_TITLES))
def test_sample_has_no_boilerplate(samples, article_id):
    article = samples[article_id]
    for paragraph in [*article.paragraph_texts(), article.title]:
        normalised = " ".join(paragraph.split())
        for furniture in BOILERPLATE:
            assert " ".join(furniture.split()) not in normalised
        assert not normalised.startswith("date 20")
    assert len(article.paragraphs) == SAMPLE_PARAGRAPH_COUNTS[article_id]


@pytest.mark.parametrize("article_id", sorted(SAMPLE_TITLES))
def test_sample_text_is_the_whole_file(samples, article_id):
    assert samples[article_id].text == (CORPUS / f"{article_id}.txt").read_bytes().decode("utf-8")


def test_sample_title_and_date_lines_are_not_paragraphs(samples):
    for article in samples.values():
        texts = [" ".join(p.split()) for p in article.paragraph_texts()]
        assert article.title not in texts
        assert not any(text in ("2023-05-19 18:30", "2023-05-17 23:40", "October 17, 2023") for text in texts)


def test_sample_header_date_is_kept_as_metadata(samples):
    assert samples["000_2033f4869b013f22"].meta_date == "2023-05-19"
    assert samples["004_b6dd0d6cd6ae314b"].meta_date == "2023-10-17"
    assert samples["002_3e7d9b0fb8ba22a7"].meta_date is None
    assert all(article.outlet is None and article.published is None for article in samples.values())


def test_sample_tail_ends_before_furniture(samples):
    last = samples["001_168cb1ee872f609e"].paragraph_texts()[-1]
    assert last.endswith("in the western region of China.")
    last = samples["003_c41913dc013a7d8d"].paragraph_texts()[-1]
    assert last.startswith("Kassym-Jomart Tokayev and Xi Jinping also exchanged views")


def test_sample_paragraph_leading_nbsp_is_outside_the_span(samples):
    texts = samples["003_c41913dc013a7d8d"].paragraph_texts()
    assert texts[1].startswith("Tokayev noted that")


# ---------------------------------------------------------------- plain text


def test_txt_header_followed_by_long_lead_makes_a_short_title(tmp_path):
    lead = (
        "LONDON, March 3 (Agency) -- The foreign ministers of the two countries agreed on Monday to expand "
        "cooperation in energy, transport and education during a long meeting in the capital. "
        "More talks follow."
    )
    path = tmp_path / "lead.txt"
    path.write_text(f" date 2024-03-03 {lead}\n\nSecond paragraph of the story.\n", encoding="utf-8")
    article = read_one(path)
    assert article.title.endswith("…")
    assert article.title.startswith("The foreign ministers of the two countries agreed")
    assert len(article.title.split()) <= 13
    assert article.paragraph_texts()[0] == lead
    assert article.meta_date == "2024-03-03"


def test_txt_menu_and_site_name_are_never_the_title(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "Home News World Business Sport Contact Us About Us\n"
        "Daily Paper\n"
        "Leaders agree to expand the northern trade corridor\n"
        "12.03.2024 10:15\n\n"
        "The leaders agreed on Tuesday to expand the northern trade corridor, officials said.\n\n"
        "Share\nTags: trade, transport\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Leaders agree to expand the northern trade corridor"
    assert article.paragraph_texts() == [
        "The leaders agreed on Tuesday to expand the northern trade corridor, officials said."
    ]


@pytest.mark.parametrize(
    "layout",
    [
        "Daily Paper\n3 October 2024\n\n{title}\n\n{lead}\n",  # site, date, headline
        "{title}\n2024-10-03 21:15\n\nDaily Paper | Politics\n\n{lead}\n",  # headline, date, site
    ],
)
def test_txt_headline_beside_its_date_wins_over_the_site_name(tmp_path, layout):
    title = "Shares climb after the regulator ends its cloud probe"
    lead = "Shares in the company rose for a second day on Thursday after the settlement, traders said."
    path = tmp_path / "page.txt"
    path.write_text(layout.format(title=title, lead=lead), encoding="utf-8")
    article = read_one(path)
    assert article.title == title
    assert article.paragraph_texts()[-1] == lead


@pytest.mark.parametrize(
    "line",
    [
        "Presidents meet at the Presidential Villa, 05/12/2025. Photo: State House",
        "Editor's note: This report was first published by a wire and is republished under an agreement.",
        "*Jane Doe is the Chronicle's diplomatic editor.*",
        "*Daniel Okafor-Reyes is Hemisphere Review's Andes correspondent.*",
        "This story was first published by Condor Wire and is republished with permission.",
        "By Emil Dzhumabaev, with additional reporting by Shahnoza Karimova in Tashkent",
        "Additional reporting by Ana Costa; editing by Olaf Weber",
    ],
)
def test_txt_captions_notes_and_author_lines_are_not_paragraphs(tmp_path, line):
    path = tmp_path / "page.txt"
    body = "The ministers signed a trade pact on Tuesday after three hours of talks in the capital."
    path.write_text(f"Ministers sign trade pact\n\n{line}\n\n{body}\n", encoding="utf-8")
    assert read_one(path).paragraph_texts() == [body]


@pytest.mark.parametrize(
    "tail",
    [
        "Related news\nAnother headline about a different meeting\nYet another unrelated headline here\n",
        "Related Links: Summit Meeting | Signing Ceremony (Photos)\n",
        "Print | Share | Back to Press Conferences\n",
        "Related: Central bank holds rate as inflation slows\n",
        "Most read: Air quality improves for second winter in a row\n",
        "More from Business: Aerospace cluster adds 2,000 jobs in first quarter\n",
    ],
)
def test_txt_related_links_at_the_end_are_dropped(tmp_path, tail):
    path = tmp_path / "tail.txt"
    path.write_text(
        f"Ministers sign trade pact\n\nThe ministers signed a trade pact on Tuesday.\n\n{tail}",
        encoding="utf-8",
    )
    assert read_one(path).paragraph_texts() == ["The ministers signed a trade pact on Tuesday."]


def test_txt_hard_wrapped_paragraph_is_one_paragraph(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Ministers sign trade pact\n\n"
        "The ministers of the two countries signed a trade pact on Tuesday that\n"
        "will lower tariffs on farm goods and machinery, officials said after the\n"
        "meeting in the capital.\n\n"
        "The pact takes effect next year.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Ministers sign trade pact"
    assert len(article.paragraphs) == 2
    assert article.paragraph_texts()[0].endswith("meeting in the capital.")


def test_txt_title_line_is_not_joined_with_the_lead(tmp_path):
    title = "Leaders of the two neighbouring countries agree to build a new bridge over the river"
    lead = "The bridge will cost two billion dollars, officials said on Monday after the talks."
    path = tmp_path / "bridge.txt"
    path.write_text(f"{title}\n{lead}\n", encoding="utf-8")
    article = read_one(path)
    assert article.title == title
    assert article.paragraph_texts() == [lead]


def test_txt_title_printed_twice_wins_over_a_longer_site_line(tmp_path):
    path = tmp_path / "twice.txt"
    path.write_text(
        "Breaking world news and analysis from our correspondents\n\n"
        "Leaders meet at the border\n\nLeaders meet at the border\n\n"
        "The two leaders met at the border on Monday, officials said.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Leaders meet at the border"
    assert article.paragraph_texts() == ["The two leaders met at the border on Monday, officials said."]


def test_txt_breadcrumb_is_not_a_paragraph_or_title(tmp_path):
    path = tmp_path / "crumbs.txt"
    path.write_text(
        "Regional Politics » Eastern Europe » Diplomacy\n"
        "Two presidents sign a treaty\n\n"
        "The two presidents signed a friendship treaty on Monday.\n\n"
        "Analysis > Opinion and Commentary\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Two presidents sign a treaty"
    assert article.paragraph_texts() == ["The two presidents signed a friendship treaty on Monday."]


def test_txt_cp1251(tmp_path):
    path = tmp_path / "ru.txt"
    text = (
        "Президент провёл переговоры\n\n"
        "Президент провёл переговоры с председателем в столице. Стороны подписали совместное заявление.\n\n"
        "Фото: пресс-служба 03.07.2024 14:03 279\n"
    )
    path.write_bytes(text.encode("cp1251"))
    article = read_one(path)
    assert article.text == text
    assert article.title == "Президент провёл переговоры"
    assert article.paragraph_texts() == [text.split("\n\n")[1]]


def test_txt_latin1(tmp_path):
    path = tmp_path / "fr.txt"
    text = "Réunion à Paris sur le commerce\n\nLes présidents ont signé un accord très important mardi.\n"
    path.write_bytes(text.encode("latin-1"))
    assert read_one(path).text == text


def test_txt_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(
        b"\xef\xbb\xbfLeaders meet for border talks\r\n\r\n"
        b"The two leaders met on Monday to discuss the border.\r\nThey agreed to open two crossings.\r\n"
    )
    article = read_one(path)
    assert not article.text.startswith("\ufeff")
    assert "\r\n" in article.text
    assert article.title == "Leaders meet for border talks"
    assert article.paragraph_texts() == [
        "The two leaders met on Monday to discuss the border.",
        "They agreed to open two crossings.",
    ]


@pytest.mark.parametrize("content", [b"", b"   \n\n", "\xa0 \n".encode()])
def test_txt_empty(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match="empty file"):
        read_file(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"abc\x00\x01\x02def", "binary"), (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF")],
)
def test_txt_binary(tmp_path, content, message):
    path = tmp_path / "data.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        read_file(path)


def test_txt_with_only_furniture_is_an_error(tmp_path):
    path = tmp_path / "furniture.txt"
    path.write_text("Share\nPrint\n© 2024 Some Site\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="no article text"):
        read_file(path)


# ---------------------------------------------------------------- Markdown


MARKDOWN = """---
title: "Summit closes with joint declaration"
date: 2024-06-01
source: Example Wire
url: https://wire.example.org/a
---

# Summit closes with joint declaration

![photo](img.jpg)

The summit ended on Saturday with a joint declaration on trade,
energy and transport, signed by all five leaders.

## Background

> The leaders said the declaration "opens a new chapter".

Share
"""


def test_md_front_matter(tmp_path):
    path = tmp_path / "summit.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = read_one(path)
    assert article.text == MARKDOWN
    assert (article.title, article.meta_date, article.outlet, article.url) == (
        "Summit closes with joint declaration",
        "2024-06-01",
        "Example Wire",
        "https://wire.example.org/a",
    )
    texts = article.paragraph_texts()
    assert texts == [
        "The summit ended on Saturday with a joint declaration on trade,\n"
        "energy and transport, signed by all five leaders.",
        'The leaders said the declaration "opens a new chapter".',
    ]
    assert article.paragraphs[0][0] > MARKDOWN.index("img.jpg")


def test_md_heading_is_the_title_without_front_matter(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("Site Name\n\n## Talks end in agreement ##\n\nThe talks ended in agreement.\n")
    article = read_one(path)
    assert article.title == "Talks end in agreement"
    assert article.paragraph_texts() == ["The talks ended in agreement."]


def test_md_invalid_front_matter_is_a_warning(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\n# Heading here now\n\nBody text of the article.\n")
    articles, problems = read_file(path)
    assert only(articles).title == "Heading here now"
    assert len(problems) == 1 and not problems[0].fatal and "front matter" in problems[0].message


# ---------------------------------------------------------------- HTML


HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers agree on new rail link | The Example Herald</title>
<meta property="og:title" content="Ministers agree on new rail link">
<meta property="og:site_name" content="The Example Herald">
<meta property="article:published_time" content="2024-03-02T09:15:00+01:00">
<link rel="canonical" href="https://herald.example.com/world/rail-link">
<script>window.menu = ["Home", "World"]; function track() { return "Subscribe now"; }</script>
<style>.nav { color: red }</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<main><article>
<h1>Ministers agree on new rail link</h1>
<p class="byline">By Jane Doe</p>
<p>The transport ministers of the two countries agreed on Friday to build a new freight rail link across
the border, officials said.</p>
<p>The line is expected to carry ten million tonnes of cargo a year once it opens, according to a joint
statement released after the talks.</p>
<p>Both sides also signed a memorandum on customs cooperation and agreed to meet again in the autumn.</p>
<div class="share">Share</div>
</article></main>
<aside><h3>Related news</h3><ul><li><a href="/x">Other story about trains in the region</a></li></ul></aside>
<footer><p>© 2024 The Example Herald. All rights reserved.</p></footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "rail.html"
    path.write_text(HTML, encoding="utf-8")
    article = read_one(path)
    assert article.title == "Ministers agree on new rail link"
    assert article.meta_date == "2024-03-02"
    assert article.outlet == "The Example Herald"
    assert article.url == "https://herald.example.com/world/rail-link"
    texts = article.paragraph_texts()
    assert len(texts) == 3
    assert texts[0].startswith("The transport ministers")
    assert texts[2].startswith("Both sides also signed")
    furniture = ("window.menu", "Subscribe", "Contact", "Share", "Jane Doe", "rights reserved", "Other story")
    assert not [item for item in furniture for text in texts if item in text]


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>")
    with pytest.raises(ArticleError, match="no article text"):
        read_file(path)


# ---------------------------------------------------------------- CSV, JSONL, JSON


def test_csv_alias_columns_and_empty_row(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "Headline,Published,Content,Link,Site\n"
        '"Talks held in capital",2024-01-02,"Leaders held talks on trade.\n\nThey signed three agreements.",'
        "http://x.example/1,Wire\n"
        '"Empty row",2024-01-03,,http://x.example/2,Wire\n'
        '"Third row",2024-01-04,"Another article body.",,\n',
        encoding="utf-8",
    )
    articles, problems = read_file(path)
    assert [a.id for a in articles] == ["export-1", "export-3"]
    first = articles[0]
    assert_clean_spans(first)
    assert (first.title, first.meta_date, first.url, first.outlet) == (
        "Talks held in capital",
        "2024-01-02",
        "http://x.example/1",
        "Wire",
    )
    assert first.paragraph_texts() == ["Leaders held talks on trade.", "They signed three agreements."]
    assert articles[1].url is None
    assert [(p.message, p.fatal) for p in problems] == [("row 2: no text", True)]


@pytest.mark.parametrize(
    ("date", "outlet", "url"),
    [
        ("pub_date", "publication", "permalink"),
        ("publication_date", "agency", "source_url"),
        ("time", "source", "link"),
        ("timestamp", "wire", "url"),
    ],
)
def test_csv_other_names_for_date_outlet_and_link(tmp_path, date, outlet, url):
    path = tmp_path / "clippings.csv"
    path.write_text(
        f"title,{date},{outlet},{url},text\n"
        '"Talks held in capital",16 July 2024,Cono Sur Wire,http://x.example/1,"Leaders held talks on trade."\n',
        encoding="utf-8",
    )
    (article,), _ = read_file(path)
    assert (article.meta_date, article.outlet, article.url) == (
        "16 July 2024",
        "Cono Sur Wire",
        "http://x.example/1",
    )


def test_csv_semicolons_id_column_and_html_body(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text('ID;Title;Body\n"a/7 b";Rail deal;"<p>The deal was signed.</p><p>Work starts.</p>"\n')
    article = read_one(path)
    assert article.id == "a-7-b"
    assert article.paragraph_texts() == ["The deal was signed.", "Work starts."]


def test_csv_without_body_column(tmp_path):
    path = tmp_path / "nobody.csv"
    path.write_text("title,date\nSomething,2024-01-01\n")
    with pytest.raises(ArticleError, match="no body column"):
        read_file(path)


def test_jsonl_story_and_time_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    record = {
        "headline": "Ministers meet",
        "time": "2025-02-14T19:05:00+03:00",
        "story": "The ministers met on Friday.",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,), _ = read_file(path)
    assert (article.meta_date, article.paragraph_texts()) == (
        "2025-02-14T19:05:00+03:00",
        ["The ministers met on Friday."],
    )


def test_jsonl_invalid_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"headline": "First story title", "text": "The first article text.", "published_at": "2024-02-01"}\n'
        "{broken\n"
        "[1, 2]\n"
        "\n"
        '{"title": "Third", "body": "Third article body text.", "publisher": {"name": "Wire"}}\n',
        encoding="utf-8",
    )
    articles, problems = read_file(path)
    assert [a.id for a in articles] == ["feed-1", "feed-5"]
    assert articles[0].meta_date == "2024-02-01" and articles[0].title == "First story title"
    assert articles[1].outlet == "Wire"
    assert [p.message.split(" (")[0] for p in problems] == [
        "line 2: invalid JSON",
        "line 3: not a JSON object",
    ]
    assert "column 2" in problems[0].message


def test_json_list(tmp_path):
    path = tmp_path / "items.json"
    path.write_text('{"articles": [{"title": "One story", "content": "Body of one."}, {"title": "No body"}]}')
    articles, problems = read_file(path)
    assert [a.id for a in articles] == ["items-1"]
    assert [p.message for p in problems] == ["item 2: no text"]


# ---------------------------------------------------------------- the folder


def test_read_corpus_walks_sorted_skips_hidden_and_reports_problems(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story title here\n\nSecond body.\n")
    (tmp_path / "a.txt").write_text("First story title here\n\nFirst body.\n")
    (tmp_path / ".hidden.txt").write_text("Hidden title here\n\nHidden body.\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Git title here\n\nGit body.\n")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")  # read as a PDF, and found to be no PDF
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # a format briefgen names but does not read
    (tmp_path / "notes.xyz").write_text("ignored")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01")
    os.symlink("..", tmp_path / "b" / "loop")
    articles, problems = read_corpus(tmp_path)
    assert [a.id for a in articles] == ["a", "two"]
    reported = sorted((Path(p.path).name, p.fatal) for p in problems)
    # The link back to the corpus folder is not followed, and said so.
    assert reported == [("broken.txt", True), ("loop", False), ("old.doc", True), ("scan.pdf", True)]
    assert any("unsupported format" in p.message for p in problems)


def test_read_corpus_makes_ids_unique(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "story.txt").write_text("A story title here\n\nBody one.\n")
    (tmp_path / "x" / "story.md").write_text("# Another story title\n\nBody two.\n")
    articles, _ = read_corpus(tmp_path)
    assert [a.id for a in articles] == ["story", "story-2"]


def test_read_corpus_empty_folder(tmp_path):
    (tmp_path / "notes.xyz").write_text("not an article")
    with pytest.raises(NoArticlesError, match="no articles found") as caught:
        read_corpus(tmp_path)
    assert str(tmp_path) in str(caught.value) and caught.value.problems == ()
    assert caught.value.exit_code not in (0, 5)


def test_read_corpus_without_one_readable_article(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(NoArticlesError, match=r"no readable articles \(2 files left out\)") as caught:
        read_corpus(tmp_path)
    assert sorted(Path(p.path).name for p in caught.value.problems) == ["empty.txt", "scan.pdf"]


def test_read_corpus_missing_folder(tmp_path):
    with pytest.raises(UsageError):
        read_corpus(tmp_path / "missing")


def test_read_file_unsupported(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ArticleError, match="unsupported format"):
        read_file(path)


def test_a_broken_word_document_is_named_with_its_problem(tmp_path):
    path = tmp_path / "doc.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ArticleError, match=r"doc\.docx: not a Word \.docx document"):
        read_file(path)


# ---------------------------------------------------------------- hostile and odd input


def test_json_nested_too_deeply(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.json").write_text(deep)
    with pytest.raises(ArticleError, match="nested too deeply"):
        read_file(tmp_path / "deep.json")
    path = tmp_path / "deep.jsonl"
    path.write_text(deep + '\n{"title": "Fine story", "text": "The fine article text."}\n')
    articles, problems = read_file(path)
    assert [a.title for a in articles] == ["Fine story"]
    assert [p.message for p in problems] == ["line 1: invalid JSON (nested too deeply)"]


def test_md_front_matter_nested_too_deeply_is_ignored(tmp_path):
    path = tmp_path / "deep.md"
    path.write_text("---\ntitle: " + "[" * 50_000 + "\n---\n\n# A real title here\n\nThe body text.\n")
    (article,), problems = read_file(path)
    assert article.title == "A real title here"
    assert [p.fatal for p in problems] == [False] and "front matter ignored" in problems[0].message


def test_record_body_markup_loses_scripts_styles_and_frames(tmp_path):
    path = tmp_path / "cms.jsonl"
    body = (
        "<p>The harbour opened on Monday.</p><script>var x = 'SCRIPT_MARKER';</script>"
        "<style>p { color: red } /* STYLE_MARKER */</style><iframe src='x'>IFRAME_MARKER</iframe>"
        "<!-- COMMENT_MARKER --><p>Ships can now dock there.</p><script>unclosed SCRIPT_MARKER"
    )
    path.write_text(json.dumps({"title": "Harbour opens", "text": body}) + "\n", encoding="utf-8")
    (article,), _ = read_file(path)
    assert article.paragraph_texts() == ["The harbour opened on Monday.", "Ships can now dock there."]
    assert "MARKER" not in article.text


def test_an_unexpected_reader_failure_names_the_file(tmp_path, monkeypatch):
    from briefgen import corpus

    def broken(path, data):
        raise ValueError("something odd\nover two lines")

    monkeypatch.setitem(corpus.READERS, ".txt", broken)
    (tmp_path / "odd.txt").write_text("Title of it\n\nSome text.\n")
    with pytest.raises(ArticleError) as caught:
        read_file(tmp_path / "odd.txt")
    assert caught.value.problem == "could not be read (ValueError: something odd over two lines)"


def test_cjk_headline_is_the_title_and_lead_is_body(tmp_path):
    path = tmp_path / "zh.txt"
    title = "两国交通部长举行会谈"
    lead = "两国交通部长周二在首都举行会谈，双方同意修建一条新的铁路。"
    path.write_text(f"{title}\n\n{lead}\n\n双方还签署了谅解备忘录。\n", encoding="utf-8")
    article = read_one(path)
    assert article.title == title
    assert article.paragraph_texts() == [lead, "双方还签署了谅解备忘录。"]


def test_one_sentence_article_keeps_its_only_paragraph(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Talks held\n\nThe leaders held talks on trade and energy in the capital.\n")
    article = read_one(path)
    assert article.paragraph_texts() == ["The leaders held talks on trade and energy in the capital."]


@pytest.mark.parametrize(
    ("data", "expected", "damaged"),
    [
        ("Café “talks” in the old town — señor Peña.".encode() + b" \xff", "Café “talks”", True),
        ("Ministers meet in the old town of Café".encode("cp1252"), "Café", False),
        ("Встреча министров в столице прошла успешно".encode("cp1251"), "Встреча министров", False),
    ],
    ids=["damaged UTF-8", "cp1252", "cp1251"],
)
def test_damaged_utf8_and_legacy_encodings(tmp_path, data, expected, damaged):
    path = tmp_path / "text.txt"
    path.write_bytes(b"A title for the story\n\n" + data + b" The end of the text.\n")
    (article,), problems = read_file(path)
    assert expected in article.text
    assert ("\ufffd" in article.text) == damaged
    assert [p.message.startswith("invalid UTF-8") for p in problems] == ([True] if damaged else [])


@pytest.mark.parametrize(
    "marker", ["About Acme Dairies PLC", "**About Acme Dairies PLC**", "Notes to editors:", "###"]
)
def test_a_press_release_s_back_matter_is_not_the_story(tmp_path, marker):
    path = tmp_path / "release.txt"
    path.write_text(
        "Acme and the union sign a new contract\n\n"
        "Acme Dairies and the union signed a three-year contract in Nairobi on Wednesday.\n\n"
        f"{marker}\n\n"
        "Founded in 1987, Acme processes milk at three plants and employs 2,100 people.\n\n"
        "Media enquiries: press@acme.example\n",
        encoding="utf-8",
    )
    assert read_one(path).paragraph_texts() == [
        "Acme Dairies and the union signed a three-year contract in Nairobi on Wednesday."
    ]


def test_a_headline_that_starts_with_about_is_still_the_headline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "About half of dairy workers back the strike\n\nAbout half of the union's members voted to strike.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "About half of dairy workers back the strike"
    assert article.paragraph_texts() == ["About half of the union's members voted to strike."]


def test_jsonl_with_the_story_in_a_nested_object(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"article": {"headline": "Bank signs loans with Zambia", "body": "The bank signed three loans on '
        'Tuesday.", "published": "2027-05-18T16:20:00+00:00", "url": "https://x.example/1"}, '
        '"source": {"name": "Plateau Wire"}}\n',
        encoding="utf-8",
    )
    (article,), problems = read_file(path)
    assert problems == []
    assert (article.title, article.meta_date, article.outlet, article.url) == (
        "Bank signs loans with Zambia",
        "2027-05-18T16:20:00+00:00",
        "Plateau Wire",
        "https://x.example/1",
    )


def test_html_dates_come_from_markup_not_from_a_year_in_the_text(tmp_path):
    # A page dated after this machine's clock (a corpus from a later time zone or with a wrong clock):
    # its markup is still its date, and no year of its text takes the place of it.
    later = (dt.date.today() + dt.timedelta(days=200)).isoformat()
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Ministers meet in Pretoria</title></head><body><article>"
        f'<h1>Ministers meet in Pretoria</h1><meta itemprop="datePublished" content="{later}T19:45:00+01:00">'
        "<p>The foreign ministers met in Pretoria on Tuesday to discuss the energy partnership and trade.</p>"
        "<p>Germany and other donors pledged $8.5 billion to the partnership in 2021, officials recalled.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert read_one(path).meta_date.startswith(later)


def test_a_saved_page_s_address_above_its_masthead_is_its_url_not_a_paragraph(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "https://times.example.mx/2028/03/16/robles-signs-memorandum/\n\nTHE TIMES · Business\n\n"
        "Robles signs memorandum\n\nThe governor signed a memorandum with the company on Thursday.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.url == "https://times.example.mx/2028/03/16/robles-signs-memorandum/"
    assert article.title == "Robles signs memorandum"
    assert article.paragraph_texts() == ["The governor signed a memorandum with the company on Thursday."]

"""Every input format kg reads: plain text, HTML pages, JSONL corpora, folders and standard input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from kg.errors import InputError
from kg.ids import content_id
from kg.ingest import JsonlFields, read_documents
from kg.model import Document

ARTICLE = """\
Harbour Workers End Strike in Valdora

Dock workers at the Port of Valdora went back to work on Monday after a four-day strike over pension cuts.

The port authority agreed to delay the changes until the end of the year, the union said.
"""

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Grain Ships Wait Outside Valdora | The Valdora Courier</title>
  <meta property="og:title" content="Grain Ships Wait Outside Valdora">
  <meta name="author" content="Marta Oliveira">
  <meta property="article:published_time" content="2024-03-14T09:30:00Z">
  <meta property="og:site_name" content="The Valdora Courier">
  <link rel="canonical" href="https://courier.example/news/grain-ships">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Grain Ships Wait Outside Valdora</h1>
    <p>Eleven grain ships were anchored outside the Port of Valdora on Thursday as the dock strike entered
    its third day.</p>
    <p>The shipping agency Marenco said the delays were costing its clients about two million euros a day.</p>
    <div class="newsletter"><p>Sign up for our morning newsletter and get the news before breakfast.</p></div>
    <p>"We will stay out until the plan is withdrawn," said the union leader Petra Lindqvist.</p>
  </article>
  <footer><p>Share this story</p><p>&copy; 2024 The Valdora Courier</p></footer>
</body>
</html>
"""


def read(paths: list[str | Path], **kwargs: object) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    docs = list(read_documents(paths, on_error=errors.append, **kwargs))  # type: ignore[arg-type]
    return docs, errors


def test_plain_text_article(tmp_path: Path) -> None:
    path = tmp_path / "strike.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    docs, errors = read([path])
    assert errors == []
    [doc] = docs
    assert doc.title == "Harbour Workers End Strike in Valdora"
    assert doc.text == (
        "Dock workers at the Port of Valdora went back to work on Monday after a four-day strike over pension cuts."
        "\n\nThe port authority agreed to delay the changes until the end of the year, the union said."
    )
    assert doc.id == content_id(doc.text)
    assert doc.origin == str(path)
    assert (doc.url, doc.published, doc.author, doc.source) == (None, None, None, None)


def test_text_with_byte_order_mark_and_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    [doc], errors = read([path])
    assert errors == []
    assert "\ufeff" not in doc.text and "\r" not in doc.text
    assert doc.title == "Harbour Workers End Strike in Valdora"
    assert doc.text.startswith("Dock workers at the Port of Valdora")


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_html_page_body_and_metadata(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"grain{suffix}"
    path.write_text(PAGE, encoding="utf-8")
    [doc], errors = read([path])
    assert errors == []
    assert doc.title == "Grain Ships Wait Outside Valdora"
    assert doc.author == "Marta Oliveira"
    assert doc.published == "2024-03-14"
    assert doc.url == "https://courier.example/news/grain-ships"
    assert doc.source == "The Valdora Courier"
    assert doc.origin == str(path)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs == [
        "Eleven grain ships were anchored outside the Port of Valdora on Thursday as the dock strike entered "
        "its third day.",
        "The shipping agency Marenco said the delays were costing its clients about two million euros a day.",
        '"We will stay out until the plan is withdrawn," said the union leader Petra Lindqvist.',
    ]
    # Menu, newsletter box inside the article, share button and copyright line are all gone.
    for furniture in ("Home", "newsletter", "Share this story", "©"):
        assert furniture not in doc.text
    assert doc.id == content_id(doc.text)


def test_html_title_from_the_headline_when_meta_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text(
        "<html><body><article><h1>Ferry Service Resumes Between Valdora and Porto Nuevo</h1>"
        "<p>The ferry between Valdora and Porto Nuevo sailed again on Saturday after repairs to its engine "
        "that took most of the winter.</p>"
        "<p>The operator said bookings for the summer were already higher than last year.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    [doc], errors = read([path])
    assert errors == []
    assert doc.title == "Ferry Service Resumes Between Valdora and Porto Nuevo"
    assert doc.text.startswith("The ferry between Valdora and Porto Nuevo sailed again")
    assert doc.author is None and doc.url is None


def test_jsonl_default_fields(tmp_path: Path) -> None:
    rows = [
        {
            "id": "courier-0001",
            "text": "The port authority of Valdora appointed Ana Ruiz as its director on Tuesday.",
            "title": "New Director for Valdora Port",
            "url": "https://courier.example/a/1",
            "published": "2024-04-02",
            "source": "The Valdora Courier",
            "author": "Marta Oliveira",
        },
        {"id": "courier-0002", "text": "Ana Ruiz met the union leaders on Wednesday."},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    docs, errors = read([path])
    assert errors == []
    assert [d.id for d in docs] == ["courier-0001", "courier-0002"]
    first, second = docs
    assert first.text == rows[0]["text"]
    assert (first.title, first.url, first.published, first.source, first.author) == (
        "New Director for Valdora Port",
        "https://courier.example/a/1",
        "2024-04-02",
        "The Valdora Courier",
        "Marta Oliveira",
    )
    assert first.origin == f"{path}:1" and second.origin == f"{path}:2"
    assert (second.title, second.url, second.published, second.source, second.author) == (None,) * 5


def test_jsonl_custom_field_names(tmp_path: Path) -> None:
    row = {
        "uid": 42,
        "body": "Fishermen in Valdora blocked the harbour entrance with their boats on Friday.",
        "headline": "Fishermen Block Harbour",
        "link": "https://courier.example/a/42",
        "date": "2024-05-10",
        "outlet": "Courier",
        "byline": "Jon Amsel",
        "text": "this key is not the text any more",
    }
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    fields = JsonlFields(
        id="uid", text="body", title="headline", url="link", published="date", source="outlet", author="byline"
    )
    [doc], errors = read([path], fields=fields)
    assert errors == []
    assert doc.id == "42"  # a numeric id is kept, as a string
    assert doc.text == row["body"]
    assert (doc.title, doc.url, doc.published, doc.source, doc.author) == (
        "Fishermen Block Harbour",
        "https://courier.example/a/42",
        "2024-05-10",
        "Courier",
        "Jon Amsel",
    )


def test_jsonl_text_holding_unicode_line_separators_stays_one_document(tmp_path: Path) -> None:
    # Raw U+2028 / U+0085 are legal inside JSON strings (json.dumps(ensure_ascii=False) writes them as is);
    # only "\n" ends a JSON line.
    texts = ["The mayor spoke first.\u2028The governor spoke next.", "Votes were counted\x85overnight.", "Done."]
    path = tmp_path / "separators.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"s{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    docs, errors = read([path])
    assert errors == []
    assert [(d.id, d.text, d.origin) for d in docs] == [(f"s{i}", t, f"{path}:{i + 1}") for i, t in enumerate(texts)]


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2024" / "march").mkdir(parents=True)
    (corpus / "zz-last.txt").write_text("The last article says the port reopened on Sunday.\n", encoding="utf-8")
    (corpus / "2024" / "march" / "b.htm").write_text(
        "<html><body><article><p>The second article reports that the harbour master resigned on Friday "
        "after the collision of two tugboats.</p></article></body></html>",
        encoding="utf-8",
    )
    (corpus / "2024" / "a.txt").write_text("The first article says the strike began on Monday.\n", encoding="utf-8")
    (corpus / "2024" / "c.jsonl").write_text(
        '{"id": "c-1", "text": "The third article names the new director."}\n'
        '{"id": "c-2", "text": "The fourth article covers the vote."}\n',
        encoding="utf-8",
    )
    (corpus / "notes.md").write_text("A markdown file is not an article format kg reads.\n", encoding="utf-8")
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs, errors = read([corpus])
    assert errors == []
    assert [d.origin for d in docs] == [
        str(corpus / "2024" / "a.txt"),
        str(corpus / "2024" / "c.jsonl") + ":1",
        str(corpus / "2024" / "c.jsonl") + ":2",
        str(corpus / "2024" / "march" / "b.htm"),
        str(corpus / "zz-last.txt"),
    ]
    assert docs[0].text == "The first article says the strike began on Monday."
    assert docs[3].text.startswith("The second article reports")


def test_unknown_extension_given_by_name_is_sniffed(tmp_path: Path) -> None:
    as_text = tmp_path / "article.md"
    as_text.write_text("The council approved the new budget on Thursday.\n", encoding="utf-8")
    as_jsonl = tmp_path / "dump.ndjson"
    as_jsonl.write_text('{"id": "n1", "text": "The council met."}\n', encoding="utf-8")
    as_html = tmp_path / "saved.page"
    as_html.write_text(
        "<!DOCTYPE html><html><body><article><p>The council voted to rebuild the old lighthouse on the north "
        "pier before the summer season.</p></article></body></html>",
        encoding="utf-8",
    )
    docs, errors = read([as_text, as_jsonl, as_html])
    assert errors == []
    assert [d.text for d in docs] == [
        "The council approved the new budget on Thursday.",
        "The council met.",
        "The council voted to rebuild the old lighthouse on the north pier before the summer season.",
    ]
    assert docs[1].id == "n1"


@pytest.mark.parametrize(
    ("data", "expected_text", "expected_id"),
    [
        (b"The council met on Thursday.\n", "The council met on Thursday.", None),
        (
            b'{"id": "in-1", "text": "The council met."}\n{"id": "in-2", "text": "It voted."}\n',
            "The council met.",
            "in-1",
        ),
        (
            b"<html><body><article><p>The council met on Thursday to vote on the harbour plan, which "
            b"passed by a wide margin.</p></article></body></html>",
            "The council met on Thursday to vote on the harbour plan, which passed by a wide margin.",
            None,
        ),
    ],
    ids=["text", "jsonl", "html"],
)
def test_stdin_format_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected_text: str, expected_id: str | None
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    docs, errors = read(["-"])
    assert errors == []
    assert docs[0].text == expected_text
    assert docs[0].id == (expected_id or content_id(expected_text))
    assert docs[0].origin in ("-", "-:1")


@pytest.mark.model
def test_stdin_through_the_cli(tmp_path: Path, nlp: Any) -> None:
    """``kg build -`` in a real process: the article comes in on standard input, the graph goes to --out.

    (``nlp`` is only asked for so that a missing model skips here, or fails under CI, like every model test.)
    """
    out = tmp_path / "out"
    article = (
        "Petra Lindqvist, the leader of the Harbour Union, met Portuguese Prime Minister Tomas Reyes in Lisbon "
        "on Monday.\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "kg", "build", "-", "--out", str(out), "--no-rdf", "--no-html", "--no-embedded"],
        input=article.encode("utf-8"),
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=300,
        check=False,
    )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 0, stderr
    assert "kg build: 1 document(s) read, 0 skipped" in stderr
    [doc] = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert doc["origin"] == "-"
    assert doc["id"] == content_id(article.strip())
    triples = [json.loads(line) for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ("Petra Lindqvist", "kg:meets", "Tomas Reyes") in {
        (t["subject"]["label"], t["predicate"]["id"], t["object"]["label"]) for t in triples
    }

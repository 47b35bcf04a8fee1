"""HTML pages: the article body and its metadata (title, author, date, URL) with trafilatura."""

from __future__ import annotations

from typing import Any

from kg.errors import InputError
from kg.ids import content_id
from kg.ingest.text import clean_text, split_blocks
from kg.model import Document

__all__ = ["read_html"]


def read_html(html: str, source: str) -> Document:
    """The main text of a page; an InputError when the page holds no article.

    >>> page = (
    ...     "<html><head><title>Pumps for the coast</title></head><body><article>"
    ...     "<h1>Pumps for the coast</h1><p>Norway will fund three desalination plants on the Kenyan coast, "
    ...     "the ministry said on Monday.</p></article></body></html>"
    ... )
    >>> document = read_html(page, "page.html")
    >>> document.title
    'Pumps for the coast'
    >>> document.text
    'Norway will fund three desalination plants on the Kenyan coast, the ministry said on Monday.'
    """
    import trafilatura  # imported on first use: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if extracted is None:
        meta: dict[str, Any] = {}
    elif isinstance(extracted, dict):
        meta = extracted
    else:
        meta = extracted.as_dict()
    raw = meta.get("text") or ""
    title = meta.get("title") or None
    blocks = split_blocks(raw)
    if blocks and title and blocks[0] == title.strip():
        blocks = blocks[1:]  # trafilatura repeats the headline as the first line
    # trafilatura keeps boxes that sit inside the article element; the text rules catch those.
    cleaned = clean_text("\n".join(blocks))
    if not cleaned.text.strip():
        raise InputError(source, "no article text found in the HTML page")
    return Document(
        id=content_id(cleaned.text),
        text=cleaned.text,
        title=title or cleaned.title,
        url=meta.get("url") or None,
        published=meta.get("date") or None,
        source=meta.get("sitename") or meta.get("hostname") or None,
        author=meta.get("author") or None,
        origin=source,
    )

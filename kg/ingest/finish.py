"""The last step of every text-bearing input: cut the dateline, join the paragraphs, identify the language.

>>> text, dateline, language = finish_text(["VALDORA (Reuters) - Dock workers went back to work.", "Talks resume."])
>>> text, dateline, language
('Dock workers went back to work.\\n\\nTalks resume.', Dateline(place='VALDORA', agency='Reuters'), None)
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.ingest.dateline import split_dateline
from kg.ingest.language import detect_language
from kg.model import Dateline

__all__ = ["finish_text"]


def finish_text(paragraphs: Sequence[str]) -> tuple[str, Dateline | None, str | None]:
    """Paragraphs joined by blank lines (one paragraph a sentence start for the parser), the dateline cut from
    the first one, and the language of the whole."""
    kept = list(paragraphs)
    dateline = None
    if kept:
        split = split_dateline(kept[0])
        if split is not None:
            dateline, kept[0] = split
    text = "\n\n".join(p for p in kept if p.strip())
    return text, dateline, detect_language(text)

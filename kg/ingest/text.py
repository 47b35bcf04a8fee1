"""Plain-text articles: split into blocks and drop the site furniture around the story.

Pages saved as text keep the site's furniture: a "Support us!" banner, photo credits, newsletter boxes,
donation appeals, "Read more" links. None of it is news, and all of it would turn into nonsense triples.
The rules below use general signals only, never strings from one site:

* **call to action**: a short block that starts with an imperative a site uses on its readers
  ("Sign up", "Subscribe", "Support", "Donate", "Read more", "Share", "Follow"...), or has a sentence
  that does ("Already a subscriber? Log in");
* **reader address**: the site speaking to its readers in the first person plural or second person
  ("we", "our", "you", "your") outside quotation marks, which news prose does not do;
* **fragment**: a short block that is not a sentence (no verb-like length, no final punctuation) such as
  menu items, button labels, section labels;
* **credit**: a short line of names separated by slashes, or starting with "Photo"/"Image"/"Credit", or ©;
* **position**: near the bottom of the page, a short prose-like line between furniture blocks goes with them
  (footers mix buttons with the odd sentence-shaped line).

>>> cleaned = clean_text("Subscribe now!\\n\\nHalvorsen met Mwangi in Nairobi on Monday.\\n\\nRead more")
>>> cleaned.text
'Halvorsen met Mwangi in Nairobi on Monday.'
>>> [reason for _, reason in cleaned.dropped]
['call to action', 'call to action']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CleanText", "clean_text", "split_blocks"]

_CTA = re.compile(
    r"^(?:please\s+)?(?:sign\s+up|sign\s+in|log\s+in|subscribe|support|donate|contribute|register|join|"
    r"read\s+more|read\s+next|read\s+also|see\s+also|share|follow|click|tap|download|watch|listen|"
    r"remind\s+me|continue|learn\s+more|get\s+(?:the|our)|never\s+miss|don't\s+miss|try|upgrade|"
    r"become\s+a|give|help\s+us|thank\s+you)\b",
    re.IGNORECASE,
)
# First person plural and second person: the site talking to its readers.
_READER_WORDS = re.compile(r"\b(?:we|we're|we've|our|ours|us|you|you're|you've|your|yours)\b", re.IGNORECASE)
# Double quotes, and single ones whose closing mark is not an apostrophe inside a word ("‘We’ll go,’ he said").
_QUOTED = re.compile(r"[\"“”«»].*?[\"“”«»]|(?<!\w)['‘].*?['’](?!\w)", re.DOTALL)
_CREDIT = re.compile(r"^(?:photo|image|picture|credit|source|video|illustration)s?\b|©|\(c\)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_FRAGMENT_WORDS = 8  # a block shorter than this with no final punctuation is a label, not prose


@dataclass(frozen=True, slots=True)
class CleanText:
    """The article text kept, its first headline-like line, and what was dropped with the reason."""

    text: str
    title: str | None
    dropped: tuple[tuple[str, str], ...]


def split_blocks(text: str) -> list[str]:
    """Paragraph-like blocks: non-empty lines, stripped (saved pages put one paragraph on a line)."""
    return [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def _words(block: str) -> list[str]:
    return _WORD.findall(block)


def _is_headline(block: str) -> bool:
    """Title Case, no final full stop, several words: how headlines look."""
    words = _words(block)
    if len(words) < 4 or block.endswith((".", ":")):
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or len(w) <= 3)
    return capitalised / len(words) >= 0.8


def furniture_reason(block: str) -> str | None:
    """Why a block is site furniture rather than article text, or None when it looks like prose."""
    words = _words(block)
    n = len(words)
    sentence_like = bool(_SENTENCE_END.search(block))
    if _CTA.match(block) and (n <= 12 or block.endswith("!") or _READER_WORDS.search(block)):
        return "call to action"
    if n <= 12 and any(_CTA.match(s) for s in _SENTENCE_BREAK.split(block)[1:]):
        return "call to action"  # "Already a subscriber? Log in", "Enjoying this story? Support our work."
    unquoted = _QUOTED.sub(" ", block)
    reader = len(_READER_WORDS.findall(unquoted))
    if reader >= 2 or (reader == 1 and n <= 12):
        return "addresses the reader"
    if n <= 6 and ("/" in block or _CREDIT.search(block)) and not sentence_like:
        return "credit"
    if n < _FRAGMENT_WORDS and not sentence_like and not _is_headline(block):
        return "fragment"
    return None


_TRAILING = re.compile(r"^(?P<prose>.*[.!?][\"'”’)]*)\s+(?P<tail>[^.!?]+)$", re.DOTALL)


def strip_trailing_credit(block: str) -> tuple[str, str | None]:
    """Split a photo credit glued to the end of a caption ("... in Mombasa. Ola Berg / Nordic Wire")."""
    match = _TRAILING.match(block)
    if match and furniture_reason(match["tail"]) == "credit":
        return match["prose"], match["tail"]
    return block, None


def clean_text(text: str) -> CleanText:
    """Keep the article's prose blocks, joined by blank lines; the first headline-like block becomes the title."""
    blocks: list[str] = []
    credits: list[tuple[str, str]] = []
    for block in split_blocks(text):
        block, credit = strip_trailing_credit(block)
        blocks.append(block)
        if credit:
            credits.append((credit, "credit"))
    reasons = [furniture_reason(b) for b in blocks]

    # Position: walk back from the end of the page while blocks are furniture; a short prose-like line
    # sandwiched between furniture blocks there (a footer's odd sentence) goes with them.
    cut = len(blocks)
    first_prose = next((i for i, r in enumerate(reasons) if r is None), len(blocks))
    for i in range(len(blocks) - 1, -1, -1):
        sandwiched = cut == i + 1 and i - 1 > first_prose and reasons[i - 1] is not None and len(_words(blocks[i])) < 20
        if sandwiched and reasons[i - 1] == "credit" and reasons[i - 2] is None:
            sandwiched = False  # a photo credit right after prose is inside the article: the story goes on below it
        if reasons[i] is None and not sandwiched:
            break
        cut = i
    for i in range(cut, len(blocks)):
        reasons[i] = reasons[i] or "page footer"

    title: str | None = None
    kept: list[str] = []
    dropped: list[tuple[str, str]] = credits
    for block, reason in zip(blocks, reasons, strict=True):
        if reason is not None:
            dropped.append((block, reason))
        elif title is None and not kept and _is_headline(block) and not _SENTENCE_END.search(block):
            # Headlines are telegraphic ("Minister Makes First Visit to Kenya, Meets President"): metadata, not prose.
            title = block
        else:
            kept.append(block)
    return CleanText("\n\n".join(kept), title, tuple(dropped))

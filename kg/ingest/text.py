"""Plain-text articles: split into blocks and drop the site furniture around the story.

Pages saved as text keep the site's furniture: a "Support us!" banner, photo credits, newsletter boxes,
donation appeals, "Read more" links. None of it is news, and all of it would turn into nonsense triples.
The rules below use general signals only, never strings from one site, and each one is named in
``CleanText.dropped``:

* **call to action**: a short block that starts with an imperative a site uses on its readers
  ("Sign up", "Subscribe", "Support", "Donate", "Read more", "Share", "Follow"...), or has a sentence
  that does ("Already a subscriber? Log in");
* **appeal to the reader**: the site speaking to its readers ("we", "our", "you", "your", outside quotation
  marks) *about its own business*: subscriptions, newsletters, donations, its journalism, cookies, accounts.
  Reader address alone is not enough: columnists, quoted speakers and explainers say "we" and "you" in
  article prose, and that prose stays;
* **byline** and **credit line**: "By Jane Roe", "Jane Roe, Staff Writer", "Additional reporting by ...",
  "... contributed to this report", an editor's or photographer's credit, a copyright line;
* **contact line**: an e-mail address, a social handle or a "write to / follow" line signing off the story;
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

# Imperatives only a site says to its readers: a block of up to 12 words that opens with one is a button or a box.
_CTA = re.compile(
    r"^(?:please\s+)?(?:sign\s+up|sign\s+in|log\s+in|subscribe|donate|register|read\s+more|read\s+next|"
    r"read\s+also|see\s+also|share|click|tap|remind\s+me|continue\s+reading|learn\s+more|get\s+(?:the|our)|"
    r"never\s+miss|don['’]t\s+miss|upgrade|become\s+a|help\s+us|thank\s+you|follow\s+us)\b",
    re.IGNORECASE,
)
# Imperatives that how-to prose uses too ("Try a regular schedule", "Give it a week"): a call to action only
# when the block is a label (five words or fewer), shouts ("Support us!"), or names the site's business.
_SOFT_CTA = re.compile(
    r"^(?:please\s+)?(?:support|contribute|join|follow|download|watch|listen|continue|try|give)\b", re.IGNORECASE
)
# First person plural and second person: the site talking to its readers.
_READER_WORDS = re.compile(r"\b(?:we|we're|we've|our|ours|us|you|you're|you've|your|yours)\b", re.IGNORECASE)
# What a site talks to its readers about when it is not reporting: its subscriptions, newsletters, donations,
# accounts, cookies and its own journalism. Together with reader address this marks an appeal; article prose
# that says "we" or "you" about anything else is left alone.
_SITE_BUSINESS = re.compile(
    r"\b(?:subscri\w*|unsubscri\w*|newsletters?|donat\w*|membership|paywalls?|cookies|privacy\s+policy|"
    r"ad[- ]?blocker|free\s+articles?|journalism|journalists|our\s+(?:work|staff|newsroom|reporting|reporters|"
    r"readers?|site|website|content|mission|coverage|members)|your\s+(?:support|donation|privacy)|support\s+us)\b",
    re.IGNORECASE,
)
# Sign-off lines: who wrote, reported, edited or photographed the story.
_BYLINE = re.compile(
    r"^(?:by|from|words\s+by|text\s+by)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|,|de|van|von|al|bin))*\s*$"
    r"|^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3},?\s+(?:[\w.'’&-]+\s+){0,4}"
    r"(?:writer|correspondent|reporter|editor|contributor|columnist|staff)s?\.?$"
    r"|^staff\s+reports?$",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|editing|writing|research|graphics|photos?)\s+by\b"
    r"|\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b"
    r"|^(?:copyright\b|©)|\ball\s+rights\s+reserved\b|\bfor\s+your\s+personal,?\s+non-?commercial\s+use\b"
    r"|\bmay\s+not\s+be\s+(?:re)?(?:published|produced|broadcast|distributed)\b",
    re.IGNORECASE,
)
# Wire-service slugs, the story's filing label: "AP-US--Harbour-Strike, 2nd Ld-Writethru".
_SLUG = re.compile(r"^[A-Z]{2,3}-[A-Z]{2,}(?:-{1,2}[\w-]+)+(?:,\s+[\w -]+)?$|\bLd-Writethru\b")
# When the page was published or updated, on a line of its own.
_TIMESTAMP = re.compile(
    r"(?:^|\|\s*)(?:(?:first|last)\s+)?(?:updated|published|posted|modified)\b(?:\s+(?:on|at))?\s*:?\s*[\w ,.:]*\d",
    re.IGNORECASE,
)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w@])@\w{2,}|\b(?:twitter|facebook|instagram)\.com/\w+")
_CONTACT = re.compile(
    r"\b(?:write\s+to|e-?mail|contact|reach(?:ed)?|follow)\b(?:(?!\.\s).)*?(?:[\w.+-]+@[\w-]+\.\w|@\w{2,}|twitter)",
    re.IGNORECASE,
)
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


def sign_off_reason(block: str) -> str | None:
    """Bylines, photo credits, credit and contact lines: the story's sign-off, never its prose (all are short)."""
    # complex: one test per shape of sign-off line, each a line.
    n = len(_words(block))
    if n <= 6 and ("/" in block or _CREDIT.search(block)) and not _SENTENCE_END.search(block):
        return "credit"
    if n <= 12 and _BYLINE.match(block.strip(" -–—")):
        return "byline"
    if n <= 40 and _CREDIT_LINE.search(block):
        return "credit line"
    if n <= 8 and _SLUG.search(block):
        return "wire slug"
    if n <= 15 and _TIMESTAMP.search(block):
        return "timestamp"
    if n <= 40 and _CONTACT.search(block):
        return "contact line"
    if n <= 6 and _ADDRESS.search(block) and len(_words(_ADDRESS.sub(" ", block))) <= 2:
        return "contact line"  # an e-mail address or a handle alone on its line, perhaps with a name
    return None


_APPEAL_WORDS = 25  # longer blocks need two signs of the site's business, or a call to action among their sentences


def _talks_business(text: str, n: int) -> bool:
    """Whether a block is about the site's own business (one sign in a short block, two in a long one)."""
    signs = {m.lower() for m in _SITE_BUSINESS.findall(text)}
    if len(signs) >= 2:
        return True
    return bool(signs) and (n <= _APPEAL_WORDS or any(_CTA.match(s) for s in _SENTENCE_BREAK.split(text)[1:]))


def appeal_reason(block: str) -> str | None:
    """Calls to action and the site's appeals to its readers, wherever they sit on the page."""
    # complex: one test per shape of appeal, each a line.
    n = len(_words(block))
    unquoted = _QUOTED.sub(" ", block)
    business = _READER_WORDS.search(unquoted) is not None and _talks_business(unquoted, n)
    addressed = _ADDRESS.search(block) or _URL.search(block)
    if _CTA.match(block) and (n <= 12 or block.endswith("!") or business or addressed):
        return "call to action"
    if _SOFT_CTA.match(block) and (n <= 5 or block.endswith("!") or business or addressed):
        return "call to action"
    if n <= 12 and any(_CTA.match(s) or _SOFT_CTA.match(s) for s in _SENTENCE_BREAK.split(block)[1:]):
        return "call to action"  # "Already a subscriber? Log in", "Enjoying this story? Support our work."
    if business:
        return "appeal to the reader"
    return None


def furniture_reason(block: str) -> str | None:
    """Why a block is site furniture rather than article text, or None when it looks like prose."""
    reason = appeal_reason(block) or sign_off_reason(block)
    if reason:
        return reason
    n = len(_words(block))
    if n < _FRAGMENT_WORDS and not _SENTENCE_END.search(block) and not _is_headline(block):
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
    # complex: the block walk and the position rule share the running state of the page.
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

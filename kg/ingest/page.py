"""Web pages: what trafilatura kept, minus what is provably not article prose.

trafilatura finds the article element and drops navigation, comments and most boxes. What it keeps inside
the article element still holds page furniture: the headline and standfirst again, photo captions, lists of
related links, newsletter boxes, bylines and credit lines. Each rule below removes one kind, using what the
page itself says (its title and description, the text of its links, the alt text and captions of its images)
or the sign-off signals of :mod:`kg.ingest.text`:

* **repeated headline**: a line that is the page's title (or the title with the site's name around it);
* **standfirst**: a heading that repeats the page's description (the summary under the headline);
* **photo caption**: a line that is, or starts with, an image's alt text or figure caption;
* **related links**: a line that is the text of one of the page's links, alone or after a label such as
  "Read more:" or "Related:", or a list item that starts with one (a headline with its teaser); and a bare
  label ("More:", "You may also like") that introduces such a list;
* **call to action**, **appeal to the reader**, **byline**, **credit line**, **contact line**: as for text;
* **repeated block**: a line the page already gave (galleries repeat their captions);
* **menu item**: a line of one to three words that is one of the page's links ("Home", "World");
* **box label**: a paragraph of one to three words next to furniture ("Image", "Close", "1 of 8");
* **no words**: separators and counters ("___", "1 / 8").

Article paragraphs (``p`` lines that are not links, captions or sign-offs) are never touched by the
reader-address signals alone.

>>> page = PageSignals(title="Ferry Service Resumes", links=frozenset({"ferry prices rise again"}))
>>> lines = [Line("Ferry Service Resumes", "head"), Line("The ferry sailed on Saturday.", "p"),
...          Line("Read more: Ferry prices rise again", "p")]
>>> [line_reason(line, page) for line in lines]
['repeated headline', None, 'related links']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.ingest.text import appeal_reason, sign_off_reason

__all__ = ["Line", "PageSignals", "line_reason", "normalise", "page_reasons"]

_TOKEN = re.compile(r"[^\W_]+")  # words and numbers; "___" is a separator, not a word
# Labels that introduce links to other stories. Matched at the start of a line, with what follows (a link
# text, or nothing) checked separately: "Related: X" is furniture only when X is a link of the page.
_RELATED_LABEL = re.compile(
    r"^[\[(]?\s*(?:related(?:\s+(?:posts?|stories|articles?|coverage|content|links?|reading))?|"
    r"read\s+(?:more|also|next)|see\s+(?:more|also)|also\s+(?:on\s+\S+|read|see)|more(?:\s+(?:from|on|about)\s+[^:]+)?|"
    r"more\s+(?:stories|news|coverage)|don'?t\s+miss|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed|shared)"
    r"(?:\s+in\s+[^:]+)?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|trending(?:\s+now)?|top\s+stories|"
    r"editor'?s\s+picks?|further\s+reading|watch|video|(?:the\s+)?latest)\b\s*[:.…|–—-]*\s*",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*(?:\s+|(?=[A-Z]))[\"'“‘(]?[A-Z]")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_LIST_MARKER = re.compile(r"^(?:[-*•]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
_FRAGMENT_WORDS = 4
_MIN_LINK_WORDS = 3  # shorter link texts ("Home", "Sport", a name) are everywhere, inside prose too


def normalise(text: str) -> str:
    """Lower-cased words joined by single spaces: how lines are compared with titles, links and captions.

    >>> normalise("‘Storm Hits the Coast!’ — Video")
    'storm hits the coast video'
    """
    return " ".join(_TOKEN.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the extracted text and the kind of element it came from (p, head, item, quote, cell)."""

    text: str
    kind: str = "p"


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the page says about itself: title, description, link texts, image alt texts and captions (normalised
    for links and captions)."""

    title: str | None = None
    description: str | None = None
    links: frozenset[str] = frozenset()
    captions: frozenset[str] = frozenset()


def _starts_with_any(words: Sequence[str], known: frozenset[str], share: float) -> bool:
    """Whether the line's first k words (k >= 3, covering at least ``share`` of it) are one of ``known``."""
    if not known:
        return False
    need = max(_MIN_LINK_WORDS, int(len(words) * share + 0.999))
    return any(" ".join(words[:k]) in known for k in range(len(words), need - 1, -1))


def _is_caption(norm: str, words: Sequence[str], captions: frozenset[str]) -> bool:
    """The line is an image's caption, starts with one (a credit glued after it), or shares most of its words,
    from the start, with one (the alt text carries a credit the page prints apart; a "less" button follows)."""
    if norm in captions or _starts_with_any(words, captions, 0.5):
        return True
    need = max(5, int(0.8 * len(words) + 0.999))
    return len(words) >= 5 and any(_shared_prefix(words, c.split()) >= need for c in captions)


def _shared_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _is_title(norm: str, title: str | None) -> bool:
    if not title or not norm:
        return False
    t = normalise(title)
    # "Headline | Site" or "Site - Headline" in the <title>, the bare headline on the page (or the other way)
    return norm == t or (len(norm.split()) >= 4 and (t.startswith(norm) or t.endswith(norm) or norm.startswith(t)))


def _linked_prefix(text: str, links: frozenset[str], share: float) -> int | None:
    """Where the longest link text that opens ``text`` ends (covering ``share`` of its words), or None."""
    spans = [m.span() for m in _TOKEN.finditer(text.lower())]
    words = [text[a:b].lower() for a, b in spans]
    need = max(_MIN_LINK_WORDS, int(len(words) * share + 0.999))
    for k in range(len(words), need - 1, -1):
        if " ".join(words[:k]) in links:
            return spans[k - 1][1]
    return None


def _headline_shaped(text: str) -> bool:
    """One unit with no sentence break inside and no full stop at the end: a headline, not a paragraph."""
    return not _SENTENCE_BREAK.search(text) and not text.rstrip(" \"'”’)]").endswith(".")


def _related(text: str, page: PageSignals, kind: str) -> bool:
    label = _RELATED_LABEL.match(text)
    if label and label.end() > 0:
        rest = normalise(text[label.end() :]).split()
        if not rest or (len(rest) <= 6 and not text.rstrip().endswith(".")):
            return True  # a bare label ("More:", "DON'T MISS", "Most read in world news")
        if _URL.search(text):
            return True  # "More coverage: https://..."
        if _linked_prefix(text[label.end() :], page.links, 0.5) is not None:
            return True
    end = _linked_prefix(text, page.links, 0.2 if kind == "item" else 0.75)
    if end is None or not _headline_shaped(text[:end]):
        # A link to another story is a headline: a linked sentence ("The port reopened." then more) is a summary
        # of the page's own, and a pull quote set as a share link is prose.
        return False
    after = text[end:].lstrip()
    # After a linked headline comes nothing or its teaser, a new unit ("Ferry Fares Rise Hauliers say ...");
    # a full stop, or a sentence going on in lower case ("Your rights as a passenger depend ..."), is prose.
    return not after or not (after[0] == "." or after[0].islower())


def line_reason(line: Line, page: PageSignals) -> str | None:
    """Why one line is not article prose, or None."""
    text = _LIST_MARKER.sub("", line.text.strip()) if line.kind == "item" else line.text.strip()
    norm = normalise(text)
    words = norm.split()
    if not words:
        return "no words"
    if _is_title(norm, page.title):
        return "repeated headline"
    if line.kind == "head" and page.description and norm == normalise(page.description):
        return "standfirst"
    if len(words) >= _MIN_LINK_WORDS and _is_caption(norm, words, page.captions):
        return "photo caption"
    if _related(text.strip("[]() "), page, line.kind):
        return "related links"  # in a list, a linked headline followed by its teaser counts too
    reason = appeal_reason(text) or sign_off_reason(text)
    if reason is None and len(words) < _FRAGMENT_WORDS and norm in page.links and not _SENTENCE_END.search(text):
        return "menu item"  # "Home", "World", "Comments": a short line that is one of the page's links
    return reason


_REPEAT_WINDOW = 3


def page_reasons(lines: Sequence[Line], page: PageSignals) -> list[str | None]:
    """``line_reason`` for every line, plus **repeated block** for a line that repeats one of the three before it.

    Only near repeats: galleries and slideshows print a caption twice in a row, while an interview page may
    ask every guest the same question, and that is article text.
    """
    reasons: list[str | None] = []
    norms = [normalise(line.text) for line in lines]
    for i, line in enumerate(lines):
        reason = line_reason(line, page)
        if reason is None and len(norms[i].split()) >= 4 and norms[i] in norms[max(0, i - _REPEAT_WINDOW) : i]:
            reason = "repeated block"
        reasons.append(reason)
    return _box_labels(lines, norms, reasons)


def _box_labels(lines: Sequence[Line], norms: Sequence[str], reasons: list[str | None]) -> list[str | None]:
    """**box label**: a paragraph of one to three words, no final punctuation, next to furniture ("Image",
    "Close", "1 of 8" around a gallery's caption). Alone between two story paragraphs, such a line stays."""
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            short = line.kind == "p" and len(norms[i].split()) < _FRAGMENT_WORDS
            if reasons[i] is not None or not short or _SENTENCE_END.search(line.text):
                continue
            if (i > 0 and reasons[i - 1] is not None) or (i + 1 < len(lines) and reasons[i + 1] is not None):
                reasons[i] = "box label"
                changed = True
    return reasons

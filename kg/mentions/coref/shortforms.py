"""Short forms of an organisation's name in the same document, and names with a nationality in front.

Three named rules, each only when exactly one longer name fits:

* ``prefix``: a name that is the first words of an organisation's name ("Harbor Lines" after "Harbor Lines
  Shipping Group") is that organisation, unless the rest names a body of it ("Harbor Lines Council");
* ``suffix``: a name that is the last words of an organisation's name, without its company word ("Lindgren"
  after "Lindgren Motor Co.", "Herons" after "Tarvik Herons") is that organisation, unless it is the
  surname of a person the document names (then it is that person's); when it fits several, the one whose
  name has a company word ("Lindgren" beside "Lindgren Motor Co." and "Lindgren Channel"). A newspaper is
  written with its article ("the Times" after "the Harbour Times"); a bare "Tribune" or "Gazette" is a
  company of that name (the papers' owners often are), so it joins no newspaper;
* ``club``: a place named like a club of the same document ("Tarvik" and "FC Tarvik", "Tarvik United", the
  "Tarvik Herons") is the club wherever it is not a place ("Tarvik won", "Tarvik's coach"; "in Tarvik"
  stays the town). Newspapers also take their city's name ("Tarvik Times"): a place never joins a newspaper.
* ``nationality``: a name that is a nationality in front of a name of the same document ("Norlandic
  Herons" beside "Herons") is the name: the nationality says where it is from.

A country or capital the gazetteer knows never joins anything ("Kenya" is not "Kenya Airways"); a person's name,
a nationality or party adjective ("Republican") and an acronym are not short forms; a longer "name" the NER ran
together from several ("Starship, Blue Origin") is not joined.
"""

from __future__ import annotations

import re

from kg.mentions.coref.context import Context, Resolved, place_slot
from kg.model import Mention

__all__ = ["RULE", "resolve_short_forms"]

RULE = "coref.short"
_COMPANY = re.compile(
    r"\s+(?:inc\.?|corp\.?|corporation|co\.?|company|ltd\.?|llc|plc|group|holdings|ag|gmbh|s\.?a\.?)$", re.IGNORECASE
)
_CLUB_PREFIX = re.compile(r"^(?:fc|afc|ac|cf|sc|ssc|as|real|sporting|club)\s+", re.IGNORECASE)
_CLUB_WORDS = frozenset({"fc", "afc", "cf", "sc", "united", "city", "athletic", "club", "rovers", "wanderers"})
_NEWSPAPER_WORDS = frozenset({"times", "news", "post", "herald", "tribune", "journal", "gazette", "chronicle"})
# Words that are part of many names and name nothing alone ("United", "New", "National").
_GENERIC = frozenset(
    {"new", "national", "united", "general", "international", "first", "american", "royal", "city", "group", "bank"}
)
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le", "del", "&"})
_BODY_WORDS = frozenset(
    {
        "department", "committee", "council", "league", "association", "commission", "agency", "office",
        "ministry", "division", "board", "court", "county", "cup", "championship", "foundation",
    }
)  # fmt: skip


def _core(label: str) -> list[str]:
    """An organisation's name without its company word or club prefix: "Lindgren Motor Co." -> Lindgren Motor."""
    return _CLUB_PREFIX.sub("", _COMPANY.sub("", label)).split()


def _is_club(label: str, place: str) -> bool:
    """ "FC Tarvik", "Tarvik United", "Tarvik Herons": the place's name and a club word or a plural (one or
    two capitalised words: "Tarvik Department of Health Services" is no club)."""
    words = label.split()
    rest = [w for w in words if w.casefold() != place.casefold()]
    if len(rest) != len(words) - len(place.split()) or not rest or len(rest) > 2:
        return False
    if not all(w[:1].isupper() for w in rest):
        return False
    if any(w.casefold() in _NEWSPAPER_WORDS for w in rest):
        return False
    last = rest[-1]
    return any(w.casefold() in _CLUB_WORDS for w in rest) or (last.endswith("s") and not last.endswith("ss"))


def _well_formed(label: str) -> bool:
    """An organisation name, not a stretch of text the NER ran together ("Starship, Blue Origin", "Acme to
    Lindgren Motor Co.", lower-case phrases)."""
    words = label.split()
    return label[:1].isupper() and "," not in label and all(w[:1].isupper() or w in _CONNECTORS for w in words)


def _part_of(prefix: list[str], long_words: list[str]) -> bool:
    """ "Harbor Lines" is the first words of "Harbor Lines Shipping Group"; not of a body of it ("Velvet
    Harbor Department", "Velvet League"): a department, committee or league of X is not X."""
    rest = long_words[len(prefix) :]
    return long_words[: len(prefix)] == prefix and not any(w in _BODY_WORDS for w in rest)


def _with_article(ctx: Context, m: Mention) -> bool:
    """Whether "the" opens the mention or stands right before it ("The Times said", "in the Times")."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    return first.lower_ == "the" or (first.i > 0 and ctx.doc[first.i - 1].lower_ == "the")


def _longer(ctx: Context, m: Mention, organisations: list[Mention], surnames: set[str]) -> Mention | None:
    """The one organisation of the document that ``m`` is a short form of, if exactly one."""
    # complex: the guards of a short form (person, party, acronym, department) are one rule read together.
    words = m.label.split()
    folded = [w.casefold() for w in words]
    if len(words) == 1 and folded[0] in _GENERIC:
        return None
    if folded[-1] in _NEWSPAPER_WORDS and not _with_article(ctx, m):
        return None  # a paper is "the Times"; a bare "Tribune" is the company of that name, not "the Daily Tribune"
    place = ctx.gazetteer.place(m.label) is not None  # a real place: it joins only a club named after it
    # a person, a nationality, a natural place ("the Moon" beside the lander "Blue Moon") or an acronym is not
    # the short form of an organisation's name
    named = not place and m.ner not in ("PERSON", "PER", "NORP", "LOC") and not m.label.isupper()
    found: dict[str, Mention] = {}
    for org in organisations:
        long_words = [w.casefold() for w in org.label.split()]
        core = [w.casefold() for w in _core(org.label)]
        if len(long_words) <= len(words) or org.label == m.label or not _well_formed(org.label):
            continue
        if place:
            if _is_club(org.label, m.label):
                found.setdefault(org.label, org)
        elif named and (_part_of(folded, long_words) or (core[-len(folded) :] == folded and m.label not in surnames)):
            found.setdefault(org.label, org)
    # "Lindgren" beside "Lindgren Motor Co." and "Lindgren Channel": the company (its name says so)
    companies = {label: org for label, org in found.items() if _core(label) != label.split()}
    for candidates in (found, companies):
        if len(candidates) == 1:
            return next(iter(candidates.values()))
    return None


def _nationality_name(ctx: Context, m: Mention, labels: dict[str, Mention]) -> Mention | None:
    """ "Norlandic Herons" beside "Herons": the name without the nationality in front of it."""
    first, _, rest = m.label.partition(" ")
    demonym = ctx.gazetteer.lookup(first)
    if not rest or demonym is None or demonym.rule != "demonym":
        return None
    return labels.get(rest.casefold())


def resolve_short_forms(ctx: Context, resolved: Resolved) -> None:
    """Short forms and nationality-prefixed names to the name they stand for, as ``coref.short``."""
    # complex: short forms, club names and nationality prefixes share one pass over the document's names.
    labels = {m.label.casefold(): m for m in ctx.names.values()}
    # "Norwegian Herons" beside "Herons" is the Herons: not a longer name "Herons" is short for
    national = {m.label for m in ctx.names.values() if _nationality_name(ctx, m, labels) is not None}
    organisations = sorted(
        (m for m in ctx.names.values() if m.ner == "ORG" and len(m.label.split()) > 1 and m.label not in national),
        key=lambda m: m.label,
    )
    surnames = {m.label.split()[-1] for m in ctx.names.values() if m.ner in ("PERSON", "PER") and " " in m.label}
    for i, m in sorted(ctx.names.items()):
        if i in resolved or (m.ner in ("PERSON", "PER") and m.label in surnames):
            continue
        known = ctx.gazetteer.lookup(m.label)
        if known is not None and known.type in ("Country", "City", "Group"):
            continue
        target = _nationality_name(ctx, m, labels) or _longer(ctx, m, organisations, surnames)
        token = ctx.doc[i]
        if target is None or (target.ner == "ORG" and place_slot(token) and _is_club(target.label, m.label)):
            continue
        resolved[i] = (ctx.mention(token, target.label, target.ner, RULE, 0.9),)

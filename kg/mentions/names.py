"""Names: the tokens that name something, from the NER and the gazetteer, before any coreference.

Every named-entity span is one token after :func:`prepare` (so "Karim al-Nasser" is one argument however the
parser attached its pieces); a proper noun the NER missed is still a place when the gazetteer knows it as a
country or capital.

>>> clean_label("the Nordic Council's")
'Nordic Council'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.ontology import Ontology
    from kg.ontology.gazetteer import Gazetteer, Name

__all__ = [
    "ENTITY_LABELS",
    "NAME_PARTICLES",
    "QUALIFIER_LABELS",
    "REGION_AFTER_TOWN",
    "clean_label",
    "employer_slot",
    "find_names",
    "has_age",
    "prepare",
    "token_mention",
]

# spaCy labels that name things a graph keeps (numbers, dates, money... are qualifiers, not nodes).
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "PER", "MISC"}
)
QUALIFIER_LABELS = frozenset({"DATE", "TIME"})
# The rule of a region named after a town and a comma ("Tacoma, Washington"): the region, not a namesake city
REGION_AFTER_TOWN = "region-after-town"
_PREPARED = "kg_prepared"


def _runs(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of proper nouns in ``doc[start:end]``."""
    runs, run = [], []
    for i in range(start, end + 1):
        if i < end and doc[i].pos_ == "PROPN":
            run.append(i)
        elif run:
            runs.append((run[0], run[-1] + 1))
            run = []
    return runs


def _participle(token: Token, label: str) -> bool:
    """Whether a capitalised first word is a verb's -ing form: tagged so, or, in a person's name the tagger
    took for a proper noun, a word English dictionaries list as a verb form ("Hosting", not "Sterling")."""
    if token.tag_ == "VBG" and token.lemma_ != token.text:
        return True
    if label not in ("PERSON", "PER") or not token.text.endswith("ing"):
        return False
    from lemminflect import getAllLemmas  # the dictionary kg's lemma repair already uses

    return bool(getAllLemmas(token.text.lower()).get("VERB"))


# After a comma these still belong to the name: "Acme, Inc.", "Jon Moe, Jr.".
_NAME_TAILS = frozenset({"inc", "jr", "sr", "ltd", "llc", "co", "corp", "plc", "ii", "iii", "iv", "esq"})


# Lower-case words a person's name may hold or open ("de Gaulle", "van Dijk", "al-Assad", "bin Salman").
NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el", "y",
     "dos", "das", "ter", "ten", "zu"}
)  # fmt: skip


def _lower_word(text: str) -> bool:
    """A lower-case word that is no name particle ("rang" in "rang Holt"; not "van", "al-")."""
    return text.isalpha() and text.islower() and text not in NAME_PARTICLES


def _listed_inside(ent: Span) -> bool:
    """A comma between names an organisation or person span ran together ("Porto, Real Oviedo"); places keep
    theirs ("Paris, Texas")."""
    if ent.label_ not in ("ORG", "PERSON", "PER", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"):
        return False
    commas = [t.i for t in ent[1:-1] if t.text == ","]
    if not commas or any(t.lower_.rstrip(".") in _NAME_TAILS for t in ent if t.i > commas[0]):
        return False
    # "Ministry of Fisheries, Ports and Energy": a comma inside the name's own "of" list
    return not any(t.lower_ in ("of", "for", "and", "&") for t in ent)


def _pieces(doc: Doc, ent: Span, gazetteer: Gazetteer | None, surnames: set[str]) -> list[tuple[int, int, str]] | None:
    """How one named-entity span splits, or None when it is one name:

    * a verb, a "to" or a list's comma inside ("Ana Lind beat Rena Holt", "Hipwave to Augme Corp", "Porto, Real
      Oviedo"): names around it, each run of proper nouns its own span;
    * a participle opening the sentence ("Hosting Lind at dinner, Berg said"), or a lower-case word opening a
      person's name ("and rang Holt"): the name after it;
    * a person's name after a country's or a known organisation's ("Norway Ivar Lind", as in "the envoy to
      Norway Ivar Lind"; "the EU Ivar Lind"): the country or organisation and the person, when the span is a
      person's or ends with a surname the document gives a person alone (the NER may call the whole an
      organisation)."""
    # complex: the ways one NER span is several names, or a name and a word before it, are tried on one span.
    # "Lind beat Holt", "sold Hipwave to Augme Corp": a verb, or a "to" that only a sentence puts between names
    to_inside = ent.label_ in ENTITY_LABELS and any(t.text == "to" for t in ent[1:-1])  # not "6 to 7 %"
    if to_inside or _listed_inside(ent) or any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in ent[1:-1]):
        return [(a, b, ent.label_) for a, b in _runs(doc, ent.start, ent.end)]
    if len(ent) > 1 and ent[0].is_sent_start and _participle(ent[0], ent.label_):
        return [(ent.start + 1, ent.end, ent.label_)]  # "Hosting Lind at dinner, ...": the verb opens the clause
    if len(ent) > 1 and ent.label_ in ("PERSON", "PER") and _lower_word(ent[0].text):
        return [(ent.start + 1, ent.end, ent.label_)]  # "and rang Holt": a lower-case word opens no one's name
    person = ent.label_ in ("PERSON", "PER") or (ent.label_ == "ORG" and ent[-1].text in surnames)
    if gazetteer is None or not person or len(ent) < 3:
        return None
    for cut in range(ent.start + 1, ent.end - 1):
        known = gazetteer.lookup(doc[ent.start : cut].text)
        rest = doc[cut : ent.end]
        if known is None or known.type not in ("Country", "Organization"):
            continue
        if len(rest) > 1 and all(t.pos_ == "PROPN" for t in rest):
            return [(ent.start, cut, "GPE" if known.type == "Country" else "ORG"), (cut, ent.end, "PERSON")]
    return None


def _split_ents(doc: Doc, gazetteer: Gazetteer | None) -> None:
    """Named-entity spans that are several names, split (see :func:`_pieces`)."""
    from spacy.tokens import Span

    ents, changed = [], False
    surnames = {e[-1].text for e in doc.ents if e.label_ in ("PERSON", "PER")}
    for ent in doc.ents:
        pieces = _pieces(doc, ent, gazetteer, surnames)
        if pieces is None:
            ents.append(ent)
            continue
        changed = True
        ents.extend(Span(doc, a, b, label=label) for a, b, label in pieces)
    if changed:
        doc.ents = ents


def prepare(doc: Doc, gazetteer: Gazetteer | None = None) -> Doc:
    """Merge every named-entity span into one token (idempotent): the one change kg commits to a parsed Doc;
    everything after reads it without changing it. Spans that are several names are split first."""
    if doc.user_data.get(_PREPARED):
        return doc
    _split_ents(doc, gazetteer)
    with doc.retokenize() as retokenizer:
        for ent in doc.ents:
            if len(ent) > 1:
                retokenizer.merge(ent)
    doc.user_data[_PREPARED] = True
    return doc


def has_age(token: Token) -> bool:
    """A name followed by an age between commas is a person's, whatever the NER said: "Tove Ruud, 43,"."""
    return any(
        c.dep_ in ("appos", "amod", "npadvmod") and c.text.isdecimal() and 0 < int(c.text) < 120 for c in token.rights
    )


def clean_label(text: str) -> str:
    """A mention's text as a name: no leading article, no possessive, no bracket left open, single spaces.

    >>> clean_label("the Tarvik Index (TRVX"), clean_label("Acme Corp.'s"), clean_label("the Herons and")
    ('Tarvik Index', 'Acme Corp.', 'Herons')
    >>> clean_label("’s Kestrel prison")  # the NER began at the possessive of the word before
    'Kestrel prison'"""
    words = text.replace("’", "'").split()
    if len(words) > 1 and words[0] in ("'s", "'"):
        words = words[1:]
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in ("and", "or", "&", "of"):
        words = words[:-1]  # "the Sabres and": the NER ran into a list
    label = " ".join(words)
    for suffix in ("'s", "'"):
        if label.endswith(suffix) and len(label) > len(suffix) + 1:
            label = label[: -len(suffix)]
    if label.count("(") > label.count(")"):  # "Shanghai Composite (SHCOMP": the NER stopped inside a bracket
        label = label[: label.rindex("(")]
    return label.strip(" \"'“”")


def token_mention(
    document: str, token: Token, label: str, ner: str | None, rule: str, confidence: float = 1.0
) -> Mention:
    """A mention spanning exactly one token."""
    return Mention(document, token.idx, token.idx + len(token.text), token.text, label, ner, rule, confidence)


def corrected_ner(label: str, ner: str, gazetteer: Gazetteer) -> str:
    """The NER label, unless the gazetteer knows the name as a country or capital: "Moldova" tagged as
    an organisation is a place (people keep their label: "Jordan" may be a person)."""
    if ner in ("GPE", "PERSON", "PER", "NORP"):
        return ner
    known = gazetteer.lookup(label)
    if known is not None and known.type in ("Country", "City") and known.rule in ("name", "alias"):
        return "GPE"
    return ner


def _state_after_town(token: Token, label: str, gazetteer: Gazetteer) -> bool:
    """ "Dover, NJ", "Salem, Ore.", "Atlanta, Georgia", "Albany, New York": a region's code or name right after
    a place name and a comma is the region, whatever the NER called it and whatever country or city shares
    its name, unless the town is a known city of another country ("Tbilisi, Georgia")."""
    before = token.doc[token.i - 2] if token.i >= 2 else None
    if before is None or token.doc[token.i - 1].text != "," or before.pos_ != "PROPN":
        return False  # the NER may have missed the town, or taken it for a person ("Gladstone")
    head = token.head if token.dep_ == "conj" else token
    if any(c.dep_ == "cc" for c in (*head.children, *token.children)) or any(c.dep_ == "conj" for c in token.children):
        return False  # "in Oslo, Moscow and Kyiv": a list of places (the parser may join "Town, State" as one)
    town = gazetteer.place(before.text)
    if town is not None and town.type == "Country":
        return False  # "Norway, Sweden": a list of countries
    return gazetteer.region(label, _country_code(town, gazetteer) if town is not None else None) is not None


def _country_code(place: Name, gazetteer: Gazetteer) -> str | None:
    """The ISO code of a city's country ("city:US:tacoma"; a capital by the country it stands for)."""
    if place.key.count(":") == 2:
        return place.key.split(":")[1]
    country = gazetteer.lookup(place.stands_for) if place.stands_for else None
    return country.key.split(":")[1] if country is not None and country.type == "Country" else None


def find_names(doc: Doc, document: str, gazetteer: Gazetteer) -> dict[int, Mention]:
    """Token index -> the name it is, for every named-entity token and every country or capital the NER
    missed."""
    # complex: NER names, gazetteer places the NER missed and mis-tagged demonyms are found in one pass over tokens.
    names: dict[int, Mention] = {}
    for token in doc:
        if token.ent_type_ in ENTITY_LABELS and token.ent_iob_ == "B":
            label = token.ent_kb_id_ or clean_label(token.text)  # a kb id is a name kg set (a party's)
            if not any(c.isupper() or c.isdigit() for c in label):
                continue  # "n't", "bird watcher": no capital letter (nor a digit, as in "9/11"), no name
            ner = "PERSON" if has_age(token) else corrected_ner(label, token.ent_type_, gazetteer)
            rule = "ner"
            if ner != "PERSON" and _state_after_town(token, label, gazetteer):
                ner, rule = "GPE", REGION_AFTER_TOWN
            names[token.i] = token_mention(document, token, label, ner, rule)
        elif token.ent_type_ not in ENTITY_LABELS and token.pos_ == "PROPN" and token.text[:1].isupper():
            known = gazetteer.lookup(token.text)
            if known is None or (token.ent_type_ and known.rule != "demonym"):
                continue
            if known.type in ("Country", "City") and known.rule == "name":
                names[token.i] = token_mention(document, token, token.text, "GPE", "ner")
            elif known.rule == "demonym":  # "Kenyan" the NER took for a number: the people of a country
                names[token.i] = token_mention(document, token, token.text, "NORP", "ner")
    names.update(_repeats(doc, document, names))
    return names


def objects_by_range(doc: Doc, document: str, names: dict[int, Mention], ontology: Ontology) -> dict[int, Mention]:
    """A capitalised proper noun the NER missed that is the object of a verb whose relation takes only
    organisations ("works for Facebook", "joined Acme") is an organisation (rule ``range``). Words English
    dictionaries list ("works for Justice"), and sentence openers, are left alone."""
    found: dict[int, Mention] = {}
    for token in doc:
        words = _unnamed_proper_noun(token, names)
        if words is not None and employer_slot(token, ontology):
            text = doc[words.start : words.end].text
            found[token.i] = Mention(document, words.start_char, words.end_char, text, text, "ORG", "range")
    return found


def _unnamed_proper_noun(token: Token, names: dict[int, Mention]) -> Span | None:
    """The capitalised proper noun (with the capitalised proper nouns compounded before it: "Real Oviedo")
    the NER left unnamed at ``token``, or None."""
    # complex: a name's extent and the guards against ordinary words (dictionary, sentence opener), each a line.
    from lemminflect import getAllLemmas  # the dictionary kg's lemma repair already uses

    if token.i in names or token.ent_type_ or token.pos_ != "PROPN" or token.is_sent_start:
        return None
    start = token.i
    while start > 0 and (prev := token.doc[start - 1]).dep_ == "compound" and prev.head.i == token.i:
        if prev.pos_ != "PROPN" or prev.ent_type_ or prev.i in names or not prev.text[:1].isupper():
            return None
        start -= 1
    if start == token.i and getAllLemmas(token.text.lower()):
        return None  # one dictionary word ("works for Justice") is no name; two capitalised words are
    if any(c.dep_ == "compound" and c.i < start for c in token.children) or token.doc[start].is_sent_start:
        return None
    return token.doc[start : token.i + 1] if token.text[:1].isupper() else None


def employer_slot(token: Token, ontology: Ontology) -> bool:
    """Whether the token is the object of a verb whose relation's object is an employer or a team (or a later
    item of that object's list: "managed Tarvik, Real Oviedo and Dunmore City")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    if token.dep_ == "pobj":
        verb, key = token.head.head, f"{token.head.head.lemma_.lower()} {token.head.lower_}"
    elif token.dep_ == "dobj":
        verb, key = token.head, token.head.lemma_.lower()
    else:
        return False
    entry = ontology.lexicon.lookup("verb", key) if verb.pos_ == "VERB" else None
    vocab = ontology.vocabulary
    if entry is None or entry.relation not in vocab.relations or entry.inverse:
        return False
    # employers and teams: a person works, plays or coaches for an organisation (a country's minister or envoy
    # is left out: their object may be a state)
    return vocab.relation(entry.relation).range == "Organization" or "kg:worksFor" in vocab.relation_ancestors(
        entry.relation
    )


def _repeats(doc: Doc, document: str, names: dict[int, Mention]) -> dict[int, Mention]:
    """A capitalised proper noun the NER missed once but tagged as a one-word name elsewhere in the document
    ("the Techfest crowd" after "Techfest") is that name; its class is then decided with the others."""
    from lemminflect import getAllLemmas  # the dictionary kg's lemma repair already uses

    known = {m.text: m for m in names.values() if " " not in m.text and m.text == m.label}
    found = {}
    for token in doc:
        if token.i in names or token.ent_type_ or token.pos_ != "PROPN" or token.text not in known:
            continue
        if getAllLemmas(token.text.lower()):
            continue  # also an English word ("May", "Bill", "Hope"): the NER's silence may be right
        if token.i > 0 and (doc[token.i - 1].like_num or doc[token.i - 1].pos_ == "NUM"):
            continue  # "30 GW", "4 MW": after a number it is a unit
        found[token.i] = token_mention(document, token, token.text, known[token.text].ner, "ner")
    return found

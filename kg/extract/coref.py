"""kg.coref.v1: rule-based coreference over the parse and the named entities.

No pretrained coreference model installs offline, and news needs only a few, well-understood rules:

* **surnames**: "Mwangi" is "Daniel Mwangi" when the document names exactly one person so; a one-word
  name the NER mislabelled as a place ("Okafor" as GPE) is taken back as that person;
* **pronouns**: he/she/it/they go to the nearest compatible antecedent in the same or the two previous
  sentences (a person for he/she; a country or organisation for it; a coordination or an organisation
  for they), preferring subjects, never the co-argument of the same verb, and for the subject of a
  reporting verb ("it stated") the last speaker;
* **descriptions**: "the Kenyan president", "the Norwegian minister" go to the person the text has already
  described with that nationality (from titles and appositions); "the country", "the city", "the agency"
  to the nearest place or organisation of that class.

Each resolution keeps the mention's own text and offsets, records its rule (``coref.surname``,
``coref.pronoun``, ``coref.description``) and a confidence that drops when several antecedents compete.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.reading import Reading

__all__ = ["resolve"]

NAME = "kg.coref.v1"
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_NEUTER = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
_PRONOUNS = _MALE | _FEMALE | _NEUTER | _PLURAL
_MALE_TITLES = frozenset({"mr", "mr.", "sir", "king", "prince", "lord"})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "queen", "princess", "lady", "dame"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_THING_TYPES = frozenset({"GPE", "ORG", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_WINDOW = 2  # sentences back


@dataclass(slots=True)
class Profile:
    """What the document says about one person: nationalities, roles, gender."""

    countries: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    gender: str | None = None


@dataclass(slots=True)
class Candidate:
    token: Token
    mention: Mention
    sentence: int
    subject: bool
    speaker: bool


def _name_parts(label: str) -> list[str]:
    parts = label.replace("’", "'").split()
    keys = []
    if parts:
        last = parts[-1]
        keys.append(last.lower())
        if "-" in last:  # "al-Nasser" is also "Nasser"
            keys.append(last.split("-", 1)[1].lower())
    return keys


def _is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "appos" and token.head.dep_ == "nsubj")


def _governing_verb(token: Token) -> Token:
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def resolve(reading: Reading) -> dict[int, tuple[Mention, ...]]:
    """Token index -> the mention(s) it corefers with."""
    resolved: dict[int, tuple[Mention, ...]] = {}
    _resolve_short_names(reading, resolved)
    _resolve_surnames(reading, resolved)
    profiles = _profiles(reading, resolved)
    _resolve_references(reading, resolved, profiles)
    _resolve_speakers(reading, resolved)
    return resolved


_QUOTES = frozenset({'"', "“", "”", "``", "''"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})


def _resolve_speakers(reading: Reading, resolved: dict[int, tuple[Mention, ...]]) -> None:
    """ "I think ...," said Grace Otieno: inside a quotation, "I" is whoever the sentence says spoke."""
    report_verbs = reading.cues.report_verbs
    for sent in reading.doc.sents:
        inside, quoted = False, set()
        for token in sent:
            if token.text in _QUOTES:
                inside = not inside
            elif inside:
                quoted.add(token.i)
        if not quoted:
            continue
        speaker = None
        for token in sent:
            if token.i in quoted or token.lemma_.lower() not in report_verbs:
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i not in quoted:
                    found = resolved.get(child.i) or ((reading.names[child.i],) if child.i in reading.names else ())
                    if found and found[0].ner in ("PERSON", "PER", "ORG"):
                        speaker = found[0]
        if speaker is None:
            continue
        for i in sorted(quoted):
            token = reading.doc[i]
            if token.pos_ == "PRON" and token.lower_ in _FIRST_PERSON:
                resolved[i] = (reading.mention(token, speaker.label, speaker.ner, "coref.speaker", 0.85),)


def _person_label(reading: Reading, i: int, resolved: dict[int, tuple[Mention, ...]]) -> str:
    return resolved[i][0].label if i in resolved else reading.names[i].label


def _resolve_short_names(reading: Reading, resolved: dict[int, tuple[Mention, ...]]) -> None:
    """A proper noun the NER missed that repeats a person's surname ("Lopez" after "Maria Lopez") or an
    organisation's first word ("Acme" after "Acme Motors") is that person or organisation."""
    people: dict[str, set[str]] = {}
    organisations: dict[str, set[str]] = {}
    for m in reading.names.values():
        words = m.label.split()
        if len(words) < 2:
            continue
        if m.ner in ("PERSON", "PER"):
            for key in _name_parts(m.label):
                people.setdefault(key, set()).add(m.label)
        elif m.ner == "ORG" and words[0][:1].isupper() and words[0].lower() not in _GENERIC_FIRST:
            organisations.setdefault(words[0].lower(), set()).add(m.label)
    for token in reading.doc:
        if token.i in reading.names or token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.head.i in reading.names and token.dep_ == "compound":
            continue  # part of a longer name
        key = token.text.lower()
        for table, ner in ((people, "PERSON"), (organisations, "ORG")):
            labels = table.get(key, set())
            if len(labels) == 1:
                label = next(iter(labels))
                mention = reading.mention(token, label, ner, "coref.surname", 0.85)
                reading.names[token.i] = mention
                resolved[token.i] = (mention,)
                break


_GENERIC_FIRST = frozenset({"new", "national", "united", "general", "international", "first", "american", "royal"})


def _resolve_surnames(reading: Reading, resolved: dict[int, tuple[Mention, ...]]) -> None:
    full: dict[str, list[tuple[int, str]]] = {}
    for i, m in reading.names.items():
        if m.ner in ("PERSON", "PER") and len(m.label.split()) > 1:
            for key in _name_parts(m.label):
                full.setdefault(key, []).append((i, m.label))
    gazetteer = reading.ontology.gazetteer
    for i, m in reading.names.items():
        words = m.label.split()
        if len(words) != 1:
            continue
        is_person = m.ner in ("PERSON", "PER")
        if not is_person and (m.ner not in _THING_TYPES or gazetteer.lookup(m.label) is not None):
            continue  # a known place or organisation keeps its label
        matches = full.get(words[0].lower(), [])
        names = sorted({label for _, label in matches})
        if not names:
            continue
        if len(names) == 1:
            label, confidence = names[0], 0.95 if is_person else 0.85
        else:
            # several people share the surname: the nearest one named before, with less confidence
            before = [(j, label) for j, label in matches if j < i] or matches
            label, confidence = max(before)[1], 0.6
        token = reading.doc[i]
        resolved[i] = (reading.mention(token, label, "PERSON", "coref.surname", confidence),)


def _profiles(reading: Reading, resolved: dict[int, tuple[Mention, ...]]) -> dict[str, Profile]:
    """Nationality and role of each person from titles ("Kenyan President X") and appositions
    ("X, the Swedish envoy")."""
    profiles: dict[str, Profile] = {}
    gazetteer = reading.ontology.gazetteer
    for i, m in reading.names.items():
        label = _person_label(reading, i, resolved)
        token = reading.doc[i]
        if (resolved[i][0].ner if i in resolved else m.ner) not in ("PERSON", "PER"):
            continue
        profile = profiles.setdefault(label, Profile())
        descriptors = [c for c in token.children if c.dep_ in ("compound", "appos", "amod")]
        if token.dep_ == "appos":
            descriptors.append(token.head)
        for d in descriptors:
            words = [d, *(c for c in d.children if c.dep_ in ("amod", "compound", "poss", "nmod"))]
            for w in words:
                name = gazetteer.lookup(w.text) if w.i in reading.names or w.pos_ in ("ADJ", "PROPN") else None
                if name is not None and name.type == "Country":
                    profile.countries.add(name.label)
                low = w.text.lower()
                if low in _MALE_TITLES:
                    profile.gender = "male"
                elif low in _FEMALE_TITLES:
                    profile.gender = "female"
            if d.pos_ in ("NOUN", "PROPN") and d.i not in reading.names:
                profile.roles.add(d.lemma_.lower())
    return profiles


def _candidates(reading: Reading, resolved: dict[int, tuple[Mention, ...]]) -> Iterator[Candidate]:
    report_verbs = reading.cues.report_verbs
    sentence_of = reading.sentence_numbers
    for i in sorted(reading.names):
        token = reading.doc[i]
        mention = resolved[i][0] if i in resolved else reading.names[i]
        verb = _governing_verb(token)
        yield Candidate(
            token,
            mention,
            sentence_of[i],
            _is_subject(token),
            _is_subject(token) and verb.lemma_.lower() in report_verbs,
        )


def _compatible(pronoun: str, candidate: Candidate, profiles: dict[str, Profile]) -> bool:
    ner = candidate.mention.ner
    if pronoun in _MALE or pronoun in _FEMALE:
        if ner not in ("PERSON", "PER"):
            return False
        gender = profiles.get(candidate.mention.label, Profile()).gender
        return gender is None or gender == ("male" if pronoun in _MALE else "female")
    if pronoun in _NEUTER:
        return ner in _THING_TYPES
    if pronoun in _PLURAL:
        return ner in ("ORG", "NORP")
    return False


def _coordinated(candidates: list[Candidate]) -> list[tuple[Candidate, ...]]:
    """Pairs of named entities joined by "and" ("Mwangi and Halvorsen"): antecedents for "they"."""
    by_token = {c.token.i: c for c in candidates}
    groups = []
    for c in candidates:
        conj = [by_token[t.i] for t in c.token.conjuncts if t.i in by_token and t.i > c.token.i]
        if conj and c.token.dep_ != "conj":
            groups.append((c, *conj))
    return groups


def _resolve_references(
    reading: Reading, resolved: dict[int, tuple[Mention, ...]], profiles: dict[str, Profile]
) -> None:
    candidates = list(_candidates(reading, resolved))
    groups = _coordinated(candidates)
    cues = reading.cues
    descriptions = {
        **dict.fromkeys(cues.person_nouns, "person"),
        **dict.fromkeys(cues.organization_nouns, "organization"),
        **dict.fromkeys(cues.city_nouns, "city"),
        **dict.fromkeys(cues.country_nouns, "country"),
    }
    gazetteer = reading.ontology.gazetteer
    sentence_of = reading.sentence_numbers
    for token in reading.doc:
        # Only pronouns and descriptions are resolved here; everything else is skipped before any work.
        low = token.lower_
        if token.pos_ == "PRON":
            if low not in _PRONOUNS:
                continue
        elif token.pos_ != "NOUN" or token.i in reading.names or token.lemma_.lower() not in descriptions:
            continue
        here = sentence_of[token.i]
        window = [c for c in candidates if c.token.i < token.i and here - c.sentence <= _WINDOW]
        verb = _governing_verb(token)
        if token.pos_ == "PRON":
            co_arguments = {c.i for c in verb.children} if low not in _REFLEXIVE else set()
            pool = [c for c in window if _compatible(low, c, profiles) and c.token.i not in co_arguments]
            if _is_subject(token) and verb.lemma_.lower() in cues.report_verbs:
                pool = [c for c in pool if c.speaker] or pool  # "..., it stated": the last speaker
            if low in _PLURAL:
                plural = [g for g in groups if g[0].token.i < token.i and here - g[0].sentence <= _WINDOW]
                if plural and (not pool or plural[-1][-1].token.i > pool[-1].token.i):
                    group = plural[-1]
                    resolved[token.i] = tuple(
                        reading.mention(token, c.mention.label, c.mention.ner, "coref.pronoun", 0.75) for c in group
                    )
                    continue
            best = _best(pool, token)
            if best is not None:
                candidate, confidence = best
                resolved[token.i] = (
                    reading.mention(token, candidate.mention.label, candidate.mention.ner, "coref.pronoun", confidence),
                )
        elif token.pos_ == "NOUN" and token.i not in reading.names:
            kind = descriptions.get(token.lemma_.lower())
            if kind is None or not _is_definite(token) or token.tag_ in ("NNS", "NNPS"):
                continue  # "the men" is not one person
            if token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
                continue  # "Lindqvist, the Swedish envoy": the apposition names it already
            demonyms = [
                gazetteer.lookup(c.text)
                for c in token.children
                if c.dep_ in ("amod", "compound") and c.i in reading.names
            ]
            countries = {n.label for n in demonyms if n is not None and n.type == "Country"}
            pool = [c for c in window if _fits_description(kind, c, countries, profiles, gazetteer)]
            if kind == "person":
                # "the minister" is whoever the text called a minister, however far back; "the Kenyan
                # leader" a Kenyan.
                role = token.lemma_.lower()
                earlier = [c for c in candidates if c.token.i < token.i]
                titled = [
                    c
                    for c in earlier
                    if role in profiles.get(c.mention.label, Profile()).roles
                    and _fits_description(kind, c, countries, profiles, gazetteer)
                ]
                pool = titled or pool
            if kind == "person" and countries:
                described = [c for c in pool if profiles.get(c.mention.label, Profile()).countries & countries]
                pool = described or [c for c in pool if not profiles.get(c.mention.label, Profile()).countries]
            best = _best(pool, token)
            if best is not None:
                candidate, confidence = best
                if (
                    kind == "person"
                    and countries
                    and not (profiles.get(candidate.mention.label, Profile()).countries & countries)
                ):
                    confidence = min(confidence, 0.6)  # nationality not confirmed by the text
                # the evidence shows the whole description ("the Kenyan president"), not just its noun
                start = (
                    min(c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod", "compound"))
                    if any(c.dep_ in ("det", "amod", "compound") for c in token.lefts)
                    else token.i
                )
                resolved[token.i] = (
                    reading.span_mention(
                        start,
                        token.i + 1,
                        candidate.mention.label,
                        candidate.mention.ner,
                        "coref.description",
                        confidence,
                    ),
                )


def _is_definite(token: Token) -> bool:
    """ "the country", "the Kenyan leader's": a definite description without a complement that would
    make it new information ("the head of the Kenyan army" introduces someone)."""
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
    if "the" not in determiners:
        return False
    # A restrictive modifier introduces someone new: "the man charged with ...", "the man who ...".
    return not any(
        (c.dep_ == "prep" and c.lower_ in ("of", "for")) or c.dep_ in ("acl", "relcl") for c in token.children
    )


def _fits_description(
    kind: str, candidate: Candidate, countries: set[str], profiles: dict[str, Profile], gazetteer: object
) -> bool:
    from kg.ontology.gazetteer import Gazetteer

    assert isinstance(gazetteer, Gazetteer)
    ner = candidate.mention.ner
    if kind == "person":
        return ner in ("PERSON", "PER")
    if kind == "organization":
        return ner == "ORG"
    name = gazetteer.lookup(candidate.mention.label)
    if kind == "country":
        return ner == "GPE" and name is not None and name.type == "Country" and name.label not in countries
    if kind == "city":
        return ner == "GPE" and (name is None or name.type == "City")
    return False


def _best(pool: list[Candidate], token: Token) -> tuple[Candidate, float] | None:
    """The most salient candidate: recent, a subject, in the same sentence; confidence from the margin."""
    if not pool:
        return None

    def score(c: Candidate) -> float:
        distance = token.i - c.token.i
        return (2.0 if c.subject else 0.0) + (1.0 if c.speaker else 0.0) - distance / 25.0

    ranked = sorted(pool, key=score, reverse=True)
    distinct = {c.mention.label for c in pool}
    if len(distinct) == 1:
        return ranked[0], 0.9
    margin = score(ranked[0]) - max(score(c) for c in ranked if c.mention.label != ranked[0].mention.label)
    return ranked[0], 0.85 if margin > 1.5 else 0.7 if margin > 0.5 else 0.55

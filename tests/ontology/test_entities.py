"""Entity identity: one entity per real thing, its class decided from all the evidence (sentences written for
these tests, parsed by hand so a model upgrade cannot change them)."""

from __future__ import annotations

from kg.model import Entity
from kg.normalise import normalise
from kg.ontology import load_ontology
from kg.ontology.gazetteer import load_gazetteer
from tests.extract.handparse import Row, graph_of, proper, punct, read_rows
from tests.extract.handparse import story as _story

# word, head, dep, pos, tag, lemma, entity
STATE_SUES = [
    proper("Ohio", 1, "nsubj", "B-GPE"),
    ("sued", 1, "ROOT", "VERB", "VBD", "sue", "O"),
    proper("Brightwater", 3, "compound", "B-ORG"),
    proper("Mills", 1, "dobj", "I-ORG"),
    ("in", 1, "prep", "ADP", "IN", "in", "O"),
    proper("Leeds", 4, "pobj", "B-GPE"),
    punct(1),
]


def test_states_and_provinces_are_regions_and_known_cities_are_cities() -> None:
    gazetteer = load_gazetteer()
    assert (gazetteer.place("Ohio").type, gazetteer.place("Ontario").type) == ("Region", "Region")
    assert gazetteer.place("Leeds").type == "City"
    assert gazetteer.place("Scotland").key == "region:GB-SCT"
    # a region named after a city of its own country is the city; a name a country has stays the country's
    assert gazetteer.place("Konya").type == "City"
    assert gazetteer.place("Georgia").type == "Country"
    # with a city of another country: the region, unless the city has a million people or more
    assert gazetteer.place("Ontario").type == "Region"
    assert gazetteer.place("Cordoba").type == gazetteer.place("Córdoba").type == "City"
    # regions and cities settle what the NER calls a place; the names every extractor reads stay as they were
    assert gazetteer.lookup("Ohio") is None and gazetteer.lookup("Leeds") is None
    # names that only describe ("North West", "Central") are not regions
    assert gazetteer.place("North West") is None and gazetteer.place("Central") is None


def test_a_state_the_ner_calls_a_place_is_a_region_with_a_stable_id() -> None:
    entities = {e.label: e for e in graph_of(STATE_SUES).entities}
    assert entities["Ohio"].type == "Region" and entities["Ohio"].id.startswith("region-us-oh-")
    assert entities["Leeds"].type == "City"
    assert load_ontology().vocabulary.is_a("Region", "Place") and load_ontology().vocabulary.is_a("Region", "Actor")


def _entities(*docs: list[Row]) -> dict[str, list[Entity]]:
    """Label -> entities of a corpus of hand-parsed documents (d0, d1, ...)."""
    readings = [read_rows(rows, f"d{n}") for n, rows in enumerate(docs)]
    found: dict[str, list[Entity]] = {}
    for e in normalise(readings, load_ontology()).entities:
        found.setdefault(e.label, []).append(e)
    return found


# "Coach Rena Holt joined Velvet Harbor." The NER calls the coach an organisation here...
JOINED = [
    ("Coach", 2, "compound", "NOUN", "NN", "coach", "O"),
    proper("Rena", 2, "compound", "B-ORG"),
    proper("Holt", 3, "nsubj", "I-ORG"),
    ("joined", 3, "ROOT", "VERB", "VBD", "join", "O"),
    proper("Velvet", 5, "compound", "B-ORG"),
    proper("Harbor", 3, "dobj", "I-ORG"),
    punct(3),
]
# ... "Holt praised the Herons." ... and a person in the next sentence, where "the Herons" (a team)
# is taken for a person.
PRAISED = [
    proper("Holt", 1, "nsubj", "B-PERSON"),
    ("praised", 1, "ROOT", "VERB", "VBD", "praise", "O"),
    ("the", 3, "det", "DET", "DT", "the", "O"),
    ("Herons", 1, "dobj", "PROPN", "NNPS", "Herons", "B-PERSON"),
    punct(1),
]
# "Mr. Holt met Velvet Harbor Group." in another story: the NER calls him a person there.
MET_GROUP = [
    proper("Mr.", 1, "compound"),
    proper("Holt", 2, "nsubj", "B-ORG"),
    ("met", 2, "ROOT", "VERB", "VBD", "meet", "O"),
    proper("Rena", 4, "compound", "B-PERSON"),
    proper("Holt", 2, "dobj", "I-PERSON"),
    punct(2),
]
# "Ana Lind beat Rena Holt": a verb inside what the NER took for one name.
BEAT = [
    proper("Ana", 1, "compound", "B-PERSON"),
    proper("Lind", 2, "nsubj", "I-PERSON"),
    ("beat", 2, "ROOT", "VERB", "VBD", "beat", "I-PERSON"),
    proper("Rena", 4, "compound", "I-PERSON"),
    proper("Holt", 2, "dobj", "I-PERSON"),
    punct(2),
]


# "Lind sold Hipwave to Augme Corp." with the NER running the two company names together.
SOLD_TO = [
    proper("Lind", 1, "nsubj", "B-PERSON"),
    ("sold", 1, "ROOT", "VERB", "VBD", "sell", "O"),
    proper("Hipwave", 1, "dobj", "B-ORG"),
    ("to", 1, "prep", "ADP", "IN", "to", "I-ORG"),
    proper("Augme", 5, "compound", "I-ORG"),
    proper("Corp", 3, "pobj", "I-ORG"),
    punct(1),
]


def test_a_name_span_with_to_inside_is_two_names() -> None:
    assert {e.label for e in graph_of(SOLD_TO).entities} >= {"Hipwave", "Augme Corp"}


def test_one_name_in_a_document_is_one_thing_whose_class_all_its_mentions_decide() -> None:
    # the title before the name and the surname used alone outvote the NER's one "organisation"
    entities = _entities(_story(JOINED, PRAISED))
    assert [e.type for e in entities["Rena Holt"]] == ["Person"]
    assert {m.text for m in entities["Rena Holt"][0].mentions} == {"Rena Holt", "Holt"}
    assert entities["Velvet Harbor"][0].type == "Organization"
    # a plural name after "the" is a team, not a person
    assert entities["Herons"][0].type == "Organization"


def test_across_documents_a_name_is_one_entity_whatever_class_each_story_gave_it() -> None:
    entities = _entities(_story(JOINED, PRAISED), MET_GROUP)
    assert len(entities["Rena Holt"]) == 1
    assert {m.document for m in entities["Rena Holt"][0].mentions} == {"d0", "d1"}
    # the id comes from the name, not the class: a corpus that types it differently gives the same id
    alone = _entities(JOINED)
    assert alone["Rena Holt"][0].id == entities["Rena Holt"][0].id


def test_a_title_before_a_one_word_name_makes_it_a_person() -> None:
    entities = _entities(MET_GROUP)
    assert [e.type for e in entities["Rena Holt"]] == ["Person"]
    assert {m.text for m in entities["Rena Holt"][0].mentions} >= {"Holt", "Rena Holt"}


# "Whitaker, the book publisher, cut jobs." then "Whitaker grew.": the NER calls the one-word name a person.
DESCRIBED_CHAIN = [
    proper("Whitaker", 6, "nsubj", "B-PERSON"),
    punct(0, ","),
    ("the", 4, "det", "DET", "DT", "the", "O"),
    ("book", 4, "compound", "NOUN", "NN", "book", "O"),
    ("publisher", 0, "appos", "NOUN", "NN", "publisher", "O"),
    punct(0, ","),
    ("cut", 6, "ROOT", "VERB", "VBD", "cut", "O"),
    ("jobs", 6, "dobj", "NOUN", "NNS", "job", "O"),
    punct(6),
]
GREW = [
    proper("Whitaker", 1, "nsubj", "B-PERSON"),
    ("grew", 1, "ROOT", "VERB", "VBD", "grow", "O"),
    punct(1),
]
# "Jo Park, the chain's founder, ..." is a person: a full name keeps the NER's word.
PARK_CHAIN = [
    proper("Jo", 1, "compound", "B-PERSON"),
    proper("Park", 5, "nsubj", "I-PERSON"),
    punct(1, ","),
    ("a", 4, "det", "DET", "DT", "a", "O"),
    ("chain", 1, "appos", "NOUN", "NN", "chain", "O"),
    ("grew", 5, "ROOT", "VERB", "VBD", "grow", "O"),
    punct(5),
]


def test_a_one_word_name_the_text_calls_a_company_is_an_organisation() -> None:
    entities = _entities(_story(DESCRIBED_CHAIN, GREW, GREW))
    assert [e.type for e in entities["Whitaker"]] == ["Organization"]
    # an apposition beside a full name (often its neighbour's, misattached) does not overrule the NER
    assert [e.type for e in _entities(PARK_CHAIN)["Jo Park"]] == ["Person"]


def test_a_one_word_name_the_ner_missed_once_is_still_that_name() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.mentions.names import find_names

    words = ["Techfest", "opened", ".", "Crowds", "filled", "Techfest", ",", "May", "said", "30", "GW", "GW"]
    pos = ["PROPN", "VERB", "PUNCT", "NOUN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "NUM", "PROPN", "PROPN"]
    ents = ["B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "B-ORG"]
    doc = Doc(Vocab(), words=words, pos=pos, ents=ents)
    names = find_names(doc, "d", load_gazetteer())
    assert names[5].label == "Techfest" and names[5].ner == "ORG"
    assert 10 not in names  # after a number: a unit
    assert 7 not in names  # "May" is also a word: the NER's silence stands


def test_a_name_span_with_a_verb_inside_is_two_names() -> None:
    graph = graph_of(BEAT)
    assert {e.label for e in graph.entities} == {"Ana Lind", "Rena Holt"}
    assert ("Ana Lind", "Rena Holt") in {(t.subject.label, t.object.label) for t in graph.triples}


def _clause(subject: list[tuple[str, str]], verb: str, obj: list[tuple[str, str]], det: str = "") -> list[Row]:
    """A hand parse of "SUBJECT VERB [the] OBJECT ." from (word, BIO entity tag) pairs: the last word of a
    phrase is its head, the others compounds."""
    rows: list[Row] = []

    def phrase(words: list[tuple[str, str]], dep: str, head: int) -> None:
        last = len(rows) + len(words) - 1
        for word, ent in words:
            at_end = len(rows) == last
            pos = "PROPN" if word[:1].isupper() else "NOUN"
            rows.append((word, head if at_end else last, dep if at_end else "compound", pos, "NNP", word, ent))

    verb_at = len(subject)
    phrase(subject, "nsubj", verb_at)
    rows.append((verb, verb_at, "ROOT", "VERB", "VBD", verb, "O"))
    if det:
        rows.append((det, len(rows) + len(obj), "det", "DET", "DT", det, "O"))
    phrase(obj, "dobj", verb_at)
    rows.append((".", verb_at, "punct", "PUNCT", ".", ".", "O"))
    return rows


def _in_place(subject: list[tuple[str, str]], verb: str, place: str) -> list[Row]:
    """ "SUBJECT VERB in PLACE ." """
    rows = _clause(subject, verb, [])[:-1]
    verb_at = len(subject)
    rows += [
        ("in", verb_at, "prep", "ADP", "IN", "in", "O"),
        (place, len(rows), "pobj", "PROPN", "NNP", place, "B-GPE"),
    ]
    return [*rows, (".", verb_at, "punct", "PUNCT", ".", ".", "O")]


ORG = ("B-ORG", "I-ORG", "I-ORG", "I-ORG")
PER = ("B-PERSON", "I-PERSON", "I-PERSON")


def _name(text: str, tags: tuple[str, ...]) -> list[tuple[str, str]]:
    return list(zip(text.split(), tags, strict=False))


def _same_entity(entities: dict[str, list[Entity]], label: str, *texts: str) -> bool:
    found = entities.get(label, [])
    return len(found) == 1 and set(texts) <= {m.text for m in found[0].mentions}


def test_the_first_words_of_an_organisation_name_are_that_organisation() -> None:
    story = _story(
        _clause(_name("Harbor Lines Shipping Group", ORG), "hired", _name("Ana Lind", PER)),
        _clause(_name("Harbor Lines", ("B-GPE", "I-GPE")), "praised", _name("Tomas Berg", PER)),
    )
    assert _same_entity(_entities(story), "Harbor Lines Shipping Group", "Harbor Lines")
    # in another wording, the short form comes first
    story = _story(
        _clause(_name("Harbor Lines", ORG), "sued", _name("Tomas Berg", PER)),
        _clause(_name("Ana Lind", PER), "left", _name("Harbor Lines Shipping Group", ORG)),
    )
    assert _same_entity(_entities(story), "Harbor Lines Shipping Group", "Harbor Lines")


def test_the_last_words_of_a_company_name_are_the_company_unless_they_are_a_persons_surname() -> None:
    story = _story(
        _clause(_name("Lindgren Motor Co.", ORG), "hired", _name("Ana Lind", PER)),
        _clause(_name("Lindgren Channel", ORG), "praised", _name("Tomas Berg", PER)),
        _clause(_name("Lindgren", ("B-ORG",)), "sued", _name("Tomas Berg", PER)),
    )
    entities = _entities(story)
    assert _same_entity(entities, "Lindgren Motor Co.", "Lindgren") and entities["Lindgren Motor Co."][0].type == (
        "Organization"
    )
    assert "Lindgren" in entities["Lindgren Motor Co."][0].aliases
    story = _story(
        _clause(_name("Ana Lindgren", PER), "founded", _name("Lindgren Motor Co.", ORG)),
        _clause(_name("Lindgren", ("B-PERSON",)), "praised", _name("Tomas Berg", PER)),
    )
    assert _same_entity(_entities(story), "Ana Lindgren", "Lindgren")


def test_a_newspaper_is_short_with_its_article_and_a_bare_paper_word_is_a_company() -> None:
    story = _story(
        _clause(_name("Harbour Gazette", ORG), "hired", _name("Ana Lind", PER)),
        _clause(_name("Tomas Berg", PER), "praised", _name("Gazette", ("B-ORG",)), det="the"),
    )
    assert _same_entity(_entities(story), "Harbour Gazette", "Gazette")
    # "Gazette sold the Harbour Gazette": the owner named like its paper is not the paper
    story = _story(
        _clause(_name("Gazette", ("B-ORG",)), "sold", _name("Harbour Gazette", ORG), det="the"),
        _clause(_name("Gazette", ("B-ORG",)), "hired", _name("Tomas Berg", PER)),
    )
    entities = _entities(story)
    assert "Gazette" in entities and "Gazette" not in {m.text for m in entities["Harbour Gazette"][0].mentions}


def test_a_city_named_like_a_club_of_the_story_is_the_club_except_as_a_place() -> None:
    story = _story(
        _clause(_name("FC Bergen", ORG), "signed", _name("Ana Lind", PER)),
        _clause(_name("Bergen", ("B-GPE",)), "beat", _name("Velvet Harbor", ORG)),
        _in_place(_name("Ana Lind", PER), "lives", "Bergen"),
    )
    entities = _entities(story)
    club = entities["FC Bergen"][0]
    assert {m.text for m in club.mentions} == {"FC Bergen", "Bergen"} and club.type == "Organization"
    town = entities["Bergen"][0]
    assert town.type == "City" and [m.text for m in town.mentions] == ["Bergen"]
    # a team named by a plural after its city, and a newspaper named after its city, which is no club
    story = _story(
        _clause(_name("Bergen Herons", ORG), "signed", _name("Ana Lind", PER)),
        _clause(_name("Bergen", ("B-GPE",)), "beat", _name("Bergen Times", ORG)),
    )
    entities = _entities(story)
    assert _same_entity(entities, "Bergen Herons", "Bergen")
    assert [m.text for m in entities["Bergen Times"][0].mentions] == ["Bergen Times"]


def test_a_nationality_in_front_of_a_name_says_where_it_is_from() -> None:
    story = _story(
        _clause(_name("Herons", ("B-ORG",)), "attacked", _name("Velvet Harbor", ORG)),
        _clause(_name("Norwegian Herons", ORG), "denied", _name("Tomas Berg", PER)),
    )
    assert _same_entity(_entities(story), "Herons", "Herons", "Norwegian Herons")


def test_a_plural_team_name_in_one_story_is_the_one_club_another_story_names_in_full() -> None:
    entities = _entities(
        _clause(_name("Ana Lind", PER), "joined", _name("Tarvik Herons", ("B-PERSON", "I-PERSON")), det="the"),
        _clause(_name("Tomas Berg", PER), "left", _name("Herons", ("B-PERSON",)), det="the"),
    )
    club = entities["Tarvik Herons"]
    assert len(club) == 1 and club[0].type == "Organization" and {m.document for m in club[0].mentions} == {"d0", "d1"}
    # a singular word many names end with is not merged so
    entities = _entities(
        _clause(_name("Ana Lind", PER), "joined", _name("Tarvik Supreme Court", ORG)),
        _clause(_name("Tomas Berg", PER), "left", _name("Court", ("B-ORG",))),
    )
    assert "Court" in entities


def test_a_person_a_party_adjective_or_a_body_of_an_organisation_is_no_short_form() -> None:
    story = _story(
        _clause(_name("Lind Organization", ORG), "hired", _name("Tomas Berg", PER)),
        _clause(_name("Lind", ("B-PERSON",)), "praised", _name("Velvet Harbor Council", ORG)),
        _clause(_name("Velvet Harbor", ORG), "sued", _name("Republican Governors Association", ORG)),
        _clause(_name("Republican", ("B-NORP",)), "beat", _name("Tomas Berg", PER)),
    )
    entities = _entities(story)
    assert [m.text for m in entities["Lind"][0].mentions] == ["Lind"]
    assert [m.text for m in entities["Velvet Harbor"][0].mentions] == ["Velvet Harbor"]
    assert "Republican" not in {m.text for m in entities["Republican Governors Association"][0].mentions}


def test_a_conflicting_title_or_gender_never_merges_a_surname_with_a_full_name() -> None:
    son = _clause([("son", "O"), ("Ivar", "B-PERSON"), ("Lind", "I-PERSON")], "joined", _name("Velvet Harbor", ORG))
    vice_president = _clause(
        [("Vice", "O"), ("President", "O"), ("Lind", "B-PERSON")], "praised", _name("Tomas Berg", PER)
    )
    entities = _entities(_story(son, vice_president))
    assert [m.text for m in entities["Lind"][0].mentions] == ["Lind"]
    assert [m.text for m in entities["Ivar Lind"][0].mentions] == ["Ivar Lind"]
    # in two stories: the surname is not guessed across documents either
    entities = _entities(
        _story(son, vice_president), _clause(_name("Ivar Lind", PER), "left", _name("Velvet Harbor", ORG))
    )
    assert {m.document for m in entities["Lind"][0].mentions} == {"d0"}
    # a woman and a man of the same surname
    mr = _clause([("Mr.", "O"), ("Ivar", "B-PERSON"), ("Lind", "I-PERSON")], "joined", _name("Velvet Harbor", ORG))
    mrs = _clause([("Mrs.", "O"), ("Lind", "B-PERSON")], "praised", _name("Tomas Berg", PER))
    entities = _entities(_story(mr, mrs))
    assert [m.text for m in entities["Lind"][0].mentions] == ["Lind"]


def test_titles_that_agree_or_are_missing_still_merge_a_surname() -> None:
    president = _clause(
        [("President", "O"), ("Ivar", "B-PERSON"), ("Lind", "I-PERSON")], "joined", _name("Velvet Harbor", ORG)
    )
    mr = _clause([("Mr.", "O"), ("Lind", "B-PERSON")], "praised", _name("Tomas Berg", PER))
    bare = _clause(_name("Lind", ("B-PERSON",)), "left", _name("Velvet Harbor", ORG))
    assert _same_entity(_entities(_story(president, mr)), "Ivar Lind", "Ivar Lind", "Lind")
    assert _same_entity(_entities(_story(president, bare)), "Ivar Lind", "Ivar Lind", "Lind")


def test_a_capital_named_the_and_one_word_is_not_every_name_with_that_word() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Valley") is None and gazetteer.lookup("Nairobi") is not None


def _titled(title: list[tuple[str, str]], name: str, verb: str) -> list[Row]:
    """ "Norwegian Minister Ivan Petrovskiy praised Velvet Harbor." """
    return _clause([*title, *_name(name, PER)], verb, _name("Velvet Harbor", ORG))


def test_romanisations_of_one_name_are_one_entity_only_with_evidence() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.spellings.key("Ivan Petrovskiy") == gazetteer.spellings.key("Ivan Petrovsky")
    assert gazetteer.spellings.key("Yelena Tsoy") == gazetteer.spellings.key("Elena Tsoi")
    assert gazetteer.spellings.key("Ivan Petrovsky") != gazetteer.spellings.key("Ivan Petrov")
    one = _clause(_name("Ivan Petrovskiy", PER), "praised", _name("Velvet Harbor", ORG))
    other = _clause(_name("Ivan Petrovsky", PER), "sued", _name("Tomas Berg", PER))
    # in one document: one person, the spelling given most often (or first in order) is the label
    entities = _entities(_story(one, other))
    person = [e for label, found in entities.items() for e in found if "Petrovsk" in label]
    assert len(person) == 1 and {m.text for m in person[0].mentions} == {"Ivan Petrovskiy", "Ivan Petrovsky"}
    # in two documents with nothing else in common: two entities, as far as kg can tell
    entities = _entities(one, other)
    assert len([label for label in entities if "Petrovsk" in label]) == 2


def test_romanisations_given_the_same_role_in_two_documents_are_one_entity() -> None:
    minister = [("Norwegian", "B-NORP"), ("Minister", "O")]
    entities = _entities(_titled(minister, "Ivan Petrovskiy", "praised"), _titled(minister, "Ivan Petrovsky", "sued"))
    people = [e for label, found in entities.items() for e in found if "Petrovsk" in label]
    assert len(people) == 1 and {m.document for m in people[0].mentions} == {"d0", "d1"}


def test_a_us_state_written_by_its_postal_code_or_ap_abbreviation_is_the_state() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.place("N.Y.").key == gazetteer.place("NY").key == "region:US-NY"
    assert gazetteer.place("Calif.").key == gazetteer.place("CA").key == "region:US-CA"
    assert gazetteer.place("ON").key == "region:CA-ON"
    assert gazetteer.place("ny") is None  # the pronoun-like lower case never matches a code


def test_an_ner_span_without_a_capital_letter_names_nothing() -> None:
    rows = _clause([("bird", "B-ORG"), ("watchers", "I-ORG")], "praised", _name("Velvet Harbor", ORG))
    assert {e.label for e in graph_of(rows).entities} == {"Velvet Harbor"}


def _possessive(owner: list[tuple[str, str]], noun: str, verb: str) -> list[Row]:
    """ "OWNER 's NOUN VERB Velvet Harbor ." """
    rows = _clause([*owner, ("'s", "O"), (noun, "O")], verb, _name("Velvet Harbor", ORG))
    at = len(owner) - 1
    rows[at] = (*rows[at][:1], at + 2, "poss", *rows[at][3:])  # type: ignore[assignment]
    rows[at + 1] = ("'s", at, "case", "PART", "POS", "'s", "O")
    return rows


def test_a_name_that_owns_a_family_word_is_a_person() -> None:
    story = _story(
        _clause(_name("Lind", ("B-ORG",)), "praised", _name("Tomas Berg", PER)),
        _possessive(_name("Lind", ("B-ORG",)), "wife", "sued"),
    )
    assert _entities(story)["Lind"][0].type == "Person"


def test_a_surname_the_ner_calls_an_organisation_in_one_story_is_the_person_other_stories_name() -> None:
    person = _story(
        _clause(_name("Ivar Lind", PER), "joined", _name("Velvet Harbor", ORG)),
        _clause([("Mr.", "O"), ("Lind", "B-PERSON")], "praised", _name("Tomas Berg", PER)),
    )
    elsewhere = _clause(_name("Tomas Berg", PER), "shot", _name("Lind", ("B-ORG",)))
    entities = _entities(
        person, _clause([("Mr.", "O"), ("Lind", "B-PERSON")], "left", _name("Ana Berg", PER)), elsewhere
    )
    assert "Lind" not in entities
    assert {m.document for m in entities["Ivar Lind"][0].mentions} == {"d0", "d1", "d2"}


def test_a_persons_name_run_together_with_a_countrys_is_two_names() -> None:
    # "The envoy to Norway Ivar Lind praised Velvet Harbor."
    rows = [
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("envoy", 6, "nsubj", "NOUN", "NN", "envoy", "O"),
        ("to", 1, "prep", "ADP", "IN", "to", "O"),
        proper("Norway", 5, "compound", "B-PERSON"),
        proper("Ivar", 5, "compound", "I-PERSON"),
        proper("Lind", 2, "pobj", "I-PERSON"),
        ("praised", 6, "ROOT", "VERB", "VBD", "praise", "O"),
        proper("Velvet", 8, "compound", "B-ORG"),
        proper("Harbor", 6, "dobj", "I-ORG"),
        punct(6),
    ]
    entities = {e.label: e.type for e in graph_of(rows).entities}
    assert entities.get("Ivar Lind") == "Person" and "Norway Ivar Lind" not in entities


def test_a_country_and_a_person_the_ner_calls_one_organisation_are_two_names() -> None:
    # "The envoy to Norway Ivar Lind praised Velvet Harbor. Lind left." with the first span typed ORG
    rows = [
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("envoy", 6, "nsubj", "NOUN", "NN", "envoy", "O"),
        ("to", 1, "prep", "ADP", "IN", "to", "O"),
        proper("Norway", 5, "compound", "B-ORG"),
        proper("Ivar", 5, "compound", "I-ORG"),
        proper("Lind", 2, "pobj", "I-ORG"),
        ("praised", 6, "ROOT", "VERB", "VBD", "praise", "O"),
        proper("Velvet", 8, "compound", "B-ORG"),
        proper("Harbor", 6, "dobj", "I-ORG"),
        punct(6),
    ]
    left = [
        proper("Lind", 1, "nsubj", "B-PERSON"),
        ("left", 1, "ROOT", "VERB", "VBD", "leave", "O"),
        punct(1),
    ]
    entities = _entities(_story(rows, left))
    assert "Norway Ivar Lind" not in entities
    assert _same_entity(entities, "Ivar Lind", "Ivar Lind", "Lind")


def test_a_person_run_together_with_a_known_organisation_is_two_names() -> None:
    # "The envoy to the EU Ivar Lind praised Velvet Harbor. Lind left." with the first span typed ORG
    rows = [
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("envoy", 7, "nsubj", "NOUN", "NN", "envoy", "O"),
        ("to", 1, "prep", "ADP", "IN", "to", "O"),
        ("the", 6, "det", "DET", "DT", "the", "B-ORG"),
        proper("EU", 6, "compound", "I-ORG"),
        proper("Ivar", 6, "compound", "I-ORG"),
        proper("Lind", 2, "pobj", "I-ORG"),
        ("praised", 7, "ROOT", "VERB", "VBD", "praise", "O"),
        proper("Velvet", 9, "compound", "B-ORG"),
        proper("Harbor", 7, "dobj", "I-ORG"),
        punct(7),
    ]
    left = [
        proper("Lind", 1, "nsubj", "B-PERSON"),
        ("left", 1, "ROOT", "VERB", "VBD", "leave", "O"),
        punct(1),
    ]
    entities = _entities(_story(rows, left))
    assert "EU Ivar Lind" not in entities
    assert _same_entity(entities, "Ivar Lind", "Ivar Lind", "Lind")
    assert entities["European Union"][0].type == "Organization"


def test_a_surname_spelt_otherwise_joins_the_full_name_only_with_evidence() -> None:
    minister = [("Norwegian", "B-NORP"), ("Minister", "O")]
    full = _titled(minister, "Ivan Petrovskiy", "praised")
    short = _titled(minister, "Petrovsky", "sued")
    entities = _entities(full, short)
    assert "Petrovsky" not in entities
    assert {m.document for m in entities["Ivan Petrovskiy"][0].mentions} == {"d0", "d1"}
    bare = _clause(_name("Petrovsky", ("B-PERSON",)), "left", _name("Tomas Berg", PER))
    assert "Petrovsky" in _entities(full, bare)


def test_a_titled_surname_two_people_share_goes_to_neither_unless_one_holds_the_title() -> None:
    ana = _clause(_name("Ana Lind", PER), "joined", _name("Velvet Harbor", ORG))
    ivar = _clause(_name("Ivar Lind", PER), "left", _name("Velvet Harbor", ORG))
    titled = _clause([("Vice", "O"), ("President", "O"), ("Lind", "B-PERSON")], "praised", _name("Tomas Berg", PER))
    entities = _entities(_story(ana, ivar, titled))
    assert [m.text for m in entities["Lind"][0].mentions] == ["Lind"]
    president = _clause(
        [("President", "O"), ("Ivar", "B-PERSON"), ("Lind", "I-PERSON")], "left", _name("Velvet Harbor", ORG)
    )
    entities = _entities(_story(ana, president, titled))
    assert _same_entity(entities, "Ivar Lind", "Ivar Lind", "Lind")


def test_a_state_code_after_a_town_and_a_comma_is_the_state_whatever_the_ner_says() -> None:
    # "Ana Lind left Dover, NJ." with the code typed as an organisation
    rows = [
        proper("Ana", 1, "compound", "B-PERSON"),
        proper("Lind", 2, "nsubj", "I-PERSON"),
        ("left", 2, "ROOT", "VERB", "VBD", "leave", "O"),
        proper("Dover", 2, "dobj", "B-GPE"),
        punct(3, ","),
        proper("NJ", 3, "appos", "B-ORG"),
        punct(2),
    ]
    mentions = read_rows(rows).mentions
    assert [(m.label, m.ner) for m in mentions if m.label == "NJ"] == [("NJ", "GPE")]


def test_company_newspaper_and_club_words_make_a_name_an_organisation() -> None:
    # the NER takes the first two for people and the third for a place
    for label, tags in (("Harbor Studios", PER), ("Tarvik Herald", PER), ("Leeds United", ("B-GPE", "I-GPE"))):
        entities = _entities(_clause(_name("Ana Lind", PER), "joined", _name(label, tags)))
        assert entities[label][0].type == "Organization", label
    # a place named with a word clubs use stays a place
    entities = _entities(_clause(_name("Ana Lind", PER), "left", _name("Kansas City", ("B-GPE", "I-GPE"))))
    assert entities["Kansas City"][0].type == "City"


def test_a_newspaper_word_alone_is_the_newspaper_of_thestory() -> None:
    story = _story(
        _clause(_name("Tarvik Herald", ORG), "hired", _name("Ana Lind", PER)),
        _clause(_name("Tomas Berg", PER), "praised", _name("Herald", ("B-PERSON",)), det="the"),
    )
    # "the Herald", even where the NER takes it for a person (a bare "Herald" is a company: see above)
    assert _same_entity(_entities(story), "Tarvik Herald", "Tarvik Herald", "Herald")


def _won(name: str, aux: str, tag: str) -> list[Row]:
    # "Lind have won twice." / "Lind has won twice."
    return [
        (name, 2, "nsubj", "PROPN", "NNP", name, "B-PERSON"),
        (aux, 2, "aux", "AUX", tag, "have", "O"),
        ("won", 2, "ROOT", "VERB", "VBN", "win", "O"),
        ("twice", 2, "advmod", "ADV", "RB", "twice", "O"),
        punct(2),
    ]


def test_a_name_a_plural_verb_agrees_with_is_a_team_not_a_person() -> None:
    """British reports make clubs plural ("Tarvik have won"): one person never takes "have" or "were"."""
    assert _entities(_won("Lind", "have", "VBP"))["Lind"][0].type == "Organization"
    assert _entities(_won("Lind", "has", "VBZ"))["Lind"][0].type == "Person"


def test_a_comma_inside_a_bodys_own_of_list_keeps_the_name_whole() -> None:
    # "The Ministry of Fisheries, Ports and Energy sued Lind."
    words = ["Ministry", "of", "Fisheries", ",", "Ports", "and", "Energy"]
    rows: list[Row] = [("The", 1, "det", "DET", "DT", "the", "O")]
    rows += [(w, 1, "compound", "PROPN", "NNP", w, ("B-ORG" if k == 0 else "I-ORG")) for k, w in enumerate(words)]
    rows[1] = proper("Ministry", 8, "nsubj", "B-ORG")
    rows += [
        ("sued", 8, "ROOT", "VERB", "VBD", "sue", "O"),
        proper("Lind", 8, "dobj", "B-PERSON"),
        punct(8),
    ]
    assert "Ministry of Fisheries, Ports and Energy" in _entities(rows)


def test_names_the_ner_ran_together_with_a_comma_are_a_list() -> None:
    # "Moe coached Lyon, Sporting Braga and Dinamo." with "Lyon, Sporting Braga" one NER span
    rows: list[Row] = [
        proper("Moe", 1, "nsubj", "B-PERSON"),
        ("coached", 1, "ROOT", "VERB", "VBD", "coach", "O"),
        proper("Lyon", 1, "dobj", "B-ORG"),
        (",", 2, "punct", "PUNCT", ",", ",", "I-ORG"),
        proper("Sporting", 5, "compound", "I-ORG"),
        proper("Braga", 2, "conj", "I-ORG"),
        ("and", 5, "cc", "CCONJ", "CC", "and", "O"),
        proper("Dinamo", 5, "conj", "B-ORG"),
        punct(1),
    ]
    entities = _entities(rows)
    assert "Sporting Braga" in entities and "Lyon, Sporting Braga" not in entities


def test_a_lower_case_word_opens_no_persons_name() -> None:
    # "Berg phoned and rang Taylor." with "rang Taylor" one PERSON span; "van Dijk" keeps its particle
    rows: list[Row] = [
        proper("Berg", 1, "nsubj", "B-PERSON"),
        ("called", 1, "ROOT", "VERB", "VBD", "call", "O"),
        ("and", 1, "cc", "CCONJ", "CC", "and", "O"),
        ("rang", 4, "compound", "PROPN", "NNP", "rang", "B-PERSON"),
        proper("Taylor", 1, "conj", "I-PERSON"),
        punct(1),
    ]
    entities = _entities(rows)
    assert "Taylor" in entities and "rang Taylor" not in entities
    particle: list[Row] = [
        ("van", 1, "compound", "PROPN", "NNP", "van", "B-PERSON"),
        proper("Dijk", 2, "nsubj", "I-PERSON"),
        ("left", 2, "ROOT", "VERB", "VBD", "leave", "O"),
        punct(2),
    ]
    assert "van Dijk" in _entities(particle)

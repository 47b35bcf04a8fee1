"""The declarative vocabulary: classes, relations, lexicon, names, cues, mappings, and user extensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import OntologyError
from kg.ontology import load_ontology


def test_the_required_classes_exist_with_ner_defaults() -> None:
    vocab = load_ontology().vocabulary
    for name in ("Person", "Organization", "Country", "City", "Location", "Facility", "Group", "Event", "Force"):
        assert name in vocab.classes, name
    assert vocab.class_for_ner("PERSON") == "Person" and vocab.class_for_ner("NORP") == "Group"
    assert vocab.is_a("Country", "Actor") and vocab.is_a("Country", "Place") and not vocab.is_a("City", "Actor")


def test_relations_have_labels_definitions_domain_range_and_mappings() -> None:
    vocab = load_ontology().vocabulary
    required = [
        "meets",
        "visits",
        "supports",
        "opposes",
        "attacks",
        "kills",
        "threatens",
        "holdsTalksWith",
        "thanks",
        "criticises",
        "accuses",
        "sanctions",
        "leads",
        "presidentOf",
        "ministerOf",
        "memberOf",
        "worksFor",
        "locatedIn",
        "basedIn",
        "livesIn",
        "citizenOf",
        "partOf",
        "says",
    ]
    for local in required:
        info = vocab.relation(f"kg:{local}")
        assert info.label and info.definition, local
    assert vocab.relation("kg:meets").symmetric and not vocab.relation("kg:kills").symmetric
    assert vocab.relation("kg:kills").range == "Person"
    assert any("wikidata" in m for m in vocab.relation("kg:citizenOf").mappings)
    assert any("schema.org" in m for m in vocab.relation("kg:worksFor").mappings)


@pytest.mark.parametrize(
    ("kind", "words", "relation", "inverse"),
    [
        ("verb", "back", "kg:supports", False),
        ("verb", "meet with", "kg:meets", False),
        ("verb", "retaliate against", "kg:retaliatesAgainst", False),
        ("verb", "employ", "kg:worksFor", True),
        ("noun", "visit", "kg:visits", False),
        ("noun", "killing", "kg:kills", False),
        ("role", "president", "kg:presidentOf", False),
        ("role", "expert on", "kg:expertOn", False),
        ("role", "columnist at", "kg:worksFor", False),
        ("verb", "return to", "kg:visits", False),
        ("verb", "return island to", "-", False),  # the "return * to" row: any object, then "to"
        ("verb", "return money to", "-", False),
    ],
)
def test_lexicon_maps_words_to_relations_with_direction(kind: str, words: str, relation: str, inverse: bool) -> None:
    entry = load_ontology().lexicon.lookup(kind, words)
    assert entry is not None and (entry.relation, entry.inverse) == (relation, inverse)


@pytest.mark.parametrize(
    ("name", "label", "rule"),
    [
        ("U.S.", "United States", "alias"),
        ("the United States", "United States", "name"),
        ("Iranian", "Iran", "demonym"),
        ("Iranians", "Iran", "demonym"),
        ("UK", "United Kingdom", "alias"),
        ("UN", "United Nations", "alias"),
        ("Russian Federation", "Russia", "alias"),
    ],
)
def test_alias_and_demonym_resolution(name: str, label: str, rule: str) -> None:
    found = load_ontology().gazetteer.lookup(name)
    assert found is not None and (found.label, found.rule) == (label, rule)


def test_capitals_and_government_seats_stand_for_their_state() -> None:
    gazetteer = load_ontology().gazetteer
    moscow, kremlin = gazetteer.lookup("Moscow"), gazetteer.lookup("the Kremlin")
    assert moscow is not None and (moscow.type, moscow.stands_for) == ("City", "Russia")
    assert kremlin is not None and (kremlin.type, kremlin.stands_for) == ("Government", "Russia")
    assert kremlin.note  # recorded as a metonym in the merge trace


def test_short_codes_do_not_swallow_pronouns() -> None:
    assert load_ontology().gazetteer.lookup("us") is None


# -- user extension ---------------------------------------------------------------------------------------


EXTRA_TTL = """@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
kg:Ship a owl:Class ; rdfs:subClassOf kg:Facility ; rdfs:label "Ship"@en .
kg:sinks a owl:ObjectProperty ; rdfs:subPropertyOf kg:attacks ; rdfs:label "sinks"@en ;
    skos:definition "An actor sinks a ship."@en ; rdfs:domain kg:Actor ; rdfs:range kg:Ship .
"""


def test_user_files_extend_classes_relations_lexicon_names_and_cues(tmp_path: Path) -> None:
    (tmp_path / "ships.ttl").write_text(EXTRA_TTL, encoding="utf-8")
    (tmp_path / "lexicon-ships.tsv").write_text("kind\tlemma\trelation\tdirection\nverb\tsink\tkg:sinks\tforward\n")
    (tmp_path / "aliases-ships.tsv").write_text("label\tclass\taliases\nMoskva\tShip\tthe Moskva|cruiser Moskva\n")
    (tmp_path / "cues-ships.toml").write_text('[actors]\ninstrument_nouns = ["torpedo"]\n')
    onto = load_ontology([tmp_path])
    assert onto.vocabulary.relation("kg:sinks").range == "Ship"
    entry = onto.lexicon.lookup("verb", "sink")
    assert entry is not None and entry.relation == "kg:sinks"
    moskva = onto.gazetteer.lookup("the Moskva")
    assert moskva is not None and moskva.type == "Ship"
    assert "torpedo" in onto.cues.instrument_nouns and "drone" in onto.cues.instrument_nouns
    assert load_ontology().lexicon.lookup("verb", "sink") is None  # the built-in ontology is untouched


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("lexicon-x.tsv", "kind\tlemma\trelation\tdirection\nverb\tsink\tkg:nope\tforward\n", ":2: relation kg:nope"),
        ("lexicon-x.tsv", "kind\tlemma\trelation\tdirection\nverb sink kg:supports forward\n", ":2: empty"),
        ("lexicon-x.tsv", "kind\tlemma\trelation\tdirection\nverbs\tsink\tkg:supports\tforward\n", ":2: kind 'verbs'"),
        ("lexicon-x.tsv", "kind\tlemma\trelation\tdirection\nverb\tsink\tkg:supports\tsideways\n", ":2: direction"),
        ("lexicon-x.tsv", "kind\tlemma\n", ":1: header lacks column(s) relation, direction"),
        ("aliases-x.tsv", "label\tclass\taliases\nMoskva\tBoat\tx\n", ":2: class 'Boat'"),
        ("broken.ttl", "kg:a kg:b .", "invalid Turtle"),
        ("cues-x.toml", "[actors]\nweapons = ['x']\n", "unknown cue list [actors] weapons"),
        ("cues-x.toml", "[actors\n", "invalid TOML"),
        ("notes.tsv", "a\tb\n", "must start with lexicon, aliases or conll04"),
    ],
)
def test_a_malformed_user_file_is_one_clear_error_naming_it(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OntologyError) as caught:
        load_ontology([path])
    assert str(path) in str(caught.value) and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_user_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="no such file"):
        load_ontology([tmp_path / "absent.ttl"])


def test_the_built_in_lexicon_gives_each_word_one_row() -> None:
    # a second row for a word silently replaces the first when loaded ("coach" read as an employee, not as
    # the manager of a team); user files may override on purpose, the built-in file must not
    from kg.resources import ontology_dir

    seen: dict[tuple[str, str], int] = {}
    for number, line in enumerate((ontology_dir() / "lexicon.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, key = line.split("\t")[:2]
        assert (kind, key) not in seen, f"lexicon.tsv:{number} repeats line {seen[(kind, key)]} ({kind} {key})"
        seen[(kind, key)] = number

"""The constructions the extractors cover, on hand-built parses (no model: a model upgrade cannot change them)."""

from __future__ import annotations

from tests.extract.handparse import Row, facts, graph_of, proper, punct, read_rows, story

# word, head, dep, pos, tag, lemma, entity
ACTIVE = [
    proper("Norway", 1, "nsubj", "B-GPE"),
    ("backs", 1, "ROOT", "VERB", "VBZ", "back", "O"),
    proper("Mwangi", 1, "dobj", "B-PERSON"),
    punct(1),
]


def test_active_clause_maps_the_verb_onto_the_ontology() -> None:
    graph = graph_of(ACTIVE)
    assert facts(graph) == {("Norway", "kg:supports", "Mwangi")}
    (triple,) = graph.triples
    (evidence,) = triple.evidence
    assert evidence.extractor == "kg.svo.v1"
    assert (evidence.subject_text, evidence.object_text) == ("Norway", "Mwangi")
    assert triple.subject.type == "Country" and triple.object.type == "Person"


def test_surface_extraction_keeps_the_words_of_the_sentence() -> None:
    (extraction,) = read_rows(ACTIVE).extractions
    row = extraction.to_dict()
    assert (row["arg1"], row["rel"], row["arg2"]) == ("Norway", "backs", "Mwangi")
    assert row["args"] == ["Norway", "Mwangi"] and row["extractor"] == "kg.svo.v1"


PASSIVE_WITH_INSTRUMENT = [
    proper("Okafor", 2, "nsubjpass", "B-PERSON"),
    ("was", 2, "auxpass", "AUX", "VBD", "be", "O"),
    ("killed", 2, "ROOT", "VERB", "VBN", "kill", "O"),
    ("by", 2, "agent", "ADP", "IN", "by", "O"),
    ("a", 6, "det", "DET", "DT", "a", "O"),
    ("Somali", 6, "amod", "ADJ", "JJ", "somali", "B-NORP"),
    ("drone", 3, "pobj", "NOUN", "NN", "drone", "O"),
    punct(2),
]


def test_passive_with_agent_is_turned_around_and_the_instrument_stands_for_its_owner() -> None:
    graph = graph_of(PASSIVE_WITH_INSTRUMENT)
    assert facts(graph) == {("Somalia", "kg:kills", "Okafor")}
    (evidence,) = graph.triples[0].evidence
    assert evidence.subject_text == "Somali" and evidence.subject_rule == "metonym.instrument"


NOMINAL = [
    ("Norwegian", 3, "amod", "ADJ", "JJ", "norwegian", "B-NORP"),
    ("and", 0, "cc", "CCONJ", "CC", "and", "O"),
    ("Danish", 0, "conj", "ADJ", "JJ", "danish", "B-NORP"),
    ("support", 5, "nsubj", "NOUN", "NN", "support", "O"),
    ("has", 5, "aux", "AUX", "VBZ", "have", "O"),
    ("helped", 5, "ROOT", "VERB", "VBN", "help", "O"),
    proper("Kenya", 5, "dobj", "B-GPE"),
    punct(5),
]


def test_nationality_adjectives_on_an_event_noun_are_its_agents() -> None:
    found = facts(graph_of(NOMINAL))
    assert {("Norway", "kg:supports", "Kenya"), ("Denmark", "kg:supports", "Kenya")} <= found
    assert all(subject != "support" for subject, _, _ in found)


TITLE = [
    ("Kenyan", 1, "amod", "ADJ", "JJ", "kenyan", "B-NORP"),
    proper("President", 3, "compound"),
    proper("Daniel", 3, "compound", "B-PERSON"),
    proper("Mwangi", 4, "nsubj", "I-PERSON"),
    ("arrived", 4, "ROOT", "VERB", "VBD", "arrive", "O"),
    punct(4),
]


def test_a_title_with_a_nationality_is_a_role() -> None:
    assert ("Daniel Mwangi", "kg:presidentOf", "Kenya") in facts(graph_of(TITLE))


APPOSITION = [
    proper("Grace", 1, "compound", "B-PERSON"),
    proper("Otieno", 8, "nsubj", "I-PERSON"),
    punct(1, ","),
    ("an", 4, "det", "DET", "DT", "an", "O"),
    ("expert", 1, "appos", "NOUN", "NN", "expert", "O"),
    ("on", 4, "prep", "ADP", "IN", "on", "O"),
    proper("Kenya", 5, "pobj", "B-GPE"),
    punct(1, ","),
    ("spoke", 8, "ROOT", "VERB", "VBD", "speak", "O"),
    punct(8),
]


def test_an_apposition_with_a_role_noun() -> None:
    assert ("Grace Otieno", "kg:expertOn", "Kenya") in facts(graph_of(APPOSITION))


RELATIVE_CLAUSE = [
    proper("Ethiopia", 0, "ROOT", "B-GPE"),
    punct(0, ","),
    ("which", 4, "nsubj", "PRON", "WDT", "which", "O"),
    ("has", 4, "aux", "AUX", "VBZ", "have", "O"),
    ("sent", 0, "relcl", "VERB", "VBN", "send", "O"),
    ("troops", 4, "dobj", "NOUN", "NNS", "troop", "O"),
    ("into", 4, "prep", "ADP", "IN", "into", "O"),
    proper("Somalia", 6, "pobj", "B-GPE"),
    punct(0),
]


def test_a_relative_clause_has_its_antecedent_as_subject_and_a_light_object_joins_the_relation() -> None:
    assert ("Ethiopia", "kg:deploysForcesTo", "Somalia") in facts(graph_of(RELATIVE_CLAUSE))


CONTROL = [
    proper("Halvorsen", 2, "nsubjpass", "B-PERSON"),
    ("is", 2, "auxpass", "AUX", "VBZ", "be", "O"),
    ("expected", 2, "ROOT", "VERB", "VBN", "expect", "O"),
    ("to", 4, "aux", "PART", "TO", "to", "O"),
    ("hold", 2, "xcomp", "VERB", "VB", "hold", "O"),
    ("talks", 4, "dobj", "NOUN", "NNS", "talk", "O"),
    ("with", 5, "prep", "ADP", "IN", "with", "O"),
    proper("Bekele", 6, "pobj", "B-PERSON"),
    punct(2),
]


def test_control_verb_subject_and_intention_is_hedged() -> None:
    graph = graph_of(CONTROL)
    triple = next(t for t in graph.triples if t.predicate.id == "kg:holdsTalksWith")
    assert {triple.subject.label, triple.object.label} == {"Halvorsen", "Bekele"}
    assert triple.hedged and not triple.negated


NEGATED = [
    proper("Uganda", 3, "nsubj", "B-GPE"),
    ("did", 3, "aux", "AUX", "VBD", "do", "O"),
    ("not", 3, "neg", "PART", "RB", "not", "O"),
    ("attack", 3, "ROOT", "VERB", "VB", "attack", "O"),
    proper("Tanzania", 3, "dobj", "B-GPE"),
    punct(3),
]


def test_negation_is_kept_as_a_flag_not_dropped_or_asserted() -> None:
    (triple,) = graph_of(NEGATED).triples
    assert (triple.subject.label, triple.predicate.id, triple.object.label) == ("Uganda", "kg:attacks", "Tanzania")
    assert triple.negated


ASSERTED = [
    proper("Uganda", 1, "nsubj", "B-GPE"),
    ("attacked", 1, "ROOT", "VERB", "VBD", "attack", "O"),
    proper("Tanzania", 1, "dobj", "B-GPE"),
    punct(1),
]


def test_a_negated_fact_and_its_assertion_are_different_statements() -> None:
    (negated,), (asserted,) = graph_of(NEGATED).triples, graph_of(ASSERTED).triples
    assert negated.id != asserted.id and not asserted.negated


REPORTED = [
    proper("Reuters", 1, "nsubj", "B-ORG"),
    ("reported", 1, "ROOT", "VERB", "VBD", "report", "O"),
    ("that", 5, "mark", "SCONJ", "IN", "that", "O"),
    proper("Uganda", 5, "nsubj", "B-GPE"),
    ("may", 5, "aux", "AUX", "MD", "may", "O"),
    ("attack", 1, "ccomp", "VERB", "VB", "attack", "O"),
    proper("Tanzania", 5, "dobj", "B-GPE"),
    ("on", 5, "prep", "ADP", "IN", "on", "O"),
    proper("Tuesday", 7, "pobj", "B-DATE"),
    punct(1),
]


def test_attribution_hedging_and_time_are_kept_on_the_fact() -> None:
    (triple,) = graph_of(REPORTED).triples
    assert (triple.subject.label, triple.predicate.id, triple.object.label) == ("Uganda", "kg:attacks", "Tanzania")
    assert triple.attributed_to == "Reuters" and triple.hedged and triple.time == ("on Tuesday",)


PRONOUN = [
    proper("Mwangi", 1, "nsubj", "B-PERSON"),
    ("arrived", 1, "ROOT", "VERB", "VBD", "arrive", "O"),
    punct(1),
    ("He", 4, "nsubj", "PRON", "PRP", "he", "O"),
    ("met", 4, "ROOT", "VERB", "VBD", "meet", "O"),
    proper("Halvorsen", 4, "dobj", "B-PERSON"),
    punct(4),
]


def test_a_pronoun_resolves_to_the_person_before_it_and_the_evidence_keeps_both() -> None:
    (triple,) = graph_of(PRONOUN).triples
    assert {triple.subject.label, triple.object.label} == {"Mwangi", "Halvorsen"}
    (evidence,) = triple.evidence
    pronoun_side = "subject" if evidence.subject_text == "He" else "object"
    assert getattr(evidence, f"{pronoun_side}_rule") == "coref.pronoun"
    direct = graph_of(
        [
            proper("Halvorsen", 1, "nsubj", "B-PERSON"),
            ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
            proper("Mwangi", 1, "dobj", "B-PERSON"),
            punct(1),
        ]
    ).triples[0]
    assert triple.confidence < direct.confidence  # a resolution is less certain than a name


RECIPROCAL = [
    proper("Norway", 3, "nsubj", "B-GPE"),
    ("and", 0, "cc", "CCONJ", "CC", "and", "O"),
    proper("Denmark", 0, "conj", "B-GPE"),
    ("worked", 3, "ROOT", "VERB", "VBD", "work", "O"),
    ("together", 3, "advmod", "ADV", "RB", "together", "O"),
    punct(3),
]


def test_coordinated_subjects_of_a_reciprocal_verb_are_related_to_each_other() -> None:
    (triple,) = graph_of(RECIPROCAL).triples
    assert triple.predicate.id == "kg:cooperatesWith"
    assert {triple.subject.label, triple.object.label} == {"Norway", "Denmark"}


POSSESSED_VICTIM = [
    proper("Reed", 2, "nsubjpass", "B-PERSON"),
    ("was", 2, "auxpass", "AUX", "VBD", "be", "O"),
    ("convicted", 2, "ROOT", "VERB", "VBN", "convict", "O"),
    ("of", 2, "prep", "ADP", "IN", "of", "O"),
    proper("Lane", 6, "poss", "B-PERSON"),
    ("'s", 4, "case", "PART", "POS", "'s", "O"),
    ("killing", 3, "pobj", "NOUN", "NN", "killing", "O"),
    punct(2),
]


def test_the_possessor_of_a_killing_is_its_victim_and_the_convicted_its_agent() -> None:
    graph = graph_of(POSSESSED_VICTIM)
    assert ("Reed", "kg:kills", "Lane") in facts(graph)
    assert ("Lane", "kg:kills", "Reed") not in facts(graph)


PLACE_QUALIFIER = [
    proper("Mwangi", 1, "nsubj", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    proper("Halvorsen", 1, "dobj", "B-PERSON"),
    ("in", 1, "prep", "ADP", "IN", "in", "O"),
    proper("Nairobi", 3, "pobj", "B-GPE"),
    punct(1),
]


def test_a_place_phrase_is_a_qualifier_not_a_second_partner() -> None:
    graph = graph_of(PLACE_QUALIFIER)
    assert len(graph.triples) == 1
    (triple,) = graph.triples
    assert triple.predicate.id == "kg:meets" and triple.place == ("Nairobi",)


# "Acme Foods hired Jon Moe. Tarvik Bank named Ana Lind its chair."
APPOINTED_BY_ITS_SUBJECT = [
    proper("Acme", 1, "nsubj", "B-ORG"),
    ("hired", 1, "ROOT", "VERB", "VBD", "hire", "O"),
    proper("Moe", 1, "dobj", "B-PERSON"),
    punct(1),
    proper("Tarvik", 5, "nsubj", "B-ORG"),
    ("named", 5, "ROOT", "VERB", "VBD", "name", "O"),
    proper("Lind", 5, "dobj", "B-PERSON"),
    ("its", 8, "poss", "PRON", "PRP$", "its", "O"),
    ("chair", 5, "oprd", "NOUN", "NN", "chair", "O"),
    punct(5),
]


def test_a_possessive_pronoun_may_stand_for_its_own_clauses_subject() -> None:
    """Co-arguments of one verb are never one entity, but a possessive is no argument: "its" is Tarvik's,
    not the organisation of the sentence before."""
    found = facts(graph_of(APPOINTED_BY_ITS_SUBJECT))
    assert ("Lind", "kg:leads", "Tarvik") in found
    assert not any(o == "Acme" for s, _, o in found if s in ("Lind", "Tarvik")), found


def test_the_subject_who_names_someone_to_a_role_does_not_hold_it() -> None:
    rows = [
        proper("Tarvik", 1, "nsubj", "B-ORG"),
        ("named", 1, "ROOT", "VERB", "VBD", "name", "O"),
        proper("Lind", 1, "dobj", "B-PERSON"),
        ("chair", 1, "oprd", "NOUN", "NN", "chair", "O"),
        ("of", 3, "prep", "ADP", "IN", "of", "O"),
        proper("Acme", 4, "pobj", "B-ORG"),
        punct(1),
    ]
    found = facts(graph_of(rows))
    assert ("Lind", "kg:leads", "Acme") in found
    assert ("Tarvik", "kg:leads", "Acme") not in found, found


def test_officers_of_a_unit_the_ner_left_unnamed_stand_for_the_organisation_named_in_it() -> None:
    # "Agents of the Tarvik Police Drug Unit detained Moe." with only "the Tarvik Police" named
    rows = [
        ("Agents", 7, "nsubj", "NOUN", "NNS", "agent", "O"),
        ("of", 0, "prep", "ADP", "IN", "of", "O"),
        ("the", 4, "det", "DET", "DT", "the", "B-ORG"),
        proper("Tarvik", 4, "compound", "I-ORG"),
        proper("Police", 6, "compound", "I-ORG"),
        proper("Drug", 6, "compound"),
        proper("Unit", 1, "pobj"),
        ("detained", 7, "ROOT", "VERB", "VBD", "detain", "O"),
        proper("Moe", 7, "dobj", "B-PERSON"),
        punct(7),
    ]
    assert ("Tarvik Police", "kg:arrests", "Moe") in facts(graph_of(rows))


def test_a_name_the_ner_missed_before_a_things_noun_is_the_thing() -> None:
    # "Acme's Zephyr probe observed Neptune." with "Zephyr" left unnamed by the NER
    rows = [
        proper("Acme", 3, "poss", "B-ORG"),
        ("'s", 0, "case", "PART", "POS", "'s", "O"),
        proper("Zephyr", 3, "compound"),
        ("probe", 4, "nsubj", "NOUN", "NN", "probe", "O"),
        ("observed", 4, "ROOT", "VERB", "VBD", "observe", "O"),
        proper("Neptune", 4, "dobj", "B-LOC"),
        punct(4),
    ]
    graph = graph_of(rows)
    assert ("Zephyr", "kg:studies", "Neptune") in facts(graph)
    assert {e.label: e.type for e in graph.entities}["Zephyr"] == "Work"


def test_a_title_with_several_appositive_names_is_the_firsts() -> None:
    # "Chair of the Assembly, Berg, Senator Moe and Senator Lind sued Tarvik." parsed with two appositions
    rows = [
        ("Chair", 13, "nsubj", "PROPN", "NNP", "chair", "O"),
        ("of", 0, "prep", "ADP", "IN", "of", "O"),
        ("the", 3, "det", "DET", "DT", "the", "O"),
        proper("Assembly", 1, "pobj", "B-ORG"),
        punct(0, ","),
        proper("Berg", 0, "appos", "B-PERSON"),
        punct(5, ","),
        proper("Senator", 8, "compound"),
        proper("Moe", 0, "appos", "B-PERSON"),
        ("and", 8, "cc", "CCONJ", "CC", "and", "O"),
        proper("Senator", 11, "compound"),
        proper("Lind", 8, "conj", "B-PERSON"),
        punct(0, ","),
        ("sued", 13, "ROOT", "VERB", "VBD", "sue", "O"),
        proper("Tarvik", 13, "dobj", "B-ORG"),
        punct(13),
    ]
    found = facts(graph_of(rows))
    assert ("Berg", "kg:leads", "Assembly") in found
    assert not any(s in ("Moe", "Lind") and o == "Assembly" for s, _, o in found), found


def test_a_possessor_the_parser_coordinated_with_the_subject_is_no_subject() -> None:
    # "Berg, Acme's chairman, sued Tarvik." parsed with "Acme's" a conjunct of "Berg" and "chairman" lost
    rows = [
        proper("Berg", 6, "nsubj", "B-PERSON"),
        punct(0, ","),
        proper("Acme", 0, "conj", "B-ORG"),
        ("'s", 2, "case", "PART", "POS", "'s", "O"),
        ("chairman", 6, "npadvmod", "NOUN", "NN", "chairman", "O"),
        punct(6, ","),
        ("sued", 6, "ROOT", "VERB", "VBD", "sue", "O"),
        proper("Tarvik", 6, "dobj", "B-ORG"),
        punct(6),
    ]
    found = facts(graph_of(rows))
    assert ("Berg", "kg:sues", "Tarvik") in found
    assert ("Acme", "kg:sues", "Tarvik") not in found, found


def test_what_a_company_launched_is_not_the_company_a_description_means() -> None:
    # "Acme engineer Berg launched Zeta. The company sued Tarvik."
    rows = [
        proper("Acme", 1, "compound", "B-ORG"),
        ("engineer", 2, "compound", "NOUN", "NN", "engineer", "O"),
        proper("Berg", 3, "nsubj", "B-PERSON"),
        ("launched", 3, "ROOT", "VERB", "VBD", "launch", "O"),
        proper("Zeta", 3, "dobj", "B-ORG"),
        punct(3),
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("company", 2, "nsubj", "NOUN", "NN", "company", "O"),
        ("sued", 2, "ROOT", "VERB", "VBD", "sue", "O"),
        proper("Tarvik", 2, "dobj", "B-ORG"),
        punct(2),
    ]
    found = facts(graph_of(story(rows[:6], rows[6:])))
    assert ("Acme", "kg:sues", "Tarvik") in found, found
    assert ("Zeta", "kg:sues", "Tarvik") not in found, found


def _met_then_pronoun(first: str, last: str, pronoun: str) -> list[Row]:
    """ "<first> <last> met Ana Lind. <pronoun> praised Acme." """
    return story(
        [proper(first, 1, "compound", "B-PERSON"), proper(last, 2, "nsubj", "I-PERSON"),
         ("met", 2, "ROOT", "VERB", "VBD", "meet", "O"), proper("Ana", 4, "compound", "B-PERSON"),
         proper("Lind", 2, "dobj", "I-PERSON"), punct(2)],
        [(pronoun, 1, "nsubj", "PRON", "PRP", pronoun.lower(), "O"),
         ("praised", 1, "ROOT", "VERB", "VBD", "praise", "O"), proper("Acme", 1, "dobj", "B-ORG"),
         punct(1)],
    )  # fmt: skip


def test_a_common_first_name_settles_which_person_a_pronoun_can_stand_for() -> None:
    # the subject is the likelier antecedent, but "Jon" is a man's name and "she" a woman
    subjects = {s for s, _, o in facts(graph_of(_met_then_pronoun("Jon", "Moe", "She"))) if o == "Acme"}
    assert subjects == {"Ana Lind"}


def test_a_rarer_first_name_only_ranks_antecedents() -> None:
    # "Ola" is a woman's name in the US census and a man's in Norway: with no man's name near, "he" is still Ola
    subjects = {s for s, _, o in facts(graph_of(_met_then_pronoun("Ola", "Berg", "He"))) if o == "Acme"}
    assert subjects == {"Ola Berg"}


def test_a_building_before_a_name_is_no_role_of_the_named() -> None:
    # "In Leeds jail, Jon Moe wrote letters.": a noun before ", name" may describe the name ("Acme's chief, Jon
    # Moe,"), but a jail is nobody's role, so Moe does not live in Leeds for it
    rows = [
        ("In", 6, "prep", "ADP", "IN", "in", "O"),
        proper("Leeds", 2, "compound", "B-GPE"),
        ("jail", 0, "pobj", "NOUN", "NN", "jail", "O"),
        punct(6, ","),
        proper("Jon", 5, "compound", "B-PERSON"),
        proper("Moe", 6, "nsubj", "I-PERSON"),
        ("wrote", 6, "ROOT", "VERB", "VBD", "write", "O"),
        ("letters", 6, "dobj", "NOUN", "NNS", "letter", "O"),
        punct(6),
    ]
    assert not {f for f in facts(graph_of(rows)) if f[0] == "Jon Moe"}, facts(graph_of(rows))


def test_a_hyphenated_name_before_a_title_is_one_organisation() -> None:
    # "Analysts said Q-Tel CEO Ola Berg resigned." with the NER naming only the person
    rows = [
        ("Analysts", 1, "nsubj", "NOUN", "NNS", "analyst", "O"),
        ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
        proper("Q", 4, "compound"),
        ("-", 4, "punct", "PUNCT", "HYPH", "-", "O"),
        proper("Tel", 5, "compound"),
        proper("CEO", 7, "compound"),
        proper("Ola", 7, "compound", "B-PERSON"),
        proper("Berg", 8, "nsubj", "I-PERSON"),
        ("resigned", 1, "ccomp", "VERB", "VBD", "resign", "O"),
        punct(1),
    ]
    assert ("Ola Berg", "kg:leads", "Q-Tel") in facts(graph_of(rows)), facts(graph_of(rows))


def test_a_clause_opened_by_nor_asserts_nothing() -> None:
    # "Nor did Uganda attack Tanzania."
    rows = [
        ("Nor", 3, "cc", "CCONJ", "CC", "nor", "O"),
        ("did", 3, "aux", "AUX", "VBD", "do", "O"),
        proper("Uganda", 3, "nsubj", "B-GPE"),
        ("attack", 3, "ROOT", "VERB", "VB", "attack", "O"),
        proper("Tanzania", 3, "dobj", "B-GPE"),
        punct(3),
    ]
    (triple,) = graph_of(rows).triples
    assert triple.negated and triple.predicate.id == "kg:attacks"


def test_a_place_on_a_route_is_no_antecedent_of_they() -> None:
    # "Jon Moe drove home via Bergen. They stopped him." with the NER calling the town an organisation
    rows = story(
        [proper("Jon", 1, "compound", "B-PERSON"), proper("Moe", 2, "nsubj", "I-PERSON"),
         ("drove", 2, "ROOT", "VERB", "VBD", "drive", "O"), ("home", 2, "advmod", "ADV", "RB", "home", "O"),
         ("via", 2, "prep", "ADP", "IN", "via", "O"), proper("Bergen", 4, "pobj", "B-ORG"),
         punct(2)],
        [("They", 1, "nsubj", "PRON", "PRP", "they", "O"), ("stopped", 1, "ROOT", "VERB", "VBD", "stop", "O"),
         ("him", 1, "dobj", "PRON", "PRP", "he", "O"), punct(1)],
    )  # fmt: skip
    assert not {f for f in facts(graph_of(rows)) if f[0] == "Bergen"}, facts(graph_of(rows))


def _described(noun: str) -> list[Row]:
    """ "Acme, a Leeds <noun>, closed." """
    return [
        proper("Acme", 6, "nsubj", "B-ORG"),
        punct(0, ","),
        ("a", 4, "det", "DET", "DT", "a", "O"),
        proper("Leeds", 4, "compound", "B-GPE"),
        (noun, 0, "appos", "NOUN", "NN", noun, "O"),
        punct(0, ","),
        ("closed", 6, "ROOT", "VERB", "VBD", "close", "O"),
        punct(6),
    ]


def test_a_place_before_a_noun_describing_an_organisation_is_its_base() -> None:
    assert ("Acme", "kg:basedIn", "Leeds") in facts(graph_of(_described("company")))


def test_a_place_before_a_thing_noun_is_no_base() -> None:
    # "Acme, a Leeds page,": a page is nothing an organisation or a person is
    assert not facts(graph_of(_described("page")))

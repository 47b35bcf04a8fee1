"""A small news corpus written for these tests: articles that share people, organisations and places, so that
the corpus-wide rules (surnames, initials, short forms, namesakes of two nationalities, capitals standing for
their country, syndicated copies) decide differently depending on which articles a build holds."""

from __future__ import annotations

from pathlib import Path

ARTICLES: dict[str, str] = {
    "harbour-strike": """\
Dock Workers Strike in Valdora

Petra Lindqvist, the leader of the Harbour Union, met Portuguese Prime Minister Tomas Reyes in Lisbon on Monday.
Lindqvist said the dock workers would return on Wednesday.
The National Water Authority supports the agreement, officials said.
""",
    "harbour-strike-copy": """\
Dock Workers Strike in Valdora

Petra Lindqvist, the leader of the Harbour Union, met Portuguese Prime Minister Tomas Reyes in Lisbon on Monday.
Lindqvist said the dock workers would return on Wednesday after the talks.
The National Water Authority supports the agreement, officials said.
""",
    "water-pact": """\
Norway Backs Kenyan Water Plan

Norwegian Foreign Minister Ingrid Halvorsen met Kenyan President Daniel Mwangi in Nairobi on Tuesday.
Oslo pledged new funds for the NWA, and Halvorsen praised Mwangi for the reforms.
Nairobi thanked Oslo for the support.
The Kremlin criticised the plan.
""",
    "acme-contract": """\
Acme Corp. Wins Port Contract

Acme Corp. signed a contract with the Harbour Union on Thursday.
Acme will build two new cranes, the company said.
Reyes welcomed the deal.
""",
    "baker-kenya": """\
Kenyan Envoy Visits Madrid

Kenyan envoy John Baker met Spanish Prime Minister Lucia Ortega in Madrid.
Baker thanked Ortega for her support.
""",
    "baker-canada": """\
Canadian Minister Opens Port Office

Canadian minister John Baker opened a trade office in Lisbon on Friday.
Baker met Tomas Reyes after the ceremony.
""",
    "mwangi-visit": """\
Mwangi Visits Oslo

Mwangi visited Oslo on Thursday and met Halvorsen.
The two leaders signed a water agreement.
""",
    "union-vote": """\
Harbour Union Votes on Deal

Members of the Harbour Union voted to accept the deal on Friday.
Lindqvist thanked the members and criticised Acme.
""",
}


def write_corpus(folder: Path, names: list[str] | None = None) -> list[Path]:
    """The articles as .txt files in ``folder`` (all, or the ones named), in the order given."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names if names is not None else list(ARTICLES):
        path = folder / f"{name}.txt"
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(path)
    return paths

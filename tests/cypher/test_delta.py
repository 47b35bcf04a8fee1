"""Neo4j after an update gets only what changed: a build grown by B, then with B removed again, leaves the
server as a fresh export of that build would, writes fewer rows than a full export, and nothing when run again."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kg.export.neo4j import write_neo4j
from kg.graph import load
from kg.store import OutputOptions, build_into, remove_from
from tests.store.corpus import write_corpus

from .helpers import snapshot, wipe

pytestmark = [pytest.mark.neo4j, pytest.mark.model]

A = ["harbour-strike", "water-pact", "acme-contract", "baker-kenya"]
B = ["harbour-strike-copy", "baker-canada", "mwangi-visit", "union-vote"]


def graph_only(settings: Any) -> dict[str, Any]:
    """The server's nodes and relationships, without the export's marker node."""
    found = snapshot(settings)
    found["nodes"] = [n for n in found["nodes"] if "KgExport" not in n[0]]
    return found


def fresh_export(settings: Any, folder: Path) -> dict[str, Any]:
    """What the plain exporter writes of a build folder into an empty database."""
    wipe(settings)
    write_neo4j(load(folder), settings)
    return graph_only(settings)


def test_updates_write_only_what_changed_and_leave_what_a_fresh_export_leaves(
    nlp: Any, neo4j_db: Any, tmp_path: Path
) -> None:
    paths = {p.stem: p for p in write_corpus(tmp_path / "corpus")}
    options = OutputOptions(rdf=False, html=False, embedded=False, neo4j=neo4j_db.uri, neo4j_settings=neo4j_db)
    out = tmp_path / "out"

    first = build_into([paths[n] for n in A], out, options=options, nlp=nlp)
    [written] = [w for w in first.written if w.exporter == "neo4j"]
    assert "everything written" in written.summary and written.count > 0
    only_a = graph_only(neo4j_db)

    grown = build_into([paths[n] for n in B], out, options=options, nlp=nlp)
    [update] = [w for w in grown.written if w.exporter == "neo4j"]
    assert "changes only" in update.summary and update.count > 0
    after_b = graph_only(neo4j_db)
    again = build_into([paths[n] for n in A + B], out, options=options, nlp=nlp)
    [rerun] = [w for w in again.written if w.exporter == "neo4j"]
    assert rerun.count == 0, rerun.summary  # idempotent: nothing changed, nothing written

    removed = remove_from(out, origins=[str(paths[n]) for n in B], neo4j=neo4j_db.uri, nlp=nlp)
    [shrunk] = [w for w in removed.written if w.exporter == "neo4j"]
    assert " deleted" in shrunk.summary and shrunk.count > 0
    assert graph_only(neo4j_db) == only_a

    # the server held what a fresh export of each build writes
    both = tmp_path / "both"
    build_into([paths[n] for n in A + B], both, options=OutputOptions(rdf=False, html=False, embedded=False), nlp=nlp)
    full = fresh_export(neo4j_db, both)
    assert after_b == full
    assert update.count < sum(len(rows) for rows in full.values())


def test_a_wiped_server_gets_everything_again(nlp: Any, neo4j_db: Any, tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus", A)
    options = OutputOptions(rdf=False, html=False, embedded=False, neo4j=neo4j_db.uri, neo4j_settings=neo4j_db)
    build_into(paths, tmp_path / "out", options=options, nlp=nlp)
    exported = graph_only(neo4j_db)
    wipe(neo4j_db)
    report = build_into(paths, tmp_path / "out", options=options, nlp=nlp)
    [written] = [w for w in report.written if w.exporter == "neo4j"]
    assert "everything written" in written.summary
    assert graph_only(neo4j_db) == exported


def test_kg_export_neo4j_of_a_build_sends_changes_only(
    nlp: Any, neo4j_db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.cli import main

    out = tmp_path / "out"
    build_into(write_corpus(tmp_path / "corpus", A), out, options=OutputOptions(html=False, embedded=False), nlp=nlp)
    login = ["--uri", neo4j_db.uri, "--user", neo4j_db.user, "--password", neo4j_db.password]
    assert main(["export", "neo4j", str(out), *login]) == 0
    assert "everything written" in capsys.readouterr().err
    assert main(["export", "neo4j", str(out), *login]) == 0
    assert re.search(r"kg export neo4j: 0 rows written, 0 deleted, \d+ unchanged", capsys.readouterr().err)
    assert main(["export", "neo4j", str(out), "--full", *login]) == 0
    assert "everything written" in capsys.readouterr().err

"""Crash safety, for real: ``kg build`` killed with SIGKILL once some records are stored, then the same command
again, resumes without parsing the stored documents and ends with the files of an uninterrupted build."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from kg.store import OutputOptions, build_into

from .corpus import ARTICLES

pytestmark = pytest.mark.model

COMPARED = ("triples.jsonl", "entities.jsonl", "graph.ttl", "documents.jsonl", "extractions.jsonl")
FLAGS = ("--no-html", "--no-embedded")
SUMMARY = re.compile(
    r"^  (?:(?P<new>[\d,]+) new documents? parsed)?(?:, )?(?:(?P<reused>[\d,]+) reused)?", re.MULTILINE
)


def corpus(path: Path, documents: int, seed: int) -> Path:
    """A JSONL corpus of short articles, each three sentences of the test articles and a line of its own."""
    rng = random.Random(seed)
    sentences = [s for text in ARTICLES.values() for s in text.splitlines()[2:] if s.strip()]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(documents):
            text = " ".join(rng.sample(sentences, 3)) + f" The harbour office filed report {n} on the day."
            handle.write(json.dumps({"id": f"story-{seed}-{n}", "text": text}) + "\n")
    return path


def kg(*argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "kg", *argv], cwd=REPO, env=env, stderr=subprocess.PIPE, text=True)


def kill_when(process: subprocess.Popen[str], ready: Callable[[], bool]) -> None:
    """SIGKILL the build as soon as ``ready()`` (fails if the build finished first)."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"the build finished before it could be killed: {process.stderr.read() if process.stderr else ''}"
            )
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait()
            return
        time.sleep(0.02)
    process.kill()
    pytest.fail("the build did not get there in time")


def kill_once_stored(process: subprocess.Popen[str], out: Path, shards: int) -> None:
    """SIGKILL the build once ``shards`` shards of records are stored (in the folder, counting any stored
    before). A shard's file appears just before the index registers it, and the next shard's file only after
    that: so the build is killed once ``shards + 1`` files exist, when the first ``shards`` are surely stored
    (killing on the ``shards``-th file alone loses it on a loaded machine, and the build then reuses nothing)."""
    folder = out / ".kg" / "shards"
    kill_when(process, lambda: folder.is_dir() and len(list(folder.glob("records-*.jsonl.gz"))) > shards)


def resume(*argv: str) -> dict[str, int]:
    process = kg(*argv)
    _, err = process.communicate(timeout=900)
    assert process.returncode == 0, err
    found = SUMMARY.search(err)
    assert found, err
    return {k: int((v or "0").replace(",", "")) for k, v in found.groupdict().items()}


def test_a_build_killed_midway_resumes_and_ends_as_an_uninterrupted_one(nlp: Any, tmp_path: Path) -> None:
    source = corpus(tmp_path / "corpus.jsonl", 200, seed=1)
    build_into([source], tmp_path / "whole", options=OutputOptions(html=False, embedded=False), nlp=nlp)
    out = tmp_path / "killed"
    kill_once_stored(kg("build", str(source), "--out", str(out), *FLAGS), out, shards=1)
    counts = resume("build", str(source), "--out", str(out), *FLAGS)
    assert counts["reused"] >= 64 and counts["new"] + counts["reused"] == 200, counts
    for name in COMPARED:
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name


def test_an_update_killed_midway_resumes_and_ends_as_an_uninterrupted_one(nlp: Any, tmp_path: Path) -> None:
    first, second = corpus(tmp_path / "monday.jsonl", 40, seed=2), corpus(tmp_path / "tuesday.jsonl", 160, seed=3)
    options = OutputOptions(html=False, embedded=False)
    build_into([first, second], tmp_path / "whole", options=options, nlp=nlp)
    out = tmp_path / "killed"
    build_into([first], out, options=options, nlp=nlp)
    kill_once_stored(kg("build", str(second), "--out", str(out), *FLAGS), out, shards=2)
    counts = resume("build", str(second), "--out", str(out), *FLAGS)
    assert counts["reused"] >= 64 and counts["new"] + counts["reused"] == 160, counts
    for name in COMPARED:
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name


def test_a_build_killed_while_normalising_resumes_without_parsing(nlp: Any, tmp_path: Path) -> None:
    source = corpus(tmp_path / "corpus.jsonl", 200, seed=4)
    build_into([source], tmp_path / "whole", options=OutputOptions(html=False, embedded=False), nlp=nlp)
    out = tmp_path / "killed"
    # the group-by tables appear once every record is stored and normalisation has begun
    kill_when(kg("build", str(source), "--out", str(out), *FLAGS), (out / ".kg" / "graph.sqlite").exists)
    counts = resume("build", str(source), "--out", str(out), *FLAGS)
    assert counts == {"new": 0, "reused": 200}, counts
    for name in COMPARED:
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name

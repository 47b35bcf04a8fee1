"""``kg --help``, ``kg build --help`` and ``python -m kg``: no model needed."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import REPO

import kg
from kg.cli import main

JSONL_FILES = ("triples.jsonl", "extractions.jsonl", "entities.jsonl", "documents.jsonl")


def test_help_explains_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    assert "knowledge graph" in text
    assert "kg build ARTICLE... --out DIR" in text
    for command in ("build", "export", "query", "eval", "validate", "sparql"):
        assert re.search(rf"^\s+{command}\s", text, re.MULTILINE), command


def test_build_help_explains_inputs_and_outputs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["build", "--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    for needle in (".txt", ".html, .htm", ".jsonl", "FOLDER", "standard input", "--jsonl-text", "--strict", "--quiet"):
        assert needle in text, needle
    for name in JSONL_FILES:
        assert re.search(rf"^\s+{re.escape(name)}\s+\S", text, re.MULTILINE), name
    assert "exit status is 1 only when nothing could be read" in text


def test_no_command_and_missing_inputs_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: kg" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["build"])
    assert exited.value.code == 2
    assert "the following arguments are required: INPUT" in capsys.readouterr().err


def test_python_dash_m_kg() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, cwd=REPO, env=env, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: kg ")
    version = subprocess.run(
        [sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, cwd=REPO, env=env, timeout=60
    )
    assert version.returncode == 0 and version.stdout.strip() == f"kg {kg.__version__}"

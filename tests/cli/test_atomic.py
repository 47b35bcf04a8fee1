"""Outputs are written atomically: a failure midway leaves the previous file whole and no temporary file behind."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from model.graphs import small_graph

from kg.errors import OutputError
from kg.export.files import atomic_path, open_output
from kg.export.jsonl import write_jsonl


class Interrupted(Exception):
    """Stands for anything that stops a writer halfway (a bug, a full disk, Ctrl-C)."""


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_success_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "triples.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with open_output(target) as handle:
        handle.write("new line one\n")
        # the old file is still there, untouched, while the new one is being written
        assert target.read_text(encoding="utf-8") == "old\n"
        handle.write("new line two\n")
    assert target.read_text(encoding="utf-8") == "new line one\nnew line two\n"
    assert leftovers(tmp_path) == []


def test_failure_midway_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "triples.jsonl"
    target.write_text('{"id": "st-1"}\n{"id": "st-2"}\n', encoding="utf-8")
    with pytest.raises(Interrupted), open_output(target) as handle:
        handle.write('{"id": "st-3"}\n')
        handle.flush()
        assert leftovers(tmp_path)  # the half-written rows sit in a temporary file beside the target
        raise Interrupted
    assert target.read_text(encoding="utf-8") == '{"id": "st-1"}\n{"id": "st-2"}\n'
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["triples.jsonl"]


def test_failure_before_any_earlier_output_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new" / "entities.jsonl"
    with pytest.raises(Interrupted), open_output(target) as handle:
        handle.write("half")
        raise Interrupted
    assert not target.exists()
    assert leftovers(target.parent) == []


def test_jsonl_writer_interrupted_by_its_rows(tmp_path: Path) -> None:
    target = tmp_path / "triples.jsonl"
    write_jsonl((t.to_dict() for t in small_graph().triples), target)
    before = target.read_bytes()

    def rows() -> Iterator[dict[str, Any]]:
        yield {"id": "st-new"}
        raise Interrupted

    with pytest.raises(Interrupted):
        write_jsonl(rows(), target)
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_open_file_is_written_in_place_and_left_open() -> None:
    buffer = io.StringIO()
    with open_output(buffer) as handle:
        assert handle is buffer
        handle.write("row\n")
    assert buffer.getvalue() == "row\n" and not buffer.closed


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        target = tmp_path / "triples.jsonl"
        with open_output(target) as handle:
            handle.write("x\n")
    finally:
        os.umask(previous)
    # readable by others like any file a program writes, not owner-only like a raw temporary file
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "triples.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    with open_output(target) as handle:
        handle.write("new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "new\n"


def test_unwritable_place_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with (
        pytest.raises(OutputError, match=r"not-a-folder/triples\.jsonl: cannot write \(.+\)$"),
        open_output(blocker / "triples.jsonl") as handle,
    ):
        handle.write("never")
    # a folder standing where the file should go
    (tmp_path / "triples.jsonl").mkdir()
    with (
        pytest.raises(OutputError, match=r"triples\.jsonl: cannot write \(.+\)$"),
        open_output(tmp_path / "triples.jsonl") as handle,
    ):
        handle.write("rows\n")
    assert (tmp_path / "triples.jsonl").is_dir()
    assert leftovers(tmp_path) == []


def test_atomic_path_hands_out_a_sibling(tmp_path: Path) -> None:
    target = tmp_path / "graph.bin"
    with atomic_path(target) as tmp:
        assert tmp.parent == target.parent and tmp != target
        tmp.write_bytes(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert not tmp.exists()

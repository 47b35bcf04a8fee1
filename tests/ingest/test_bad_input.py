"""Bad input is reported in one line naming the file (and line), skipped, and the rest is still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError, KgError
from kg.ingest import read_documents
from kg.model import Document

GOOD = "The harbour master of Valdora retired on Friday after thirty years in the post.\n"


def read(paths: list[str | Path]) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    return list(read_documents(paths, on_error=errors.append)), errors


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t \n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        ("latin1.txt", "Caf\xe9 owners in Valdora protested.".encode("latin-1"), "not UTF-8 (bad byte at offset 3)"),
        ("empty.jsonl", b"", "empty file"),
        ("broken.html", b"\xff\xfe<html>", "not UTF-8 (bad byte at offset 0)"),
        (
            "no-article.html",
            b"<html><body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav></body></html>",
            "no article text found in the HTML page",
        ),
        (
            "only-furniture.txt",
            b"Subscribe to our newsletter!\n\nRead more\n\nShare this article\n",
            "no article text left after removing page furniture",
        ),
    ],
)
def test_bad_file_is_reported_and_the_rest_is_read(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    docs, errors = read([bad, good])
    assert [d.origin for d in docs] == [str(good)]
    [error] = errors
    assert str(error) == f"{bad}: {reason}"
    assert error.source == str(bad)
    assert "\n" not in str(error)


def test_missing_path_is_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    missing = tmp_path / "nowhere" / "gone.txt"
    docs, errors = read([missing, good])
    assert [d.origin for d in docs] == [str(good)]
    assert [str(e) for e in errors] == [f"{missing}: no such file or directory"]


def test_folder_without_articles_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    docs, errors = read([folder])
    assert docs == []
    assert [str(e) for e in errors] == [f"{folder}: folder holds no .txt, .html or .jsonl files"]


def test_bad_file_inside_a_folder_does_not_stop_the_walk(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "c.txt").write_text("The new harbour master starts on Monday.\n", encoding="utf-8")
    docs, errors = read([tmp_path])
    assert [Path(d.origin or "").name for d in docs] == ["a.txt", "c.txt"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'b.txt'}: binary file, not text"]


def test_malformed_jsonl_lines_name_file_and_line_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": "The port reopened on Monday."}),
        '{"id": "broken", "text": "no closing brace"',
        json.dumps({"id": "no-text", "body": "The key is wrong."}),
        "",
        json.dumps(["a", "list", "is", "not", "an", "object"]),
        json.dumps({"id": "blank-text", "text": "   "}),
        json.dumps({"id": "number-text", "text": 12}),
        json.dumps({"id": "ok-2", "text": "The strike ended on Tuesday."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = read([path])
    assert [(d.id, d.origin) for d in docs] == [("ok-1", f"{path}:1"), ("ok-2", f"{path}:8")]
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"{path}:2: not valid JSON (")
    assert messages[1:] == [
        f'{path}:3: no "text" field',
        f"{path}:5: a line must be a JSON object",
        f'{path}:6: empty "text"',
        f'{path}:7: no "text" field',
    ]
    assert all("\n" not in m for m in messages)
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (2, 3, 5, 6, 7)]


def test_default_handler_raises_the_first_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt: empty file$") as caught:
        list(read_documents([empty]))
    assert isinstance(caught.value, KgError)


def test_dangling_link_is_reported_as_missing(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "target-that-does-not-exist.txt")
    docs, errors = read([link])
    assert docs == []
    assert [str(e) for e in errors] == [f"{link}: no such file or directory"]

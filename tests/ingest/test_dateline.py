"""Datelines: cut from the story so the parser never reads them as a subject, kept as Document metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_documents
from kg.ingest.dateline import split_dateline
from kg.model import Dateline

REST = "The harbour master said the queue of ships would clear within a week."


@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("VALDORA, Norland (AP) — ", "VALDORA, Norland", "AP"),
        ("ST. ALBANS, Vt. (AP) - ", "ST. ALBANS, Vt.", "AP"),
        ("PORTO NUEVO (Reuters) - ", "PORTO NUEVO", "Reuters"),
        ("LISBON, Portugal -- ", "LISBON, Portugal", None),
        ("WINSTON-SALEM, N.C. – ", "WINSTON-SALEM, N.C.", None),
        ("NAIROBI — ", "NAIROBI", None),
        ("BERGEN, March 14 (NTB) -- ", "BERGEN", "NTB"),
        ("OSLO, Nov. 3 (Reuters) - ", "OSLO", "Reuters"),
        ("Valdora, Norland (AFP) - ", "Valdora, Norland", "AFP"),
        ("SAN MARCO (Courier News Service) — ", "SAN MARCO", "Courier News Service"),
        ("Tarvik, NY – ", "Tarvik, NY", None),  # press releases: a mixed-case city with a state code
        ("Oakdale, Calif. - ", "Oakdale, Calif.", None),
    ],
)
def test_dateline_shapes(opening: str, place: str, agency: str | None) -> None:
    assert split_dateline(opening + REST) == (Dateline(place, agency), REST)


@pytest.mark.parametrize(
    "paragraph",
    [
        REST,
        "Valdora - the country's largest port - was quiet on Thursday.",  # a mixed-case word and a dash
        "UK - Norway talks resumed on Monday.",  # a two-letter initialism, no agency
        "WARNING: The harbour is closed to small boats.",  # a label and a colon
        "NATO — the alliance met in Brussels.",  # the story does not go on with a capital
        "The Valdora Courier (VC) - a weekly - reported the strike first.",  # a sentence, not a place
        "Ships, Boats (and Ferries) — ",  # nothing follows
        "Ola Berg, Acme – The plan worked.",  # a mixed-case place needs a state code
    ],
)
def test_prose_is_not_a_dateline(paragraph: str) -> None:
    assert split_dateline(paragraph) is None


def test_text_file_dateline_is_metadata_and_offsets_point_into_the_saved_text(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "Harbour Strike Ends in Valdora\n\nVALDORA, Norland (AP) — Dock workers went back to work on Monday.\n\n"
        "PORTO NUEVO (Reuters) - This second paragraph keeps its opening: only the story's first one is a dateline.\n",
        encoding="utf-8",
    )
    [doc] = read_documents([path])
    assert doc.dateline == Dateline("VALDORA, Norland", "AP")
    assert doc.title == "Harbour Strike Ends in Valdora"
    assert doc.text.startswith("Dock workers went back to work on Monday.")
    assert "PORTO NUEVO (Reuters) - This second paragraph" in doc.text


def test_jsonl_text_is_taken_as_it_is(tmp_path: Path) -> None:
    """A corpus someone already cleaned keeps its text byte for byte: no dateline is cut from it."""
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"id": "w1", "text": "VALDORA (AP) - Dock workers went back to work."}\n', encoding="utf-8")
    [doc] = read_documents([path])
    assert doc.text == "VALDORA (AP) - Dock workers went back to work." and doc.dateline is None

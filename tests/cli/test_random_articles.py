"""Random article text through the whole pipeline never crashes: every default output is written, and
``kg build`` exits 0 (or 1 with a one-line error when nothing is left to read).

The text is built from words that reach the extractors (names, reporting verbs, pronouns, negation, dates,
quotes, titles) mixed with arbitrary Unicode, so the parser and the rules see both plausible and hostile
input. 500 examples run in CI; ``pytest -m nightly`` runs many more.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.model

_WORDS = [
    "Ana Silva", "Tomas Berg", "Norway", "Kenya", "the United States", "U.S.", "Acme Corp.", "the ministry",
    "President", "CEO", "Gov.", "Dr.", "he", "she", "it", "they", "who", "which", "said", "told", "denied",
    "did not", "will", "may", "met", "attacked", "killed", "supports", "acquired", "sued", "launched", "beat",
    "was", "by", "of", "in", "at", "to", "with", "and", ",", ".", ";", ":", "(", ")", '"', "“", "”", "'s", "-",
    "--", "on Tuesday", "in 2019", "last week", "3-1", "$5 million", "AP", "(Reuters)", "\n", "\n\n", "Mr.",
    "according to", "the country", "the president", "its", "their", "not", "never", "reportedly", "wanted",
    "to investigate", "Sign up", "Read more", "©", "Photo:", "https://example.org/x", "#tag", "@user",
]  # fmt: skip
_PIECES = st.one_of(
    st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.text(min_size=1, max_size=8)
)
ARTICLES = st.lists(_PIECES, min_size=1, max_size=80).map(" ".join)


def _check_outputs(out: Path) -> None:
    for name in ("triples.jsonl", "entities.jsonl", "documents.jsonl", "extractions.jsonl"):
        # JSON lines end at "\n" only: U+0085 or U+2028 inside a string are text, not line breaks
        for line in (out / name).read_text(encoding="utf-8").split("\n")[:-1]:
            json.loads(line)
    assert (out / "graph.ttl").is_file() and (out / "graph.html").is_file()


def _build(kg_cli: Callable[..., int], text: str, as_page: bool, folder: Path, capsys: Any, *extra: str) -> None:
    # A .txt page goes through the furniture rules (which may leave nothing); a JSONL corpus is parsed as given.
    if as_page:
        article = folder / "article.txt"
        article.write_text(text, encoding="utf-8")
    else:
        article = folder / "corpus.jsonl"
        article.write_text(json.dumps({"id": "a1", "text": text}) + "\n", encoding="utf-8")
    out = folder / "out"
    status = kg_cli("build", str(article), "--out", str(out), "-q", "--no-progress", *extra)
    err = capsys.readouterr().err
    event("nothing readable" if status == 1 else "built")
    if status == 1:
        # nothing readable (all furniture, empty): said in one line each, nothing written
        assert err.startswith("kg: ") and all(line.startswith("kg: ") for line in err.splitlines()), err
        assert not (out / "triples.jsonl").exists()
        return
    assert status == 0, err
    _check_outputs(out)


def _text_ok(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be saved as a UTF-8 article
        return False
    return True


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ARTICLES.filter(_text_ok), as_page=st.booleans())
# Found by the nightly run: a superscript digit after a name is a digit to str.isdigit but not to int().
@example(text="Ana Silva Ana Silva Tomas Berg 0 \u00b2", as_page=False)
def test_random_articles_never_crash(
    text: str, as_page: bool, kg_cli: Callable[..., int], tmp_path_factory: pytest.TempPathFactory, capsys: Any
) -> None:
    # The embedded store is covered by its own round-trip property; here the text-heavy outputs are.
    _build(kg_cli, text, as_page, tmp_path_factory.mktemp("fuzz"), capsys, "--no-embedded")


@pytest.mark.nightly
@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ARTICLES.filter(_text_ok), as_page=st.booleans())
def test_random_articles_never_crash_with_every_output(
    text: str, as_page: bool, kg_cli: Callable[..., int], tmp_path_factory: pytest.TempPathFactory, capsys: Any
) -> None:
    _build(kg_cli, text, as_page, tmp_path_factory.mktemp("fuzz"), capsys)

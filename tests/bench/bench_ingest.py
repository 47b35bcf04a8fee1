"""Benchmark: how much of each article kg keeps from real web pages, scored against the true bodies.

    python tests/bench/bench_ingest.py [--documents OUT/documents.jsonl] [--keep FILE]

Reads ../shared/eval/realnews/pages with kg's ingest (no parsing needed: documents.jsonl holds exactly this
text), or takes the documents.jsonl of a `kg build` of those pages, writes one {"key", "text"} line a page
(the key is the page's file name) and runs ../shared/eval/score_ingest.py on it: word 4-gram shingle
precision, recall and F1 against realnews/bodies.jsonl, and the pages with the lowest recall. A page kg could
not read counts as empty. Prints the documents in another language than English as well.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REALNEWS = REPO.parent / "shared" / "eval" / "realnews"
SCORER = REPO.parent / "shared" / "eval" / "score_ingest.py"


def ingested(pages: Path) -> list[dict[str, object]]:
    """documents.jsonl rows of the pages, as `kg build` would write them."""
    sys.path.insert(0, str(REPO))
    from kg.ingest import read_documents

    errors: list[object] = []
    rows = [d.to_dict() for d in read_documents([pages], on_error=errors.append)]
    for error in errors:
        print(f"  skipped {error}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=Path, help="documents.jsonl of a kg build of the pages")
    parser.add_argument("--keep", type=Path, help="also write the {key, text} lines here")
    args = parser.parse_args()
    if args.documents:
        rows = [json.loads(line) for line in args.documents.read_text(encoding="utf-8").splitlines() if line]
    else:
        rows = ingested(REALNEWS / "pages")
    predicted = [{"key": Path(str(r["origin"])).stem, "text": r["text"]} for r in rows]
    other = sorted(
        (str(r["language"]), Path(str(r["origin"])).name) for r in rows if r.get("language") not in ("en", None)
    )
    print(
        f"  {len(rows)} documents, {len(other)} in another language: " + ", ".join(f"{n} ({lang})" for lang, n in other)
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "predicted.jsonl"
        out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predicted), encoding="utf-8")
        return subprocess.run(
            [sys.executable, str(SCORER), str(REALNEWS / "bodies.jsonl"), str(out)], check=False
        ).returncode


if __name__ == "__main__":
    sys.exit(main())

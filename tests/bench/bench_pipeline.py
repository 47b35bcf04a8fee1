"""Benchmark: kg build against bare spaCy parsing, same model, same batch size, one run side by side.

    python tests/bench/bench_pipeline.py [--repeat 3] [--workers 1] [--batch-size 64]

The corpus is assembled from ../shared/eval (the sample article, the CoNLL04 and CaRB sentences), repeated
to about 60,000 words. Each side runs in its own process, so peak memory (max RSS) is measured cleanly.
Prints words/second of each, their ratio (kg / bare; the target is >= 0.8), and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "eval"


def corpus(words: int) -> list[tuple[str, str]]:
    texts = [SHARED.joinpath("moscow-times-putin-assad.txt").read_text(encoding="utf-8")]
    for name in ("conll04-dev.jsonl", "carb-dev.jsonl"):
        for line in SHARED.joinpath(name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["text"])
    documents: list[tuple[str, str]] = []
    total, round_ = 0, 0
    while total < words:
        for i, text in enumerate(texts):
            documents.append((f"r{round_}-{i}", text))
            total += len(text.split())
        round_ += 1
    return documents


def run_side(side: str, words: int, workers: int, batch_size: int) -> dict[str, float]:
    sys.path.insert(0, str(REPO))
    from kg.model import Document
    from kg.nlp import load_pipeline, parse

    docs = corpus(words)
    nlp = load_pipeline()
    documents = [Document(doc_id, text) for doc_id, text in docs]
    count = sum(len(d.text.split()) for d in documents)
    started = time.perf_counter()
    if side == "bare":
        for _ in nlp.pipe((d.text for d in documents), batch_size=batch_size, n_process=workers):
            pass
    else:
        from kg.pipeline import build_documents

        graph = build_documents(documents, nlp=nlp, batch_size=batch_size, workers=workers)
        assert graph.triples, "kg build produced no triples"
    seconds = time.perf_counter() - started
    del parse
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"words": count, "seconds": seconds, "words_per_second": count / seconds, "peak_mb": peak_mb}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the best is kept")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--side", choices=("bare", "kg"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        print(json.dumps(run_side(args.side, args.words, args.workers, args.batch_size)))
        return 0
    if not SHARED.is_dir():
        print(f"bench_pipeline: {SHARED} is missing (the corpus is built from ../shared/eval)", file=sys.stderr)
        return 2
    best: dict[str, dict[str, float]] = {}
    for attempt in range(args.repeat):
        for side in ("bare", "kg"):  # interleaved, so drift in machine load hits both sides alike
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--side",
                    side,
                    "--words",
                    str(args.words),
                    "--workers",
                    str(args.workers),
                    "--batch-size",
                    str(args.batch_size),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            if side not in best or result["words_per_second"] > best[side]["words_per_second"]:
                best[side] = result
            print(
                f"  run {attempt + 1} {side:>4}: {result['words_per_second']:8.0f} words/s, "
                f"peak {result['peak_mb']:.0f} MB",
                file=sys.stderr,
            )
    bare, kg = best["bare"], best["kg"]
    print(
        f"corpus: {int(bare['words'])} words from ../shared/eval; model en_core_web_sm; batch {args.batch_size}; "
        f"workers {args.workers}; best of {args.repeat}"
    )
    print(f"bare nlp.pipe : {bare['words_per_second']:8.0f} words/s   peak {bare['peak_mb']:6.0f} MB")
    print(f"kg build      : {kg['words_per_second']:8.0f} words/s   peak {kg['peak_mb']:6.0f} MB")
    print(f"ratio kg/bare : {kg['words_per_second'] / bare['words_per_second']:.2f}   (target >= 0.80)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

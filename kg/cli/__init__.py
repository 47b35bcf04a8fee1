"""The ``kg`` command line: one module per subcommand, each with ``add_parser`` and ``run``.

Errors kg expects (:class:`~kg.errors.KgError`) are printed as one line, ``kg: error: ...``, with exit
status 1; argument mistakes exit 2 (argparse); Ctrl-C exits 130.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kg import __version__
from kg.errors import KgError

__all__ = ["COMMANDS", "main"]

# name -> module; each module defines add_parser(subparsers) and run(args) -> int
COMMANDS: dict[str, str] = {
    "build": "kg.cli.build",
    "remove": "kg.cli.remove",
    "export": "kg.cli.export",
    "query": "kg.cli.query",
    "eval": "kg.cli.evaluate",
    "validate": "kg.cli.validate",
    "sparql": "kg.cli.sparql",
    "view": "kg.cli.view",
    "diff": "kg.cli.diff",
    "curate": "kg.cli.curate",
}

DESCRIPTION = """\
Turn news articles into a knowledge graph: subject-relation-object triples read from each sentence,
normalised against an ontology (one node per real thing, relations from a defined vocabulary), with the
article, sentence and character offsets behind every edge.

Start with `kg build ARTICLE... --out DIR`; `kg COMMAND --help` explains each command."""


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="kg", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    root.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = root.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS.values():
        importlib.import_module(module).add_parser(sub)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "command", None):
        parser().print_help(sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[args.command])
    try:
        status: int = module.run(args)
    except KgError as error:
        print(f"kg: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 141
    return status

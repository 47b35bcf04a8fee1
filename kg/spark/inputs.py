"""The inputs of a Spark build: paths listed through Hadoop's file system, in the order a local build reads.

A local build walks each folder in sorted path order (:func:`kg.ingest.read_documents`); here the driver lists
it through the Hadoop ``FileSystem`` of the path's scheme (local, ``hdfs://``, ``s3a://``, ...) and sorts the
files the same way: by their path components below the folder. Each file keeps the name a local build gives it
(the input as written, joined with the path below it), which is what ``origin`` and error messages say.

>>> source_name("corpus/", "2024/a.jsonl"), source_name("s3a://news/corpus", "b.html")
('corpus/2024/a.jsonl', 's3a://news/corpus/b.html')
>>> sorted(["a/b-c/x.txt", "a/b/x.txt"], key=path_order)
['a/b/x.txt', 'a/b-c/x.txt']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, UsageError
from kg.ingest import EMPTY_FOLDER, FORMATS, NO_SUCH_PATH

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["InputFile", "Listing", "list_inputs", "path_order", "source_name"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read: its place in the input order, the name a local build gives it, its Hadoop path."""

    input: int
    file: int
    source: str
    uri: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Listing:
    """The files to read and the inputs that could not be listed (``(input, message)``)."""

    files: tuple[InputFile, ...]
    errors: tuple[tuple[int, InputError], ...]


def source_name(given: str, relative: str = "") -> str:
    """The name of a file found below the input ``given`` (or of ``given`` itself), as a local build writes it."""
    if _SCHEME.match(given) and not given.startswith("file:"):
        return f"{given.rstrip('/')}/{relative}" if relative else given
    return str(Path(given) / relative)


def path_order(relative: str) -> tuple[str, ...]:
    """The sort key of a path below a folder: its components, as :class:`pathlib.PurePath` orders paths."""
    return PurePosixPath(relative).parts


def _hadoop(spark: SparkSession) -> tuple[Any, Any]:
    context = spark.sparkContext
    return context._jvm, context._jsc.hadoopConfiguration()


def _list_folder(fs: Any, root: Any) -> list[tuple[str, str]]:
    """(path below the folder, Hadoop path) of every file with a known extension below ``root``."""
    prefix = fs.makeQualified(root).toString().rstrip("/") + "/"
    found = []
    files = fs.listFiles(root, True)
    while files.hasNext():
        path = files.next().getPath().toString()
        relative = path[len(prefix) :] if path.startswith(prefix) else path.rsplit("/", 1)[-1]
        if PurePosixPath(relative).suffix.lower() in FORMATS:
            found.append((relative, path))
    return sorted(found, key=lambda item: path_order(item[0]))


def list_inputs(spark: SparkSession, inputs: Sequence[str]) -> Listing:
    """Every file to read, in local order; a missing input or an empty folder is an error of that input."""
    jvm, conf = _hadoop(spark)
    files: list[InputFile] = []
    errors: list[tuple[int, InputError]] = []
    for number, given in enumerate(inputs):
        if given == "-":
            raise UsageError("--engine spark reads files and folders, not standard input ('-')")
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            errors.append((number, InputError(given, NO_SUCH_PATH)))
            continue
        if fs.getFileStatus(path).isDirectory():
            found = _list_folder(fs, path)
            if not found:
                errors.append((number, InputError(given, EMPTY_FOLDER)))
            for k, (relative, uri) in enumerate(found):
                files.append(InputFile(number, k, source_name(given, relative), uri, PurePosixPath(relative).suffix))
        else:
            uri = fs.makeQualified(path).toString()
            files.append(InputFile(number, 0, source_name(given), uri, PurePosixPath(uri).suffix))
    return Listing(tuple(files), tuple(errors))

"""The SparkSession of a build: from ``--spark-master``, or what ``spark-submit`` configured.

Under ``spark-submit`` the master, the executors and the shipped Python environment come from its options and
are left alone. Started from ``kg build`` directly, Spark runs in local mode (``local[*]`` unless
``--spark-master`` says otherwise) with this Python as the executors' Python, so they import the same kg.

The Neo4j connector is a jar on ``spark.jars`` (``spark.jars.packages`` would fetch it through Ivy at run
time, which kg never does): ``KG_SPARK_JARS`` (comma-separated paths), else the jars ``.ci/spark/resolve``
placed in ``.cache/spark/jars`` of a source checkout.

>>> connector_jars(environ={"KG_SPARK_JARS": "/opt/a.jar,/opt/b.jar"})
('/opt/a.jar', '/opt/b.jar')
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UsageError
from kg.spark import SparkOptions

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["JAVA_HINT", "PYSPARK_HINT", "connector_jars", "spark_session"]

PYSPARK_HINT = "--engine spark needs pyspark: pip install 'kg[spark]'"
JAVA_HINT = (
    "--engine spark could not start Spark: it needs Java 17 (or 11, 8) as JAVA_HOME or java on PATH "
    "(apt-get install openjdk-17-jre-headless)"
)
_CHECKOUT_JARS = Path(__file__).resolve().parents[2] / ".cache" / "spark" / "jars"
_LOGGING = Path(__file__).resolve().parent / "log4j2.properties"


def connector_jars(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The jars to put on ``spark.jars``: ``KG_SPARK_JARS``, else those of ``.cache/spark/jars`` (if any)."""
    environ = os.environ if environ is None else environ
    given = environ.get("KG_SPARK_JARS", "")
    if given.strip():
        return tuple(p.strip() for p in given.split(",") if p.strip())
    if _CHECKOUT_JARS.is_dir():
        return tuple(str(p) for p in sorted(_CHECKOUT_JARS.glob("*.jar")))
    return ()


def spark_session(options: SparkOptions) -> SparkSession:
    """A session for ``options``: errors (no pyspark, no Java) are one line, as a :class:`UsageError`."""
    try:
        from pyspark import SparkConf
        from pyspark.errors import PySparkRuntimeError
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError(PYSPARK_HINT) from None

    conf = SparkConf()  # holds what spark-submit set (spark.master among it)
    builder = SparkSession.builder.appName(options.app_name)
    if options.master or not conf.contains("spark.master"):
        builder = builder.master(options.master or "local[*]")
        # local mode: the executors are this machine's Python processes; make them this Python (PySpark reads
        # PYSPARK_PYTHON when the context starts, and only there)
        if not conf.contains("spark.pyspark.python"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        if not conf.contains("spark.driver.extraJavaOptions"):
            builder = builder.config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_LOGGING.as_uri()}")
    jars = (*options.jars, *connector_jars())
    if jars:
        held = conf.get("spark.jars", "")
        builder = builder.config("spark.jars", ",".join(j for j in (held, *jars) if j))
    builder = builder.config("spark.ui.showConsoleProgress", "true" if options.progress else "false")
    for key, value in options.conf.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except PySparkRuntimeError as error:  # the JVM did not start: no Java, or one Spark cannot run on
        raise UsageError(f"{JAVA_HINT} ({' '.join(str(error).split())[:160]})") from None
    session.sparkContext.setLogLevel("ERROR")
    return session

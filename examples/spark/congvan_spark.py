#!/usr/bin/env python3
"""Parse an archive of Vietnamese administrative documents on Spark with congvan.

Reads every file under the given paths with Spark's ``binaryFile`` source,
parses each partition with the congvan Python package (one row per
document), and writes five Parquet tables under ``--out``:

- ``documents``  one row per parsed document: header fields, source, warnings
- ``references`` one row per (citing document, cited document): the citation
  keys are ``congvan.reference_keys``, the very keys the tantivy index stores
- ``directives`` one row per numbered item of the operative part
- ``targets``    one row per quantified target
- ``failures``   one row per file that could not be parsed: path, kind, reason
  (Spark's file sources skip zero-byte files: those are in no table)

then answers cross-reference questions with Spark SQL on those tables (who
cites a document, what a province issued to implement it, the most cited
documents per year), printed and written as JSON under ``--out/answers``.

Local run (2 cores)::

    python examples/spark/congvan_spark.py corpus/ --out /tmp/cv-tables

On a cluster, ship the congvan wheel to the executors (see README, "Spark")::

    spark-submit --master yarn --archives congvan-env.tar.gz#env \\
        examples/spark/congvan_spark.py hdfs:///archive/ --out hdfs:///cv/
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from pyspark.sql import DataFrame, Row, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# ---------------------------------------------------------------------------
# Schema: one row per input file, documents and failures alike.

REFERENCE = T.StructType(
    [
        T.StructField("code", T.StringType()),
        T.StructField("key", T.StringType()),
        T.StructField("loose", T.ArrayType(T.StringType())),
        T.StructField("type", T.StringType()),
        T.StructField("cited_year", T.IntegerType()),
        T.StructField("date", T.StringType()),
        T.StructField("issuer", T.StringType()),
        T.StructField("relation", T.StringType()),
        T.StructField("about", T.StringType()),
    ]
)

DIRECTIVE = T.StructType(
    [
        T.StructField("label", T.StringType()),
        T.StructField("text", T.StringType()),
        T.StructField("assignees", T.ArrayType(T.StringType())),
        T.StructField("deadlines", T.ArrayType(T.StringType())),
        T.StructField("deadline_dates", T.ArrayType(T.StringType())),
    ]
)

TARGET = T.StructType(
    [
        T.StructField("text", T.StringType()),
        T.StructField("about", T.StringType()),
        T.StructField("cmp", T.StringType()),
        T.StructField("value", T.DoubleType()),
        T.StructField("unit", T.StringType()),
        T.StructField("by_year", T.IntegerType()),
    ]
)

PARSED = T.StructType(
    [
        T.StructField("path", T.StringType(), False),
        T.StructField("error_kind", T.StringType()),
        T.StructField("error", T.StringType()),
        T.StructField("format", T.StringType()),
        T.StructField("sha256", T.StringType()),
        T.StructField("bytes", T.LongType()),
        T.StructField("ocr", T.BooleanType()),
        T.StructField("doc_type", T.StringType()),
        T.StructField("doc_type_name", T.StringType()),
        T.StructField("number", T.StringType()),
        T.StructField("number_seq", T.StringType()),
        T.StructField("number_symbol", T.StringType()),
        T.StructField("number_year", T.IntegerType()),
        T.StructField("issuer", T.StringType()),
        T.StructField("issuer_parent", T.StringType()),
        T.StructField("place", T.StringType()),
        T.StructField("date", T.StringType()),
        T.StructField("year", T.IntegerType()),
        T.StructField("month", T.IntegerType()),
        T.StructField("day", T.IntegerType()),
        T.StructField("subject", T.StringType()),
        T.StructField("signer_name", T.StringType()),
        T.StructField("signer_title", T.StringType()),
        T.StructField("recipients", T.ArrayType(T.StringType())),
        T.StructField("secrecy", T.StringType()),
        T.StructField("urgency", T.StringType()),
        T.StructField("identifier", T.StringType()),
        T.StructField("warnings", T.ArrayType(T.StringType())),
        T.StructField("references", T.ArrayType(REFERENCE)),
        T.StructField("directives", T.ArrayType(DIRECTIVE)),
        T.StructField("targets", T.ArrayType(TARGET)),
    ]
)

EMPTY_DOC: Dict[str, Any] = {
    f.name: None for f in PARSED.fields if f.name not in ("path", "error_kind", "error")
}


def _get(d: Optional[Dict[str, Any]], *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def _int(v: Any) -> Optional[int]:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _str(v: Any) -> Optional[str]:
    return v if isinstance(v, str) else None


def _iso(date: Dict[str, Any]) -> Optional[str]:
    y, m, d = _int(date.get("year")), _int(date.get("month")), _int(date.get("day"))
    if y is None or m is None or d is None:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _name(v: Any) -> Optional[str]:
    """A recipient or distribution entry: a string or ``{"name": …}``."""
    if isinstance(v, str):
        return v
    return _get(v, "name") if isinstance(v, dict) else None


def document_row(path: str, doc: Dict[str, Any]) -> Dict[str, Any]:
    """The row of a parsed document (``doc`` is ``congvan.parse``'s dict)."""
    import congvan

    refs = []
    for r in doc.get("references") or []:
        keys = congvan.reference_keys(r)
        refs.append(
            {
                "code": r.get("code"),
                "key": keys["key"],
                "loose": keys["loose"],
                "type": _get(r, "doc_type", "code"),
                "cited_year": keys["year"],
                "date": r.get("date"),
                "issuer": r.get("issuer"),
                "relation": r.get("relation"),
                "about": r.get("about"),
            }
        )
    directives = []
    for d in doc.get("directives") or []:
        deadlines = d.get("deadlines") or []
        directives.append(
            {
                "label": d.get("label"),
                "text": d.get("text"),
                "assignees": [a for a in d.get("assignees") or [] if isinstance(a, str)],
                "deadlines": [x.get("raw") for x in deadlines if isinstance(x, dict)],
                "deadline_dates": [
                    x.get("date") or x.get("period")
                    for x in deadlines
                    if isinstance(x, dict)
                ],
            }
        )
    targets = []
    for t in doc.get("targets") or []:
        value = t.get("value")
        targets.append(
            {
                "text": t.get("text"),
                "about": t.get("about"),
                "cmp": t.get("cmp"),
                "value": float(value) if isinstance(value, (int, float)) else None,
                "unit": t.get("unit"),
                "by_year": _int(t.get("by_year")),
            }
        )
    date = doc.get("date") or {}
    source = doc.get("source") or {}
    return {
        "path": path,
        "error_kind": None,
        "error": None,
        "format": source.get("format"),
        "sha256": source.get("sha256"),
        "bytes": _int(source.get("bytes")),
        "ocr": bool(source.get("ocr")),
        "doc_type": _get(doc, "doc_type", "code"),
        "doc_type_name": _get(doc, "doc_type", "name"),
        "number": _get(doc, "number", "raw"),
        "number_seq": _get(doc, "number", "seq"),
        "number_symbol": _get(doc, "number", "symbol"),
        "number_year": _int(_get(doc, "number", "year")),
        "issuer": _get(doc, "issuer", "name"),
        "issuer_parent": _get(doc, "issuer", "parent"),
        "place": doc.get("place"),
        "date": _iso(date),
        "year": _int(date.get("year")),
        "month": _int(date.get("month")),
        "day": _int(date.get("day")),
        "subject": doc.get("subject"),
        "signer_name": _get(doc, "signer", "name"),
        "signer_title": _get(doc, "signer", "title"),
        "recipients": [n for n in map(_name, doc.get("recipients") or []) if n],
        "secrecy": _str(doc.get("secrecy")),
        "urgency": _str(doc.get("urgency")),
        "identifier": _str(doc.get("identifier")),
        "warnings": [w for w in doc.get("warnings") or [] if isinstance(w, str)],
        "references": refs,
        "directives": directives,
        "targets": targets,
    }


def failure_row(path: str, kind: str, reason: str) -> Dict[str, Any]:
    row = dict(EMPTY_DOC)
    row.update({"path": path, "error_kind": kind, "error": reason})
    return row


def parse_partition(rows: Iterable[Row], ocr: bool = True, timeout: float = 60.0) -> Iterator[Tuple]:
    """``mapPartitions``: ``(path, content)`` rows in, one ``PARSED`` tuple
    per file out. A file that fails is a row with ``error`` set, never an
    exception that would fail the task."""
    import congvan

    names = PARSED.names
    for row in rows:
        path = row["path"]
        try:
            doc = congvan.parse(bytes(row["content"]), name=path, ocr=ocr, timeout=timeout)
            out = document_row(path, doc)
        except congvan.Error as e:
            out = failure_row(path, type(e).__name__, getattr(e, "reason", None) or str(e))
        except Exception as e:  # a bug in this script's row mapping
            out = failure_row(path, "InternalError", f"{type(e).__name__}: {e}")
        yield tuple(out[n] for n in names)


# ---------------------------------------------------------------------------
# Tables


def parse_archive(
    spark: SparkSession,
    paths: List[str],
    partitions: Optional[int] = None,
    ocr: bool = True,
    timeout: float = 60.0,
) -> DataFrame:
    """The parsed rows of every file under ``paths`` (recursively)."""
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(paths)
        .select("path", "content")
    )
    if partitions:
        files = files.repartition(partitions)
    rdd = files.rdd.mapPartitions(lambda rows: parse_partition(rows, ocr, timeout))
    # The rows are built to the schema above: Spark's per-row check of
    # Python values against it would cost more than the parsing.
    return spark.createDataFrame(rdd, PARSED, verifySchema=False)


def tables(parsed: DataFrame) -> Dict[str, DataFrame]:
    """The five tables of the parsed rows."""
    ok = parsed.where(F.col("error").isNull())
    documents = ok.drop("error_kind", "error", "references", "directives", "targets")
    references = ok.select(
        F.col("path").alias("citing_path"),
        F.col("number").alias("citing_number"),
        F.col("issuer").alias("citing_issuer"),
        F.col("year").alias("citing_year"),
        F.posexplode("references").alias("pos", "r"),
    ).select(
        "citing_path",
        "citing_number",
        "citing_issuer",
        "citing_year",
        "pos",
        F.col("r.code").alias("code"),
        F.col("r.key").alias("key"),
        F.col("r.loose").alias("loose"),
        F.col("r.type").alias("type"),
        F.col("r.cited_year").alias("cited_year"),
        F.col("r.date").alias("date"),
        F.col("r.issuer").alias("issuer"),
        F.col("r.relation").alias("relation"),
        F.col("r.about").alias("about"),
    )
    directives = ok.select(
        F.col("path").alias("doc_path"), F.posexplode("directives").alias("pos", "d")
    ).select("doc_path", "pos", "d.*")
    targets = ok.select(
        F.col("path").alias("doc_path"), F.posexplode("targets").alias("pos", "t")
    ).select("doc_path", "pos", "t.*")
    failures = parsed.where(F.col("error").isNotNull()).select(
        "path", F.col("error_kind").alias("kind"), F.col("error").alias("reason")
    )
    return {
        "documents": documents,
        "references": references,
        "directives": directives,
        "targets": targets,
        "failures": failures,
    }


# ---------------------------------------------------------------------------
# Questions (Spark SQL on the tables, registered as temporary views)

RELATION_WEIGHT = "CASE relation WHEN 'implements' THEN 3 WHEN 'basis' THEN 2 WHEN 'attached' THEN 1 ELSE 0 END"


def _sql_str(s: str) -> str:
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def citing_condition(spark: SparkSession, code: str) -> str:
    """The SQL condition on ``references`` rows that cite ``code``, built
    from the index's own reading of the query (``congvan.citation_query``):
    the canonical key, or the loose kind|number key (with the year when the
    query gives one and some reference has it, as the index does)."""
    import congvan

    q = congvan.citation_query(code)
    if not q["citations"]:
        raise ValueError(f"not a document code: {code!r}")
    if q["issuer"]:
        raise ValueError(f"{code!r}: filter the issuer with SQL instead of 'của …'")
    parts = []
    for c in q["citations"]:
        alts = []
        if c["key"]:
            alts.append(f"key = {_sql_str(c['key'])}")
        if c["loose"]:
            loose = c["loose"]
            if c["loose_any_year"] != loose:
                have = spark.sql(
                    f"SELECT 1 FROM `references` WHERE array_contains(loose, {_sql_str(loose)}) LIMIT 1"
                ).count()
                if not have:
                    loose = c["loose_any_year"]
            alts.append(f"array_contains(loose, {_sql_str(loose)})")
        if not alts:
            continue
        cond = "(" + " OR ".join(alts) + ")"
        if c["year"] is not None:
            cond += f" AND (cited_year IS NULL OR cited_year = {int(c['year'])})"
        parts.append("(" + cond + ")")
    return " OR ".join(parts) if parts else "FALSE"


def who_cites(spark: SparkSession, code: str) -> DataFrame:
    """Every document citing ``code``, with the strongest relation among its
    citations of it (implements > basis > attached > mentions), as
    ``congvan refs`` reports it."""
    cond = citing_condition(spark, code)
    return spark.sql(
        f"""
        WITH c AS (
          SELECT citing_path, relation, {RELATION_WEIGHT} AS w
          FROM `references` WHERE {cond}
        )
        SELECT d.path, d.number, d.doc_type, d.date, d.issuer, d.subject,
               max_by(c.relation, c.w) AS relation
        FROM c JOIN documents d ON d.path = c.citing_path
        GROUP BY d.path, d.number, d.doc_type, d.date, d.issuer, d.subject
        ORDER BY max(c.w) DESC, d.path
        """
    )


def implemented_by(spark: SparkSession, code: str, province: str) -> DataFrame:
    """Documents issued in ``province`` (issuer, parent body or place) that
    implement ``code``."""
    cond = citing_condition(spark, code)
    p = _sql_str("%" + province.lower() + "%")
    return spark.sql(
        f"""
        SELECT DISTINCT d.path, d.number, d.doc_type, d.date, d.issuer, d.issuer_parent, d.place, d.subject
        FROM `references` r JOIN documents d ON d.path = r.citing_path
        WHERE ({cond}) AND r.relation = 'implements'
          AND lower(concat_ws(' ', d.issuer, d.issuer_parent, d.place)) LIKE {p}
        ORDER BY d.date, d.path
        """
    )


def most_cited_per_year(spark: SparkSession, top: int = 5) -> DataFrame:
    """Per year of the citing documents, the ``top`` most cited documents
    (by canonical key; distinct citing documents)."""
    return spark.sql(
        f"""
        WITH counts AS (
          SELECT citing_year AS year, key, first(code) AS code,
                 count(DISTINCT citing_path) AS citing
          FROM `references`
          WHERE key IS NOT NULL AND citing_year IS NOT NULL
          GROUP BY citing_year, key
        ), ranked AS (
          SELECT *, row_number() OVER (PARTITION BY year ORDER BY citing DESC, key) AS rank
          FROM counts
        )
        SELECT year, rank, key, code, citing FROM ranked WHERE rank <= {int(top)}
        ORDER BY year DESC, rank
        """
    )


# ---------------------------------------------------------------------------


def build_session(master: Optional[str], app: str = "congvan") -> SparkSession:
    b = SparkSession.builder.appName(app)
    if master:
        b = b.master(master)
    return b.getOrCreate()


def run(
    spark: SparkSession,
    paths: List[str],
    out: str,
    partitions: Optional[int] = None,
    codes: Iterable[str] = ("71-NQ/TW",),
    province: str = "Hải Phòng",
    ocr: bool = True,
    timeout: float = 60.0,
) -> Dict[str, Any]:
    """Parse, write the tables, answer the questions; returns a summary
    (counts, seconds, documents/s of the parse-and-write stage, answers)."""
    # The executors import this file (parse_partition) and congvan.
    spark.sparkContext.addPyFile(__file__)
    t0 = time.monotonic()
    parsed = parse_archive(spark, paths, partitions, ocr, timeout).persist()
    files = parsed.count()
    t_parse = time.monotonic() - t0
    out = out.rstrip("/")
    tabs = tables(parsed)
    for name, df in tabs.items():
        df.write.mode("overwrite").parquet(f"{out}/{name}")
    t_write = time.monotonic() - t0
    parsed.unpersist()
    # The questions run on the Parquet tables, as they would at scale.
    for name in tabs:
        spark.read.parquet(f"{out}/{name}").createOrReplaceTempView(name)
    answers: Dict[str, Any] = {"who_cites": {}, "implemented_by": {}}
    for code in codes:
        answers["who_cites"][code] = [r.asDict() for r in who_cites(spark, code).collect()]
        answers["implemented_by"][code] = {
            "province": province,
            "documents": [r.asDict() for r in implemented_by(spark, code, province).collect()],
        }
    answers["most_cited_per_year"] = [r.asDict() for r in most_cited_per_year(spark).collect()]
    counts = {
        name: spark.sql(f"SELECT count(*) AS n FROM `{name}`").collect()[0]["n"] for name in tabs
    }
    summary = {
        "files": files,
        "counts": counts,
        "parse_seconds": round(t_parse, 3),
        "parse_and_write_seconds": round(t_write, 3),
        "docs_per_second": round(files / t_parse, 1) if t_parse > 0 else None,
        "answers": answers,
    }
    answers_df = spark.createDataFrame(
        [(json.dumps(summary, ensure_ascii=False, default=str),)], "summary string"
    )
    answers_df.coalesce(1).write.mode("overwrite").text(f"{out}/answers")
    return summary


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help="files or folders (any Hadoop path: file:, hdfs:, s3a:)")
    ap.add_argument("--out", required=True, help="folder for the Parquet tables")
    ap.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    ap.add_argument("--partitions", type=int, help="repartition the files into N partitions")
    ap.add_argument("--code", action="append", help="document code to ask about (repeatable; default 71-NQ/TW)")
    ap.add_argument("--province", default="Hải Phòng", help="province for 'which documents implement it'")
    ap.add_argument(
        "--open-cost",
        type=int,
        default=64 * 1024,
        help="spark.sql.files.openCostInBytes: what opening a file counts as, in bytes "
        "(Spark's 4 MiB default makes one partition per small document)",
    )
    ap.add_argument("--no-ocr", action="store_true", help="fail scans instead of OCR-ing them")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds one file may take (0: no limit)")
    a = ap.parse_args(argv)
    spark = build_session(a.master)
    spark.conf.set("spark.sql.files.openCostInBytes", str(a.open_cost))
    summary = run(
        spark,
        a.paths,
        a.out,
        a.partitions,
        a.code or ["71-NQ/TW"],
        a.province,
        not a.no_ocr,
        a.timeout,
    )
    answers = summary.pop("answers")
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    for code, rows in answers["who_cites"].items():
        print(f"\n{len(rows)} document(s) cite {code}:")
        for r in rows:
            print(f"  {r['relation']:<10} {r['number'] or '-':<20} {r['path']}")
    for code, a2 in answers["implemented_by"].items():
        print(f"\n{len(a2['documents'])} document(s) of {a2['province']} implement {code}:")
        for r in a2["documents"]:
            print(f"  {r['date'] or '-':<10} {r['number'] or '-':<20} {r['path']}")
    print("\nmost cited per year:")
    for r in answers["most_cited_per_year"]:
        print(f"  {r['year']}  #{r['rank']}  {r['code']:<22} cited by {r['citing']}")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

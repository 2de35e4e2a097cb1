"""The Spark job in local mode (2 cores), checked against `congvan refs`.

Input: the seeds (corpus/), the real texts (../shared/real/docs, skipped
with a notice when ../shared is absent) and 3000 generated documents
(`congvan gen --docs 3000 --seed 1`). The same files are indexed with
`congvan index`; for each code below the citing documents (and the relation)
that Spark SQL finds in the `references` table must equal `congvan refs CODE
--json` on that index. Throughput of both is printed and written to
$CONGVAN_SPARK_REPORT (default target/spark-throughput.json).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark", reason="pip install pyspark (see .ci/run)")
import congvan  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import congvan_spark  # noqa: E402

GENERATED = int(os.environ.get("CONGVAN_SPARK_DOCS", "3000"))
# 71-NQ/TW is the question; the others are cited in the seeds or the
# generated documents, and one is named by a short form (kind + number).
CODES = ["71-NQ/TW", "02-CTr/TU", "57-NQ/TW", "255/KH-BGDĐT", "Nghị quyết 71"]


def congvan_bin() -> str:
    exe = os.environ.get("CONGVAN_BIN") or str(ROOT / "target" / "release" / "congvan")
    if not os.access(exe, os.X_OK):
        pytest.fail(f"{exe}: no congvan binary (cargo build --release first)")
    return exe


def local(path: str) -> str:
    """A Spark `file:` URI or a plain path as a real local path."""
    if path.startswith("file:"):
        path = urllib.parse.unquote(urllib.parse.urlparse(path).path)
    return os.path.realpath(path)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list:
    exe = congvan_bin()
    gen = tmp_path_factory.mktemp("gen") / "docs"
    subprocess.run(
        [exe, "gen", "--docs", str(GENERATED), "--seed", "1", "--out", str(gen)],
        check=True,
        capture_output=True,
    )
    dirs = [ROOT / "corpus"]
    real = ROOT.parent / "shared" / "real" / "docs"
    if real.is_dir():
        dirs.append(real)
    else:
        print(f"\nnotice: {real} is absent: the real texts are skipped")
    dirs.append(gen)
    # Files that cannot be parsed: both must list them as failures.
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blob.bin").write_bytes(b"\x00\x01\x02\x03" * 64)
    (bad / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    dirs.append(bad)
    return [str(d.resolve()) for d in dirs]


@pytest.fixture(scope="module")
def index(inputs, tmp_path_factory) -> dict:
    exe = congvan_bin()
    idx = tmp_path_factory.mktemp("idx") / "index"
    failures = idx.parent / "failures.jsonl"
    t0 = time.monotonic()
    out = subprocess.run(
        [exe, "index", *inputs, "--index", str(idx), "--threads", "2", "--failures", str(failures)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    wall = time.monotonic() - t0
    m = re.search(r"^(\d+) file\(s\), [\d.]+ MB in ([\d.]+) s", out, re.M)
    assert m, out
    failed = [json.loads(line) for line in failures.read_text().splitlines() if line.strip()]
    return {
        "dir": str(idx),
        "files": int(m.group(1)),
        "seconds": float(m.group(2)),
        "wall": wall,
        "failed": {local(f["path"]): f["reason"] for f in failed},
    }


@pytest.fixture(scope="module")
def spark_run(inputs, tmp_path_factory):
    from pyspark.sql import SparkSession

    # Spark listens on the loopback interface only.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("congvan-test")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.showConsoleProgress", "false")
        # Documents are small files: with Spark's default open cost (4 MiB)
        # each would be a partition of its own.
        .config("spark.sql.files.openCostInBytes", str(64 * 1024))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    out = tmp_path_factory.mktemp("tables")
    try:
        summary = congvan_spark.run(
            spark, inputs, str(out), codes=CODES, province="Hải Phòng"
        )
        yield spark, str(out), summary
    finally:
        spark.stop()


def test_real_texts_included(inputs):
    real = ROOT.parent / "shared" / "real" / "docs"
    if not real.is_dir():
        pytest.skip(f"{real} is absent: the real texts are not in the Spark test")
    assert str(real.resolve()) in inputs


def test_tables_cover_the_same_files_as_the_index(spark_run, index):
    spark, out, summary = spark_run
    docs = {local(r["path"]) for r in spark.read.parquet(f"{out}/documents").select("path").collect()}
    fails = {
        local(r["path"]): r["reason"]
        for r in spark.read.parquet(f"{out}/failures").collect()
    }
    indexed = {local(p) for p, _ in congvan.Index(index["dir"]).documents()}
    assert docs == indexed
    # Spark's file sources skip zero-byte files: they reach neither table,
    # while `congvan index` lists them as failed ("empty input").
    empty = {p for p, r in index["failed"].items() if r == "empty input"}
    assert [os.path.basename(p) for p in empty] == ["empty.txt"]
    assert set(fails) == set(index["failed"]) - empty
    assert sorted(os.path.basename(p) for p in fails) == ["blob.bin", "broken.pdf"]
    for p, reason in fails.items():
        assert reason in index["failed"][p], (p, reason, index["failed"][p])
    assert summary["files"] == index["files"] - len(empty) == len(docs) + len(fails)
    assert len(docs) >= GENERATED + 5
    assert not any(os.path.basename(p) in ("empty.txt", "blob.bin") for p in docs)
    c = summary["counts"]
    assert c["documents"] == len(docs)
    assert c["references"] > len(docs)
    assert c["directives"] > 0 and c["targets"] > 0
    # The seed that cites 71-NQ/TW, row by row.
    seed = spark.read.parquet(f"{out}/references").where(
        "citing_path LIKE '%corpus/000_b2fc0b6fbb2c88b4.txt'"
    ).orderBy("pos").collect()
    assert [r["code"] for r in seed] == ["71-NQ/TW", "02-CTr/TU", "279-CV/VPĐU"]
    assert seed[0]["key"] == "71-NQ/TW" and "NQ|71" in seed[0]["loose"]


@pytest.mark.parametrize("code", CODES)
def test_who_cites_equals_congvan_refs(spark_run, index, code):
    spark, _, summary = spark_run
    cli = subprocess.run(
        [congvan_bin(), "refs", code, "--index", index["dir"], "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    expected = {
        (local(h["path"]), h["relation"]) for h in map(json.loads, cli.splitlines()) if h
    }
    got = {(local(r["path"]), r["relation"]) for r in summary["answers"]["who_cites"][code]}
    assert expected, f"nothing cites {code} in the test archive"
    assert got == expected


def test_implemented_by_a_province(spark_run):
    _, _, summary = spark_run
    rows = summary["answers"]["implemented_by"]["71-NQ/TW"]["documents"]
    who = {r["path"]: r for r in summary["answers"]["who_cites"]["71-NQ/TW"]}
    assert rows, "no Hải Phòng document implements 71-NQ/TW"
    for r in rows:
        assert who[r["path"]]["relation"] == "implements"
        where = " ".join(x or "" for x in (r["issuer"], r["issuer_parent"], r["place"]))
        assert "hải phòng" in where.lower()


def test_most_cited_per_year(spark_run):
    spark, out, summary = spark_run
    rows = summary["answers"]["most_cited_per_year"]
    assert rows
    refs = spark.read.parquet(f"{out}/references")
    for r in rows[:3]:
        n = (
            refs.where((refs.citing_year == r["year"]) & (refs.key == r["key"]))
            .select("citing_path")
            .distinct()
            .count()
        )
        assert n == r["citing"]
    per_year = {}
    for r in rows:
        per_year.setdefault(r["year"], []).append(r["citing"])
    for counts in per_year.values():
        assert counts == sorted(counts, reverse=True) and len(counts) <= 5


def test_throughput_report(spark_run, index):
    _, _, summary = spark_run
    spark_dps = summary["files"] / summary["parse_seconds"]
    index_dps = index["files"] / index["seconds"]
    report = {
        "files": summary["files"],
        "spark_local2_parse_seconds": summary["parse_seconds"],
        "spark_local2_docs_per_s": round(spark_dps, 1),
        "spark_parse_and_write_seconds": summary["parse_and_write_seconds"],
        "congvan_index_threads2_seconds": index["seconds"],
        "congvan_index_docs_per_s": round(index_dps, 1),
    }
    path = os.environ.get("CONGVAN_SPARK_REPORT") or str(ROOT / "target" / "spark-throughput.json")
    Path(path).write_text(json.dumps(report, indent=1) + "\n")
    print("\nthroughput:", json.dumps(report))
    assert spark_dps > 0 and index_dps > 0

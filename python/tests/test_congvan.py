"""Tests of the congvan Python package (pip install ./python)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import congvan

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SEED0 = CORPUS / "000_b2fc0b6fbb2c88b4.txt"
SEED1 = CORPUS / "001_b49d4a18a3a41cad.txt"

TEXT = (
    "UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\nSố: 123/STC-NS\n"
    "Quảng Ninh, ngày 05 tháng 3 năm 2025\n"
    "V/v thực hiện Nghị quyết số 71-NQ/TW\n"
    "Kính gửi: Ủy ban nhân dân các huyện\n"
    "Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị, ...\n"
)


def cli() -> str | None:
    exe = os.environ.get("CONGVAN_BIN") or str(ROOT / "target" / "release" / "congvan")
    return exe if os.access(exe, os.X_OK) else None


# --- parse ------------------------------------------------------------------


def test_parse_path_reads_a_seed():
    doc = congvan.parse(str(SEED0))
    assert doc["schema"]
    assert doc["source"]["path"] == str(SEED0)
    assert doc["source"]["format"] == "txt"
    assert doc["doc_type"] == {"code": "CV", "name": "Công văn"}
    assert doc["number"]["symbol"] == "VP-VX"
    assert doc["number"]["seq"] is None
    assert doc["issuer"]["name"] == "Văn phòng"
    assert doc["date"]["year"] == 2025
    assert [r["code"] for r in doc["references"]] == ["71-NQ/TW", "02-CTr/TU", "279-CV/VPĐU"]
    assert doc["references"][0]["issuer"] == "Bộ Chính trị"


def test_parse_keeps_the_contract_field_order():
    doc = congvan.parse(SEED1)  # a pathlib.Path
    assert list(doc)[:4] == ["schema", "source", "doc_type", "issuer"]
    assert doc["doc_type"]["code"] == "KH"
    assert len(doc["targets"]) == 23
    assert doc["references"][0]["relation"] == "implements"


@pytest.mark.skipif(cli() is None, reason="no target/release/congvan")
def test_parse_equals_the_cli():
    out = subprocess.run([cli(), "parse", "--compact", str(SEED1)], check=True,
                         capture_output=True, text=True).stdout
    assert congvan.parse(str(SEED1)) == json.loads(out)


def test_parse_bytes_with_a_name():
    data = SEED0.read_bytes()
    doc = congvan.parse(data, name="archive/a.txt")
    assert doc["source"]["path"] == "archive/a.txt"
    assert doc["source"]["bytes"] == len(data)
    assert doc["number"]["symbol"] == "VP-VX"
    # The same document as from the path, but for the recorded path.
    from_path = congvan.parse(SEED0)
    from_path["source"]["path"] = "archive/a.txt"
    assert doc == from_path


def test_parse_path_with_a_name_records_the_name():
    doc = congvan.parse(SEED0, name="x/seed.txt")
    assert doc["source"]["path"] == "x/seed.txt"
    assert doc["issuer"]["name"] == "Văn phòng"


def test_parse_text():
    doc = congvan.parse_text(TEXT, name="example.txt")
    assert doc["number"]["seq"] == "123"
    assert doc["number"]["symbol"] == "STC-NS"
    assert doc["issuer"]["name"] == "Sở Tài chính"
    assert doc["date"]["day"] == 5 and doc["date"]["month"] == 3
    assert doc["references"][0]["code"] == "71-NQ/TW"
    assert doc["source"]["path"] == "example.txt"
    assert congvan.parse_text("")["source"]["path"] == "<text>"
    with pytest.raises(TypeError):
        congvan.parse_text(b"bytes")  # type: ignore[arg-type]


# --- errors -----------------------------------------------------------------


def test_errors_form_a_hierarchy():
    for cls in (congvan.ReadError, congvan.TooLargeError, congvan.FormatError,
                congvan.UnfinishedError, congvan.IndexAccessError):
        assert issubclass(cls, congvan.Error)
    assert issubclass(congvan.Error, Exception)


def test_missing_file_is_a_read_error(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(congvan.ReadError) as e:
        congvan.parse(missing)
    assert e.value.path == str(missing)
    assert e.value.reason.startswith("cannot read:")
    assert str(missing) in str(e.value)
    with pytest.raises(congvan.ReadError) as e:
        congvan.parse(missing, name="n.txt")
    assert e.value.path == str(missing)


def test_directory_is_a_read_error(tmp_path):
    with pytest.raises(congvan.ReadError) as e:
        congvan.parse(tmp_path)
    assert "is a directory" in e.value.reason


def test_empty_and_binary_input_are_format_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(congvan.FormatError) as e:
        congvan.parse(empty)
    assert e.value.path == str(empty)
    assert e.value.reason == "empty input"
    with pytest.raises(congvan.FormatError) as e:
        congvan.parse(b"%PDF-1.4 garbage", name="bad.pdf")
    assert e.value.path == "bad.pdf"
    assert e.value.reason.startswith("malformed PDF:")
    with pytest.raises(congvan.FormatError) as e:
        congvan.parse(b"\x00\x01\x02\x03" * 100, name="blob")
    assert e.value.reason == "not a text document (binary data (NUL bytes))"


def test_too_large_input():
    data = b"a" * (congvan.MAX_INPUT_BYTES + 1)
    with pytest.raises(congvan.TooLargeError) as e:
        congvan.parse(data, name="big.txt")
    assert e.value.path == "big.txt"
    assert "input too large" in e.value.reason


def test_timeout_is_unfinished():
    with pytest.raises(congvan.UnfinishedError) as e:
        congvan.parse(SEED1, timeout=1e-9)
    assert e.value.path == str(SEED1)
    assert "time budget" in e.value.reason


def test_wrong_argument_type():
    with pytest.raises(TypeError):
        congvan.parse(12)  # type: ignore[arg-type]


# --- parse_many -------------------------------------------------------------


def test_parse_many_keeps_order_and_returns_errors_as_values(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    paths = [SEED0, missing, SEED1, empty, str(SEED0)]
    results = list(congvan.parse_many(paths, threads=2))
    assert len(results) == 5
    assert results[0] == congvan.parse(SEED0)
    assert isinstance(results[1], congvan.ReadError)
    assert results[1].path == str(missing)
    assert results[2]["doc_type"]["code"] == "KH"
    assert isinstance(results[3], congvan.FormatError)
    assert results[3].reason == "empty input"
    assert results[4]["number"]["symbol"] == "VP-VX"


def test_parse_many_streams_in_batches(tmp_path):
    # More files than one batch: results still one per path, in order.
    n = congvan.BATCH + 7
    paths = []
    for i in range(n):
        p = tmp_path / f"{i:04}.txt"
        p.write_text(TEXT.replace("123/STC-NS", f"{i + 1}/STC-NS"), encoding="utf-8")
        paths.append(p)
    it = congvan.parse_many(iter(paths))
    assert not isinstance(it, list)
    seqs = [d["number"]["seq"] for d in it]
    assert seqs == [str(i + 1) for i in range(n)]


def test_parse_many_rejects_zero_threads():
    with pytest.raises(ValueError):
        list(congvan.parse_many([SEED0], threads=0))


# --- keys -------------------------------------------------------------------


def test_reference_keys_are_the_index_keys():
    doc = congvan.parse(SEED1)
    ref = doc["references"][0]
    assert ref["code"] == "02-CTr/TU"
    k = congvan.reference_keys(ref)
    assert k["key"] == "2-CTR/TU" == ref["key"]
    assert k["loose"] == ["CTR|2", "CTR|2|2025"]
    assert k["year"] == 2025  # from the date 2025-10-20
    with pytest.raises(ValueError):
        congvan.reference_keys({"code": "x"})


def test_citation_query():
    q = congvan.citation_query("71-NQ/TW")
    assert q["issuer"] is None
    assert q["citations"][0]["key"] == "71-NQ/TW"
    short = congvan.citation_query("Nghị quyết 71 năm 2025")["citations"][0]
    assert short["key"] is None
    assert short["loose"] == "NQ|71|2025"
    assert short["loose_any_year"] == "NQ|71"
    assert short["year"] == 2025
    assert congvan.citation_query("giáo dục")["citations"] == []
    assert congvan.citation_query("NQ 71 của Bộ Chính trị")["issuer"] == "Bộ Chính trị"


# --- Index ------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    d = tmp_path_factory.mktemp("idx") / "index"
    report = congvan.build_index([CORPUS], d, threads=2)
    assert report["files"] == 5
    assert report["indexed"] == 5 and report["failed"] == []
    return d


def test_build_index_again_skips_unchanged(corpus_index):
    report = congvan.build_index([CORPUS], corpus_index)
    assert report["skipped"] == 5 and report["indexed"] == 0


def test_index_refs(corpus_index):
    idx = congvan.Index(corpus_index)
    assert len(idx) == 5
    assert idx.path == str(corpus_index)
    hits = idx.refs("71-NQ/TW")
    paths = sorted(os.path.basename(h["path"]) for h in hits)
    assert paths == ["000_b2fc0b6fbb2c88b4.txt", "001_b49d4a18a3a41cad.txt",
                     "002_6ee8ebe2bd49f0b4.txt"]
    for h in hits:
        assert set(h) >= {"path", "score", "code", "doc_type", "subject", "date",
                          "matched_references", "relation", "role", "id"}
        assert h["matched_references"] == ["71-NQ/TW"]
        assert h["role"] == "citing"
    by_name = {os.path.basename(h["path"]): h for h in hits}
    assert by_name["001_b49d4a18a3a41cad.txt"]["relation"] == "implements"
    with pytest.raises(congvan.IndexAccessError) as e:
        idx.refs("giáo dục")
    assert "not a document code" in e.value.reason
    assert e.value.path is None


def test_index_search_and_filters(corpus_index):
    idx = congvan.Index(corpus_index)
    hits = idx.search("Nghị quyết 71")
    assert len(hits) == 3
    assert all("relation" not in h for h in hits)
    assert {h["doc_type"]["code"] for h in hits} == {"CV", "KH"}
    kh = idx.search("Nghị quyết 71", type="KH")
    assert [os.path.basename(h["path"]) for h in kh] == ["001_b49d4a18a3a41cad.txt"]
    assert len(idx.search("Nghị quyết 71", limit=1)) == 1
    assert idx.search("Nghị quyết 71", **{"from": "2026"}) == idx.search(
        "Nghị quyết 71", date_from="2026")
    text = idx.search("giáo dục")
    assert text and all(h["role"] == "text" for h in text)
    with pytest.raises(TypeError):
        idx.search("x", colour="red")


@pytest.mark.skipif(cli() is None, reason="no target/release/congvan")
@pytest.mark.parametrize("args", [["refs", "71-NQ/TW"], ["refs", "NQ 71"],
                                  ["search", "Nghị quyết 71"], ["search", "giáo dục"],
                                  ["search", "NQ 71", "--type", "CV"]])
def test_index_equals_the_cli_json(corpus_index, args):
    out = subprocess.run([cli(), *args, "--index", str(corpus_index), "--json"],
                         check=True, capture_output=True, text=True).stdout
    expected = [json.loads(line) for line in out.splitlines()]
    idx = congvan.Index(corpus_index)
    if args[0] == "refs":
        got = idx.refs(args[1])
    else:
        got = idx.search(args[1], type=args[3]) if len(args) > 2 else idx.search(args[1])
    assert got == expected and expected


def test_opening_a_folder_without_index(tmp_path):
    with pytest.raises(congvan.IndexAccessError) as e:
        congvan.Index(tmp_path)
    assert "no index here" in e.value.reason

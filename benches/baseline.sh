#!/usr/bin/env bash
# Side-by-side baselines for congvan, measured in one run, written to
# benches/RESULTS.md (+ benches/index-scaling.svg).
#
#   bash benches/baseline.sh                 # 1k, 10k, 100k documents
#   SIZES="1000 10000" bash benches/baseline.sh   # quicker
#
# Needs: cargo, python3, GNU time (/usr/bin/time), ripgrep (rg), poppler's
# pdftotext. Installs nothing: a missing tool is named and its part skipped.
# Work files go to $WORK (default target/baseline); nothing else is touched.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZES=${SIZES:-"1000 10000 100000"}
WORK=${WORK:-$ROOT/target/baseline}
OUT=$WORK/measures.jsonl
mkdir -p "$WORK"
: > "$OUT"

say() { printf '== %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
rec() { printf '%s\n' "$1" >> "$OUT"; }

missing=()
for t in cargo python3 rg pdftotext; do have "$t" || missing+=("$t"); done
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (GNU time)")
if ! have cargo || ! have python3; then
  echo "baseline.sh: cargo and python3 are required (missing: ${missing[*]})" >&2
  exit 1
fi
[ ${#missing[@]} -gt 0 ] && say "missing tools (their parts are skipped): ${missing[*]}"

# --- machine ---------------------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null)
rec "$(python3 -c 'import json,sys; print(json.dumps({"kind":"machine","nproc":int(sys.argv[1]),"cpu":sys.argv[2],"ram":sys.argv[3],"rustc":sys.argv[4],"date":sys.argv[5],"commit":sys.argv[6]}))' \
  "$(nproc)" "$cpu" "$mem" "$(rustc --version 2>/dev/null)" "$(date -u +%Y-%m-%dT%H:%MZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)")"

say "building (release)"
cargo build --release --bin congvan --example raw_index >&2 || exit 1
BIN=$ROOT/target/release/congvan
RAW=$ROOT/target/release/examples/raw_index

# Time a command: prints "seconds max_rss_kib" (GNU time when present).
timed() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$WORK/time.out" "$@" > "$WORK/cmd.out" 2> "$WORK/cmd.err"
    local rc=$?
    cat "$WORK/time.out"
    return $rc
  else
    local s e
    s=$(date +%s.%N)
    "$@" > "$WORK/cmd.out" 2> "$WORK/cmd.err"
    local rc=$?
    e=$(date +%s.%N)
    python3 -c "print(f'{$e-$s:.2f} 0')"
    return $rc
  fi
}

# Total bytes of the .txt files in a folder (no glob: 100k names are too
# many for one command line).
txt_bytes() {
  find "$1" -maxdepth 1 -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s+0}'
}

# --- corpora ----------------------------------------------------------------
for n in $SIZES; do
  d=$WORK/gen-$n
  if [ ! -f "$WORK/truth-$n.jsonl" ]; then
    say "generating $n documents"
    rm -rf "$d"
    "$BIN" gen --docs "$n" --seed 1 --out "$d" >&2 || exit 1
    # gen writes the truth beside the corpus (DIR.truth.jsonl), not in it.
    mv "$d.truth.jsonl" "$WORK/truth-$n.jsonl"
  fi
done
# Written files must not be flushed to disk during the timed runs.
sync
largest=$(for n in $SIZES; do echo "$n"; done | sort -n | tail -1)
mid=$(for n in $SIZES; do echo "$n"; done | sort -n | awk '$1<=10000' | tail -1)
mid=${mid:-$largest}

# --- parse throughput (CLI, all cores, NDJSON written to a file) ----------
say "parse: congvan parse on $mid documents"
bytes=$(txt_bytes "$WORK/gen-$mid")
r=$(cd "$WORK/gen-$mid" && timed "$BIN" parse --compact ./*.txt)
rec "{\"kind\":\"parse_cli\",\"docs\":$mid,\"bytes\":$bytes,\"seconds\":${r% *},\"rss_kib\":${r#* }}"

# --- index: congvan vs raw tantivy, time, memory, size ---------------------
for n in $SIZES; do
  d=$WORK/gen-$n
  bytes=$(txt_bytes "$d")
  say "index: congvan index on $n documents (best of 2 fresh runs)"
  r=""
  for _ in 1 2; do
    rm -rf "$WORK/idx-$n"
    t=$(timed "$BIN" index "$d" --index "$WORK/idx-$n") || { say "congvan index failed: $(tail -3 "$WORK/cmd.err")"; r=""; break; }
    if [ -z "$r" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "${t% *}" "${r% *}"; then r=$t; fi
  done
  [ -n "$r" ] || continue
  isize=$(du -sb "$WORK/idx-$n" | cut -f1)
  rec "{\"kind\":\"index\",\"engine\":\"congvan\",\"docs\":$n,\"bytes\":$bytes,\"seconds\":${r% *},\"rss_kib\":${r#* },\"index_bytes\":$isize}"
  say "index: raw tantivy (text only, no parsing) on $n documents (best of 2)"
  r=""
  for _ in 1 2; do
    rm -rf "$WORK/raw-$n"
    t=$(timed "$RAW" "$d" "$WORK/raw-$n") || { say "raw_index failed"; r=""; break; }
    if [ -z "$r" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "${t% *}" "${r% *}"; then r=$t; fi
  done
  [ -n "$r" ] || continue
  isize=$(du -sb "$WORK/raw-$n" | cut -f1)
  rec "{\"kind\":\"index\",\"engine\":\"raw_tantivy\",\"docs\":$n,\"bytes\":$bytes,\"seconds\":${r% *},\"rss_kib\":${r#* },\"index_bytes\":$isize}"
  rm -rf "$WORK/raw-$n"
done

# --- citations: rg -l vs congvan refs --------------------------------------
if have rg && [ -d "$WORK/idx-$largest" ]; then
  say "citations: rg -l vs congvan refs on $largest documents"
  python3 - "$WORK" "$largest" "$BIN" >> "$OUT" <<'PY'
import collections, json, subprocess, sys, time
work, n, binary = sys.argv[1], sys.argv[2], sys.argv[3]
cites = collections.defaultdict(set)
for line in open(f"{work}/truth-{n}.jsonl", encoding="utf-8"):
    t = json.loads(line)
    for c in t["references"]:
        cites[c].add(t["file"])
ranked = sorted(cites, key=lambda c: (-len(cites[c]), c))
# The 5 most cited codes and 5 from the tail.
codes = ranked[:5] + ranked[len(ranked) // 2 : len(ranked) // 2 + 5]
corpus = f"{work}/gen-{n}"
for code in codes:
    t0 = time.perf_counter()
    rg = subprocess.run(["rg", "-l", "-F", code, corpus], capture_output=True, text=True)
    t_rg = time.perf_counter() - t0
    rg_files = {p.rsplit("/", 1)[-1] for p in rg.stdout.split()}
    t0 = time.perf_counter()
    cv = subprocess.run([binary, "refs", code, "--index", f"{work}/idx-{n}", "--json"],
                        capture_output=True, text=True)
    t_cv = time.perf_counter() - t0
    cv_files = set()
    for line in cv.stdout.splitlines():
        try:
            cv_files.add(json.loads(line)["path"].rsplit("/", 1)[-1])
        except (ValueError, KeyError):
            pass
    truth = cites[code]
    print(json.dumps({
        "kind": "citation", "docs": int(n), "code": code, "truth": len(truth),
        "rg_found": len(rg_files & truth), "rg_extra": len(rg_files - truth),
        "rg_missed": len(truth - rg_files), "rg_seconds": round(t_rg, 4),
        "congvan_found": len(cv_files & truth), "congvan_extra": len(cv_files - truth),
        "congvan_missed": len(truth - cv_files), "congvan_seconds": round(t_cv, 4),
        "congvan_found_rg_missed": len((cv_files & truth) - rg_files),
    }, ensure_ascii=False))
PY
else
  say "citations: skipped (rg missing or no index)"
fi

# --- cold CLI search: one process per query --------------------------------
if [ -d "$WORK/idx-$largest" ]; then
  say "cold search: congvan search, one process per call, on $largest documents"
  python3 - "$WORK" "$largest" "$BIN" >> "$OUT" <<'PY'
import collections, json, statistics, subprocess, sys, time
work, n, binary = sys.argv[1], sys.argv[2], sys.argv[3]
cites = collections.Counter()
for line in open(f"{work}/truth-{n}.jsonl", encoding="utf-8"):
    cites.update(json.loads(line)["references"])
top = cites.most_common(1)[0][0]
num, sym = top.replace("-", "/", 1).split("/", 1)[0], top
# The most cited code, written as a code and as kind + number; a short
# citation; a code cited by few documents.
rare = sorted(cites, key=lambda c: (cites[c], c))[len(cites) // 2]
queries = [top, f"Nghị quyết {num}" if "NQ" in sym else f"Quyết định {num}", "NQ 71", rare]
def run(argv, reps=31):
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ts.append((time.perf_counter() - t0) * 1000)
    return statistics.median(ts)
spawn = run(["true"])
for q in queries:
    ms = run([binary, "search", q, "--index", f"{work}/idx-{n}"])
    print(json.dumps({"kind": "cold_search", "docs": int(n), "query": q,
                      "citing": cites.get(q), "median_ms": round(ms, 2),
                      "spawn_ms": round(spawn, 2)}, ensure_ascii=False))
PY
else
  say "cold search: skipped (no index)"
fi

# --- PDF text: pdftotext vs congvan ----------------------------------------
pdfdir=""
for cand in "$ROOT/fixtures/ingest" "$ROOT/../shared/fixtures-src"; do
  if ls "$cand"/*.pdf >/dev/null 2>&1; then pdfdir=$cand; break; fi
done
if have pdftotext && [ -n "$pdfdir" ]; then
  say "pdf: pdftotext vs congvan on $pdfdir"
  python3 - "$pdfdir" "$BIN" "$ROOT/corpus" >> "$OUT" <<'PY'
import glob, json, os, subprocess, sys, time, unicodedata
pdfdir, binary, corpus = sys.argv[1:4]
def words(s):
    s = unicodedata.normalize("NFC", s).lower()
    return [w.strip(".,;:()\"'“”") for w in s.split() if w.strip(".,;:()\"'“”")]
def recall(ref, got):
    from collections import Counter
    r, g = Counter(ref), Counter(got)
    return sum(min(c, g[w]) for w, c in r.items()) / max(1, sum(r.values()))
for pdf in sorted(glob.glob(os.path.join(pdfdir, "*.pdf"))):
    stem = os.path.splitext(os.path.basename(pdf))[0]
    ref_path = os.path.join(corpus, stem + ".txt")
    ref = words(open(ref_path, encoding="utf-8").read()) if os.path.exists(ref_path) else None
    reps = 5
    t0 = time.perf_counter()
    for _ in range(reps):
        p = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True)
    t_p = (time.perf_counter() - t0) / reps
    t0 = time.perf_counter()
    for _ in range(reps):
        c = subprocess.run([binary, "parse", "--text", pdf], capture_output=True)
    t_c = (time.perf_counter() - t0) / reps
    pages = None
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            pages = int(line.split()[1])
    out = {"kind": "pdf", "file": os.path.basename(pdf), "pages": pages,
           "pdftotext_seconds": round(t_p, 4), "congvan_seconds": round(t_c, 4),
           "congvan_ok": c.returncode == 0}
    if not out["congvan_ok"]:
        out["congvan_error"] = c.stderr.decode("utf-8", "replace").strip()[:160]
    if ref is not None:
        out["pdftotext_recall"] = round(recall(ref, words(p.stdout.decode("utf-8", "replace"))), 4)
        if out["congvan_ok"]:
            out["congvan_recall"] = round(recall(ref, words(c.stdout.decode("utf-8", "replace"))), 4)
    print(json.dumps(out, ensure_ascii=False))
PY
else
  say "pdf: skipped (pdftotext missing or no PDF found)"
fi

# --- parse throughput per stage (criterion, one thread) --------------------
say "parse stages: cargo bench --bench parse"
if cargo bench --bench parse -- --quick > "$WORK/bench-parse.out" 2>&1; then
  python3 - "$WORK/bench-parse.out" >> "$OUT" <<'PY'
import json, re, sys
name = None
units = {"B/s": 1e-6, "KiB/s": 1024 / 1e6, "MiB/s": 1024 * 1024 / 1e6, "GiB/s": 1024**3 / 1e6}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"^(\S+/\S+)\s+time:", line) or re.match(r"^(\S+/\S+)\s*$", line)
    if m:
        name = m.group(1)
    m = re.search(r"thrpt:\s*\[\s*\S+ \S+ (\S+) (\S+) ", line)
    if m and name:
        mbs = float(m.group(1)) * units.get(m.group(2), float("nan"))
        print(json.dumps({"kind": "parse_stage", "bench": name, "mb_s": round(mbs, 2)}))
        name = None
PY
else
  say "parse bench failed: $(tail -5 "$WORK/bench-parse.out")"
fi

# --- query latency in-process (criterion bench helper) ---------------------
say "query latency: cargo bench --bench index -- query (index of $largest documents)"
if CONGVAN_BENCH_QUERY_DOCS=$largest CONGVAN_BENCH_DIR=$WORK/bench \
   cargo bench --bench index -- --quick query > "$WORK/bench-query.out" 2>&1; then
  python3 -c '
import json, sys
for r in json.load(open(sys.argv[1])):
    r["kind"] = "query"; print(json.dumps(r))' "$WORK/bench/query-latency-$largest.json" >> "$OUT"
else
  say "query bench failed: $(tail -5 "$WORK/bench-query.out")"
fi

say "report"
python3 benches/report.py "$OUT" benches/RESULTS.md benches/index-scaling.svg
say "wrote benches/RESULTS.md and benches/index-scaling.svg"

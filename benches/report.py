#!/usr/bin/env python3
"""Turn benches/baseline.sh measurements (JSON lines) into RESULTS.md and an
SVG plot of indexing time against corpus size. Python 3 standard library only.

    python3 benches/report.py MEASURES.jsonl RESULTS.md PLOT.svg
"""
import json
import math
import sys


def load(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line:
            try:
                rows.append(json.loads(line))
            except ValueError:
                pass
    return rows


def mb(b):
    return b / 1e6


def fmt(x, nd=1):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:,.{nd}f}"


def svg_plot(index_rows, path):
    """Log-log plot: seconds against documents, one line per engine."""
    series = {}
    for r in index_rows:
        series.setdefault(r["engine"], []).append((r["docs"], r["seconds"]))
    if not series:
        return
    w, h, ml, mr, mt, mb_ = 640, 420, 70, 150, 40, 60
    xs = [d for s in series.values() for d, _ in s]
    ys = [max(t, 0.01) for s in series.values() for _, t in s]
    lx0, lx1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    if lx1 == lx0:
        lx1 += 1
    if ly1 == ly0:
        ly1 += 1

    def px(d):
        return ml + (math.log10(d) - lx0) / (lx1 - lx0) * (w - ml - mr)

    def py(t):
        return h - mb_ - (math.log10(max(t, 0.01)) - ly0) / (ly1 - ly0) * (h - mt - mb_)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<text x="{w / 2 - 40}" y="22" text-anchor="middle" font-size="15">'
        "Indexing time against corpus size (log–log)</text>",
    ]
    for e in range(lx0, lx1 + 1):
        x = px(10**e)
        out.append(f'<line x1="{x:.1f}" y1="{mt}" x2="{x:.1f}" y2="{h - mb_}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{h - mb_ + 18}" text-anchor="middle">{10**e:,}</text>')
    for e in range(ly0, ly1 + 1):
        y = py(10**e)
        out.append(f'<line x1="{ml}" y1="{y:.1f}" x2="{w - mr}" y2="{y:.1f}" stroke="#ddd"/>')
        label = f"{10.0**e:g} s"
        out.append(f'<text x="{ml - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    out.append(f'<text x="{(ml + w - mr) / 2}" y="{h - 15}" text-anchor="middle">documents</text>')
    out.append(
        f'<text x="16" y="{(mt + h - mb_) / 2}" text-anchor="middle" '
        f'transform="rotate(-90 16 {(mt + h - mb_) / 2})">wall time (s)</text>'
    )
    colors = {"congvan": "#c0392b", "raw_tantivy": "#2c7fb8"}
    labels = {"congvan": "congvan index (parse + index)", "raw_tantivy": "raw tantivy (text only)"}
    for i, (eng, pts) in enumerate(sorted(series.items())):
        pts.sort()
        c = colors.get(eng, "#555")
        poly = " ".join(f"{px(d):.1f},{py(t):.1f}" for d, t in pts)
        out.append(f'<polyline points="{poly}" fill="none" stroke="{c}" stroke-width="2"/>')
        for d, t in pts:
            out.append(f'<circle cx="{px(d):.1f}" cy="{py(t):.1f}" r="4" fill="{c}"/>')
            out.append(
                f'<text x="{px(d) + 6:.1f}" y="{py(t) - 6:.1f}" fill="{c}">{t:.1f} s</text>'
            )
        ly = mt + 10 + i * 20
        out.append(f'<line x1="{w - mr + 10}" y1="{ly}" x2="{w - mr + 30}" y2="{ly}" stroke="{c}" stroke-width="2"/>')
        out.append(f'<text x="{w - mr + 34}" y="{ly + 4}" font-size="10">{labels.get(eng, eng)}</text>')
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    measures, results, plot = sys.argv[1:4]
    rows = load(measures)
    kind = lambda k: [r for r in rows if r.get("kind") == k]
    machine = (kind("machine") or [{}])[0]
    index_rows = kind("index")
    svg_plot(index_rows, plot)

    L = []
    L.append("# congvan performance baseline\n")
    L.append(
        "Produced by `bash benches/baseline.sh` (all figures below come from one run; "
        "re-run it to reproduce). Figures are wall time on a shared machine: expect some noise.\n"
    )
    L.append("## Machine\n")
    L.append("| | |\n|---|---|")
    L.append(f"| cores (`nproc`) | {machine.get('nproc', '–')} |")
    L.append(f"| CPU | {machine.get('cpu', '–')} |")
    L.append(f"| RAM | {machine.get('ram', '–')} |")
    L.append(f"| toolchain | {machine.get('rustc', '–')} |")
    L.append(f"| commit, date | {machine.get('commit', '–')}, {machine.get('date', '–')} |\n")

    # Targets summary.
    targets = []
    stages = {r["bench"]: r["mb_s"] for r in kind("parse_stage")}
    e2e = [v for k, v in stages.items() if k.endswith("/end_to_end")]
    if e2e:
        best = min(e2e)
        targets.append(("parse end to end ≥ 50 MB/s per core (issue 15)",
                        " / ".join(f"{k.split('/')[0]} {v:.1f} MB/s" for k, v in stages.items() if k.endswith('/end_to_end')),
                        best >= 50))
    cv = {r["docs"]: r for r in index_rows if r["engine"] == "congvan"}
    raw = {r["docs"]: r for r in index_rows if r["engine"] == "raw_tantivy"}
    if cv:
        n = max(cv)
        r = cv[n]
        rate = mb(r["bytes"]) / r["seconds"]
        targets.append((f"`index` ≥ 20 MB/s on {machine.get('nproc', '?')} cores ({n:,} docs)",
                        f"{rate:.1f} MB/s", rate >= 20))
        if n in raw:
            rr = mb(raw[n]["bytes"]) / raw[n]["seconds"]
            targets.append(("`index` ≥ 60% of raw tantivy on the same text",
                            f"{100 * rate / rr:.0f}% ({rate:.1f} vs {rr:.1f} MB/s)", rate >= 0.6 * rr))
        rss = {d: x["rss_kib"] / 1024 for d, x in cv.items() if x.get("rss_kib")}
        if rss:
            top = max(rss.values())
            targets.append(("peak memory indexing < 1 GB, flat in corpus size",
                            ", ".join(f"{d:,} docs {v:.0f} MiB" for d, v in sorted(rss.items())),
                            top < 1024))
        ratio = r["index_bytes"] / r["bytes"]
        targets.append(("index size ≤ 1× input text", f"{ratio:.2f}× ({n:,} docs)", ratio <= 1.0))
    q = {r["class"]: r for r in kind("query")}
    if "citation" in q:
        c = q["citation"]
        targets.append((f"citation query p50 < 1 ms, p99 < 10 ms ({c['docs']:,} docs)",
                        f"p50 {c['p50_ms']:.2f} ms, p99 {c['p99_ms']:.2f} ms",
                        c["p50_ms"] < 1 and c["p99_ms"] < 10))
    cold = kind("cold_search")
    if cold:
        worst = max(cold, key=lambda r: r["median_ms"])
        targets.append((f"CLI citation search ≤ 10 ms per call ({worst['docs']:,} docs)",
                        f"slowest median {worst['median_ms']:.1f} ms (`{worst['query']}`)",
                        worst["median_ms"] <= 10))
    L.append("## Targets\n")
    L.append("| target | measured | met |\n|---|---|---|")
    for t, m, ok in targets:
        L.append(f"| {t} | {m} | {'yes' if ok else '**no**'} |")
    L.append("")

    if stages:
        L.append("## Parse throughput per stage (one thread)\n")
        L.append("Command: `cargo bench --bench parse -- --quick` (criterion; MB/s of input text).\n")
        L.append("| bench | MB/s |\n|---|---|")
        for k, v in stages.items():
            L.append(f"| {k} | {v:.1f} |")
        L.append("")
    for r in kind("parse_cli"):
        L.append(
            f"`congvan parse --compact` on {r['docs']:,} generated documents "
            f"({mb(r['bytes']):.1f} MB, one process on all cores, NDJSON to a file): {r['seconds']:.1f} s = "
            f"{mb(r['bytes']) / r['seconds']:.1f} MB/s, peak RSS {r['rss_kib'] / 1024:.0f} MiB.\n"
        )

    if index_rows:
        L.append("## Index build\n")
        L.append(
            "Commands: `congvan gen --docs N --seed 1 --out DIR` (truth moved out of DIR), "
            "`/usr/bin/time -v congvan index DIR --index IDX` and "
            "`cargo run --release --example raw_index -- DIR RAWIDX` (one text field, default "
            "tokenizer, no parsing: the engine's own limit); each the faster of two fresh runs.\n"
        )
        L.append("| docs | input MB | engine | seconds | docs/s | MB/s | peak RSS MiB | index MB | index / input |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        for r in sorted(index_rows, key=lambda r: (r["docs"], r["engine"])):
            L.append(
                f"| {r['docs']:,} | {mb(r['bytes']):.1f} | {r['engine']} | {r['seconds']:.1f} | "
                f"{r['docs'] / r['seconds']:,.0f} | {mb(r['bytes']) / r['seconds']:.1f} | "
                f"{fmt(r.get('rss_kib', 0) / 1024, 0)} | {mb(r['index_bytes']):.1f} | "
                f"{r['index_bytes'] / r['bytes']:.2f}× |"
            )
        L.append("\n![indexing time against corpus size](index-scaling.svg)\n")

    if q:
        n = next(iter(q.values()))["docs"]
        L.append(f"## Query latency (in process, index of {n:,} documents)\n")
        L.append(
            f"Command: `CONGVAN_BENCH_QUERY_DOCS={n} cargo bench --bench index -- --quick query` "
            "(`Index::search_with` on an open index; each query of the class run 20 times after "
            "a warm-up).\n"
        )
        L.append("| class | queries | runs | p50 ms | p99 ms |\n|---|---|---|---|---|")
        for k, r in q.items():
            L.append(f"| {k} | {r['queries']} | {r['runs']} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} |")
        L.append("")

    cold = kind("cold_search")
    if cold:
        n = cold[0]["docs"]
        L.append(f"## Cold CLI search ({n:,} generated documents)\n")
        L.append(
            "Command: `congvan search QUERY --index IDX`, a new process per call (start, open the "
            "index, understand the query, search, print), median of 31 calls; for scale, "
            f"starting `true` costs {cold[0]['spawn_ms']:.1f} ms on this machine.\n"
        )
        L.append("| query | citing documents | median ms |\n|---|---|---|")
        for r in cold:
            c = r["citing"] if r["citing"] is not None else ""
            c = f"{c:,}" if c != "" else "(short citation)"
            L.append(f"| `{r['query']}` | {c} | {r['median_ms']:.1f} |")
        L.append("")

    cit = kind("citation")
    if cit:
        n = cit[0]["docs"]
        L.append(f"## `rg -l` vs `congvan refs` ({n:,} generated documents)\n")
        L.append(
            "Truth: the generator's `truth.jsonl` (documents citing each code). The generator "
            "writes some citations line-broken or spaced (`117-⏎NQ/TW`, `117 - NQ/TW`), as in "
            "PDF text: `rg -l -F CODE` misses a document when all its mentions are such variants. "
            "Times are per process (congvan's include opening the index).\n"
        )
        L.append("| code | citing docs | rg found | rg missed | congvan found | congvan missed | congvan extra | found by congvan, missed by rg | rg s | congvan s |")
        L.append("|---|---|---|---|---|---|---|---|---|---|")
        tot = {"truth": 0, "rg_missed": 0, "congvan_missed": 0, "congvan_found_rg_missed": 0}
        for r in cit:
            for k in tot:
                tot[k] += r[k]
            L.append(
                f"| `{r['code']}` | {r['truth']} | {r['rg_found']} | {r['rg_missed']} | "
                f"{r['congvan_found']} | {r['congvan_missed']} | {r['congvan_extra']} | "
                f"{r['congvan_found_rg_missed']} | {r['rg_seconds']:.3f} | {r['congvan_seconds']:.3f} |"
            )
        L.append(
            f"| **total** | {tot['truth']} | | {tot['rg_missed']} | | {tot['congvan_missed']} | | "
            f"{tot['congvan_found_rg_missed']} | | |\n"
        )

    pdf = kind("pdf")
    if pdf:
        L.append("## PDF text: `pdftotext` vs congvan\n")
        L.append(
            "Commands: `pdftotext -enc UTF-8 FILE -` and `congvan parse --text FILE` (mean of 5 "
            "runs, per process). Word recall: share of the words of the matching `corpus/*.txt` "
            "found in the extracted text (multiset, lower-cased, NFC).\n"
        )
        L.append("| file | pages | pdftotext s | pdftotext recall | congvan s | congvan recall |")
        L.append("|---|---|---|---|---|---|")
        for r in pdf:
            cvs = f"{r['congvan_seconds']:.3f}" if r["congvan_ok"] else "–"
            cvr = fmt(r.get("congvan_recall"), 3) if r["congvan_ok"] else f"not read: {r.get('congvan_error', '')}"
            L.append(
                f"| {r['file']} | {r.get('pages') or '–'} | {r['pdftotext_seconds']:.3f} | "
                f"{fmt(r.get('pdftotext_recall'), 3)} | {cvs} | {cvr} |"
            )
        L.append("")

    with open(results, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()

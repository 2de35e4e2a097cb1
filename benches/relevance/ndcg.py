#!/usr/bin/env python3
"""Free-text relevance of `congvan search`: nDCG@10 and P@5 over judged.tsv.

    benches/relevance/ndcg.py --bin target/release/congvan --docs ../shared/seeds --docs ../shared/real/docs

Copies the documents into a temp folder, indexes them, runs each query with
`search --json --limit 10`, and scores the ranked files against the grades
(2 = about the topic, 1 = discusses it). Gain 2^g - 1; P@5 counts grade >= 1.
Standard library only.
"""
import argparse, json, math, os, shutil, subprocess, sys, tempfile

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--docs", action="append", required=True)
    ap.add_argument("--judged", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "judged.tsv"))
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    root = tempfile.mkdtemp(prefix="ndcg.")
    try:
        docs = os.path.join(root, "docs"); os.makedirs(docs)
        for d in a.docs:
            for n in sorted(os.listdir(d)):
                p = os.path.join(d, n)
                if os.path.isfile(p) and not n.startswith(".") and not n.endswith(".tsv") and not os.path.exists(os.path.join(docs, n)):
                    shutil.copy(p, docs)
        idx = os.path.join(root, "index")
        subprocess.run([a.bin, "index", docs, "--index", idx], check=True, capture_output=True)
        rows = []
        with open(a.judged, encoding="utf-8") as f:
            for line in f.read().splitlines()[1:]:
                if not line.strip() or line.startswith("#"):
                    continue
                q, j = line.split("\t")[:2]
                grades = {x.rsplit(":", 1)[0]: int(x.rsplit(":", 1)[1]) for x in j.split(",") if x}
                rows.append((q, grades))
        nd, p5 = [], []
        for q, grades in rows:
            out = subprocess.run([a.bin, "search", q, "--index", idx, "--json", "--limit", "10"],
                                 check=True, capture_output=True, text=True).stdout
            ranked = [os.path.basename(json.loads(l)["path"]) for l in out.splitlines() if l.strip()]
            dcg = sum((2 ** grades.get(f, 0) - 1) / math.log2(i + 2) for i, f in enumerate(ranked[:10]))
            ideal = sorted(grades.values(), reverse=True)[:10]
            idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
            n = dcg / idcg if idcg else 0.0
            p = sum(1 for f in ranked[:5] if grades.get(f, 0) >= 1) / 5
            nd.append(n); p5.append(p)
            if a.v:
                print(f"{n:.3f} {p:.2f}  {q}: " + ", ".join(f"{f[:14]}({grades.get(f, 0)})" for f in ranked[:10]))
        print(f"RELEVANCE ndcg_at_10={sum(nd)/len(nd):.3f} p_at_5={sum(p5)/len(p5):.3f} queries={len(nd)}")
    finally:
        shutil.rmtree(root, ignore_errors=True)

if __name__ == "__main__":
    sys.exit(main())

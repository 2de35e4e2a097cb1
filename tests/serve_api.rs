//! `congvan serve`: every API endpoint and its errors, the same hits as the
//! CLI, untrusted text kept as text, security headers, no path traversal,
//! limits, reloading while `congvan index` commits, graceful shutdown.

mod common;
use common::server::*;
use std::process::Command;
use std::time::{Duration, Instant};

fn cli_paths(index: &std::path::Path, q: &str, limit: usize) -> Vec<String> {
    let out = Command::new(BIN)
        .args([
            "search",
            q,
            "--json",
            "--limit",
            &limit.to_string(),
            "--index",
        ])
        .arg(index)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn error_of(r: &Response, status: u16) -> String {
    assert_eq!(r.status, status, "{}", r.body);
    assert!(
        r.header("content-type")
            .unwrap_or("")
            .starts_with("application/json"),
        "{:?}",
        r.headers
    );
    let v = r.json();
    assert_eq!(v["error"]["status"], status);
    v["error"]["code"].as_str().unwrap().to_string()
}

#[test]
fn endpoints_answer_like_the_cli() {
    let fx = Fixture::new();
    let srv = Server::start(fx.index.path());

    let h = srv.get("/healthz");
    assert_eq!(h.status, 200);
    assert_eq!(h.json()["status"], "ok");
    assert_eq!(h.json()["documents"], 9);

    let s = srv.get("/api/stats").json();
    assert_eq!(s["documents"], 9);
    assert!(s["by_type"].as_array().unwrap().len() >= 2);

    // Same hits, same order as `congvan search --json`.
    for q in [
        "Nghị quyết 71",
        "71-NQ/TW",
        "nghi quyet 57",
        "Công văn 4240",
        "chuyển đổi số",
        "giao duc",
    ] {
        let api = srv
            .get(&format!("/api/search?q={}&limit=10", enc(q)))
            .json();
        let paths: Vec<String> = api["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["path"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(paths, cli_paths(fx.index.path(), q, 10), "{q}");
    }
    // Ambiguity groups, and the document itself first.
    let amb = srv
        .get(&format!("/api/search?q={}", enc("Nghị quyết 71")))
        .json();
    assert_eq!(amb["ambiguous"], true);
    let groups: Vec<&str> = amb["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["71-NQ/TW", "71/NQ-CP"]);
    let own = srv
        .get(&format!("/api/search?q={}", enc("Công văn 4240")))
        .json();
    assert_eq!(own["hits"][0]["role"], "document");
    assert_eq!(own["hits"][0]["code"], "4240/UBND-VX");
    assert_eq!(own["hits"][1]["role"], "citing");

    // Paging and sorting.
    let all = srv
        .get(&format!("/api/search?q={}&limit=5", enc("71-NQ/TW")))
        .json();
    let p2 = srv
        .get(&format!(
            "/api/search?q={}&limit=2&offset=2",
            enc("71-NQ/TW")
        ))
        .json();
    assert_eq!(p2["hits"][0]["path"], all["hits"][2]["path"]);
    let by_date = srv
        .get(&format!(
            "/api/search?q={}&sort=date&facets=1",
            enc("71-NQ/TW")
        ))
        .json();
    assert_eq!(by_date["sort"], "date");
    assert!(by_date["facets"]["doc_type"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    // A facet filter narrows.
    let kh = srv
        .get(&format!("/api/search?q={}&type=KH", enc("71-NQ/TW")))
        .json();
    assert!(kh["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["doc_type"]["code"] == "KH"));
    assert!(kh["total"].as_u64() < all["total"].as_u64());

    // refs: citing documents only, with relation.
    let refs = srv.get("/api/refs/4240/UBND-VX").json();
    assert_eq!(refs["total"], 1);
    assert_eq!(refs["hits"][0]["relation"], "implements");
    assert_eq!(refs["hits"][0]["role"], "citing");

    // doc: the contract JSON plus the text its spans point into.
    let id = own["hits"][0]["id"].as_str().unwrap().to_string();
    let d = srv.get(&format!("/api/doc/{id}")).json();
    assert_eq!(d["schema"], "congvan/1");
    assert_eq!(d["number"]["symbol"], "UBND-VX");
    assert_eq!(d["id"], id.as_str());
    assert!(d["text"].as_str().unwrap().contains("4240/UBND-VX"));
    assert_eq!(d["cited_by"].as_array().unwrap().len(), 1);
    let cid = own["hits"][1]["id"].as_str().unwrap().to_string();
    let c = srv.get(&format!("/api/doc/{cid}")).json();
    let text = c["text"].as_str().unwrap();
    let r0 = &c["references"][0];
    let (a, b) = (
        r0["span"]["start"].as_u64().unwrap() as usize,
        r0["span"]["end"].as_u64().unwrap() as usize,
    );
    assert!(text[a..b].contains("4240/UBND-VX"));

    // graph: both directions.
    let g = srv.get(&format!("/api/graph/{id}?depth=2")).json();
    assert_eq!(g["center"], format!("doc:{id}"));
    assert!(g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["to"] == format!("doc:{id}")));
    let g = srv.get(&format!("/api/graph/{cid}?depth=1")).json();
    assert!(g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["from"] == format!("doc:{cid}") && e["to"] == format!("doc:{id}")));

    // citations in a draft.
    let draft = "Căn cứ Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị; thực hiện Công văn số 4240/UBND-VX ngày 12/8/2025, Sở đề nghị…";
    let r = srv.post(
        "/api/citations",
        "text/plain; charset=utf-8",
        draft.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let cites = v["citations"].as_array().unwrap();
    let nq = cites.iter().find(|c| c["key"] == "71-NQ/TW").unwrap();
    assert_eq!(nq["relation"], "basis");
    assert!(nq["cited_by_count"].as_u64().unwrap() >= 3);
    let (a, b) = (
        nq["span"]["start"].as_u64().unwrap() as usize,
        nq["span"]["end"].as_u64().unwrap() as usize,
    );
    assert!(draft[a..b].contains("71-NQ/TW"));
    let cv = cites.iter().find(|c| c["key"] == "4240/UBND-VX").unwrap();
    assert_eq!(cv["indexed"][0]["id"], id.as_str());
    assert_eq!(cv["cited_by_count"], 1);
    let j = srv.post(
        "/api/citations",
        "application/json",
        r#"{"text":"Thực hiện Kế hoạch số 547/KH-UBND"}"#.as_bytes(),
    );
    assert_eq!(j.json()["count"], 1);
}

#[test]
fn errors_limits_and_traversal() {
    let fx = Fixture::new();
    let srv = Server::start(fx.index.path());
    assert_eq!(error_of(&srv.get("/api/search"), 400), "bad_request");
    assert_eq!(
        error_of(&srv.get(&format!("/api/search?q={}", "a".repeat(600))), 400),
        "query_too_long"
    );
    error_of(&srv.get("/api/search?q=x&limit=1000"), 400);
    error_of(&srv.get("/api/search?q=x&limit=abc"), 400);
    error_of(&srv.get("/api/search?q=x&offset=99999999"), 400);
    error_of(&srv.get("/api/search?q=x&sort=random"), 400);
    error_of(&srv.get("/api/search?q=x&from=yesterday"), 400);
    error_of(&srv.get("/api/search?q=x&year=20x5"), 400);
    error_of(&srv.get("/api/refs/hello"), 400);
    error_of(&srv.get("/api/doc/xyz"), 400);
    error_of(&srv.get(&format!("/api/doc/{}", "0".repeat(64))), 404);
    error_of(&srv.get("/api/graph/xyz"), 400);
    error_of(
        &srv.get(&format!("/api/graph/{}?depth=9", "0".repeat(64))),
        400,
    );
    error_of(&srv.get("/api/nothing"), 404);
    error_of(&srv.post("/api/citations", "text/plain", b"   "), 400);
    error_of(
        &srv.post("/api/citations", "application/json", br#"{"body": 1}"#),
        400,
    );
    error_of(
        &srv.post("/api/citations", "text/plain", &vec![b'a'; 300 * 1024]),
        413,
    );
    assert_eq!(srv.get("/api/citations").status, 405);
    // Ids are never paths; nothing outside the index is read.
    for p in [
        "/api/doc/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/doc/../../Cargo.toml",
        "/doc/..%2F..%2FCargo.toml",
        "/static/../Cargo.toml",
        "/static/..%2F..%2FCargo.toml",
        "/api/graph/%2Fetc%2Fpasswd",
        "/static/app.css/../../../../etc/passwd",
    ] {
        let r = srv.get(p);
        assert!(r.status == 400 || r.status == 404, "{p}: {}", r.status);
        assert!(
            !r.body.contains("root:x:0") && !r.body.contains("[package]"),
            "{p}"
        );
    }
    assert_eq!(srv.get("/static/app.css").status, 200);
    // A page for a bad id is an HTML error page, not a crash.
    let r = srv.get("/doc/not-an-id");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("Không có văn bản này"));
}

#[test]
fn untrusted_text_stays_text() {
    let fx = Fixture::new();
    let srv = Server::start(fx.index.path());
    let csp = |r: &Response| {
        let c = r
            .header("content-security-policy")
            .unwrap_or("")
            .to_string();
        assert!(
            c.contains("script-src 'self'") && !c.contains("unsafe-inline"),
            "{c}"
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    };
    let id = first_id(&srv, "999/SGDĐT-VP");
    let pages = [
        format!("/?q={}", enc("Nghị quyết 71")),
        format!("/?q={}", enc("alert")),
        format!("/doc/{id}"),
        format!(
            "/?q={}",
            enc("<script>alert(5)</script>\"><img src=x onerror=alert(6)>")
        ),
        format!(
            "/?q={}&type={}",
            enc("Nghị quyết 71"),
            enc("\"><script>alert(7)</script>")
        ),
    ];
    for p in &pages {
        let r = srv.get(p);
        assert_eq!(r.status, 200, "{p}");
        csp(&r);
        let b = &r.body;
        assert!(!b.contains("<script>alert"), "{p}: raw script");
        assert!(!b.contains("<img src=x"), "{p}: raw img");
        assert!(!b.contains("href=\"javascript:"), "{p}: script link");
        assert!(!b.contains("<b>Các trường</b>"), "{p}: raw markup");
        assert_eq!(
            b.matches("<script").count(),
            1,
            "{p}: only our own script tag"
        );
    }
    let doc = srv.get(&format!("/doc/{id}")).body;
    assert!(
        doc.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
        "the text shows as text"
    );
    assert!(doc.contains("javascript:alert(3)"));
    let q = srv
        .get(&format!("/?q={}", enc("<script>alert(5)</script>")))
        .body;
    assert!(q.contains("&lt;script&gt;alert(5)&lt;/script&gt;"));
    // The API returns JSON strings, with the JSON content type and the CSP.
    let r = srv.get(&format!("/api/doc/{id}"));
    csp(&r);
    assert!(r.json()["subject"].as_str().unwrap().contains("<script>"));
    // The draft checker echoes the draft as text.
    let r = srv.post(
        "/kiem-tra",
        "application/x-www-form-urlencoded",
        format!(
            "text={}",
            enc("<script>alert(8)</script> Thực hiện Nghị quyết số 71-NQ/TW")
        )
        .as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert!(!r.body.contains("<script>alert(8)"));
    assert!(r.body.contains("71-NQ/TW"));
}

#[test]
fn sees_new_commits_and_shuts_down_gracefully() {
    let fx = Fixture::new();
    let srv = Server::start(fx.index.path());
    assert_eq!(srv.get("/api/stats").json()["documents"], 9);
    // `congvan index` adds documents to the index being served.
    let more = tempfile::tempdir().unwrap();
    for i in 0..40 {
        std::fs::write(
            more.path().join(format!("m{i}.txt")),
            format!("SỞ NỘI VỤ\nSố: {}/SNV-VP\nV/v thực hiện Nghị quyết số 71-NQ/TW\nThực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị, văn bản số {i}.\n", 500 + i),
        )
        .unwrap();
    }
    let mut indexer = Command::new(BIN)
        .arg("index")
        .arg(more.path())
        .arg("--index")
        .arg(fx.index.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Searches keep answering while it writes.
    let mut errors = 0;
    let start = Instant::now();
    loop {
        let r = srv.get(&format!("/api/search?q={}", enc("71-NQ/TW")));
        if r.status != 200 {
            errors += 1;
        }
        if let Ok(Some(st)) = indexer.try_wait() {
            assert!(st.success());
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(120));
    }
    let done = Instant::now();
    assert_eq!(errors, 0);
    // Seen within a second of the commit, without a restart.
    loop {
        let n = srv.get("/api/stats").json()["documents"].as_u64().unwrap();
        if n == 49 {
            break;
        }
        assert!(
            done.elapsed() < Duration::from_secs(1),
            "still {n} documents"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let r = srv
        .get(&format!("/api/search?q={}&limit=100", enc("71-NQ/TW")))
        .json();
    assert!(r["total"].as_u64().unwrap() >= 40);

    // SIGTERM: a clean exit.
    let mut srv = srv;
    let pid = srv.child.id().to_string();
    let st = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(st.success());
    let start = Instant::now();
    loop {
        if let Some(st) = srv.child.try_wait().unwrap() {
            assert!(st.success(), "{st:?}");
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn default_corpus_index_and_time_limit() {
    // No --index: the default corpus index, as `search` uses it.
    let cache = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(BIN);
    cmd.arg("serve").env("CONGVAN_CACHE_DIR", cache.path());
    let srv = Server::spawn(cmd);
    let r = srv
        .get(&format!("/api/search?q={}", enc("Nghị quyết 71")))
        .json();
    assert!(r["total"].as_u64().unwrap() >= 3, "{r}");
    assert_eq!(r["hits"][0]["matched_references"][0], "71-NQ/TW");
    let page = srv.get(&format!("/?q={}", enc("Nghị quyết 71")));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("văn bản trong chỉ mục trích dẫn"));
    drop(srv);

    // A request over the time limit answers 503 with a JSON error.
    let fx = Fixture::new();
    let mut cmd = Command::new(BIN);
    cmd.arg("serve")
        .arg("--index")
        .arg(fx.index.path())
        .args(["--max-request-ms", "0"]);
    let srv = Server::spawn(cmd);
    assert_eq!(error_of(&srv.get("/api/search?q=giao+duc"), 503), "timeout");
    assert_eq!(srv.get("/api/search?q=giao+duc").status, 503);
}

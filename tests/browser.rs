//! The search page in a real browser (headless Chromium): the query a
//! person types, the results and ambiguity groups as rendered, a facet
//! followed, a document page opened, on a desktop and a phone width.
//! Screenshots go to `target/screenshots/`. Skips with a message when no
//! Chromium is installed (CI installs Debian's `chromium`).

mod common;
use common::server::*;
use std::path::Path;
use std::process::Command;

fn chromium() -> Option<String> {
    for c in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return Some(c.to_string());
        }
    }
    None
}

fn base_args() -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        "--virtual-time-budget=3000",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The DOM after the page ran (what a person sees, as HTML).
fn dom(chrome: &str, url: &str, profile: &Path) -> String {
    let out = Command::new(chrome)
        .args(base_args())
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn shot(chrome: &str, url: &str, file: &Path, size: &str, profile: &Path) {
    let out = Command::new(chrome)
        .args(base_args())
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={size}"))
        .arg(format!("--screenshot={}", file.display()))
        .arg(url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let len = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    assert!(len > 10_000, "{} is {len} bytes", file.display());
}

/// The value of the first `attr="…"` after `marker` in the DOM.
fn attr_after(dom: &str, marker: &str, attr: &str) -> Option<String> {
    let at = dom.find(marker)?;
    let rest = &dom[at..];
    let a = rest.find(&format!("{attr}=\""))? + attr.len() + 2;
    let end = rest[a..].find('"')?;
    Some(rest[a..a + end].replace("&amp;", "&"))
}

/// Text of the DOM without tags (roughly what is read on screen).
fn visible(dom: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in dom.chars() {
        match c {
            '<' => tag = true,
            '>' => {
                tag = false;
                out.push(' ');
            }
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn search_page_in_chromium() {
    let Some(chrome) = chromium() else {
        eprintln!("skipped: no chromium installed (apt-get install chromium)");
        return;
    };
    let fx = Fixture::new();
    let srv = Server::start(fx.index.path());
    let profile = tempfile::tempdir().unwrap();
    let shots = screenshot_dir();

    // The form a person types into: GET / with the box named q.
    let home = dom(&chrome, &srv.url("/"), profile.path());
    assert!(home.contains("role=\"search\"") && home.contains("name=\"q\""));
    assert!(home.contains("Tra cứu văn bản"));

    // Typing "Nghị quyết 71" and pressing Enter submits /?q=Nghị+quyết+71.
    let url = srv.url(&format!("/?q={}", enc("Nghị quyết 71")));
    let page = dom(&chrome, &url, profile.path());
    let text = visible(&page);
    assert!(
        text.contains("«Nghị quyết 71» ứng với 2 văn bản khác nhau"),
        "{text}"
    );
    let g1 = text.find("71-NQ/TW — ").expect("group 71-NQ/TW");
    let g2 = text.find("71/NQ-CP — ").expect("group 71/NQ-CP");
    assert!(
        g1 < g2,
        "the exact-symbol group with more citing documents first"
    );
    assert_eq!(page.matches("class=\"group\"").count(), 2);
    assert!(text.contains("thực hiện"), "the relation is shown");
    assert!(
        page.contains("<mark class=\"hl\">71-NQ/TW</mark>"),
        "the citation is highlighted"
    );
    assert!(text.contains("6225/BVHTTDL-VP"));
    // Untrusted document text is shown as text, not run.
    assert!(!page.contains("<script>alert"));
    shot(
        &chrome,
        &url,
        &shots.join("search-desktop.png"),
        "1280,1400",
        profile.path(),
    );
    shot(
        &chrome,
        &url,
        &shots.join("search-phone.png"),
        "390,1600",
        profile.path(),
    );

    // Clicking the "Kế hoạch" facet narrows the list.
    let at = page.find(">Kế hoạch (KH)</a>").expect("a Kế hoạch facet");
    let start = page[..at].rfind("href=\"").unwrap() + 6;
    let end = page[start..].find('"').unwrap();
    let facet = page[start..start + end].replace("&amp;", "&");
    assert!(facet.contains("type=KH"), "{facet}");
    let narrowed = dom(&chrome, &srv.url(&facet), profile.path());
    let ntext = visible(&narrowed);
    assert!(ntext.contains("× bỏ lọc"), "{ntext}");
    assert!(
        !ntext.contains("6225/BVHTTDL-VP"),
        "a letter is filtered out"
    );
    shot(
        &chrome,
        &srv.url(&facet),
        &shots.join("facet.png"),
        "1280,1000",
        profile.path(),
    );

    // The document itself first: Công văn 4240.
    let own_url = srv.url(&format!("/?q={}", enc("Công văn 4240")));
    let own = visible(&dom(&chrome, &own_url, profile.path()));
    let a = own
        .find("Chính văn bản này")
        .expect("marked as the document");
    let b = own.find("77/SGDĐT-VP").expect("the citing letter");
    assert!(a < b);

    // Opening a document from the results.
    let doc_href = attr_after(&page, "class=\"hit", "href").expect("a document link");
    assert!(doc_href.starts_with("/doc/"));
    let doc_url = srv.url(&doc_href);
    let doc = dom(&chrome, &doc_url, profile.path());
    let dtext = visible(&doc);
    for part in [
        "Số, ký hiệu",
        "Cơ quan ban hành",
        "Văn bản được trích dẫn",
        "Sơ đồ trích dẫn",
        "Toàn văn",
        "JSON",
    ] {
        assert!(dtext.contains(part), "{part}");
    }
    assert!(doc.contains("<svg"), "the neighbourhood is drawn");
    assert!(
        doc.contains("<mark class=\"cite\">"),
        "citations marked in the text"
    );
    shot(
        &chrome,
        &doc_url,
        &shots.join("document.png"),
        "1280,2600",
        profile.path(),
    );

    // The document page of the untrusted document.
    let xid = first_id(&srv, "999/SGDĐT-VP");
    let x = dom(&chrome, &srv.url(&format!("/doc/{xid}")), profile.path());
    assert!(
        !x.contains("<script>alert") && !x.contains("<img src=\"x\""),
        "markup stays text"
    );
    assert!(visible(&x).contains("alert(2)"));
    shot(
        &chrome,
        &srv.url(&format!("/doc/{xid}")),
        &shots.join("untrusted.png"),
        "1280,1400",
        profile.path(),
    );
    eprintln!("screenshots in {}", shots.display());
}

/// A person at the keyboard: types the query and presses Enter, reads the
/// groups, clicks a facet, clicks a result (WebDriver; skips without
/// chromedriver, which CI installs with `chromium-driver`).
#[test]
fn typing_and_clicking_over_webdriver() {
    use common::webdriver::{chromedriver, Driver};
    let (Some(chrome), Some(driver)) = (chromium(), chromedriver()) else {
        eprintln!("skipped: chromium and chromedriver are needed (apt-get install chromium chromium-driver)");
        return;
    };
    let fx = Fixture::new();
    let srv = Server::start(fx.index.path());
    let profile = tempfile::tempdir().unwrap();
    let shots = screenshot_dir();
    let d = Driver::start(&driver, &chrome, profile.path(), "1280,1400");

    d.goto(&srv.url("/"));
    // The "/" key focuses the search box (the page's own small script).
    d.keys("/");
    let q = d.find("#q");
    assert_eq!(d.active(), q, "'/' focuses the search box");
    d.type_into(&q, "Nghị quyết 71\u{E007}");
    d.wait_url("q=");
    let groups: Vec<String> = d.texts_of("section.group h2");
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(groups[0].starts_with("71-NQ/TW"), "{groups:?}");
    assert!(groups[1].starts_with("71/NQ-CP"), "{groups:?}");
    let note = d.text_of(".ambiguous");
    assert!(note.contains("ứng với 2 văn bản khác nhau"), "{note}");
    let first = d.text_of("section.group li.hit");
    assert!(
        first.contains("trích dẫn 71-NQ/TW") && first.contains("thực hiện"),
        "{first}"
    );
    d.screenshot(&shots.join("wd-typed-search.png"));

    // Click the "Kế hoạch" facet.
    let facet = d.find("//a[contains(@class,'facetlink')][contains(., 'Kế hoạch')]");
    d.click(&facet);
    d.wait_url("type=KH");
    let body = d.text_of("main");
    assert!(body.contains("× bỏ lọc"), "{body}");
    assert!(!body.contains("6225/BVHTTDL-VP"), "letters filtered out");
    d.screenshot(&shots.join("wd-facet.png"));

    // Click the first result: its document page.
    let link = d.find("li.hit a.code");
    let code = d.text(&link);
    d.click(&link);
    d.wait_url("/doc/");
    let h1 = d.text_of("h1");
    assert!(
        h1.contains(code.trim_start_matches('/')) || code.contains("không số"),
        "{h1} / {code}"
    );
    assert!(!d.find_all("svg.graph").is_empty());
    d.screenshot(&shots.join("wd-document.png"));

    // The draft checker: paste, submit with the button.
    d.goto(&srv.url("/kiem-tra"));
    let area = d.find("#draft");
    d.type_into(
        &area,
        "Căn cứ Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị; <script>alert(1)</script>",
    );
    d.click(&d.find("form.check button"));
    d.wait_url("/kiem-tra");
    let out = d.text_of("main");
    assert!(out.contains("Tìm thấy 1 trích dẫn"), "{out}");
    d.screenshot(&shots.join("wd-draft-check.png"));
}

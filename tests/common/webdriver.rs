//! A minimal W3C WebDriver client (chromedriver) over the std HTTP client
//! of `server.rs`: enough to type, click, read text and take screenshots.
#![allow(dead_code)]

use super::server::request;
use serde_json::{json, Value};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Driver {
    child: Child,
    addr: String,
    session: String,
}

pub fn chromedriver() -> Option<String> {
    ["chromedriver", "chromium-driver"]
        .iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(|c| c.to_string())
}

impl Driver {
    /// Start chromedriver on a free loopback port and open a headless session.
    pub fn start(bin: &str, chrome: &str, profile: &Path, size: &str) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = format!("127.0.0.1:{port}");
        let start = Instant::now();
        loop {
            if std::net::TcpStream::connect(&addr).is_ok() {
                let r = request(&addr, "GET", "/status", None, "");
                if r.status == 200 && r.json()["value"]["ready"] == true {
                    break;
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let chrome_path = which(chrome).unwrap_or_else(|| chrome.to_string());
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": chrome_path,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     format!("--window-size={size}"), format!("--user-data-dir={}", profile.display())]
        }}}});
        let mut d = Driver {
            child,
            addr,
            session: String::new(),
        };
        let v = d.call("POST", "/session", Some(caps));
        d.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        d
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.try_call(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    fn try_call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let b = body.map(|b| b.to_string());
        let r = request(
            &self.addr,
            method,
            path,
            b.as_deref().map(str::as_bytes),
            "application/json; charset=utf-8",
        );
        let v = r.json();
        if r.status == 200 {
            Ok(v["value"].clone())
        } else {
            Err(format!("{} {v}", r.status))
        }
    }

    /// The texts of the elements matching `selector`, read again when the
    /// page was replaced under them (a navigation that committed after the
    /// URL changed: "stale element reference").
    pub fn texts_of(&self, selector: &str) -> Vec<String> {
        let start = Instant::now();
        loop {
            let read: Result<Vec<String>, String> = self
                .find_all(selector)
                .iter()
                .map(|e| {
                    self.try_call("GET", &self.s(&format!("/element/{e}/text")), None)
                        .map(|v| v.as_str().unwrap_or_default().to_string())
                })
                .collect();
            match read {
                Ok(t) => return t,
                Err(e)
                    if e.contains("stale element") && start.elapsed() < Duration::from_secs(15) =>
                {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => panic!("text of {selector}: {e}"),
            }
        }
    }

    /// The text of the first element matching `selector` (see `texts_of`),
    /// waited for up to 15 s: after a navigation the URL can change before
    /// the new page has its elements.
    pub fn text_of(&self, selector: &str) -> String {
        wait_for(selector, || self.texts_of(selector).into_iter().next())
    }

    fn s(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    pub fn goto(&self, url: &str) {
        self.call("POST", &self.s("/url"), Some(json!({ "url": url })));
    }

    pub fn url(&self) -> String {
        self.call("GET", &self.s("/url"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Element ids matching a CSS selector (or XPath when it starts with `/`).
    pub fn find_all(&self, selector: &str) -> Vec<String> {
        let using = if selector.starts_with('/') {
            "xpath"
        } else {
            "css selector"
        };
        self.call(
            "POST",
            &self.s("/elements"),
            Some(json!({"using": using, "value": selector})),
        )
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e[ELEMENT].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
    }

    /// The first element matching `selector`, waited for up to 15 s (see
    /// `text_of`).
    pub fn find(&self, selector: &str) -> String {
        wait_for(selector, || self.find_all(selector).into_iter().next())
    }

    pub fn text(&self, el: &str) -> String {
        self.call("GET", &self.s(&format!("/element/{el}/text")), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Type into an element as a person does (`\u{E007}` is Enter).
    pub fn type_into(&self, el: &str, text: &str) {
        self.call(
            "POST",
            &self.s(&format!("/element/{el}/value")),
            Some(json!({ "text": text })),
        );
    }

    pub fn click(&self, el: &str) {
        self.call(
            "POST",
            &self.s(&format!("/element/{el}/click")),
            Some(json!({})),
        );
    }

    /// The element that has the keyboard focus.
    pub fn active(&self) -> String {
        self.call("GET", &self.s("/element/active"), None)[ELEMENT]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Press keys on whatever has the focus.
    pub fn keys(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                [
                    json!({"type": "keyDown", "value": c.to_string()}),
                    json!({"type": "keyUp", "value": c.to_string()}),
                ]
            })
            .collect();
        self.call(
            "POST",
            &self.s("/actions"),
            Some(json!({"actions": [{"type": "key", "id": "kb", "actions": actions}]})),
        );
    }

    /// Wait until the URL contains `part`.
    pub fn wait_url(&self, part: &str) -> String {
        let start = Instant::now();
        loop {
            let u = self.url();
            if u.contains(part) {
                return u;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "url {u} lacks {part}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn screenshot(&self, file: &Path) {
        let b64 = self.call("GET", &self.s("/screenshot"), None);
        let png = base64(b64.as_str().unwrap_or_default());
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::write(file, png).unwrap();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = request(
                &self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
                "",
            );
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn which(cmd: &str) -> Option<String> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(cmd))
            .find(|f| f.is_file())
            .map(|f| f.display().to_string())
    })
}

fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter_map(val) {
        acc = (acc << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// The first answer of `look`, asked again every 100 ms for up to 15 s.
fn wait_for<T>(selector: &str, look: impl Fn() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(t) = look() {
            return t;
        }
        if start.elapsed() > Duration::from_secs(15) {
            panic!("no element {selector}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

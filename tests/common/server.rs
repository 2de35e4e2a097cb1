//! Shared by the server tests: a fixture index, a running `congvan serve`
//! and a tiny HTTP/1.1 client over std (no extra dependencies).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_congvan");

/// Text of an untrusted document: markup and a script URL in its subject
/// and body, citing 71-NQ/TW.
pub const XSS_DOC: &str = "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 999/SGDĐT-VP\n\
V/v <script>alert('xss')</script> triển khai \"><img src=x onerror=alert(1)>\n\
Đồng Nai, ngày 05 tháng 9 năm 2025\n\
Kính gửi: <b>Các trường</b>\n\
Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị <script>alert(2)</script> về đột phá phát triển giáo dục, \
xem javascript:alert(3) và <a href=\"javascript:alert(4)\">liên kết</a>.\n\
Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nLê Văn C\n";

/// A letter citing the Government's 71/NQ-CP (so `Nghị quyết 71` is ambiguous).
pub const CP_DOC: &str = "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 6225/BVHTTDL-VP\n\
V/v triển khai Nghị quyết số 71/NQ-CP\n\
Hà Nội, ngày 18 tháng 11 năm 2025\n\
Kính gửi: Các cơ quan, đơn vị thuộc Bộ\n\
Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ về cắt giảm thủ tục hành chính, \
Bộ đề nghị các đơn vị triển khai chuyển đổi số.\n\
Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhạm Văn D\n";

/// A document that is itself cited (Công văn 4240/UBND-VX).
pub const OWN_DOC: &str = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 4240/UBND-VX\n\
V/v triển khai công tác giáo dục mầm non\n\
Thành phố Hồ Chí Minh, ngày 12 tháng 8 năm 2025\n\
Kính gửi: Sở Giáo dục và Đào tạo\n\
Ủy ban nhân dân Thành phố đề nghị Sở Giáo dục và Đào tạo triển khai công tác giáo dục mầm non.\n\
Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n";

pub const CITING_OWN: &str = "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 77/SGDĐT-VP\n\
V/v thực hiện Công văn số 4240/UBND-VX\n\
Thành phố Hồ Chí Minh, ngày 20 tháng 8 năm 2025\n\
Kính gửi: Các trường mầm non\n\
Thực hiện Công văn số 4240/UBND-VX ngày 12/8/2025 của Ủy ban nhân dân Thành phố về giáo dục mầm non, \
Sở Giáo dục và Đào tạo đề nghị các trường thực hiện.\n\
Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn B\n";

/// The embedded corpus plus the fixtures above, indexed into a temp folder.
pub struct Fixture {
    pub docs: tempfile::TempDir,
    pub index: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let docs = tempfile::tempdir().unwrap();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for e in std::fs::read_dir(corpus).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, docs.path().join(p.file_name().unwrap())).unwrap();
        }
        for (name, text) in [
            ("xss.txt", XSS_DOC),
            ("cp.txt", CP_DOC),
            ("own.txt", OWN_DOC),
            ("citing.txt", CITING_OWN),
        ] {
            std::fs::write(docs.path().join(name), text).unwrap();
        }
        let index = tempfile::tempdir().unwrap();
        let out = Command::new(BIN)
            .arg("index")
            .arg(docs.path())
            .arg("--index")
            .arg(index.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Fixture { docs, index }
    }
}

/// A running server, stopped (by its own pid) when dropped.
pub struct Server {
    pub child: Child,
    pub addr: String,
}

impl Server {
    pub fn start(index: &Path) -> Server {
        let mut cmd = Command::new(BIN);
        cmd.arg("serve").arg("--index").arg(index);
        Server::spawn(cmd)
    }

    /// `congvan serve` with more arguments (no `--listen`).
    pub fn spawn(mut cmd: Command) -> Server {
        let mut child = cmd
            .args(["--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, addr }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn get(&self, path: &str) -> Response {
        request(&self.addr, "GET", path, None, "")
    }

    pub fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Response {
        request(&self.addr, "POST", path, Some(body), content_type)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Header lines, lowercased names.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// Percent-encode a query value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn request(addr: &str, method: &str, path: &str, body: Option<&[u8]>, ctype: &str) -> Response {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(b) = body {
        req.push_str(&format!(
            "Content-Type: {ctype}\r\nContent-Length: {}\r\n",
            b.len()
        ));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    if let Some(b) = body {
        // The server may answer (413) before reading all of a large body.
        let _ = s.write_all(b);
    }
    // Read to the end of the body: Content-Length when given (some servers
    // keep the connection open), else to the close.
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if len.is_some_and(|n| raw.len() >= end + 4 + n) {
                break;
            }
        }
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    }
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    if headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
    {
        rest = dechunk(&rest);
    }
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&rest).to_string(),
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(
            String::from_utf8_lossy(&b[..eol])
                .split(';')
                .next()
                .unwrap_or("0")
                .trim(),
            16,
        )
        .unwrap_or(0);
        if n == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&b[start..(start + n).min(b.len())]);
        b = &b[(start + n + 2).min(b.len())..];
    }
    out
}

/// The first hit id of a search.
pub fn first_id(srv: &Server, q: &str) -> String {
    let r = srv.get(&format!("/api/search?q={}", enc(q)));
    r.json()["hits"][0]["id"].as_str().unwrap().to_string()
}

pub fn screenshot_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d
}

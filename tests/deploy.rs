//! Installed anywhere, shared by many (issue 17), through the built binary:
//! the embedded corpus from a copied binary in an empty folder, concurrent
//! first searches on an empty cache, cache folder conventions and the
//! in-memory fallback, read-only indexes (never written, searchable as
//! another user), files created with the umask, PDF decompression bombs
//! under `ulimit -v`, and the smaller points (gen's truth, overlong
//! numbers, graph's exit status, FIFO arguments).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

const BIN: &str = env!("CARGO_BIN_EXE_congvan");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copy the binary to `dst`, ready to run: another test thread forking
/// while the copy's write handle is open leaves that handle in the child
/// until it execs, and running the copy then fails with "Text file busy"
/// (ETXTBSY). Wait until the copy runs.
fn copy_exe(dst: &Path) {
    std::fs::copy(BIN, dst).unwrap();
    for _ in 0..200 {
        match Command::new(dst).arg("--version").output() {
            Err(e) if e.raw_os_error() == Some(26) => {
                std::thread::sleep(std::time::Duration::from_millis(10))
            }
            _ => return,
        }
    }
}

/// A command with no cache-related variables inherited.
fn clean(bin: &Path) -> Command {
    let mut c = Command::new(bin);
    c.env_remove("CONGVAN_CACHE_DIR")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("HOME")
        .env_remove("TMPDIR");
    c
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The three documents of the corpus that cite 71-NQ/TW.
fn assert_answers(out: &Output) {
    let (stdout, stderr) = text(out);
    assert!(out.status.success(), "stdout: {stdout}\nstderr: {stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "stdout: {stdout}\nstderr: {stderr}");
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).expect("json");
        assert_eq!(v["matched_references"][0], "71-NQ/TW");
        assert!(v["path"].as_str().unwrap().starts_with("corpus/"), "{v}");
    }
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

/// A path nothing can be created under (its parent is a regular file).
fn unwritable(base: &Path) -> PathBuf {
    let file = base.join("a-file");
    std::fs::write(&file, b"x").unwrap();
    file.join("home")
}

#[test]
fn a_copied_binary_answers_from_any_folder_without_reading_corpus() {
    let t = tempdir();
    let bin = t.path().join("congvan");
    copy_exe(&bin);
    let home = t.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let empty = t.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = clean(&bin)
        .args(["search", "Nghị quyết 71", "--json"])
        .current_dir(&empty)
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_answers(&out);
    assert!(home.join(".cache/congvan").is_dir());
    // A folder with its own `corpus/` does not change the answer.
    let other = t.path().join("other");
    std::fs::create_dir_all(other.join("corpus")).unwrap();
    std::fs::write(
        other.join("corpus/x.txt"),
        "UBND TỈNH A\nSố: 1/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị.\n",
    )
    .unwrap();
    let out = clean(&bin)
        .args(["search", "Nghị quyết 71", "--json"])
        .current_dir(&other)
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_answers(&out);
}

#[test]
fn ten_concurrent_first_searches_all_succeed_ten_times() {
    for round in 0..10 {
        let cache = tempdir();
        let children: Vec<_> = (0..10)
            .map(|_| {
                clean(Path::new(BIN))
                    .args(["search", "Nghị quyết 71", "--json"])
                    .env("CONGVAN_CACHE_DIR", cache.path())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            let (_, stderr) = text(&out);
            assert!(out.status.success(), "round {round}: {stderr}");
            assert_answers(&out);
        }
        // One finished index, no temporary folder left behind.
        let names: Vec<String> = std::fs::read_dir(cache.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1, "round {round}: {names:?}");
        assert!(names[0].starts_with("corpus-index-"), "{names:?}");
    }
}

#[test]
fn cache_folder_follows_the_conventions() {
    let t = tempdir();
    let home = t.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let cwd = t.path().join("cwd");
    std::fs::create_dir(&cwd).unwrap();
    // A relative XDG_CACHE_HOME is ignored (not taken from the current folder).
    let out = clean(Path::new(BIN))
        .args(["search", "Nghị quyết 71", "--json"])
        .current_dir(&cwd)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", "relative-cache")
        .output()
        .unwrap();
    assert_answers(&out);
    assert!(!cwd.join("relative-cache").exists());
    assert!(home.join(".cache/congvan").is_dir());
    // An absolute one is used.
    let xdg = t.path().join("xdg");
    let out = clean(Path::new(BIN))
        .args(["search", "Nghị quyết 71", "--json"])
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", &xdg)
        .output()
        .unwrap();
    assert_answers(&out);
    assert!(xdg.join("congvan").is_dir());
    // No HOME: a per-user folder of the temporary folder, private.
    let tmp = t.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let out = clean(Path::new(BIN))
        .args(["search", "Nghị quyết 71", "--json"])
        .env("TMPDIR", &tmp)
        .output()
        .unwrap();
    assert_answers(&out);
    let per_user: Vec<PathBuf> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(per_user.len(), 1, "{per_user:?}");
    let name = per_user[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("congvan-cache-"), "{name}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&per_user[0])
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}

#[test]
fn unwritable_home_still_answers_and_nothing_writable_builds_in_memory() {
    let t = tempdir();
    let bad_home = unwritable(t.path());
    let tmp = t.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    // HOME unwritable: the per-user temporary folder.
    let out = clean(Path::new(BIN))
        .args(["search", "Nghị quyết 71", "--json"])
        .env("HOME", &bad_home)
        .env("TMPDIR", &tmp)
        .output()
        .unwrap();
    assert_answers(&out);
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 1);
    // Nothing writable: in memory, said once.
    let out = clean(Path::new(BIN))
        .args(["search", "Nghị quyết 71", "--json"])
        .env("HOME", &bad_home)
        .env("XDG_CACHE_HOME", &bad_home)
        .env("TMPDIR", &bad_home)
        .output()
        .unwrap();
    assert_answers(&out);
    let (_, stderr) = text(&out);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("in memory"), "{stderr}");
}

/// Every file of a folder with its size, time and mode.
fn snapshot(dir: &Path) -> Vec<(String, u64, SystemTime, u32)> {
    let mut out: Vec<_> = walk(dir)
        .into_iter()
        .map(|p| {
            let m = std::fs::metadata(&p).unwrap();
            #[cfg(unix)]
            let mode = {
                use std::os::unix::fs::PermissionsExt;
                m.permissions().mode()
            };
            #[cfg(not(unix))]
            let mode = 0;
            (
                p.display().to_string(),
                m.len(),
                m.modified().unwrap(),
                mode,
            )
        })
        .collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// An index of the corpus in `dir` (a copy of the corpus, so paths stay).
fn build_index(docs: &Path, dir: &Path, umask: &str) {
    std::fs::create_dir_all(docs).unwrap();
    for e in std::fs::read_dir(root().join("corpus")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, docs.join(p.file_name().unwrap())).unwrap();
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask {umask}; exec \"$0\" index \"$1\" --index \"$2\""
        ))
        .arg(BIN)
        .arg(docs)
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", text(&out));
}

#[test]
fn searching_never_writes_and_needs_no_write_access() {
    let t = tempdir();
    let idx = t.path().join("idx");
    build_index(&t.path().join("docs"), &idx, "022");
    // The lock files are the writer's business: a search must not need or
    // create them.
    for lock in [".tantivy-meta.lock", ".tantivy-writer.lock"] {
        let _ = std::fs::remove_file(idx.join(lock));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for p in walk(&idx) {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
        }
        std::fs::set_permissions(&idx, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let before = snapshot(&idx);
    for args in [
        vec!["search", "Nghị quyết 71", "--json"],
        vec!["refs", "71-NQ/TW", "--json"],
        vec!["search", "giáo dục"],
    ] {
        let out = Command::new(BIN)
            .args(&args)
            .arg("--index")
            .arg(&idx)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {:?}", text(&out));
        assert!(!out.stdout.is_empty());
    }
    assert_eq!(before, snapshot(&idx), "searching changed the index folder");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&idx, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// Run `args` as user `nobody` when this process is root and `setpriv`
/// exists; `None` (with a message) when that is not possible here.
fn as_nobody(args: &[&std::ffi::OsStr]) -> Option<Output> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .ok()
        .is_some_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root {
        eprintln!("skipped: not root, cannot switch to another user");
        return None;
    }
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .args(args)
        .env_remove("CONGVAN_CACHE_DIR")
        .env("HOME", "/nonexistent")
        .output();
    match out {
        Ok(o) => Some(o),
        Err(e) => {
            eprintln!("skipped: setpriv not available ({e})");
            None
        }
    }
}

#[test]
#[cfg(unix)]
fn another_user_searches_a_readable_index_and_a_read_only_mount() {
    use std::os::unix::fs::PermissionsExt;
    let t = tempdir();
    std::fs::set_permissions(t.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = t.path().join("congvan");
    copy_exe(&bin);
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let idx = t.path().join("idx");
    build_index(&t.path().join("docs"), &idx, "022");
    let before = snapshot(&idx);
    let q = |cmd: &str, what: &str| -> Vec<std::ffi::OsString> {
        vec![
            bin.clone().into(),
            cmd.into(),
            what.into(),
            "--json".into(),
            "--index".into(),
            idx.clone().into(),
        ]
    };
    for args in [q("search", "Nghị quyết 71"), q("refs", "71-NQ/TW")] {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let Some(out) = as_nobody(&args) else {
            return;
        };
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "as nobody: {stderr}");
        assert_eq!(stdout.lines().count(), 3, "{stdout}");
    }
    assert_eq!(before, snapshot(&idx));

    // A read-only bind mount, in a private mount namespace (needs
    // CAP_SYS_ADMIN; skipped with a message where the machine refuses).
    let script = "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && \
                  touch \"$1/probe\" 2>/dev/null && exit 3; \
                  \"$0\" refs 71-NQ/TW --json --index \"$1\" > /dev/null || exit 4; \
                  exec \"$0\" search 'Nghị quyết 71' --json --index \"$1\"";
    let out = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", script])
        .arg(&bin)
        .arg(&idx)
        .output();
    match out {
        Ok(o) if o.status.code() == Some(3) => panic!("the mount was not read-only"),
        Ok(o) if o.status.code() == Some(4) => {
            panic!("refs on a read-only mount failed: {}", text(&o).1)
        }
        Ok(o) if o.status.success() => {
            assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 3);
        }
        Ok(o) => {
            let (_, stderr) = text(&o);
            if stderr.contains("congvan") {
                panic!("search on a read-only mount failed: {stderr}");
            }
            eprintln!("skipped read-only mount: {}", stderr.trim());
        }
        Err(e) => eprintln!("skipped read-only mount: unshare: {e}"),
    }
}

#[test]
#[cfg(unix)]
fn index_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, want) in [("022", 0o644), ("027", 0o640)] {
        let t = tempdir();
        let idx = t.path().join("idx");
        build_index(&t.path().join("docs"), &idx, umask);
        let files = walk(&idx);
        assert!(files.iter().any(|p| p.ends_with("meta.json")));
        assert!(files.iter().any(|p| p.ends_with(".managed.json")));
        for p in files {
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, want, "{} with umask {umask}", p.display());
        }
        // The default index in a cache folder too.
        let cache = t.path().join("cache");
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" search 'Nghị quyết 71' --json"
            ))
            .arg(BIN)
            .env("CONGVAN_CACHE_DIR", &cache)
            .output()
            .unwrap();
        assert_answers(&out);
        for p in walk(&cache) {
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, want, "{} with umask {umask}", p.display());
        }
    }
}

// ---------------------------------------------------------------------------
// PDF decompression bombs

/// Bits written least significant first, as deflate wants.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u64, len: u32) {
        let mut rev = 0;
        for i in 0..len {
            rev |= ((code >> i) & 1) << (len - 1 - i);
        }
        self.put(rev, len);
    }
}

/// A zlib stream of at least `size` zero bytes: one fixed-Huffman block, a
/// literal zero and then copies of 258 bytes at distance 1 (13 bits each).
fn zlib_zeros(size: u64) -> Vec<u8> {
    let copies = (size.saturating_sub(1)).div_ceil(258);
    let total = 1 + copies * 258;
    let mut b = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // last block
    b.put(1, 2); // fixed Huffman
    b.code(0x30, 8); // literal 0
    for _ in 0..copies {
        b.code(0xC5, 8); // length 258 (code 285)
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    if b.n > 0 {
        b.out.push(b.acc as u8);
    }
    let adler = ((total % 65521) << 16) | 1;
    b.out.extend_from_slice(&(adler as u32).to_be_bytes());
    b.out
}

/// A one-page PDF whose content stream is `stream` (Flate).
fn pdf_with_content(stream: &[u8]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
    ];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    offsets.push(pdf.len());
    pdf.extend_from_slice(
        format!(
            "4 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
            stream.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(stream);
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

/// The bombs (1 GiB and 4 GiB of zeros, 6.6 MB and 26 MB of PDF), written
/// into `dir`. A copy stays in `target/tmp/bombs/` for measuring by hand
/// (see the README).
fn bombs(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bombs");
    let _ = std::fs::create_dir_all(&kept);
    [("bomb-1g.pdf", 1u64 << 30), ("bomb-4g.pdf", 4u64 << 30)]
        .iter()
        .map(|(name, size)| {
            let p = dir.join(name);
            let mut f = std::fs::File::create(&p).unwrap();
            let pdf = pdf_with_content(&zlib_zeros(*size));
            f.write_all(&pdf).unwrap();
            let _ = std::fs::write(kept.join(name), &pdf);
            p
        })
        .collect()
}

/// Run the binary under `ulimit -v 2000000` (2 GB of address space).
fn limited(args: &[&std::ffi::OsStr]) -> (Output, Duration) {
    let start = Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2000000 && exec \"$@\"")
        .arg("sh")
        .arg(BIN)
        .args(args)
        .output()
        .unwrap();
    (out, start.elapsed())
}

/// A PDF of numbered objects (1 is the catalog): `(dictionary, stream)`.
fn pdf_of(objects: &[(String, Option<Vec<u8>>)]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, (dict, stream)) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{dict}\n", i + 1).as_bytes());
        if let Some(data) = stream {
            pdf.extend_from_slice(b"stream\n");
            pdf.extend_from_slice(data);
            pdf.extend_from_slice(b"\nendstream\n");
        }
        pdf.extend_from_slice(b"endobj\n");
    }
    let xref = pdf.len();
    let n = objects.len() + 1;
    pdf.extend_from_slice(format!("xref\n0 {n}\n0000000000 65535 f \n").as_bytes());
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {n} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// The costliest PDF the bounds let through: dense objects (`[0 0 0 …]`)
/// and a page and the form it draws full of tiny operations (`0 0 m`),
/// each `scale` times its bound (`congvan::ingest::pdf_guard`).
fn worst_pdf(scale: f64) -> Vec<u8> {
    use congvan::ingest::pdf_guard::{MAX_PAGE, MAX_STRUCTURE};
    let ops_len = ((MAX_PAGE as f64 * scale) as usize - 4096) / 6;
    let ops = b"0 0 m\n".repeat(ops_len);
    let mut page = b"/Fm0 Do\n".to_vec();
    page.extend_from_slice(&ops);
    let (page, form) = (deflate(&page), deflate(&ops));
    let dense = format!(
        "[{}]",
        "0 ".repeat(((MAX_STRUCTURE as f64 * scale) as usize - 8192) / 2)
    );
    pdf_of(&[
        ("<< /Type /Catalog /Pages 2 0 R /X 6 0 R >>".into(), None),
        ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(), None),
        (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Resources << /XObject << /Fm0 5 0 R >> >> >>"
                .into(),
            None,
        ),
        (
            format!("<< /Length {} /Filter /FlateDecode >>", page.len()),
            Some(page),
        ),
        (
            format!(
                "<< /Subtype /Form /BBox [0 0 1 1] /Length {} /Filter /FlateDecode >>",
                form.len()
            ),
            Some(form),
        ),
        (dense, None),
    ])
}

#[test]
fn the_costliest_pdf_within_bounds_runs_under_ulimit_and_more_is_refused() {
    let t = tempdir();
    let within = t.path().join("within.pdf");
    std::fs::write(&within, worst_pdf(1.0)).unwrap();
    let (out, took) = limited(&["parse".as_ref(), within.as_os_str()]);
    let (_, stderr) = text(&out);
    // Ends by itself (no text in it: an error line), not killed.
    assert!(out.status.code().is_some(), "killed: {stderr}");
    assert!(stderr.lines().count() <= 1, "{stderr}");
    assert!(took < Duration::from_secs(60), "{took:?}");
    let beyond = t.path().join("beyond.pdf");
    std::fs::write(&beyond, worst_pdf(1.05)).unwrap();
    let (out, took) = limited(&["parse".as_ref(), beyond.as_os_str()]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("decompression bound"), "{stderr}");
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn zlib_zeros_is_what_it_says() {
    use std::io::Read;
    let z = zlib_zeros(1_000_000);
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(&z[..])
        .read_to_end(&mut out)
        .expect("valid zlib");
    assert!(out.len() >= 1_000_000 && out.iter().all(|&b| b == 0));
}

#[test]
fn pdf_bombs_fail_quickly_with_one_line_under_ulimit() {
    let t = tempdir();
    for bomb in bombs(t.path()) {
        let (out, took) = limited(&["parse".as_ref(), bomb.as_os_str()]);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", bomb.display());
        assert!(stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&*bomb.to_string_lossy()), "{stderr}");
        assert!(stderr.contains("decompress"), "{stderr}");
        assert!(
            took < Duration::from_secs(20),
            "{}: {took:?}",
            bomb.display()
        );
    }
}

#[test]
fn index_lists_the_bombs_and_indexes_the_good_files() {
    let t = tempdir();
    let docs = t.path().join("docs");
    let bombs = bombs(&docs);
    for e in std::fs::read_dir(root().join("corpus")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, docs.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        root().join("fixtures/ingest/000_b2fc0b6fbb2c88b4.pdf"),
        docs.join("good.pdf"),
    )
    .unwrap();
    let idx = t.path().join("idx");
    let failures = t.path().join("failures.jsonl");
    let (out, _) = limited(&[
        "index".as_ref(),
        docs.as_os_str(),
        "--index".as_ref(),
        idx.as_os_str(),
        "--failures".as_ref(),
        failures.as_os_str(),
    ]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("indexed 6 file(s)"), "{stdout}");
    let report = std::fs::read_to_string(&failures).unwrap();
    assert_eq!(report.lines().count(), 2, "{report}");
    for b in &bombs {
        assert!(report.contains(&*b.to_string_lossy()), "{report}");
        assert!(stdout.contains(&*b.to_string_lossy()), "{stdout}");
    }
}

// ---------------------------------------------------------------------------
// Smaller points

#[test]
fn gen_writes_its_truth_beside_the_folder() {
    let t = tempdir();
    let out_dir = t.path().join("gen");
    let out = Command::new(BIN)
        .args(["gen", "--docs", "20", "--seed", "3", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", text(&out));
    assert!(!out_dir.join("truth.jsonl").exists());
    let truth = std::fs::read_to_string(t.path().join("gen.truth.jsonl")).unwrap();
    assert_eq!(truth.lines().count(), 20);
    let idx = t.path().join("idx");
    let out = Command::new(BIN)
        .arg("index")
        .arg(&out_dir)
        .arg("--index")
        .arg(&idx)
        .output()
        .unwrap();
    let (stdout, _) = text(&out);
    assert!(stdout.contains("indexed 20 file(s)"), "{stdout}");
}

#[test]
fn an_overlong_number_is_no_such_document() {
    let t = tempdir();
    let idx = t.path().join("idx");
    build_index(&t.path().join("docs"), &idx, "022");
    for q in ["Nghị quyết 999999", "NQ 1234567", "999999-NQ/TW"] {
        let out = Command::new(BIN)
            .args(["search", q, "--json", "--index"])
            .arg(&idx)
            .output()
            .unwrap();
        let (stdout, stderr) = text(&out);
        assert!(out.status.success(), "{q}: {stderr}");
        assert!(stdout.is_empty(), "{q}: {stdout}");
        let out = Command::new(BIN)
            .args(["search", q, "--index"])
            .arg(&idx)
            .output()
            .unwrap();
        let (stdout, _) = text(&out);
        assert!(stdout.starts_with("No such document"), "{q}: {stdout}");
    }
    // Five digits is still a citation query (answered, nobody cites it).
    let out = Command::new(BIN)
        .args(["search", "Nghị quyết 99999", "--index"])
        .arg(&idx)
        .output()
        .unwrap();
    assert!(!text(&out).0.starts_with("No such document"));
}

#[test]
fn graph_fails_when_an_input_fails_and_names_it_once() {
    let t = tempdir();
    let bad = t.path().join("broken.pdf");
    std::fs::write(&bad, b"%PDF-1.4\nnot really").unwrap();
    let good = root().join("corpus/000_b2fc0b6fbb2c88b4.txt");
    let out = Command::new(BIN)
        .arg("graph")
        .arg(&good)
        .arg(&bad)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("digraph"), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(
        stderr.matches(&*bad.to_string_lossy()).count(),
        1,
        "{stderr}"
    );
}

#[test]
#[cfg(unix)]
fn index_reports_a_fifo_or_device_argument() {
    let t = tempdir();
    let fifo = t.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped the FIFO: mkfifo not available");
        return;
    }
    let idx = t.path().join("idx");
    let out = Command::new(BIN)
        .arg("index")
        .arg(&fifo)
        .arg("/dev/null")
        .arg(root().join("corpus/000_b2fc0b6fbb2c88b4.txt"))
        .arg("--index")
        .arg(&idx)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("indexed 1 file(s)"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "failed: {}: not a regular file or folder (a FIFO)",
            fifo.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("failed: /dev/null: not a regular file or folder (a character device)"),
        "{stdout}"
    );
}

//! Disk full while committing: a clear one-line error, and the last commit
//! stays intact and searchable.
//!
//! The disk is a real small one: a 600 KiB tmpfs mounted in a private mount
//! namespace (`unshare -rm`, no root needed where user namespaces are
//! allowed), so the kernel itself answers ENOSPC. Where that is not allowed,
//! the same run under a file size limit (`ulimit -f`, SIGXFSZ ignored) makes
//! the kernel answer EFBIG instead; where neither works the test says so and
//! skips.
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;

fn script(bin: &str, corpus: &Path, more: &Path, mnt: &Path, limit: bool) -> String {
    let idx = mnt.join("idx");
    let (setup, second) = if limit {
        (
            format!("mkdir -p '{}'", mnt.display()),
            format!(
                "(trap '' XFSZ; ulimit -f 400; exec '{bin}' index '{}' --index '{}')",
                more.display(),
                idx.display()
            ),
        )
    } else {
        (
            format!(
                "mkdir -p '{m}' && mount -t tmpfs -o size=600k tmpfs '{m}' || exit 77",
                m = mnt.display()
            ),
            format!(
                "'{bin}' index '{}' --index '{}'",
                more.display(),
                idx.display()
            ),
        )
    };
    format!(
        "{setup}
'{bin}' index '{corpus}' --index '{idx}' >/dev/null || exit 78
{second}
echo \"second=$?\"
'{bin}' refs 71-NQ/TW --json --index '{idx}'
'{bin}' check --index '{idx}'
echo \"check=$?\"
",
        corpus = corpus.display(),
        idx = idx.display()
    )
}

#[test]
fn disk_full_keeps_the_last_commit() {
    let bin = env!("CARGO_BIN_EXE_congvan");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let tmp = tempfile::tempdir().unwrap();
    let more = tmp.path().join("more");
    let gen = Command::new(bin)
        .args(["gen", "--docs", "600", "--seed", "3", "--out"])
        .arg(&more)
        .output()
        .unwrap();
    assert!(gen.status.success());
    let mnt = tmp.path().join("mnt");
    let tmpfs = Command::new("unshare")
        .args(["-rm", "sh", "-c"])
        .arg(script(bin, &corpus, &more, &mnt, false))
        .output();
    let out = match tmpfs {
        Ok(o) if o.status.code() != Some(77) && o.status.code() != Some(1) || o_ok(&o) => o,
        _ => {
            eprintln!("disk_full: no private tmpfs here; using a file size limit (EFBIG)");
            Command::new("sh")
                .arg("-c")
                .arg(script(bin, &corpus, &more, &mnt, true))
                .output()
                .unwrap()
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stdout.contains("second=") {
        eprintln!("disk_full: skipped, could not set up a full disk: {stderr}");
        return;
    }
    // The failing run: one line naming the index, saying what happened.
    assert!(stdout.contains("second=2"), "{stdout}\n{stderr}");
    let err: Vec<&str> = stderr.lines().collect();
    assert_eq!(err.len(), 1, "{stderr}");
    assert!(err[0].contains("disk full"), "{stderr}");
    assert!(err[0].contains("last commit is intact"), "{stderr}");
    assert!(!stderr.contains("panicked"));
    // The last commit: searchable and whole.
    let hits = stdout.lines().filter(|l| l.starts_with('{')).count();
    assert_eq!(hits, 3, "{stdout}");
    assert!(
        stdout.contains("ok: ") && stdout.contains("5 document(s)"),
        "{stdout}"
    );
    assert!(stdout.contains("check=0"), "{stdout}");
}

/// The tmpfs run got as far as the second index run.
fn o_ok(o: &std::process::Output) -> bool {
    String::from_utf8_lossy(&o.stdout).contains("second=")
}

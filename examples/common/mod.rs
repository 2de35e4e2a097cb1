//! Inputs shared by the profiling examples.
use std::path::{Path, PathBuf};

/// The bytes of the files and folders named in `args` (a folder's files in
/// name order); with none, the embedded corpus and 300 generated documents.
pub fn texts(args: impl Iterator<Item = String>) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .map(|rd| rd.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            v.sort();
            files.extend(v);
        } else {
            files.push(p);
        }
    }
    let mut texts: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    if texts.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        texts.extend(v.iter().filter_map(|p| std::fs::read(p).ok()));
        texts.extend(
            congvan::gen::generate(&congvan::gen::GenOptions { docs: 300, seed: 1 })
                .map(|d| d.text.into_bytes()),
        );
    }
    texts
}

//! The library's modules use each other without circles: every `crate::…`
//! path in `src/**/*.rs` (outside `#[cfg(test)] mod tests`) is an edge from
//! the file's module to the module it names, and the graph must be acyclic.
//! Top-level modules count as one node each (`src/index/*.rs` is `index`),
//! except `extract`, whose stages are nodes of their own (`extract::header`,
//! `extract::assignees`…). See the layer picture in ARCHITECTURE.md.
//!
//! Reads the sources with std only.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The graph node of a file (path relative to `src/`), `None` for the crate
/// root and the binaries.
fn module_of(rel: &[String]) -> Option<String> {
    let first = rel.first()?;
    if first == "bin" || rel.len() == 1 && (first == "lib.rs" || first == "main.rs") {
        return None;
    }
    let top = first.trim_end_matches(".rs").to_string();
    if top == "extract" && rel.len() >= 2 && rel[1] != "mod.rs" {
        return Some(format!("extract::{}", rel[1].trim_end_matches(".rs")));
    }
    Some(top)
}

/// The code of a file without comments and without its unit tests.
fn code(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        if l.trim() == "#[cfg(test)]"
            && lines
                .get(i + 1)
                .is_some_and(|n| n.trim_start().starts_with("mod "))
        {
            break;
        }
        let l = l.find("//").map_or(*l, |at| &l[..at]);
        out.push_str(l);
        out.push('\n');
    }
    out
}

fn ident(s: &str) -> (&str, &str) {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// The items of a `{a, b::c, self}` group (`s` starts after the `{`).
fn group(s: &str) -> Vec<&str> {
    let mut depth = 0;
    let mut items = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(s[start..i].trim());
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

/// The modules named by a path after `crate::`.
fn targets(s: &str, modules: &BTreeSet<String>, out: &mut BTreeSet<String>) {
    let s = s.trim_start();
    if let Some(g) = s.strip_prefix('{') {
        for item in group(g) {
            targets(item, modules, out);
        }
        return;
    }
    let (name, rest) = ident(s);
    if name == "extract" {
        extract_targets(rest.strip_prefix("::").unwrap_or(""), modules, out);
    } else if modules.contains(name) {
        out.insert(name.to_string());
    }
}

/// The modules named by a path after `extract::`.
fn extract_targets(s: &str, modules: &BTreeSet<String>, out: &mut BTreeSet<String>) {
    let s = s.trim_start();
    if let Some(g) = s.strip_prefix('{') {
        for item in group(g) {
            extract_targets(item, modules, out);
        }
        return;
    }
    let sub = format!("extract::{}", ident(s).0);
    if modules.contains(&sub) {
        out.insert(sub);
    } else {
        out.insert("extract".to_string());
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    let rel = |p: &Path| -> Vec<String> {
        p.strip_prefix(&src)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(&rel(f))).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let r = rel(f);
        let Some(from) = module_of(&r) else { continue };
        let text = code(&fs::read_to_string(f).unwrap());
        let mut to = BTreeSet::new();
        for (at, _) in text.match_indices("crate::") {
            targets(&text[at + "crate::".len()..], &modules, &mut to);
        }
        // `super::x` in `src/extract/x.rs` names a sibling stage.
        if r.len() == 2 && r[0] == "extract" && r[1] != "mod.rs" {
            for (at, _) in text.match_indices("super::") {
                extract_targets(&text[at + "super::".len()..], &modules, &mut to);
            }
        }
        // `extract/mod.rs` runs its stages.
        if r == ["extract", "mod.rs"] {
            for l in text.lines() {
                let l = l.trim_start().trim_start_matches("pub ");
                if let Some(m) = l.strip_prefix("mod ") {
                    let sub = format!("extract::{}", ident(m).0);
                    if modules.contains(&sub) {
                        to.insert(sub);
                    }
                }
            }
        }
        to.remove(&from);
        edges.entry(from).or_default().extend(to);
    }
    edges
}

/// One cycle through each strongly connected group of modules.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(n) = stack.pop() {
            for m in edges.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        seen
    };
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in edges.keys() {
        if done.contains(n) || !reach(n).contains(n) {
            continue;
        }
        // Shortest path back to `n` (breadth first).
        let mut prev: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([n.clone()]);
        let mut back = None;
        while let Some(m) = queue.pop_front() {
            for k in edges.get(&m).into_iter().flatten() {
                if k == n {
                    back = Some(m.clone());
                    break;
                }
                if !prev.contains_key(k) {
                    prev.insert(k.clone(), m.clone());
                    queue.push_back(k.clone());
                }
            }
            if back.is_some() {
                break;
            }
        }
        let mut path = vec![n.clone()];
        let mut at = back.unwrap();
        while &at != n {
            path.push(at.clone());
            at = prev[&at].clone();
        }
        path.push(n.clone());
        let len = path.len();
        path[1..len - 1].reverse();
        // The whole group is reported by this one cycle.
        let group: BTreeSet<String> = reach(n)
            .into_iter()
            .filter(|m| reach(m).contains(n))
            .collect();
        if group.len() > path.len() - 1 {
            let all: Vec<&str> = group.iter().map(String::as_str).collect();
            path.push(format!("(one of the circles among {})", all.join(", ")));
        }
        done.extend(group);
        out.push(path);
    }
    out
}

#[test]
fn no_import_circles() {
    let edges = graph();
    assert!(edges.contains_key("normalize") && edges.contains_key("extract::header"));
    let found = cycles(&edges);
    if !found.is_empty() {
        let mut msg = String::from("modules import each other in a circle:\n");
        for c in &found {
            msg.push_str(&format!("  {}\n", c.join(" → ")));
        }
        msg.push_str("\nedges:\n");
        for (from, to) in &edges {
            let to: Vec<&str> = to.iter().map(String::as_str).collect();
            msg.push_str(&format!("  {from} → {}\n", to.join(", ")));
        }
        panic!("{msg}");
    }
}

#[test]
fn text_uses_nothing_from_the_crate() {
    let edges = graph();
    assert!(edges["text"].is_empty(), "text uses {:?}", edges["text"]);
}

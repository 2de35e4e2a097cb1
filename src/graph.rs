//! The citation graph over a set of documents: nodes are the documents
//! (with their code when known) and the documents they cite that are not in
//! the set; edges are references, labelled with their relation
//! (`implements`, `basis`, `attached`, `mentions`).
//!
//! A cited document and a document of the set are the same node when the
//! citation's code is the document's own number and symbol (compared by
//! [`crate::codes::canonical`]).

use crate::model::{Document, Relation};
use crate::text::{collapse_ws, key};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One document of the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphNode {
    /// Stable identifier: `code:<canonical code>`, `file:<path>` for a
    /// document of the set without a number, `name:<key>` for a cited
    /// document named without a number (`Luật Giáo dục`).
    pub id: String,
    /// Number and symbol as written (`71-NQ/TW`), when known.
    pub code: Option<String>,
    /// Kind code (`NQ`, `KH`, `CV`…), when known.
    pub doc_type: Option<String>,
    /// Subject of a document of the set, or the `về …` phrase / name of a
    /// cited one.
    pub title: Option<String>,
    /// ISO date when known.
    pub date: Option<String>,
    /// Issuing body when known.
    pub issuer: Option<String>,
    /// Path of the file for documents of the set; null for documents that
    /// are only cited.
    pub path: Option<String>,
}

/// A citation from one node to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub relation: Relation,
}

/// The citation graph: `{nodes: […], edges: […]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

/// A document's own code (`11494/VP-VX`, `71-NQ/TW`, `02/2025/TT-BGDĐT`)
/// from its `Số:` line; None for drafts that leave the number blank.
pub fn own_code(doc: &Document) -> Option<String> {
    let seq = doc.number.seq.as_deref()?;
    let sym = doc.number.symbol.as_deref()?;
    if let Some(y) = doc.number.year {
        return Some(format!("{seq}/{y}/{sym}"));
    }
    // Party symbols carry the kind before a slash (`NQ/TW`): `71-NQ/TW`.
    let party = sym.contains('/')
        && !sym.contains('-')
        && sym
            .split('/')
            .next()
            .and_then(crate::vocab::type_by_code)
            .is_some();
    let sep = if party { "-" } else { "/" };
    Some(format!("{seq}{sep}{sym}"))
}

fn code_id(code: &str) -> String {
    format!("code:{}", crate::codes::canonical(code))
}

/// Build the graph of a set of parsed documents (in the order given).
pub fn build(docs: &[Document]) -> Graph {
    let mut g = Graph::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut doc_ids = Vec::with_capacity(docs.len());
    for d in docs {
        let code = own_code(d);
        let id = match &code {
            Some(c) => code_id(c),
            None => format!("file:{}", d.source.path),
        };
        let node = GraphNode {
            id: id.clone(),
            code,
            doc_type: d.doc_type.as_ref().map(|t| t.code.clone()),
            title: d.subject.clone(),
            date: date_iso(d),
            issuer: d.issuer.name.clone(),
            path: Some(d.source.path.clone()),
        };
        match index.get(&id) {
            // Two files with the same number: keep the first as the node.
            Some(_) => {}
            None => {
                index.insert(id.clone(), g.nodes.len());
                g.nodes.push(node);
            }
        }
        doc_ids.push(id);
    }
    for (d, from) in docs.iter().zip(&doc_ids) {
        for r in &d.references {
            let (id, title) = match (&r.code, &r.about) {
                (Some(c), about) => (code_id(c), about.clone()),
                (None, Some(name)) if r.doc_type.is_some() => {
                    (format!("name:{}", key(name)), Some(name.clone()))
                }
                (None, _) => (format!("name:{}", key(&r.text)), Some(collapse_ws(&r.text))),
            };
            if &id == from {
                continue;
            }
            match index.get(&id) {
                Some(&i) => {
                    // Fill what the citation knows about a cited-only node.
                    let n = &mut g.nodes[i];
                    if n.path.is_none() {
                        n.date = n.date.take().or(r.date.clone());
                        n.issuer = n
                            .issuer
                            .take()
                            .or(r.issuer.clone())
                            .or(r.symbol_issuer.clone());
                        // The fullest title any citation gives it.
                        let longer = match (&n.title, &title) {
                            (Some(a), Some(b)) => b.chars().count() > a.chars().count(),
                            (None, Some(_)) => true,
                            _ => false,
                        };
                        if longer {
                            n.title = title;
                        }
                    }
                }
                None => {
                    index.insert(id.clone(), g.nodes.len());
                    g.nodes.push(GraphNode {
                        id: id.clone(),
                        code: r.code.clone(),
                        doc_type: r.doc_type.as_ref().map(|t| t.code.clone()),
                        title,
                        date: r.date.clone(),
                        issuer: r.issuer.clone().or(r.symbol_issuer.clone()),
                        path: None,
                    });
                }
            }
            let edge = GraphEdge {
                from: from.clone(),
                to: id,
                relation: r.relation,
            };
            if !g.edges.contains(&edge) {
                g.edges.push(edge);
            }
        }
    }
    g
}

fn date_iso(d: &Document) -> Option<String> {
    match (d.date.year, d.date.month, d.date.day) {
        (Some(y), Some(m), Some(day)) => Some(format!("{y:04}-{m:02}-{day:02}")),
        _ => None,
    }
}

/// Every regular file under the given files and folders (folders walked
/// recursively, hidden entries skipped), sorted.
pub fn collect_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            for e in walkdir::WalkDir::new(p)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                })
                .flatten()
            {
                if e.file_type().is_file() {
                    out.push(e.into_path());
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Parse files and folders in parallel and build their graph. Files that
/// cannot be parsed are returned with their error and left out.
pub fn from_paths(paths: &[PathBuf]) -> (Graph, Vec<(PathBuf, crate::Error)>) {
    let files = collect_files(paths);
    let results: Vec<(PathBuf, Result<Document, crate::Error>)> = files
        .par_iter()
        .map(|f| (f.clone(), crate::parse_path(f)))
        .collect();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (f, r) in results {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push((f, e)),
        }
    }
    (build(&docs), errors)
}

fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn shorten(s: &str, max: usize) -> String {
    let s = collapse_ws(s);
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

fn file_name(p: &str) -> String {
    Path::new(p)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.to_string())
}

/// Graphviz DOT text of a graph. Documents of the set are filled boxes;
/// documents that are only cited are dashed ellipses; edges carry their
/// relation.
pub fn to_dot(g: &Graph) -> String {
    let mut out = String::from(
        "digraph citations {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n",
    );
    for n in &g.nodes {
        let mut label = Vec::new();
        match (&n.code, &n.path) {
            (Some(c), _) => label.push(c.clone()),
            (None, Some(p)) => label.push(file_name(p)),
            (None, None) => {}
        }
        if let Some(t) = &n.doc_type {
            if n.code.is_none() || n.path.is_some() {
                label.push(t.clone());
            }
        }
        if let Some(t) = &n.title {
            label.push(shorten(t, 48));
        }
        let label = label
            .iter()
            .map(|l| dot_escape(l))
            .collect::<Vec<_>>()
            .join("\\n");
        let style = if n.path.is_some() {
            "shape=box, style=\"filled\", fillcolor=\"#dde8f5\""
        } else {
            "shape=ellipse, style=\"dashed\""
        };
        out.push_str(&format!(
            "  \"{}\" [label=\"{}\", {}];\n",
            dot_escape(&n.id),
            label,
            style
        ));
    }
    for e in &g.edges {
        let style = match e.relation {
            Relation::Implements => "style=bold",
            Relation::Basis => "style=solid",
            Relation::Attached => "style=dotted",
            Relation::Mentions => "style=dashed, color=\"#777777\"",
        };
        out.push_str(&format!(
            "  \"{}\" -> \"{}\" [label=\"{}\", {}];\n",
            dot_escape(&e.from),
            dot_escape(&e.to),
            e.relation.as_str(),
            style
        ));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "BAN THƯỜNG VỤ THÀNH ỦY\nSố: 02-CTr/TU\nHải Phòng, ngày 20 tháng 10 năm 2025\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 71-NQ/TW\nThực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo, Ban Thường vụ Thành ủy ban hành Chương trình hành động.\n1. Các cấp ủy quán triệt Nghị quyết.\n";
    const LETTER: &str = "UBND THÀNH PHỐ HẢI PHÒNG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/SGDĐT-VP\nHải Phòng, ngày 05 tháng 11 năm 2025\nV/v triển khai Chương trình hành động số 02-CTr/TU\nKính gửi: Các trường học.\nThực hiện Chương trình hành động số 02-CTr/TU ngày 20/10/2025 của Ban Thường vụ Thành ủy; căn cứ Luật Giáo dục năm 2019, Sở đề nghị:\n1. Các trường triển khai Chương trình.\n";

    #[test]
    fn set_documents_and_cited_ones() {
        let docs = vec![
            crate::parse_str(PLAN, "plan.txt"),
            crate::parse_str(LETTER, "letter.txt"),
        ];
        let g = build(&docs);
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        let (plan_id, letter_id) = (code_id("02-CTr/TU"), code_id("12/SGDĐT-VP"));
        assert!(ids.contains(&plan_id.as_str()), "{ids:?}");
        assert!(ids.contains(&letter_id.as_str()), "{ids:?}");
        assert!(ids.contains(&"code:71-NQ/TW"), "{ids:?}");
        // The letter's citation of 02-CTr/TU lands on the plan's node.
        let e = g
            .edges
            .iter()
            .find(|e| e.from == letter_id && e.to == plan_id)
            .expect("edge letter -> plan");
        assert_eq!(e.relation, Relation::Implements);
        let plan = g.nodes.iter().find(|n| n.id == plan_id).unwrap();
        assert_eq!(plan.path.as_deref(), Some("plan.txt"));
        assert!(g
            .nodes
            .iter()
            .any(|n| n.id.starts_with("name:") && n.code.is_none()));
        let dot = to_dot(&g);
        assert!(dot.starts_with("digraph citations {"));
        assert!(dot.contains("-> \"code:71-NQ/TW\" [label=\"implements\""));
        assert!(dot.trim_end().ends_with('}'));
    }

    #[test]
    fn escaping() {
        assert_eq!(dot_escape("a\"b\\c\nd"), "a\\\"b\\\\c d");
        assert_eq!(shorten("một hai ba", 3), "một…");
    }
}

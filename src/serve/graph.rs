//! The citation neighbourhood of an indexed document: who it cites and who
//! cites it, up to `depth` steps, bounded in size.

use crate::error::Error;
use crate::index::Index;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// Most nodes in one neighbourhood.
pub const MAX_NODES: usize = 60;
/// Most citing documents followed per node.
const MAX_CITING: usize = 25;

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// `doc:<id>` for an indexed document, `code:<key>` for one only cited.
    pub id: String,
    /// The index id of an indexed document.
    pub doc_id: Option<String>,
    pub code: Option<String>,
    pub doc_type: Option<String>,
    pub subject: Option<String>,
    /// Steps from the centre (0 for the document itself).
    pub depth: usize,
    /// 0 the centre, 1 on the cited side, -1 on the citing side.
    pub side: i8,
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// The citing node.
    pub from: String,
    /// The cited node.
    pub to: String,
    pub relation: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Neighbourhood {
    pub center: String,
    pub depth: usize,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Some neighbours were left out ([`MAX_NODES`]).
    pub truncated: bool,
}

struct Builder {
    nodes: Vec<Node>,
    at: HashMap<String, usize>,
    edges: Vec<Edge>,
    truncated: bool,
}

impl Builder {
    /// Add (or find) a node; None when full.
    fn node(&mut self, n: Node) -> Option<String> {
        if self.at.contains_key(&n.id) {
            return Some(n.id);
        }
        if self.nodes.len() >= MAX_NODES {
            self.truncated = true;
            return None;
        }
        let id = n.id.clone();
        self.at.insert(id.clone(), self.nodes.len());
        self.nodes.push(n);
        Some(id)
    }
    fn edge(&mut self, from: String, to: String, relation: &'static str) {
        if from != to && !self.edges.iter().any(|e| e.from == from && e.to == to) {
            self.edges.push(Edge { from, to, relation });
        }
    }
}

fn doc_node(id: &str, r: &crate::index::schema::Record, depth: usize) -> Node {
    Node {
        id: format!("doc:{id}"),
        doc_id: Some(id.to_string()),
        code: r.code.clone(),
        doc_type: r.doc_type.as_ref().map(|t| t.code.clone()),
        subject: r.subject.clone(),
        depth,
        side: 0,
    }
}

/// The neighbourhood of the indexed document `id`; None when not indexed.
pub fn neighbourhood(
    index: &Index,
    id: &str,
    depth: usize,
) -> Result<Option<Neighbourhood>, Error> {
    let Some(center) = index.doc_by_id(id)? else {
        return Ok(None);
    };
    let mut b = Builder {
        nodes: Vec::new(),
        at: HashMap::new(),
        edges: Vec::new(),
        truncated: false,
    };
    let start = b.node(doc_node(id, &center.record, 0)).unwrap_or_default();
    // (node id, index id, record) to expand
    let mut queue = VecDeque::from([(start.clone(), center.record, 0usize)]);
    while let Some((node, doc, d)) = queue.pop_front() {
        let parent_side = b.at.get(&node).map(|&i| b.nodes[i].side).unwrap_or(0);
        let cited_side = if parent_side == 0 { 1 } else { parent_side };
        let citing_side = if parent_side == 0 { -1 } else { parent_side };
        if d >= depth {
            continue;
        }
        // What it cites.
        for r in &doc.refs {
            let Some(code) = r
                .code
                .as_deref()
                .filter(|c| crate::codes::split(c).is_some())
            else {
                continue;
            };
            let relation = r.relation.as_str();
            let found = index.docs_by_code(code, 3)?;
            if found.is_empty() {
                let key = crate::codes::canonical(code);
                let n = Node {
                    id: format!("code:{key}"),
                    doc_id: None,
                    code: Some(code.to_string()),
                    doc_type: r
                        .key
                        .as_deref()
                        .and_then(crate::codes::split)
                        .and_then(|p| p.type_code)
                        .map(String::from),
                    subject: None,
                    depth: d + 1,
                    side: cited_side,
                };
                if let Some(to) = b.node(n) {
                    b.edge(node.clone(), to, relation);
                }
            } else {
                for (cid, rec) in found {
                    let known = b.at.contains_key(&format!("doc:{cid}"));
                    let mut n = doc_node(&cid, &rec, d + 1);
                    n.side = cited_side;
                    if let Some(to) = b.node(n) {
                        b.edge(node.clone(), to.clone(), relation);
                        if !known {
                            queue.push_back((to, rec, d + 1));
                        }
                    }
                }
            }
        }
        // Who cites it.
        if let Some(code) = doc
            .code
            .as_deref()
            .filter(|c| crate::codes::split(c).is_some())
        {
            if let Ok(res) = index.refs(code) {
                if res.hits.len() > MAX_CITING {
                    b.truncated = true;
                }
                for h in res.hits.iter().take(MAX_CITING) {
                    let known = b.at.contains_key(&format!("doc:{}", h.id));
                    let n = Node {
                        id: format!("doc:{}", h.id),
                        doc_id: Some(h.id.clone()),
                        code: h.code.clone(),
                        doc_type: h.doc_type.as_ref().map(|t| t.code.clone()),
                        subject: h.subject.clone(),
                        depth: d + 1,
                        side: citing_side,
                    };
                    if let Some(from) = b.node(n) {
                        b.edge(
                            from.clone(),
                            node.clone(),
                            h.relation.map(|r| r.as_str()).unwrap_or("mentions"),
                        );
                        if !known && d + 1 < depth {
                            if let Some(s) = index.doc_by_id(&h.id)? {
                                queue.push_back((from, s.record, d + 1));
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(Some(Neighbourhood {
        center: start,
        depth,
        nodes: b.nodes,
        edges: b.edges,
        truncated: b.truncated,
    }))
}

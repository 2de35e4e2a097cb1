//! The citation neighbourhood drawn as SVG on the server: the document in
//! the middle, the documents citing it on the left, the ones it cites on
//! the right, two steps out at most. Indexed documents are links.

use super::graph::Neighbourhood;
use maud::{html, Markup};

const COL_W: i32 = 210;
const BOX_W: i32 = 180;
const BOX_H: i32 = 28;
const ROW_H: i32 = 38;

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Colour class of an edge by relation.
fn rel_class(r: &str) -> &'static str {
    match r {
        "implements" => "e-impl",
        "basis" => "e-basis",
        "attached" => "e-att",
        _ => "e-ment",
    }
}

/// The drawing (an inline `<svg>` element).
pub fn draw(g: &Neighbourhood) -> Markup {
    // Column of each node: side × depth, from -depth to +depth.
    let col = |i: usize| i32::from(g.nodes[i].side) * g.nodes[i].depth as i32;
    let max_d = g.depth.max(1) as i32;
    let mut rows: std::collections::HashMap<i32, i32> = Default::default();
    let mut pos: Vec<(i32, i32)> = Vec::with_capacity(g.nodes.len());
    for i in 0..g.nodes.len() {
        let c = col(i);
        let r = rows.entry(c).or_insert(0);
        pos.push((c, *r));
        *r += 1;
    }
    let tallest = rows.values().copied().max().unwrap_or(1).max(1);
    let width = (2 * max_d + 1) * COL_W + 20;
    let height = tallest * ROW_H + 40;
    let xy = |i: usize| -> (i32, i32) {
        let (c, r) = pos[i];
        let n = rows.get(&c).copied().unwrap_or(1);
        let x = 10 + (c + max_d) * COL_W + (COL_W - BOX_W) / 2;
        let top = (height - n * ROW_H) / 2;
        (x, top + r * ROW_H + (ROW_H - BOX_H) / 2)
    };
    let index_of = |id: &str| g.nodes.iter().position(|n| n.id == id);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img"
            viewBox=(format!("0 0 {width} {height}")) width=(width) height=(height)
            aria-label="Sơ đồ trích dẫn: văn bản trích dẫn ở bên trái, văn bản được trích dẫn ở bên phải" {
            defs {
                marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" {
                    path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" {}
                }
            }
            @for e in &g.edges {
                @if let (Some(a), Some(b)) = (index_of(&e.from), index_of(&e.to)) {
                    @let (ax, ay) = xy(a);
                    @let (bx, by) = xy(b);
                    @let (x1, x2) = if ax <= bx { (ax + BOX_W, bx) } else { (ax, bx + BOX_W) };
                    line x1=(x1) y1=(ay + BOX_H / 2) x2=(x2) y2=(by + BOX_H / 2)
                        class=(format!("edge {}", rel_class(e.relation))) marker-end="url(#arrow)" {
                        title { (e.relation) }
                    }
                }
            }
            @for (i, n) in g.nodes.iter().enumerate() {
                @let (x, y) = xy(i);
                @let label = short(n.code.as_deref().unwrap_or("(không số)"), 24);
                @let tip = format!("{} {}", n.code.as_deref().unwrap_or(""), n.subject.as_deref().unwrap_or(""));
                @let cls = if n.depth == 0 { "node center" } else if n.doc_id.is_some() { "node indexed" } else { "node external" };
                @if let Some(id) = &n.doc_id {
                    a href=(format!("/doc/{id}")) {
                        rect x=(x) y=(y) width=(BOX_W) height=(BOX_H) rx="5" class=(cls) { title { (tip) } }
                        text x=(x + BOX_W / 2) y=(y + BOX_H / 2 + 5) text-anchor="middle" class="nlabel" { (label) }
                    }
                } @else {
                    rect x=(x) y=(y) width=(BOX_W) height=(BOX_H) rx="5" class=(cls) { title { (tip) } }
                    text x=(x + BOX_W / 2) y=(y + BOX_H / 2 + 5) text-anchor="middle" class="nlabel" { (label) }
                }
            }
        }
    }
}

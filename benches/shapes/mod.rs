//! Worst-case input shapes (hostile or damaged files) and ordinary text of
//! the same size, for `benches/worst_case.rs` and `examples/worst_case.rs`.
#![allow(dead_code)]

/// Names of the shapes, `ordinary` first.
pub const SHAPES: [&str; 10] = [
    "ordinary",
    "ordinary_body",
    "one_line",
    "short_lines",
    "citations",
    "deep_outline",
    "one_char",
    "dots",
    "table",
    "pipe_table",
];

fn ordinary_seed() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v.iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The corpus documents as one document: the first one's header, the
/// bodies of all of them (between the header and `Nơi nhận`) repeated, the
/// first one's signature and distribution. Every stage reads it all.
fn ordinary_body(bytes: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    let docs: Vec<String> = v
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let split = |d: &str| -> (String, String, String) {
        let lines: Vec<&str> = d.lines().collect();
        let end = lines
            .iter()
            .position(|l| l.contains("Nơi nhận"))
            .unwrap_or(lines.len());
        let start = 12.min(end);
        (
            lines[..start].join("\n"),
            lines[start..end].join("\n"),
            lines[end..].join("\n"),
        )
    };
    let Some(first) = docs.first() else {
        return String::new();
    };
    let (head, _, tail) = split(first);
    let bodies: String = docs.iter().map(|d| split(d).1 + "\n").collect();
    let mut s = head + "\n";
    let room = bytes.saturating_sub(s.len() + tail.len());
    s.push_str(&fill(room, |_| bodies.clone()));
    s.push_str(&tail);
    s
}

/// Repeat `unit(i)` until `bytes` is reached.
fn fill(bytes: usize, mut unit: impl FnMut(usize) -> String) -> String {
    let mut s = String::with_capacity(bytes + 256);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&unit(i));
        i += 1;
    }
    s
}

/// One shape of about `bytes` bytes.
pub fn shape(name: &str, bytes: usize) -> String {
    match name {
        // The corpus documents one after another.
        "ordinary" => {
            let seed = ordinary_seed();
            fill(bytes, |_| seed.clone())
        }
        "ordinary_body" => ordinary_body(bytes),
        // The same text written on one line.
        "one_line" => {
            let seed = ordinary_seed().replace('\n', " ");
            fill(bytes, |_| seed.clone())
        }
        // A million short lines: `Số: 1/QĐ-UBND`.
        "short_lines" => fill(bytes, |_| "Số: 1/QĐ-UBND\n".to_string()),
        // Citations, each a distinct document, several per line.
        "citations" => fill(bytes, |i| {
            format!(
                "Căn cứ Quyết định số {i}/QĐ-UBND ngày 12/3/2024 của Ủy ban nhân dân tỉnh; Nghị quyết số {}-NQ/TW; Công văn {}/SGDĐT-VP.\n",
                i % 997,
                i % 89
            )
        }),
        // Numbered items nested deep, over and over.
        "deep_outline" => fill(bytes, |i| {
            let depth = i % 40 + 1;
            let label: Vec<String> = (0..depth).map(|d| ((i + d) % 9 + 1).to_string()).collect();
            format!(
                "{}. Giao Sở Tài chính chủ trì, phối hợp với các sở triển khai trước ngày 15/11/2025.\n{}) nội dung {i}\n- ý {i}\n+ chi tiết {i}\n",
                label.join("."),
                (b'a' + (i % 26) as u8) as char
            )
        }),
        // One character, no line break.
        "one_char" => "a".repeat(bytes),
        // Dot leaders, a few long lines.
        "dots" => fill(bytes, |_| format!("{}\n", ".".repeat(1 << 20))),
        // A flattened table: one cell per line, rows between blank lines.
        "table" => fill(bytes, |i| {
            format!(
                "{i}\nTriển khai nội dung {i}\nSở Tài chính\nQuý {}/2026\n\n",
                ["I", "II", "III", "IV"][i % 4]
            )
        }),
        // A Markdown table.
        "pipe_table" => {
            let head =
                "| STT | Nội dung | Đơn vị chủ trì | Thời gian thực hiện |\n|---|---|---|---|\n";
            let mut s = head.to_string();
            s.push_str(&fill(bytes.saturating_sub(head.len()), |i| {
                format!("| {i} | Triển khai nội dung {i} | Sở Tài chính | Quý II/2026 |\n")
            }));
            s
        }
        _ => String::new(),
    }
}

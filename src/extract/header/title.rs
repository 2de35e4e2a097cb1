//! Type and subject: the type title line (`KẾ HOẠCH`), the subject
//! (`V/v …`, `Về việc …`, the line under the title), the document type.

use super::*;

/// The type title line (`KẾ HOẠCH`, `QUYẾT ĐỊNH`, `THÔNG BÁO KẾT LUẬN`).
#[derive(Debug, Clone)]
pub struct Title {
    pub entry: &'static vocab::TypeEntry,
    /// Index into the header lines.
    pub line: usize,
    /// Text on the title line after the type name (OCR puts the subject there).
    pub rest: String,
    /// The words of a longer name of the type after its base name, as
    /// written (`THÔNG BÁO KẾT LUẬN` → `KẾT LUẬN`): the head of a subject
    /// that starts with `của …`.
    pub head: Option<String>,
}

pub(super) fn find_title(header: &[Line]) -> Option<Title> {
    let names = vocab::type_name_keys();
    // The fewest characters of a type name: a title's first that many are
    // in capitals (the test below), so a line with a lowercase letter
    // among them holds none and is not keyed.
    static SHORTEST: LazyLock<usize> = LazyLock::new(|| {
        vocab::type_name_keys()
            .iter()
            .map(|(n, _)| n.chars().count())
            .min()
            .unwrap_or(0)
    });
    for (i, l) in header.iter().enumerate() {
        let t = l.text.trim();
        if t.chars().take(*SHORTEST).any(char::is_lowercase) {
            continue;
        }
        if segment::is_number_line(t) || RE_PLACE_DATE.is_match(t) {
            continue;
        }
        let k = key(t);
        for (name, nk) in names {
            if let Some(rest_k) = k.strip_prefix(nk.as_str()) {
                if !(rest_k.is_empty() || rest_k.starts_with(' ') || rest_k.starts_with(':')) {
                    continue;
                }
                // The type name itself must be written in capitals.
                let name_chars = name.chars().count();
                let written: String = t.chars().take(name_chars).collect();
                if !is_upper(&written) || rest_k.starts_with(':') {
                    continue;
                }
                let entry = vocab::type_by_name(name)?;
                // `Văn bản` is not a title.
                if entry.code == "CV" {
                    continue;
                }
                let rest: String = t.chars().skip(name_chars).collect();
                let base = key(entry.name);
                let head = nk
                    .strip_prefix(base.as_str())
                    .filter(|h| h.starts_with(' '))
                    .map(|h| {
                        let skip = entry.name.chars().count();
                        let n = h.chars().count();
                        written.chars().skip(skip).take(n).collect::<String>()
                    })
                    .map(|h| h.trim().to_string())
                    .filter(|h| !h.is_empty());
                return Some(Title {
                    entry,
                    line: i,
                    rest: rest.trim().to_string(),
                    head,
                });
            }
        }
    }
    ocr_title(header)
}

/// OCR misreadings of a title line (`THOÒNG BAO`, `QUYÊT ĐINH`): compared
/// without diacritics and with doubled letters single, a whole short line
/// in capitals that is a type name.
pub(super) fn ocr_title(header: &[Line]) -> Option<Title> {
    fn loose(s: &str) -> String {
        let mut out = String::new();
        for c in fold(s).chars().filter(|c| c.is_alphanumeric() || *c == ' ') {
            if out.ends_with(c) && c != ' ' {
                continue;
            }
            out.push(c);
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
    for (i, l) in header.iter().enumerate() {
        let t = l.text.trim();
        if t.chars().count() > 24 || !is_upper(t) || segment::is_number_line(t) {
            continue;
        }
        let lt = loose(t);
        if lt.is_empty() {
            continue;
        }
        // The type names' loose forms, made once.
        static LOOSE: LazyLock<Vec<String>> = LazyLock::new(|| {
            vocab::type_name_keys()
                .iter()
                .map(|(n, _)| loose(n))
                .collect()
        });
        for ((name, _), ln) in vocab::type_name_keys().iter().zip(LOOSE.iter()) {
            if *ln != lt {
                continue;
            }
            let Some(entry) = vocab::type_by_name(name) else {
                continue;
            };
            if entry.code == "CV" {
                continue;
            }
            return Some(Title {
                entry,
                line: i,
                rest: String::new(),
                head: None,
            });
        }
    }
    None
}

pub(super) static RE_VV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(?:V/v|V/V|v/v|Về việc|VỀ VIỆC)\s*:?\s*").unwrap());

/// Lines that end a subject block.
pub(super) fn ends_subject(t: &str) -> bool {
    let k = key(t);
    // The motto's names stand in capitals or alone on their line; in
    // ordinary case inside a line they are words of the subject (`Ngày
    // Pháp luật nước` ⏎ `Cộng hòa xã hội chủ nghĩa Việt Nam năm 2025`).
    let motto_name = |name: &str| {
        k.contains(name)
            && (k.trim_end_matches(['.', ':', ' ']) == name
                || is_upper(
                    &t.chars()
                        .filter(|c| c.is_alphabetic())
                        .take(12)
                        .collect::<String>(),
                ))
    };
    segment::is_number_line(t)
        || RE_PLACE_DATE.is_match(t)
        || segment::is_recipients_line(t)
        || motto_name("cộng hòa xã hội chủ nghĩa việt nam")
        || (k.contains("cộng hòa xã hội") && !k.contains("cộng hòa xã hội chủ nghĩa việt nam"))
        || k.contains("độc lập - tự do")
        || motto_name("đảng cộng sản việt nam")
        || is_rule(t)
}

pub(super) fn is_rule(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c == '-' || c == '_' || c == '*' || c == '=' || c == ' ')
}

/// An upper-case line naming the authority that issues a decision
/// (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`, `CHÍNH PHỦ`, `BỘ TRƯỞNG BỘ …`).
pub(super) fn is_authority_heading(t: &str) -> bool {
    if !is_upper(t) {
        return false;
    }
    let k = key(t);
    const HEADS: &[&str] = &[
        "chủ tịch",
        "bộ trưởng",
        "thủ tướng",
        "giám đốc",
        "chính phủ",
        "ủy ban",
        "hội đồng",
        "ban chấp hành",
        "ban thường vụ",
        "ban bí thư",
        "bộ chính trị",
        "tổng giám đốc",
        "cục trưởng",
        "hiệu trưởng",
        "thường trực",
        "bí thư",
        "ban chỉ đạo",
    ];
    HEADS.iter().any(|h| k.starts_with(h))
}

pub(super) fn find_subject(header: &[Line], title: Option<&Title>) -> Option<String> {
    // 1. A `V/v` / `Về việc` line.
    for (i, l) in header.iter().enumerate() {
        if let Some(m) = RE_VV.find(l.text) {
            let before = &l.text[..m.start()];
            // A `Về việc` inside a sentence (or inside a title line: `TRIỂN
            // KHAI QUYẾT ĐỊNH SỐ 1237/QĐ-TTG … VỀ VIỆC PHÊ DUYỆT …`) is not
            // the subject; after a number (`Số: 12/UBND-VX V/v …`) it is.
            let number_before = segment::is_number_line(before)
                || before.contains('/') && before.split_whitespace().count() <= 3;
            if !before.trim().is_empty() && !number_before {
                continue;
            }
            // `V/v công bố danh mục    Hà Nội, ngày …` (two columns on one
            // line): the place and date are not part of the subject.
            let first = &l.text[m.end()..];
            let first = match RE_PLACE_DATE.find(first) {
                Some(pd) => &first[..pd.start()],
                None => first,
            };
            let mut parts = vec![first.to_string()];
            for l2 in &header[i + 1..] {
                let t = l2.text.trim();
                if t.is_empty() || ends_subject(t) || is_place_date_line(t) || is_paragraph_line(t)
                {
                    break;
                }
                // `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …` under the subject opens the
                // preamble, unless the subject line ends in `của`/`về`/`và`.
                let prev = key(parts.last().map(String::as_str).unwrap_or(""));
                let connector = prev.ends_with(" của")
                    || prev.ends_with(" về")
                    || prev.ends_with(" và")
                    || prev.ends_with(',');
                if is_authority_heading(t) && (!is_upper(l.text) || !connector) {
                    break;
                }
                if let Some(m) = RE_PLACE_DATE.find(t) {
                    parts.push(t[..m.start()].to_string());
                    break;
                }
                parts.push(t.to_string());
            }
            let s = clean_subject(&parts.join(" "));
            if !s.is_empty() {
                return Some(s);
            }
        }
    }
    // 2. The lines under the type title.
    let title = title?;
    let mut blocks: Vec<Vec<String>> = vec![Vec::new()];
    if !title.rest.is_empty() {
        blocks[0].push(title.rest.clone());
    }
    let mut prev_connector = false;
    for l in &header[title.line + 1..] {
        let t = l.text.trim();
        if t.is_empty() {
            if blocks.last().is_some_and(|b| !b.is_empty()) {
                blocks.push(Vec::new());
            }
            continue;
        }
        if ends_subject(t) || is_place_date_line(t) {
            break;
        }
        if is_authority_heading(t) && !prev_connector && blocks.iter().any(|b| !b.is_empty()) {
            break;
        }
        if blocks.iter().any(|b| !b.is_empty()) && is_paragraph_line(t) {
            break;
        }
        // A new block that starts with a capital after a finished one is body.
        let cur_empty = blocks.last().is_some_and(|b| b.is_empty());
        if cur_empty && blocks.len() > 1 && starts_upper(t) && !is_upper(t) {
            break;
        }
        let k = key(t);
        prev_connector = k.ends_with(" của")
            || k.ends_with(" về")
            || k.ends_with(" và")
            || k == "về"
            || k.ends_with(',');
        if let Some(b) = blocks.last_mut() {
            b.push(t.to_string());
        }
    }
    blocks.retain(|b| !b.is_empty());
    // `CHỈ THỊ` / `của Ban Thường vụ Tỉnh ủy` / `về …`: the `của` line names
    // the issuer; the subject is the `về …` part.
    if let Some(b) = blocks.first_mut() {
        if b.len() > 1 && key(&b[0]).starts_with("của ") {
            if let Some(v) = b.iter().position(|l| key(l).starts_with("về ")) {
                b.drain(..v);
            }
        }
    }
    // `KẾ HOẠCH HÀNH ĐỘNG` / `CỦA BAN THƯỜNG VỤ ĐẢNG ỦY` / blank / `thực hiện…`:
    // the `CỦA …` block is part of the title when a subject follows it.
    // A person (`CỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG` ⏎⏎ `TẠI HỘI NGHỊ …`) is part
    // of the subject, not the issuer.
    if blocks.len() > 1
        && blocks[0].iter().all(|l| is_upper(l))
        && key(&blocks[0][0]).starts_with("của ")
        && !key(&blocks[0][0]).starts_with("của đồng chí")
    {
        blocks.remove(0);
    }
    let s = blocks
        .iter()
        .map(|b| b.join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let s = clean_subject(&s);
    // `THÔNG BÁO KẾT LUẬN` / `CỦA ĐỒNG CHÍ …`: the subject is the
    // conclusion of someone, its head word is on the title line. (A head
    // that only qualifies the kind, `CHƯƠNG TRÌNH HÀNH ĐỘNG` / `của Ban
    // Chấp hành …`, is no document of its own and stays out.)
    let s = match &title.head {
        Some(h) if key(&s).starts_with("của ") && vocab::type_by_name(h).is_some() => {
            format!("{h} {s}")
        }
        _ => s,
    };
    (!s.is_empty()).then_some(s)
}

/// A paragraph written on one line (more than 160 characters, starting
/// with a capital, not all capitals): the body after a subject with no
/// blank line between (`Về công tác năm 2016 …` ⏎ `Năm 2016 là năm đầu …`).
fn is_paragraph_line(t: &str) -> bool {
    starts_upper(t) && !is_upper(t) && t.chars().nth(160).is_some()
}

pub(super) fn starts_upper(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn clean_subject(s: &str) -> String {
    let s = collapse_ws(s);
    let s = s
        .trim_start_matches(|c: char| c == ':' || c == '-' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '-' || c == '*' || c.is_whitespace());
    // The `V/v` that opens the subject goes; one inside it (the title of a
    // cited decision) stays.
    let s = match RE_VV.find(s) {
        Some(m) if m.start() == 0 => &s[m.end()..],
        _ => s,
    };
    s.trim().to_string()
}

pub(super) fn resolve_type(
    number: &Number,
    title: Option<&Title>,
    head_text: &str,
) -> Option<DocType> {
    if let Some(t) = title {
        let symbol_code = number
            .symbol
            .as_deref()
            .and_then(|sym| codes::split(&format!("1/{sym}")))
            .and_then(|p| p.type_code);
        return Some(t.entry.doc_type_in(symbol_code));
    }
    // No title and a `V/v` line: a letter, whatever its symbol's first part
    // reads as (`512/CT-CS`: `CT` is the Cục Thuế, no Chỉ thị).
    let letter = RE_VV.is_match(head_text);
    if let Some(sym) = number.symbol.as_ref().filter(|_| !letter) {
        if let Some(parts) = codes::split(&format!("1/{sym}")) {
            if let Some(tc) = parts.type_code.and_then(vocab::type_by_code) {
                return Some(tc.doc_type());
            }
        }
        // Party numbers: `12-KH/TU`.
        let first = sym.split(['/', '-']).next().unwrap_or("");
        if sym.contains('/') && !sym.contains('-') {
            if let Some(tc) = vocab::type_by_code(first) {
                return Some(tc.doc_type());
            }
        }
    }
    if RE_VV.is_match(head_text) || number.symbol.is_some() {
        return vocab::type_by_code("CV").map(|t| t.doc_type());
    }
    None
}

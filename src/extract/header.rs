//! Header fields: type, issuer, number, place and date, subject, recipients,
//! signer, distribution, archive.
//!
//! Works on the zones found by [`crate::segment`]. Two-column headers that
//! text extraction flattened onto one line (`UBND THÀNH PHỐ HẢI PHÒNG CỘNG HOÀ
//! XÃ HỘI…`) are split by cutting out the motto; portal metadata
//! (`Số hiệu:`, `Người ký:`) fills fields the document text lacks.

use crate::codes;
use crate::extract::dates;
use crate::model::{DocDate, DocType, Document, Issuer, Number, Recipient, Signer};
use crate::normalize::{capitalize_first, collapse_ws, fold, is_upper, key, title_case};
use crate::segment::{self, lines, looks_like_name, Line, Zones, RE_AUTHORITY};
use crate::vocab::{self, UnitKind, AUTHORITIES, ISSUER_ABBREVIATIONS, NAME_UNITS};
use regex::Regex;
use std::sync::LazyLock;

/// Fill the header fields of `doc`.
pub fn extract_header(text: &str, zones: &Zones, doc: &mut Document) {
    let ls = lines(text);
    let header: Vec<Line> = ls
        .iter()
        .copied()
        .filter(|l| l.start >= zones.start && l.start < zones.header.end.max(zones.start))
        .collect();
    let head_text =
        &text[zones.start.min(text.len())..zones.header.end.max(zones.start).min(text.len())];

    // Number and place/date: the header first, then the top of the text.
    let top_end = text.len().min(zones.start + 4000).max(zones.header.end);
    let top = &text[zones.start.min(text.len())..crate::normalize::floor_boundary(text, top_end)];
    doc.number = find_number(head_text)
        .or_else(|| find_number(top))
        .unwrap_or_default();
    let (place, date) = find_place_date(head_text)
        .or_else(|| find_place_date(top))
        .unwrap_or_default();
    doc.place = place;
    doc.date = date;

    let title = find_title(&header);
    doc.subject = find_subject(&header, title.as_ref());
    doc.issuer = find_issuer(&header, title.as_ref());
    doc.doc_type = resolve_type(&doc.number, title.as_ref(), head_text);
    doc.recipients = find_recipients(&header);
    doc.signer = find_signer(&ls, zones);
    let (dist, archive) = find_distribution(&ls, zones);
    doc.distribution = dist;
    doc.archive = archive;
    apply_metadata(zones, doc);
    if doc.number.raw.is_none()
        && doc.date.raw.is_none()
        && doc.doc_type.is_none()
        && doc.signer.name.is_none()
    {
        doc.warnings
            .push("no document header found (number, date, type, signer)".to_string());
    }
}

// ---------------------------------------------------------------- number

static RE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // `Sô:`, `Sổ:` and the like are OCR misreadings of `Số:` (colon required).
    let ocr = vocab::OCR_SO_VOWELS;
    Regex::new(&format!(
        concat!(
            r"(?m)(?:^|[\s|(])(?:Số|SỐ|S[{ocr}]:)\s*:?[ \t]*\n?[ \t]*",
            // A number OCR could not read (handwritten: `#72⁄`) leaves the
            // symbol; the sequence is then unknown (null).
            r"(?P<code>(?:(?P<seq>\d{{1,6}}[a-zđ]?)|[#*'`~]?\d{{0,6}}[#*'`~⁄⁄]\d{{0,6}}[#*'`~⁄]?)?[ \t]*[/\-][ \t]*",
            r"(?:(?P<year>(?:19|20)\d{{2}})\s*/\s*)?",
            r"(?P<sym>[\p{{Lu}}Đ][\p{{L}}\d&.]*(?:[ \t]?[\-/][ \t]?[\p{{Lu}}Đ\d][\p{{L}}\d&.]*)*))"
        ),
        ocr = ocr
    ))
    .unwrap()
});

/// The document's own `Số:` line.
pub fn find_number(s: &str) -> Option<Number> {
    let c = RE_NUMBER.captures(s)?;
    let code = c.name("code")?.as_str();
    let sym = c.name("sym")?.as_str().trim_end_matches(['.', ',', ';']);
    let symbol: String = sym.chars().filter(|c| !c.is_whitespace()).collect();
    let seq = c.name("seq").map(|m| m.as_str().to_string());
    Some(Number {
        raw: Some(collapse_ws(code.trim_end_matches(['.', ',', ';']))),
        seq,
        year: c.name("year").and_then(|m| m.as_str().parse().ok()),
        symbol: Some(symbol),
    })
}

// ---------------------------------------------------------- place, date

/// `Hà Nội, ngày 05/3/2025` or `Hà Nội, 05-3-2025` on a line of its own.
static RE_PLACE_DATE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t]*(?P<place>(?:(?:TP|Tp)\.\s*|Thành phố[ \t]+|Thị xã[ \t]+)?(?:\p{Lu}[\p{L}.]*[ \t]+){0,4}\p{Lu}[\p{L}]*)[ \t]*,[ \t]*",
        r"(?P<raw>(?:ngày[ \t]*)?(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}))[ \t.]*$"
    ))
    .unwrap()
});

static RE_PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<place>(?:(?:TP|Tp)\.\s*|Thành phố[ \t]+|Thị xã[ \t]+)?(?:\p{Lu}[\p{L}.]*[ \t]+){0,4}\p{Lu}[\p{L}]*)?[ \t]*,\s*",
        r"(?P<raw>ng[àa]y[\s._…]*(?P<d>\d{1,2})?[\s._…]*th[áa]ng[\s._…]*(?P<m>\d{1,2})?[\s._…]*n[ăa]m[\s._…]*(?P<y>\d{4}))"
    ))
    .unwrap()
});

/// `Hải Phòng, ngày 11 tháng 11 năm 2025` (parts may be blank).
pub fn find_place_date(s: &str) -> Option<(Option<String>, DocDate)> {
    let c = match RE_PLACE_DATE.captures(s) {
        Some(c) => c,
        None => RE_PLACE_DATE_NUMERIC.captures(s)?,
    };
    let place = c
        .name("place")
        .map(|m| {
            // `Số 12-CT/TU   Bắc Ninh, ngày`: a word glued to a code is not
            // part of the place.
            let glued = s[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_alphanumeric() || matches!(ch, '/' | '-'));
            let p = m.as_str();
            let p = if glued {
                p.split_once(char::is_whitespace)
                    .map_or("", |(_, rest)| rest)
            } else {
                p
            };
            collapse_ws(p)
        })
        .filter(|p| !p.is_empty() && p != "Số");
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = c.name("y").and_then(|m| m.as_str().parse::<i32>().ok());
    let (month, day) = (num("m"), num("d"));
    let month = month.filter(|m| (1..=12).contains(m));
    let day = day.filter(|d| (1..=31).contains(d));
    let raw = c.name("raw").map(|m| collapse_ws(m.as_str()));
    let place = place.map(|p| strip_place_prefix(&p));
    Some((
        place,
        DocDate {
            raw,
            year,
            month,
            day,
        },
    ))
}

/// `TP. Hồ Chí Minh` stays; a flattened column word glued before the place
/// (`Hạnh phúc Hà Nội`) is cut at the last motto word.
fn strip_place_prefix(p: &str) -> String {
    let k = key(p);
    if let Some(i) = k.rfind("hạnh phúc") {
        let tail: String = p
            .chars()
            .skip(k[..i].chars().count() + "hạnh phúc".chars().count())
            .collect();
        return collapse_ws(&tail);
    }
    p.to_string()
}

// ----------------------------------------------------------------- title

/// The type title line (`KẾ HOẠCH`, `QUYẾT ĐỊNH`, `THÔNG BÁO KẾT LUẬN`).
#[derive(Debug, Clone)]
pub struct Title {
    pub entry: &'static vocab::TypeEntry,
    /// Index into the header lines.
    pub line: usize,
    /// Text on the title line after the type name (OCR puts the subject there).
    pub rest: String,
}

fn find_title(header: &[Line]) -> Option<Title> {
    let names = vocab::type_name_keys();
    for (i, l) in header.iter().enumerate() {
        let t = l.text.trim();
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
                return Some(Title {
                    entry,
                    line: i,
                    rest: rest.trim().to_string(),
                });
            }
        }
    }
    ocr_title(header)
}

/// OCR misreadings of a title line (`THOÒNG BAO`, `QUYÊT ĐINH`): compared
/// without diacritics and with doubled letters single, a whole short line
/// in capitals that is a type name.
fn ocr_title(header: &[Line]) -> Option<Title> {
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
            });
        }
    }
    None
}

// --------------------------------------------------------------- subject

static RE_VV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(?:V/v|V/V|v/v|Về việc|VỀ VIỆC)\s*:?\s*").unwrap());

/// Lines that end a subject block.
fn ends_subject(t: &str) -> bool {
    let k = key(t);
    segment::is_number_line(t)
        || RE_PLACE_DATE.is_match(t)
        || segment::RE_RECIPIENTS.is_match(t)
        || k.contains("cộng hòa xã hội")
        || k.contains("độc lập - tự do")
        || k.contains("đảng cộng sản việt nam")
        || is_rule(t)
}

fn is_rule(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c == '-' || c == '_' || c == '*' || c == '=' || c == ' ')
}

/// An upper-case line naming the authority that issues a decision
/// (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`, `CHÍNH PHỦ`, `BỘ TRƯỞNG BỘ …`).
fn is_authority_heading(t: &str) -> bool {
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

fn find_subject(header: &[Line], title: Option<&Title>) -> Option<String> {
    // 1. A `V/v` / `Về việc` line.
    for (i, l) in header.iter().enumerate() {
        if let Some(m) = RE_VV.find(l.text) {
            let before = &l.text[..m.start()];
            // A `Về việc` inside a sentence is not the subject.
            if !before.trim().is_empty()
                && !segment::is_number_line(before)
                && !before.contains('/')
            {
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
                if t.is_empty() || ends_subject(t) || is_place_date_line(t) {
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
    (!s.is_empty()).then_some(s)
}

fn starts_upper(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_place_date_line(t: &str) -> bool {
    RE_PLACE_DATE.find(t).is_some_and(|m| m.start() == 0)
}

fn clean_subject(s: &str) -> String {
    let s = collapse_ws(s);
    let s = s
        .trim_start_matches(|c: char| c == ':' || c == '-' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '-' || c == '*' || c.is_whitespace());
    let s = RE_VV.replace(s, "");
    s.trim().to_string()
}

// ---------------------------------------------------------------- issuer

const MOTTO_PARTS: &[&str] = &[
    "cộng hòa xã hội chủ nghĩa việt nam",
    "đảng cộng sản việt nam",
    "độc lập - tự do - hạnh phúc",
    "cộng hòa xã hội",
    "chủ nghĩa việt nam",
];

/// Remove motto phrases (and what follows them on a flattened line) from a
/// header line; returns the left-column remainder.
fn strip_motto(t: &str) -> String {
    // The leftmost motto part (one automaton pass instead of a search per
    // part: the same cut, the first occurrence of any part).
    static MOTTO_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(MOTTO_PARTS)
            .unwrap()
    });
    let k = key(t);
    let mut cut = t.len();
    if let Some(pos) = MOTTO_FINDER.find(&k).map(|m| m.start()) {
        // Map the byte offset in the key back to the original: same
        // number of chars before it.
        let chars_before = k[..pos].chars().count();
        cut = t
            .char_indices()
            .nth(chars_before)
            .map_or(t.len(), |(i, _)| i);
    }
    let mut s = t[..cut].to_string();
    // Column gap: keep the left part.
    if let Some(p) = s.find("   ") {
        let right = s[p..].trim();
        if !right.is_empty() && !is_upper(right) {
            s.truncate(p);
        }
    }
    s.trim()
        .trim_matches(|c: char| c == '-' || c == '*' || c == '_' || c.is_whitespace())
        .to_string()
}

/// Upper-case lines that continue the previous organisation line.
fn continues_org(prev: &str, t: &str) -> bool {
    let k = key(t);
    let pk = key(prev);
    const DESIGNATORS: &[&str] = &[
        "thành phố",
        "tỉnh",
        "huyện",
        "quận",
        "xã",
        "phường",
        "thị xã",
        "đặc khu",
        "trung ương",
        "tp",
    ];
    let has = |s: &str, d: &str| {
        s == d || s.starts_with(&format!("{d} ")) || s.contains(&format!(" {d} "))
    };
    let committee = ["tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy"]
        .iter()
        .any(|c| k.starts_with(c));
    // `ỦY BAN NHÂN DÂN` ⏎ `TỈNH BÌNH ĐỊNH`: a locality continues the body
    // above, unless the line names a body of its own (`BCH TỈNH BẮC GIANG`).
    (!committee
        && !vocab::starts_with_org_head(t)
        && DESIGNATORS.iter().any(|d| has(&k, d))
        && !DESIGNATORS
            .iter()
            .any(|d| has(&pk, d) || pk.ends_with(&format!(" {d}"))))
        // `SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH` ⏎ `ĐỒNG THÁP`, `HỘI ĐỒNG XÉT THĂNG HẠNG`
        // ⏎ `CDNN VIÊN CHỨC NĂM 2025`: a line that names no new body
        // continues the one above.
        || (!vocab::starts_with_org_head(t) && !committee)
        || pk.ends_with(" và")
        || pk.ends_with(',')
        || pk.ends_with(" -")
        || matches!(
            pk.as_str(),
            "ủy ban nhân dân"
                | "hội đồng nhân dân"
                | "ban chấp hành"
                | "ubnd"
                | "hđnd"
                | "bộ"
                | "sở"
                | "ban chỉ đạo"
                | "đảng bộ"
        )
}

fn find_issuer(header: &[Line], title: Option<&Title>) -> Issuer {
    let mut orgs: Vec<String> = Vec::new();
    let mut plain_orgs: Vec<String> = Vec::new();
    let stop = title.map(|t| t.line).unwrap_or(header.len());
    let mut prev_was_org = false;
    for l in &header[..stop] {
        let raw = l.text.trim();
        if raw.is_empty() {
            // `ỦY BAN NHÂN DÂN` ⏎⏎ `THÀNH PHỐ HỒ CHÍ MINH`: a bare committee
            // still waits for its locality across a blank line.
            prev_was_org = prev_was_org
                && orgs.last().is_some_and(|o| {
                    matches!(
                        key(o).as_str(),
                        "ủy ban nhân dân" | "hội đồng nhân dân" | "ubnd" | "hđnd"
                    )
                });
            continue;
        }
        if segment::is_number_line(raw)
            || RE_VV.is_match(raw)
            || segment::RE_RECIPIENTS.is_match(raw)
        {
            break;
        }
        let t = strip_motto(raw);
        let t = t.split(", ngày").next().unwrap_or("").trim().to_string();
        // A header written in ordinary case (`Ủy ban nhân dân tỉnh Quảng Nam`
        // ⏎ `Sở Y tế`, as some converters leave it): lines that start with a
        // body's name, used when no line is in capitals.
        if t.chars().count() <= 100
            && !t.ends_with(['.', ';', ':'])
            && t.starts_with(char::is_uppercase)
            && vocab::starts_with_org_head(&t)
        {
            plain_orgs.push(t.clone());
        }
        if t.is_empty()
            || is_rule(&t)
            || !is_upper(&t)
            || t.chars().filter(|c| c.is_alphabetic()).count() < 2
        {
            prev_was_org = false;
            continue;
        }
        let t = join_split_letters(&t);
        match orgs.last_mut() {
            Some(last) if prev_was_org && continues_org(last, &t) => {
                last.push(' ');
                last.push_str(&t);
            }
            _ => orgs.push(t),
        }
        prev_was_org = true;
    }
    if orgs.is_empty() {
        let keep = plain_orgs.len().saturating_sub(2);
        orgs = plain_orgs.split_off(keep);
    }
    let mut issuer = Issuer::default();
    match orgs.len() {
        0 => {
            // No header: a title `… CỦA BAN THƯỜNG VỤ ĐẢNG ỦY` names the issuer.
            if let Some(t) = title {
                let mut cands: Vec<&str> = vec![t.rest.as_str()];
                if let Some(next) = header.get(t.line + 1) {
                    cands.push(next.text.trim());
                }
                for c in cands {
                    let k = key(c);
                    if let Some(org) = k.strip_prefix("của ") {
                        if is_upper(c) && !org.starts_with("đồng chí") {
                            let orig: String = c.chars().skip(4).collect();
                            issuer.name = Some(proper_case(&expand_abbreviations(orig.trim())));
                        }
                    }
                }
            }
        }
        1 => issuer.name = Some(proper_case(&expand_abbreviations(&orgs[0]))),
        n => {
            issuer.name = Some(proper_case(&expand_abbreviations(&orgs[n - 1])));
            issuer.parent = Some(proper_case(&expand_abbreviations(&orgs[n - 2])));
        }
    }
    issuer
}

/// `B Ộ LAO ĐỘNG` (letters spaced out by a converter) → `BỘ LAO ĐỘNG`.
fn join_split_letters(t: &str) -> String {
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic()) {
            let mut merged = w.to_string();
            while i + 1 < words.len()
                && words[i + 1].chars().count() == 1
                && words[i + 1].chars().all(|c| c.is_alphabetic())
                && merged.chars().count() < 2
            {
                merged.push_str(words[i + 1]);
                i += 1;
            }
            out.push(merged);
        } else {
            out.push(w.to_string());
        }
        i += 1;
    }
    out.join(" ")
}

/// Expand `UBND`, `HĐND`, `TP` in an issuer name.
pub fn expand_abbreviations(s: &str) -> String {
    let upper = is_upper(s);
    s.split_whitespace()
        .map(|w| {
            ISSUER_ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == w)
                .map(|(_, e)| {
                    if upper {
                        e.to_uppercase()
                    } else {
                        e.to_string()
                    }
                })
                .unwrap_or_else(|| w.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Normal Vietnamese case for an organisation name or a post written in
/// capitals: `SỞ GIÁO DỤC VÀ ĐÀO TẠO` → `Sở Giáo dục và Đào tạo`,
/// `ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG` → `Ủy ban nhân dân thành phố Hải
/// Phòng`, `PHÓ CHÁNH VĂN PHÒNG` → `Phó Chánh Văn phòng`. Text that is not
/// all capitals is returned unchanged.
pub fn proper_case(s: &str) -> String {
    let s = collapse_ws(s);
    if !is_upper(&s) {
        return s;
    }
    let words: Vec<String> = s.split(' ').map(|w| w.to_lowercase()).collect();
    let word_keys: Vec<String> = words
        .iter()
        .map(|w| key(w.trim_end_matches([',', '.'])))
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    #[derive(PartialEq)]
    enum Mode {
        Start,
        Field,
        Place,
        Plain,
    }
    let mut mode = Mode::Start;
    let mut component_start = true;
    let mut i = 0;
    while i < words.len() {
        // Longest unit match.
        let mut matched = None;
        let units = vocab::name_unit_keys();
        let candidates = vocab::name_units_by_first_word()
            .get(word_keys[i].as_str())
            .map_or(&[][..], Vec::as_slice);
        for (uw, unit, kind) in candidates.iter().map(|&k| &units[k]) {
            // Inside a field name (`SỞ NỘI VỤ`) a head word is an ordinary
            // word, not a new body.
            if *kind == UnitKind::Head && mode == Mode::Field && !component_start {
                continue;
            }
            if i + uw.len() <= words.len()
                && uw[..] == word_keys[i..i + uw.len()]
                && matched
                    .as_ref()
                    .is_none_or(|(n, _, _): &(usize, &str, UnitKind)| uw.len() > *n)
            {
                matched = Some((uw.len(), *unit, *kind));
            }
        }
        if let Some((n, unit, kind)) = matched {
            // Keep punctuation glued to the last word.
            let trail = trailing_punct(&words[i + n - 1]);
            let mut form =
                if kind == UnitKind::Designator && mode != Mode::Start && !unit.ends_with(" ủy") {
                    unit.to_lowercase()
                } else {
                    unit.to_string()
                };
            // `Công an tỉnh Lào Cai`: a locality word right after a body
            // head stays lower-case.
            if (component_start && kind != UnitKind::Designator) || out.is_empty() {
                form = capitalize_first(&form);
            }
            out.push(format!("{form}{trail}"));
            i += n;
            mode = match kind {
                UnitKind::Head => Mode::Field,
                UnitKind::Designator => Mode::Place,
                UnitKind::Fixed => Mode::Plain,
            };
            component_start = mode == Mode::Field;
            continue;
        }
        // A province or city inside the name keeps its capitals.
        let places = vocab::place_name_keys();
        if let Some((pw, place)) = vocab::place_names_by_first_word()
            .get(word_keys[i].as_str())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&k| &places[k])
            .find(|(pw, _)| i + pw.len() <= words.len() && pw[..] == word_keys[i..i + pw.len()])
        {
            let trail = trailing_punct(&words[i + pw.len() - 1]);
            out.push(format!("{place}{trail}"));
            i += pw.len();
            component_start = false;
            if mode == Mode::Start {
                mode = Mode::Plain;
            }
            continue;
        }
        let w = &words[i];
        let is_connector = w == "và" || w == "-" || w == "&";
        // `THPT`, `CDNN`, `GDĐT`: abbreviations (no vowel) stay in capitals;
        // after a school level the school's proper name follows.
        let bare = w.trim_end_matches([',', '.']);
        let abbreviation = bare.chars().count() >= 2
            && bare.chars().all(|c| c.is_alphabetic() || c == '&')
            && !bare.chars().any(|c| {
                matches!(
                    crate::normalize::base_letter(c),
                    'a' | 'e' | 'i' | 'o' | 'u' | 'y'
                )
            });
        if abbreviation {
            out.push(w.to_uppercase());
            if vocab::SCHOOL_LEVELS.contains(&bare.to_uppercase().as_str()) {
                mode = Mode::Place;
            } else if mode == Mode::Start {
                mode = Mode::Plain;
            }
            component_start = false;
            i += 1;
            continue;
        }
        let form = if is_connector {
            w.clone()
        } else if mode == Mode::Place || component_start || out.is_empty() {
            capitalize_first(w)
        } else {
            w.clone()
        };
        out.push(form);
        component_start = mode == Mode::Field && (is_connector || w.ends_with(','));
        if mode == Mode::Start {
            mode = Mode::Plain;
        }
        i += 1;
    }
    out.join(" ")
}

// ------------------------------------------------------------------ type

fn resolve_type(number: &Number, title: Option<&Title>, head_text: &str) -> Option<DocType> {
    if let Some(t) = title {
        let symbol_code = number
            .symbol
            .as_deref()
            .and_then(|sym| codes::split(&format!("1/{sym}")))
            .and_then(|p| p.type_code);
        return Some(t.entry.doc_type_in(symbol_code));
    }
    if let Some(sym) = &number.symbol {
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

// ------------------------------------------------------------ recipients

fn find_recipients(header: &[Line]) -> Vec<String> {
    let Some(at) = header
        .iter()
        .position(|l| segment::RE_RECIPIENTS.is_match(l.text))
    else {
        return Vec::new();
    };
    let first = segment::RE_RECIPIENTS
        .replace(header[at].text, "")
        .trim()
        .to_string();
    let mut items: Vec<String> = Vec::new();
    let mut cur = String::new();
    let push = |cur: &mut String, items: &mut Vec<String>| {
        let s = clean_item(cur);
        if !s.is_empty() {
            items.push(s);
        }
        cur.clear();
    };
    if !first.is_empty() {
        cur.push_str(&first);
    }
    for l in &header[at + 1..] {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        // `Sở Y tế;` ⏎ `Sở Tài chính` (no bullets): a line naming a body
        // after a finished one starts the next addressee.
        let cur_done = cur.ends_with(';')
            || cur.ends_with(',')
            || crate::extract::assignees::starts_with_org(&cur, false);
        let new_body = !cur.is_empty()
            && cur_done
            && t.starts_with(char::is_uppercase)
            && crate::extract::assignees::starts_with_org(t, false);
        if t.starts_with('-') || t.starts_with('+') || t.starts_with('•') || new_body {
            push(&mut cur, &mut items);
            cur.push_str(t);
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(t);
        }
    }
    push(&mut cur, &mut items);
    // A single inline addressee may list several bodies split by `;`, or by
    // a comma before a capitalised body or post (`Kính gửi: Sở Y tế, Sở Tài
    // chính`); list items stay as written.
    let inline = items.len() == 1 && !first.is_empty();
    items
        .into_iter()
        .flat_map(|i| {
            i.split(';')
                .flat_map(|p| {
                    if inline {
                        split_capitalised_bodies(p)
                    } else {
                        vec![p.to_string()]
                    }
                })
                .map(|s| clean_item(&s))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Split at `, ` where a capitalised body or post follows.
fn split_capitalised_bodies(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in s.match_indices(", ") {
        let next = &s[i + 2..];
        if next.starts_with(char::is_uppercase) && crate::extract::assignees::starts_addressee(next)
        {
            out.push(s[start..i].to_string());
            start = i + 2;
        }
    }
    out.push(s[start..].to_string());
    out
}

fn clean_item(s: &str) -> String {
    let s = collapse_ws(s);
    s.trim_start_matches(['-', '+', '•', ' '])
        .trim_end_matches([';', ',', '.', ' ', ':'])
        .trim()
        .to_string()
}

// ---------------------------------------------------------------- signer

fn canonical_authority(a: &str) -> Option<String> {
    AUTHORITIES
        .iter()
        .find(|(w, _)| *w == a)
        .map(|(_, c)| c.to_string())
}

fn find_signer(ls: &[Line], zones: &Zones) -> Signer {
    let mut signer = Signer::default();
    let Some(range) = zones.signature.clone() else {
        return signer;
    };
    let block: Vec<&str> = ls
        .iter()
        .filter(|l| l.start >= range.start && l.start <= range.end)
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    // Authority lines: take the last of consecutive ones (`TM. CHÍNH PHỦ` /
    // `KT. THỦ TƯỚNG`).
    while i < block.len() {
        if let Some(c) = RE_AUTHORITY.captures(block[i]) {
            signer.authority = canonical_authority(&c[1]);
            let office = c[2].trim().to_string();
            // `KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC`, `TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ …`
            // flattened onto one line: the signer's post starts at the
            // second post of the line.
            let (office, title) = match second_post(&office) {
                Some(p) => (
                    office[..p].trim().to_string(),
                    Some(office[p..].to_string()),
                ),
                None => (office, None),
            };
            signer.on_behalf_of = Some(proper_case(&office));
            if let Some(t) = title {
                signer.title = Some(proper_case(&t));
            }
            i += 1;
        } else {
            break;
        }
    }
    // Post title: upper-case lines until the name.
    let mut title_parts: Vec<&str> = Vec::new();
    while i < block.len() && signer.title.is_none() {
        let t = block[i];
        // A second post line (`PHÓ THỦ TƯỚNG` under `TRƯỞNG BAN`) is another
        // office of the same person, not part of the title.
        if !title_parts.is_empty() && segment::is_post_title(t) {
            i += 1;
            continue;
        }
        if is_upper(t) && !looks_like_name_upper(t, &title_parts) {
            // `TRƯỞNG BAN PHÓ THỦ TƯỚNG` flattened: the first post is the title.
            let t = match second_post(t) {
                Some(p) if title_parts.is_empty() && segment::is_post_title(t) => t[..p].trim(),
                _ => t,
            };
            title_parts.push(t);
            i += 1;
        } else {
            break;
        }
    }
    if !title_parts.is_empty() {
        signer.title = Some(proper_case(&title_parts.join(" ")));
    }
    // Name: the first name-like line after notes such as `(Đã ký)`.
    for t in &block[i..] {
        if segment::is_sign_note(t) {
            continue;
        }
        let cand = t.trim_end_matches('.');
        if looks_like_name(cand) {
            // Degrees and ranks stay as written; a name in capitals gets
            // Title Case.
            let (prefix, rest) = segment::strip_name_prefix(cand);
            let name = if is_upper(rest) {
                title_case(rest)
            } else {
                collapse_ws(rest)
            };
            signer.name = Some(if prefix.is_empty() {
                name
            } else {
                format!("{} {name}", prefix.trim())
            });
            break;
        }
    }
    if signer.title.is_none() && signer.authority.is_none() && signer.on_behalf_of.is_none() {
        return Signer {
            name: signer.name,
            ..Default::default()
        };
    }
    signer
}

/// The `,`/`.` glued to the end of a word, in order (`Ninh,` → `,`).
fn trailing_punct(w: &str) -> &str {
    &w[w.trim_end_matches([',', '.']).len()..]
}

/// Byte offset of the second post named in an authority line's office
/// (`BỘ TRƯỞNG THỨ TRƯỞNG` → at `THỨ`), if any.
fn second_post(office: &str) -> Option<usize> {
    office
        .char_indices()
        .filter(|&(i, c)| {
            i > 0 && c != ' ' && office[..i].ends_with(' ') && !key(&office[..i]).ends_with("phó")
        })
        .map(|(i, _)| i)
        .find(|&i| segment::starts_with_post(&office[i..]))
}

/// An upper-case name line (`NGUYỄN VĂN A`) right after the post title.
fn looks_like_name_upper(t: &str, title_so_far: &[&str]) -> bool {
    !title_so_far.is_empty() && looks_like_name(t) && !segment::is_post_title(t) && {
        let k = key(t);
        !NAME_UNITS
            .iter()
            .any(|(u, _)| k.contains(&key(u)) && u.contains(' '))
            // (`Văn` is a common middle name: `NGUYỄN VĂN THẮNG`; `VĂN PHÒNG`
            // is caught by the units above.)
            && !["phó", "chánh", "trưởng", "ban", "giám", "và"]
                .iter()
                .any(|w| k.split(' ').any(|x| x == *w))
    }
}

// ---------------------------------------------------------- distribution

static RE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*((?:để|thay|b/c|t/h|p/h|báo cáo|biết|thực hiện|chỉ đạo|phối hợp|theo dõi|đăng|qua)[^()]*)\)\s*$").unwrap()
});
static RE_LUU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-+•]?\s*Lưu\s*(?::|\s)\s*(?P<rest>.*)$").unwrap());
static RE_NOI_NHAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*nơi\s+nhận\s*:?\s*").unwrap());
static RE_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\(\s*\d+[a-z]?\s*\)$").unwrap());

fn find_distribution(ls: &[Line], zones: &Zones) -> (Vec<Recipient>, Vec<String>) {
    let mut dist = Vec::new();
    let mut archive = Vec::new();
    let Some(range) = zones.distribution.clone() else {
        return (dist, archive);
    };
    let block: Vec<&str> = ls
        .iter()
        .filter(|l| l.start >= range.start && l.start <= range.end)
        .map(|l| l.text)
        .collect();
    let mut items: Vec<String> = Vec::new();
    for (n, l) in block.iter().enumerate() {
        let mut t = l.trim().to_string();
        if n == 0 {
            t = RE_NOI_NHAN.replace(&t, "").trim().to_string();
        }
        if t.is_empty() {
            continue;
        }
        // Several items flattened onto one line: `- Như trên; - Lưu: VT.`,
        // or without bullets: `Như trên; UBND tỉnh (để b/c); Lưu: VT.`
        let bare = !t.starts_with(['-', '+', '•']) && !t.contains("; -");
        let sep = if bare && t.contains("; ") { ";" } else { "; -" };
        let parts: Vec<String> = t
            .split(sep)
            .enumerate()
            .map(|(k, p)| {
                if k > 0 {
                    format!("-{p}")
                } else {
                    p.to_string()
                }
            })
            .collect();
        for part in parts {
            let p = part.trim();
            if p.is_empty() || p == "-" {
                continue;
            }
            if p.starts_with('-') || p.starts_with('+') || p.starts_with('•') || items.is_empty()
            {
                items.push(p.to_string());
            } else if let Some(last) = items.last_mut() {
                // A line after an item closed by `;` starts the next one
                // (lists without bullets); `Lưu` always does.
                let closed = last.trim_end().ends_with(';');
                if closed || last.trim_end().ends_with([',', '.']) && RE_LUU.is_match(p) {
                    items.push(p.to_string());
                } else {
                    last.push(' ');
                    last.push_str(p);
                }
            }
        }
    }
    for it in items {
        if let Some(c) = RE_LUU.captures(&it) {
            let rest = c.name("rest").map(|m| m.as_str()).unwrap_or("");
            for e in rest.split([',', ';']) {
                let e = collapse_ws(e);
                let e = e.trim_end_matches(['.', ' ']).trim();
                let e = RE_COUNT.replace(e, "");
                let e = e.trim();
                if !e.is_empty() {
                    archive.push(e.to_string());
                }
            }
            continue;
        }
        let s = clean_item(&it);
        if s.is_empty() {
            continue;
        }
        let (name, note) = match RE_NOTE.captures(&s) {
            Some(c) => {
                let whole = c.get(0).map(|m| m.start()).unwrap_or(s.len());
                (clean_item(&s[..whole]), Some(collapse_ws(&c[1])))
            }
            None => (s.clone(), None),
        };
        if !name.is_empty() {
            dist.push(Recipient { name, note });
        }
    }
    (dist, archive)
}

// -------------------------------------------------------------- metadata

/// Fields the document text lacks, from a legal portal's metadata block.
fn apply_metadata(zones: &Zones, doc: &mut Document) {
    if zones.meta.is_empty() {
        return;
    }
    if doc.number.symbol.is_none() {
        if let Some(code) = zones.meta("số hiệu") {
            if let Some(n) = find_number(&format!("Số: {code}")) {
                doc.number = n;
            }
        }
    }
    if doc.doc_type.is_none() {
        if let Some(t) = zones.meta("loại văn bản").and_then(vocab::type_by_name) {
            doc.doc_type = Some(t.doc_type());
        }
    }
    if doc.issuer.name.is_none() {
        if let Some(n) = zones
            .meta("nơi ban hành")
            .or(zones.meta("cơ quan ban hành"))
        {
            doc.issuer.name = Some(n.to_string());
        }
    }
    if doc.date.year.is_none() {
        if let Some((d, _)) = zones.meta("ngày ban hành").and_then(dates::date_at_start) {
            doc.date = DocDate {
                raw: zones.meta("ngày ban hành").map(str::to_string),
                year: d.year,
                month: d.month,
                day: d.day,
            };
        }
    }
    if doc.signer.name.is_none() {
        if let Some(n) = zones.meta("người ký").filter(|n| looks_like_name(n)) {
            doc.signer.name = Some(title_case(n));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_in_ordinary_case() {
        let d = parse("Ủy ban nhân dân tỉnh Quảng Nam\nSở Y tế\nSố: 12/SYT-KHTC\nQuảng Nam, ngày 12 tháng 3 năm 2024\nV/v báo cáo\n\nKính gửi: Bộ Y tế.\n\nThực hiện nhiệm vụ.\n");
        assert_eq!(d.issuer.name.as_deref(), Some("Sở Y tế"));
        assert_eq!(
            d.issuer.parent.as_deref(),
            Some("Ủy ban nhân dân tỉnh Quảng Nam")
        );
    }

    #[test]
    fn distribution_without_bullets() {
        for nn in [
            "Nơi nhận:\nNhư trên;\nUBND tỉnh (để b/c);\nLưu: VT, KHTC.",
            "Nơi nhận: Như trên; UBND tỉnh (để b/c); Lưu: VT, KHTC.",
        ] {
            let d = parse(&format!("SỞ Y TẾ\nSố: 12/SYT-KHTC\nV/v báo cáo\nA, ngày 12 tháng 3 năm 2024\n\nKính gửi: Bộ Y tế.\n\nSở báo cáo như sau./.\n\n{nn}\nGIÁM ĐỐC\n\nNguyễn Văn A\n"));
            let got: Vec<_> = d
                .distribution
                .iter()
                .map(|r| (r.name.as_str(), r.note.as_deref()))
                .collect();
            assert_eq!(
                got,
                vec![("Như trên", None), ("UBND tỉnh", Some("để b/c"))],
                "{nn}"
            );
            assert_eq!(d.archive, vec!["VT", "KHTC"], "{nn}");
        }
    }

    #[test]
    fn inline_addressees_split_at_a_new_body() {
        let r = |k: &str| {
            parse(&format!("SỞ Y TẾ\nSố: 12/SYT-KHTC\nV/v báo cáo\nA, ngày 12 tháng 3 năm 2024\n\n{k}\n\nThực hiện nhiệm vụ, Sở báo cáo như sau.\n")).recipients
        };
        assert_eq!(
            r("Kính gửi: Sở Y tế, Sở Tài chính."),
            vec!["Sở Y tế", "Sở Tài chính"]
        );
        assert_eq!(
            r("Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố."),
            vec!["Ủy ban nhân dân các huyện, thị xã, thành phố"]
        );
        // One addressee a line, without bullets.
        assert_eq!(
            r("Kính gửi:\nSở Y tế;\nSở Tài chính."),
            vec!["Sở Y tế", "Sở Tài chính"]
        );
        assert_eq!(
            r("Kính gửi:\nSở Y tế\nSở Tài chính"),
            vec!["Sở Y tế", "Sở Tài chính"]
        );
        assert_eq!(
            r("Kính gửi: Ủy ban nhân dân các huyện,\nthị xã, thành phố."),
            vec!["Ủy ban nhân dân các huyện, thị xã, thành phố"]
        );
        // List items stay as written.
        assert_eq!(
            r("Kính gửi:\n- Các trường đại học, các cơ sở giáo dục nghề nghiệp;\n- Sở Y tế, Sở Tài chính."),
            vec!["Các trường đại học, các cơ sở giáo dục nghề nghiệp", "Sở Y tế, Sở Tài chính"]
        );
    }

    #[test]
    fn conclusion_of_a_person_keeps_him_in_the_subject() {
        let d = parse("BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n*\nSố 07-KL/VPTW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 5 tháng 3 năm 2025\n\nKẾT LUẬN\n\nCỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG TRUNG ƯƠNG ĐẢNG\n\nTẠI HỘI NGHỊ CÔNG TÁC VĂN PHÒNG NĂM 2025\n-----\nNgày 3/3/2025, Văn phòng Trung ương Đảng tổ chức Hội nghị.\n");
        assert_eq!(
            d.subject.as_deref(),
            Some("CỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG TRUNG ƯƠNG ĐẢNG TẠI HỘI NGHỊ CÔNG TÁC VĂN PHÒNG NĂM 2025")
        );
    }

    #[test]
    fn youth_union_committee_under_its_union() {
        let d = parse("ĐOÀN TNCS HỒ CHÍ MINH\nBCH TỈNH BẮC GIANG\n***\nSố: 210-CV/TĐTN-VP\nBắc Giang, ngày 5 tháng 3 năm 2024\n\nKính gửi: Các đơn vị.\n\nThực hiện nhiệm vụ.\n");
        assert_eq!(d.issuer.name.as_deref(), Some("BCH tỉnh Bắc Giang"));
        assert_eq!(d.issuer.parent.as_deref(), Some("Đoàn TNCS Hồ Chí Minh"));
    }

    #[test]
    fn degrees_and_ranks_before_the_name() {
        for (sig, name) in [
            (
                "HIỆU TRƯỞNG\n\nPGS.TS. Nguyễn Văn Minh",
                "PGS.TS. Nguyễn Văn Minh",
            ),
            (
                "CHỈ HUY TRƯỞNG\n\nĐại tá Nguyễn Văn Hải",
                "Đại tá Nguyễn Văn Hải",
            ),
            ("GIÁM ĐỐC\n\nTS. TRẦN VĂN NAM", "TS. Trần Văn Nam"),
        ] {
            let d = parse(&format!("SỞ Y TẾ\nSố: 12/TB-SYT\nA, ngày 12 tháng 3 năm 2024\n\nTHÔNG BÁO\nVề việc nghỉ lễ\n\nSở Y tế thông báo.\n\nNơi nhận:\n- Lưu: VT.\n{sig}\n"));
            assert_eq!(d.signer.name.as_deref(), Some(name), "{sig}");
            assert!(d.signer.title.is_some(), "{sig}");
        }
    }

    #[test]
    fn upper_case_name_with_van() {
        // `Văn` is a middle name here, not the start of `VĂN PHÒNG`.
        let d = parse("SỞ Y TẾ\nSố: 12/TB-SYT\nA, ngày 12 tháng 3 năm 2024\n\nTHÔNG BÁO\nVề việc nghỉ lễ\n\nSở Y tế thông báo.\n\nNơi nhận:\n- Các phòng;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNGUYỄN VĂN THẮNG\n");
        assert_eq!(d.signer.title.as_deref(), Some("Chủ tịch"));
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Văn Thắng"));
        // A second line of the title naming an office is not a name.
        let d = parse("SỞ Y TẾ\nSố: 12/TB-SYT\nA, ngày 12 tháng 3 năm 2024\n\nTHÔNG BÁO\nVề việc nghỉ lễ\n\nSở Y tế thông báo.\n\nNơi nhận:\n- Lưu: VT.\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH\nVĂN PHÒNG\n\nLê An\n");
        assert_eq!(d.signer.name.as_deref(), Some("Lê An"));
    }

    #[test]
    fn ocr_unreadable_number_keeps_the_symbol() {
        let n = find_number("Số: #72⁄/UBND- KSTTHC").expect("number");
        assert_eq!(n.seq, None);
        assert_eq!(n.symbol.as_deref(), Some("UBND-KSTTHC"));
        let n = find_number("Số: 355 /BC-HĐXTH").expect("number");
        assert_eq!(n.seq.as_deref(), Some("355"));
    }

    #[test]
    fn ocr_misread_number_and_undotted_date() {
        let d = parse("UBND HUYỆN A\nSô: 123/UBND-VX\nA, ngay 12 thang 3 nam 2024\nV/v triển khai\n\nKính gửi: Các xã.\n\nThực hiện nhiệm vụ.\n");
        assert_eq!(d.number.raw.as_deref(), Some("123/UBND-VX"));
        assert_eq!(
            (d.date.year, d.date.month, d.date.day),
            (Some(2024), Some(3), Some(12))
        );
        assert_eq!(d.place.as_deref(), Some("A"));
    }

    #[test]
    fn invitation_without_body_opener() {
        // No `Kính gửi`, no `Căn cứ`/`1.` opener: the header still ends
        // after the block under the title.
        let d = parse("SỞ Y TẾ TỈNH NGHỆ AN\nBỆNH VIỆN ĐA KHOA TỈNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 88/GM-BV\nNghệ An, ngày 07 tháng 5 năm 2025\n\nGIẤY MỜI\nDự hội nghị tổng kết công tác khám, chữa bệnh năm 2024\n\nBệnh viện trân trọng kính mời:\n- Đại diện lãnh đạo Sở Y tế;\nThời gian: 08 giờ 00, ngày 15/5/2025.\n");
        assert_eq!(d.issuer.name.as_deref(), Some("Bệnh viện Đa khoa tỉnh"));
        assert_eq!(d.issuer.parent.as_deref(), Some("Sở Y tế tỉnh Nghệ An"));
        assert_eq!(
            d.subject.as_deref(),
            Some("Dự hội nghị tổng kết công tác khám, chữa bệnh năm 2024")
        );
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("GM"));
    }

    fn parse(t: &str) -> Document {
        crate::extract::extract(&crate::normalize::normalize(t))
    }

    #[test]
    fn casing() {
        assert_eq!(
            proper_case("SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
            "Sở Giáo dục và Đào tạo"
        );
        assert_eq!(
            proper_case("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"),
            "Ủy ban nhân dân thành phố Hải Phòng"
        );
        assert_eq!(proper_case("PHÓ CHÁNH VĂN PHÒNG"), "Phó Chánh Văn phòng");
        assert_eq!(
            proper_case("BAN CHẤP HÀNH TRUNG ƯƠNG"),
            "Ban Chấp hành Trung ương"
        );
        assert_eq!(
            proper_case("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
            "Bộ Lao động - Thương binh và Xã hội"
        );
        assert_eq!(
            proper_case("SỞ TÀI CHÍNH TỈNH LAI CHÂU"),
            "Sở Tài chính tỉnh Lai Châu"
        );
        assert_eq!(proper_case("BAN THƯỜNG VỤ"), "Ban Thường vụ");
        assert_eq!(
            proper_case("TRƯỜNG THPT CAO LÃNH 2"),
            "Trường THPT Cao Lãnh 2"
        );
        assert_eq!(
            proper_case("HỘI ĐỒNG XÉT THĂNG HẠNG CDNN VIÊN CHỨC NĂM 2025"),
            "Hội đồng xét thăng hạng CDNN viên chức năm 2025"
        );
        assert_eq!(
            proper_case("SỞ GDĐT TỈNH ĐỒNG THÁP"),
            "Sở GDĐT tỉnh Đồng Tháp"
        );
        assert_eq!(proper_case("TỈNH ỦY QUẢNG NINH"), "Tỉnh ủy Quảng Ninh");
        assert_eq!(
            expand_abbreviations("UBND TP HẢI PHÒNG"),
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
        );
        assert_eq!(expand_abbreviations("UBND tỉnh"), "Ủy ban nhân dân tỉnh");
    }

    #[test]
    fn state_letter() {
        let d = parse("UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\n-------\nSố: 123/STC-NS\nV/v hướng dẫn quyết toán\nngân sách năm 2024\nQuảng Ninh, ngày 05 tháng 3 năm 2025\nKính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.\nThực hiện Thông tư số 02/2025/TT-BTC, Sở Tài chính hướng dẫn như sau:\n1. Nội dung.\n./.\nNơi nhận:\n- Như trên;\n- UBND tỉnh (để b/c);\n- Lưu: VT, NS.\nGIÁM ĐỐC\n(Đã ký)\nNGUYỄN VĂN HÙNG");
        assert_eq!(d.issuer.name.as_deref(), Some("Sở Tài chính"));
        assert_eq!(
            d.issuer.parent.as_deref(),
            Some("Ủy ban nhân dân tỉnh Quảng Ninh")
        );
        assert_eq!(d.number.seq.as_deref(), Some("123"));
        assert_eq!(d.number.symbol.as_deref(), Some("STC-NS"));
        assert_eq!(d.place.as_deref(), Some("Quảng Ninh"));
        assert_eq!(
            (d.date.year, d.date.month, d.date.day),
            (Some(2025), Some(3), Some(5))
        );
        assert_eq!(
            d.subject.as_deref(),
            Some("hướng dẫn quyết toán ngân sách năm 2024")
        );
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("CV"));
        assert_eq!(
            d.recipients,
            vec!["Ủy ban nhân dân các huyện, thị xã, thành phố"]
        );
        assert_eq!(d.signer.authority, None);
        assert_eq!(d.signer.title.as_deref(), Some("Giám đốc"));
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Văn Hùng"));
        assert_eq!(d.distribution.len(), 2);
        assert_eq!(d.distribution[1].note.as_deref(), Some("để b/c"));
        assert_eq!(d.archive, vec!["VT", "NS"]);
    }

    #[test]
    fn party_plan_with_tm() {
        let d = parse("ĐẢNG BỘ TỈNH NGHỆ AN\nHUYỆN ỦY NAM ĐÀN\n*\nSố 12-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nNam Đàn, ngày 3 tháng 2 năm 2025\nKẾ HOẠCH\nthực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị\n-----\nThực hiện Chỉ thị số 35-CT/TW, Ban Thường vụ Huyện ủy ban hành kế hoạch.\nI. MỤC ĐÍCH\n1. Quán triệt.\nNơi nhận:\n- Tỉnh ủy (để b/c),\n- Lưu Văn phòng Huyện ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nHoàng Văn Nam");
        assert_eq!(d.issuer.name.as_deref(), Some("Huyện ủy Nam Đàn"));
        assert_eq!(d.issuer.parent.as_deref(), Some("Đảng bộ tỉnh Nghệ An"));
        assert_eq!(d.number.seq.as_deref(), Some("12"));
        assert_eq!(d.number.symbol.as_deref(), Some("KH/HU"));
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("KH"));
        assert_eq!(
            d.subject.as_deref(),
            Some("thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị")
        );
        assert_eq!(d.signer.authority.as_deref(), Some("TM."));
        assert_eq!(d.signer.on_behalf_of.as_deref(), Some("Ban Thường vụ"));
        assert_eq!(d.signer.title.as_deref(), Some("Bí thư"));
        assert_eq!(d.signer.name.as_deref(), Some("Hoàng Văn Nam"));
        assert_eq!(d.archive, vec!["Văn phòng Huyện ủy"]);
    }

    #[test]
    fn flattened_two_column_header_and_draft_number() {
        let d = parse("UBND THÀNH PHỐ ĐÀ NẴNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ      Độc lập - Tự do - Hạnh phúc\nSố:     /SYT-NVY\nĐà Nẵng, ngày      tháng     năm 2026\nV/v tăng cường phòng, chống dịch\nKính gửi:\n- Các bệnh viện;\n- Trung tâm Y tế các quận, huyện.\nThực hiện chỉ đạo của UBND thành phố, Sở Y tế đề nghị:\n1. Các bệnh viện chủ trì.\nNơi nhận:\n- Như trên;\n- Lưu: VT, NVY.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTRẦN THANH BÌNH");
        assert_eq!(d.issuer.name.as_deref(), Some("Sở Y tế"));
        assert_eq!(
            d.issuer.parent.as_deref(),
            Some("Ủy ban nhân dân thành phố Đà Nẵng")
        );
        assert_eq!(d.number.seq, None);
        assert_eq!(d.number.symbol.as_deref(), Some("SYT-NVY"));
        assert_eq!(
            (d.date.year, d.date.month, d.date.day),
            (Some(2026), None, None)
        );
        assert_eq!(d.place.as_deref(), Some("Đà Nẵng"));
        assert_eq!(
            d.recipients,
            vec!["Các bệnh viện", "Trung tâm Y tế các quận, huyện"]
        );
        assert_eq!(d.signer.authority.as_deref(), Some("KT."));
        assert_eq!(d.signer.on_behalf_of.as_deref(), Some("Giám đốc"));
        assert_eq!(d.signer.title.as_deref(), Some("Phó Giám đốc"));
        assert_eq!(d.signer.name.as_deref(), Some("Trần Thanh Bình"));
    }

    #[test]
    fn decision_with_ve_viec_and_two_authorities() {
        let d = parse("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n--------\nSố: 45/2025/QĐ-UBND\nLai Châu, ngày 09 tháng 6 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\nQUYẾT ĐỊNH:\nĐiều 1. Công bố.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nLê Văn Lương");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Ủy ban nhân dân tỉnh Lai Châu")
        );
        assert_eq!(d.issuer.parent, None);
        assert_eq!(d.number.year, Some(2025));
        assert_eq!(d.number.symbol.as_deref(), Some("QĐ-UBND"));
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("QĐ"));
        assert_eq!(
            d.subject.as_deref(),
            Some("công bố danh mục thủ tục hành chính")
        );
        assert_eq!(d.signer.authority.as_deref(), Some("KT."));
        assert_eq!(d.signer.on_behalf_of.as_deref(), Some("Chủ tịch"));
        assert_eq!(d.signer.title.as_deref(), Some("Phó Chủ tịch"));
        assert_eq!(d.signer.name.as_deref(), Some("Lê Văn Lương"));
    }
    #[test]
    fn portal_page_with_wrapped_table_cells() {
        // Text saved from a legal portal: metadata block, then the header as
        // table cells whose lines wrap inside fixed phrases.
        let d = parse("Số hiệu:\n|\n115-TB/VPTW\n|\nLoại văn bản:\n|\nThông báo\n|\nTình trạng:\n|\nĐã biết\n|\nBAN CHẤP HÀNH\nTRUNG ƯƠNG\n**VĂN PHÒNG**\n*****\n|\n**ĐẢNG CỘNG\nSẢN VIỆT NAM**\n---------------\n|\nSố 115-TB/VPTW\n|\n*Hà Nội, ngày\n12 tháng 3 năm 2025*\n|\n**THÔNG BÁO**\nÝ KIẾN CỦA THƯỜNG TRỰC BAN BÍ THƯ\nVỀ CÔNG TÁC PHÒNG CHỐNG THIÊN TAI\n**-----**\nNgày 10/3/2025, Thường trực Ban Bí thư đã nghe báo cáo và kết luận như sau:\n1. Các cấp ủy quán triệt.\nNơi nhận:\n- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng Trung ương Đảng.\nK/T CHÁNH\nVĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nNguyễn Văn Hòa");
        assert_eq!(d.issuer.name.as_deref(), Some("Văn phòng"));
        assert_eq!(d.issuer.parent.as_deref(), Some("Ban Chấp hành Trung ương"));
        assert_eq!(d.number.seq.as_deref(), Some("115"));
        assert_eq!(d.number.symbol.as_deref(), Some("TB/VPTW"));
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("TB"));
        assert_eq!(d.place.as_deref(), Some("Hà Nội"));
        assert_eq!(
            (d.date.year, d.date.month, d.date.day),
            (Some(2025), Some(3), Some(12))
        );
        assert_eq!(d.signer.authority.as_deref(), Some("KT."));
        assert_eq!(d.signer.on_behalf_of.as_deref(), Some("Chánh Văn phòng"));
        assert_eq!(d.signer.title.as_deref(), Some("Phó Chánh Văn phòng"));
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Văn Hòa"));
    }

    #[test]
    fn flattened_distribution_and_tl_signature() {
        let d = parse("BỘ TÀI CHÍNH -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\nSố: 812/BTC-NSNN V/v hướng dẫn lập dự toán năm 2026\nHà Nội, ngày 03 tháng 7 năm 2025\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\nCăn cứ Luật Ngân sách nhà nước số 83/2015/QH13, Bộ Tài chính hướng dẫn như sau:\n1. Nội dung./.\nNơi nhận: - Như trên; - Bộ trưởng (để b/c); - Lưu: VT, Vụ NSNN.\nTL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ NGÂN SÁCH NHÀ NƯỚC Trần Quốc Phương");
        assert_eq!(d.issuer.name.as_deref(), Some("Bộ Tài chính"));
        assert_eq!(d.number.seq.as_deref(), Some("812"));
        assert_eq!(d.subject.as_deref(), Some("hướng dẫn lập dự toán năm 2026"));
        let names: Vec<&str> = d.distribution.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Như trên", "Bộ trưởng"]);
        assert_eq!(d.distribution[1].note.as_deref(), Some("để b/c"));
        assert_eq!(d.archive, vec!["VT", "Vụ NSNN"]);
        assert_eq!(d.signer.authority.as_deref(), Some("TL."));
        assert_eq!(d.signer.on_behalf_of.as_deref(), Some("Bộ trưởng"));
        assert_eq!(
            d.signer.title.as_deref(),
            Some("Vụ trưởng Vụ Ngân sách nhà nước")
        );
        assert_eq!(d.signer.name.as_deref(), Some("Trần Quốc Phương"));
    }

    #[test]
    fn decision_with_attached_plan_signs_before_the_appendix() {
        let d = parse("ỦY BAN NHÂN DÂN\n\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\nSố: 254/QĐ-UBND\nThành phố Hồ Chí Minh,\nngày 17 tháng 02 năm 2025\nQUYẾT ĐỊNH\nBan hành Kế hoạch bảo vệ bí mật nhà nước năm 2025\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ\nCăn cứ Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Bộ Công an (để b/c);\n- Lưu: VT, NC.\nCHỦ TỊCH Phan Văn Mãi\n\nKẾ HOẠCH\nBảo vệ bí mật nhà nước năm 2025 (Kèm theo Quyết định số 254/QĐ-UBND)\nI. MỤC ĐÍCH\n1. Thực hiện Chỉ thị số 14/CT-TTg ngày 05/5/2024 của Thủ tướng Chính phủ.\n2. Các sở, ngành triển khai.\nIII. TỔ CHỨC THỰC HIỆN\n1. Công an thành phố chủ trì.");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Ủy ban nhân dân thành phố Hồ Chí Minh")
        );
        assert_eq!(d.issuer.parent, None);
        assert_eq!(d.place.as_deref(), Some("Thành phố Hồ Chí Minh"));
        assert_eq!(
            (d.date.year, d.date.month, d.date.day),
            (Some(2025), Some(2), Some(17))
        );
        assert_eq!(d.signer.title.as_deref(), Some("Chủ tịch"));
        assert_eq!(d.signer.name.as_deref(), Some("Phan Văn Mãi"));
        assert_eq!(d.distribution.len(), 1);
        assert_eq!(d.archive, vec!["VT", "NC"]);
        // The appendix still counts for references; the own number does not.
        let codes: Vec<_> = d
            .references
            .iter()
            .filter_map(|r| r.code.as_deref())
            .collect();
        assert_eq!(codes, vec!["14/CT-TTg"]);
    }

    #[test]
    fn flattened_title_signature_without_authority() {
        let d = parse("BAN CHỈ ĐẠO QUỐC GIA 515\nSố: 77/KH-BCĐ515\nHà Nội, ngày 11 tháng 11 năm 2024\nKẾ HOẠCH\nTổng kết công tác năm 2024\nNội dung kế hoạch./.\nNơi nhận:\n- Thủ tướng;\n- Lưu: VT.\nTRƯỞNG BAN PHÓ THỦ TƯỚNG Trần Hồng Hà");
        assert_eq!(d.signer.authority, None);
        assert_eq!(d.signer.title.as_deref(), Some("Trưởng ban"));
        assert_eq!(d.signer.name.as_deref(), Some("Trần Hồng Hà"));
        assert_eq!(d.number.symbol.as_deref(), Some("KH-BCĐ515"));
    }
    #[test]
    fn inline_addressee_wrapped_onto_the_next_line() {
        let d = parse("BỘ NỘI VỤ\nSố: 77/BNV-CQĐP\nV/v vận hành chính quyền hai cấp\nHà Nội, ngày 21 tháng 11 năm 2025\nKính gửi: Chủ\ntịch Ủy ban nhân dân các tỉnh, thành phố.\n\nThực\nhiện Kết luận số 210-KL/TW, Bộ Nội vụ đề nghị:\n1. Rà soát.\nNơi nhận:\n- Như trên;\n- Bộ trưởng; (để báo cáo)\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn An");
        assert_eq!(
            d.recipients,
            vec!["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]
        );
        assert_eq!(d.distribution[1].name, "Bộ trưởng");
        assert_eq!(d.distribution[1].note.as_deref(), Some("để báo cáo"));
        let d = parse("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 12/BVHTTDL-ĐT\nV/v nhiệm vụ năm học\nHà Nội, ngày 2 tháng 10 năm 2025\nKính gửi: Các cơ sở\nđào tạo trực thuộc Bộ\n\nThực\nhiện Thông báo số 460/TB-VPCP, Bộ đề nghị:\n1. Làm.");
        assert_eq!(d.recipients, vec!["Các cơ sở đào tạo trực thuộc Bộ"]);
    }
    #[test]
    fn party_directive_with_flattened_number_and_place() {
        let d = parse("TỈNH ỦY BẮC NINH          ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-CT/TU               Bắc Ninh, ngày 03 tháng 02 năm 2025\n\nCHỈ THỊ\ncủa Ban Thường vụ Tỉnh ủy\nvề tăng cường lãnh đạo công tác phòng, chống tham nhũng\n-----\nThực hiện Chỉ thị số 27-CT/TW ngày 10/01/2019 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy yêu cầu:\n1. Các cấp ủy quán triệt.\n\nNơi nhận:\n- Các đảng bộ trực thuộc,\n- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNGUYỄN ANH TUẤN");
        assert_eq!(d.issuer.name.as_deref(), Some("Tỉnh ủy Bắc Ninh"));
        assert_eq!(d.number.symbol.as_deref(), Some("CT/TU"));
        assert_eq!(d.place.as_deref(), Some("Bắc Ninh"));
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("CT"));
        assert_eq!(
            d.subject.as_deref(),
            Some("về tăng cường lãnh đạo công tác phòng, chống tham nhũng")
        );
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Anh Tuấn"));
    }

    #[test]
    fn acting_and_authorised_signers() {
        let base = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 45/UBND-VX\nV/v tăng cường\nTP. Hồ Chí Minh, ngày 05 tháng 3 năm 2025\nKính gửi: Các sở.\nĐề nghị các đơn vị thực hiện./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n";
        let d = parse(&format!("{base}Q. GIÁM ĐỐC\n\nNguyễn Văn Bình"));
        assert_eq!(d.place.as_deref(), Some("TP. Hồ Chí Minh"));
        assert_eq!(d.signer.authority.as_deref(), Some("Q."));
        assert_eq!(d.signer.on_behalf_of.as_deref(), Some("Giám đốc"));
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Văn Bình"));
        let d = parse(&format!(
            "{base}TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n(Đã ký)\nNguyễn Văn Bình"
        ));
        assert_eq!(d.signer.authority.as_deref(), Some("TUQ."));
        assert_eq!(d.signer.on_behalf_of.as_deref(), Some("Chủ tịch"));
        assert_eq!(d.signer.title.as_deref(), Some("Chánh Văn phòng"));
    }

    #[test]
    fn subject_beside_place_and_date_on_one_line() {
        let d = parse("BỘ Y TẾ                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỤC QUẢN LÝ DƯỢC             Độc lập - Tự do - Hạnh phúc\nSố: 1523/QLD-ĐK\nV/v công bố danh mục thuốc    Hà Nội, ngày 12 tháng 8 năm 2024\nhết hiệu lực\n\nKính gửi: Sở Y tế các tỉnh, thành phố.\n\nCăn cứ Thông tư số 08/2022/TT-BYT ngày 05/9/2022 của Bộ trưởng Bộ Y tế, Cục thông báo.");
        assert_eq!(
            d.subject.as_deref(),
            Some("công bố danh mục thuốc hết hiệu lực")
        );
        assert_eq!(d.place.as_deref(), Some("Hà Nội"));
        assert_eq!(d.issuer.parent.as_deref(), Some("Bộ Y tế"));
        assert_eq!(d.recipients, vec!["Sở Y tế các tỉnh, thành phố"]);
    }

    #[test]
    fn numeric_place_date_line() {
        let d = parse("SỞ TÀI CHÍNH\nSố: 12/STC-NS\nV/v quyết toán\nQuảng Ninh, ngày 05/3/2025\nKính gửi: Các phòng.\nThực hiện Nghị quyết số 71-NQ/TW, ngày 22/8/2025 của Bộ Chính trị.");
        assert_eq!(d.place.as_deref(), Some("Quảng Ninh"));
        assert_eq!(
            (d.date.year, d.date.month, d.date.day),
            (Some(2025), Some(3), Some(5))
        );
        // A citation's date inside the subject is not the document's date.
        let d = parse("SỞ TÀI CHÍNH\nSố: 12/STC-NS\nV/v thực hiện Nghị quyết số 71-NQ/TW, ngày 22/8/2025\nKính gửi: Các phòng.\nThực hiện.");
        assert_eq!(d.date.year, None);
    }

    #[test]
    fn number_line_variants() {
        for (line, raw) in [
            ("Số:123/UBND-VP", "123/UBND-VP"),
            ("SỐ: 123/UBND-VP", "123/UBND-VP"),
            ("Số : 123 /UBND-VP", "123 /UBND-VP"),
            ("Số: 0123/UBND-VP", "0123/UBND-VP"),
        ] {
            let d = parse(&format!("UBND HUYỆN ĐÔNG ANH\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n{line}\nV/v: báo cáo số liệu\nĐông Anh, ngày 5 tháng 3 năm 2024\nKính gửi: Hiệu trưởng các trường.\nThực hiện Công văn số 45/SGDĐT-VP, Phòng đề nghị."));
            assert_eq!(d.number.raw.as_deref(), Some(raw), "{line}");
            assert_eq!(d.number.symbol.as_deref(), Some("UBND-VP"), "{line}");
            assert_eq!(
                d.issuer.name.as_deref(),
                Some("Phòng Giáo dục và Đào tạo"),
                "{line}"
            );
            assert_eq!(d.subject.as_deref(), Some("báo cáo số liệu"), "{line}");
        }
    }

    #[test]
    fn portal_markdown_with_banner_and_table_header() {
        let d = parse("THƯ VIỆN PHÁP LUẬT\nTrang chủ > Văn bản pháp luật\n\n| ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n| Số: 1234/QĐ-UBND | Quảng Nam, ngày 15 tháng 5 năm 2024 |\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n**Điều 1.** Phê duyệt Kế hoạch.\n\n**Điều 2.** Giao Sở Thông tin và Truyền thông chủ trì; báo cáo trước ngày 15/12/2024./.\n\n| Nơi nhận: - Như Điều 3; - TT Tỉnh ủy (b/c); - Lưu: VT, KGVX. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Tân |\n|---|---|");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Ủy ban nhân dân tỉnh Quảng Nam")
        );
        assert_eq!(d.issuer.parent, None);
        assert_eq!(d.number.raw.as_deref(), Some("1234/QĐ-UBND"));
        assert_eq!(d.place.as_deref(), Some("Quảng Nam"));
        assert_eq!(
            d.subject.as_deref(),
            Some("PHÊ DUYỆT KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024")
        );
        assert_eq!(d.signer.authority.as_deref(), Some("KT."));
        assert_eq!(d.signer.title.as_deref(), Some("Phó Chủ tịch"));
        assert_eq!(d.signer.name.as_deref(), Some("Trần Văn Tân"));
        assert_eq!(d.archive, vec!["VT", "KGVX"]);
    }
}

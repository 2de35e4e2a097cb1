//! The document's number and symbol (`Số: 123/STC-NS`).

use super::*;

pub(super) static RE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // `Sô:`, `Sổ:` and the like are OCR misreadings of `Số:`: with a colon,
    // or a blank and then digits (`S6 412-TB/UBKTTU`, checked in
    // [`find_number`]).
    let ocr = vocab::OCR_SO_VOWELS;
    Regex::new(&format!(
        concat!(
            r"(?m)(?:^|[\s|(])(?P<so>Số|SỐ|S[{ocr}]:|S[{ocr}][ \t])\s*:?[ \t]*\n?[ \t]*",
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

/// `KV IV-TH`: after the symbol's first part, a word of capitals after one
/// blank and then a separator belongs to the symbol (read only where the
/// symbol is followed by a blank).
static RE_SYMBOL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t][\p{Lu}Đ\d]+[\-/][\p{Lu}Đ\d][\p{L}\d&.]*(?:[ \t]?[\-/][ \t]?[\p{Lu}Đ\d][\p{L}\d&.]*)*")
        .unwrap()
});

/// The document's own `Số:` line.
pub fn find_number(s: &str) -> Option<Number> {
    let c = RE_NUMBER.captures(s)?;
    // An OCR reading without its colon counts before digits only.
    let so = c.name("so").map_or("", |m| m.as_str());
    if !(so.starts_with("Số")
        || so.starts_with("SỐ")
        || so.ends_with(':')
        || c.name("seq").is_some())
    {
        return None;
    }
    let sym_m = c.name("sym")?;
    let tail = s[sym_m.end()..]
        .starts_with([' ', '\t'])
        .then(|| RE_SYMBOL_TAIL.find(&s[sym_m.end()..]))
        .flatten()
        .map_or(0, |m| m.end());
    let code_m = c.name("code")?;
    let code = &s[code_m.start()..code_m.end() + tail];
    let sym = s[sym_m.start()..sym_m.end() + tail].trim_end_matches(['.', ',', ';']);
    // Blanks around a separator go; one between two words stays (`KV IV-TH`).
    let words: Vec<&str> = sym.split_whitespace().collect();
    let mut symbol = String::new();
    for (i, w) in words.iter().enumerate() {
        let glue = i == 0 || w.starts_with(['-', '/']) || symbol.ends_with(['-', '/']);
        if !glue {
            symbol.push(' ');
        }
        symbol.push_str(w);
    }
    let seq = c.name("seq").map(|m| m.as_str().to_string());
    Some(Number {
        raw: Some(collapse_ws(code.trim_end_matches(['.', ',', ';']))),
        seq,
        year: c.name("year").and_then(|m| m.as_str().parse().ok()),
        symbol: Some(symbol),
    })
}

/// An annex caption on its own line: `(Kèm theo Công văn số 6386/BVHTTDL-
/// KHCNĐTMT ngày 25/11/2025 của Bộ …)`, also `Ban hành kèm theo`.
static RE_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    let names = vocab::type_names_pattern();
    Regex::new(&format!(
        r"(?m)^[ \t*_]*\(\s*(?i:ban\s+hành\s+)?(?i:kèm\s+theo)\s+(?P<type>(?i:{names}))\s+(?i:số)\s*:?\s*(?P<code>\d{{1,6}}[^\s,;()]*)(?:\s+(?i:ngày)\s+(?P<date>[^()]{{1,40}}))?"
    ))
    .unwrap()
});

/// A document whose header was lost (a page kept from `Kính gửi` on) still
/// names itself in the caption of its annex: its number, date and type
/// come from there when the header gives none.
pub(super) fn own_from_caption(text: &str, doc: &mut Document) {
    let Some(c) = RE_CAPTION.captures(text) else {
        return;
    };
    let Some(number) = find_number(&format!("Số: {}", &c["code"])) else {
        return;
    };
    doc.number = number;
    if doc.date.raw.is_none() {
        if let Some((d, n)) = c
            .name("date")
            .and_then(|m| dates::date_at_start(m.as_str()))
        {
            let raw = c.name("date").map(|m| m.as_str()[..n].trim());
            doc.date = DocDate {
                raw: raw.map(|r| format!("ngày {r}")),
                year: d.year,
                month: d.month,
                day: d.day,
            };
        }
    }
    if doc.doc_type.is_none() {
        doc.doc_type = vocab::type_by_name(&collapse_ws(&c["type"])).map(|t| t.doc_type());
    }
}

//! The document's number and symbol (`Số: 123/STC-NS`).

use super::*;

pub(super) static RE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
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

//! Records marks of the header: the secrecy and urgency stamps (`MẬT`,
//! `HỎA TỐC`…, vocabularies [`vocab::SECRECY_MARKS`] and
//! [`vocab::URGENCY_MARKS`]) and the printed document identifier (mã định
//! danh, `000.00.12.H36`).

use crate::segment::Zones;
use crate::vocab;
use regex::Regex;
use std::sync::LazyLock;

/// What the header stamps say.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Marks {
    pub secrecy: Option<String>,
    pub urgency: Option<String>,
    pub identifier: Option<String>,
}

/// A mã định danh: three digits, two, two, a letter and two digits.
static RE_IDENTIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9.])([0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2})(?:[^0-9A-Za-z.]|\.?$|\.\s)",
    )
    .unwrap()
});

/// The header's cells: lines cut at runs of two or more spaces, tabs and
/// table bars (two columns rendered side by side).
fn cells(line: &str) -> impl Iterator<Item = &str> {
    line.split(['\t', '|'])
        .flat_map(|part| part.split("  "))
        .map(|c| c.trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, '*' | '_' | '#')))
        .filter(|c| !c.is_empty())
}

fn mark_of(cell: &str, marks: &[&'static str]) -> Option<&'static str> {
    let c = crate::text::collapse_ws(cell);
    let c = c.trim_end_matches(['.', ':']);
    marks.iter().copied().find(|m| c == *m)
}

/// A header line that is only a stamp: secrecy, urgency (`HỎA TỐC`,
/// `(MẬT)`) or a draft's (`DỰ THẢO`, `DỰ THẢO LẦN 2`), in capitals. It
/// names no body.
pub fn is_stamp_line(line: &str) -> bool {
    // The longest stamp with its brackets and blanks is short.
    if line.len() > 64 {
        return false;
    }
    let c = crate::text::collapse_ws(line);
    let c = c
        .trim_matches(|ch: char| matches!(ch, '(' | ')' | '[' | ']' | '*' | '_' | '.' | ':' | ' '));
    if c.is_empty() || !crate::text::is_upper(c) {
        return false;
    }
    vocab::SECRECY_MARKS
        .iter()
        .chain(vocab::URGENCY_MARKS)
        .any(|m| c == *m)
        || vocab::DRAFT_MARKS.iter().any(|m| c.starts_with(m))
}

/// The marks of a document: stamps in the header (from the document's
/// start to the end of the header zone), the identifier in the header or
/// after the body (e-documents print it at the top or the foot).
pub fn marks(text: &str, zones: &Zones) -> Marks {
    let mut out = Marks::default();
    let head_end = crate::text::floor_boundary(text, zones.header.end.max(zones.start));
    let head = &text[..head_end];
    // Every stamp holds one of these (one substring test per line).
    let may_stamp = |l: &str| ["MẬT", "KHẨN", "TỐC"].iter().any(|w| l.contains(w));
    for line in head.lines().filter(|l| may_stamp(l)) {
        for cell in cells(line) {
            if out.secrecy.is_none() {
                out.secrecy = mark_of(cell, vocab::SECRECY_MARKS).map(str::to_string);
            }
            if out.urgency.is_none() {
                out.urgency = mark_of(cell, vocab::URGENCY_MARKS)
                    .map(|m| if m == "HOẢ TỐC" { "HỎA TỐC" } else { m })
                    .map(str::to_string);
            }
        }
    }
    // The identifier stands in the header or after the body (by the
    // signature, at the foot), never in the operative text.
    let tail_from = crate::text::floor_boundary(text, zones.body.end.max(head_end));
    let tail_end = crate::text::floor_boundary(text, tail_from + 4096);
    out.identifier = [head, &text[tail_from..tail_end]]
        .iter()
        .filter(|part| part.contains('.'))
        .find_map(|part| RE_IDENTIFIER.captures(part))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_name_no_body_of_the_header() {
        for t in [
            "HỎA TỐC",
            "(MẬT)",
            "DỰ THẢO",
            "DỰ THẢO LẦN 2",
            "THƯỢNG KHẨN",
        ] {
            assert!(is_stamp_line(t), "{t}");
        }
        for t in ["ỦY BAN NHÂN DÂN", "Mật", "SỞ TƯ PHÁP", "DỰ"] {
            assert!(!is_stamp_line(t), "{t}");
        }
        let d = crate::parse_str("HỎA TỐC\nỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 12/CĐ-UBND\nQuảng Trị, ngày 24 tháng 10 năm 2025\nCÔNG ĐIỆN\nVề việc ứng phó mưa lũ", "a.txt");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Ủy ban nhân dân tỉnh Quảng Trị")
        );
        assert_eq!(d.issuer.parent, None);
        assert_eq!(d.urgency.as_deref(), Some("HỎA TỐC"));
        let d = crate::parse_str("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nDỰ THẢO\nSố:    /KH-UBND\nCà Mau, ngày   tháng   năm 2025\nKẾ HOẠCH\nPhát triển nguồn nhân lực", "a.txt");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Ủy ban nhân dân tỉnh Cà Mau")
        );
    }

    fn of(t: &str) -> Marks {
        let text = crate::normalize::normalize(t);
        marks(&text, &crate::segment::segment(&text))
    }

    #[test]
    fn stamps_in_the_header() {
        let m = of("ỦY BAN NHÂN DÂN\nTỈNH A\nSố: 12/UBND-VX\nHỎA TỐC\nV/v phòng chống bão\n\nKính gửi: Các sở.\n\nĐề nghị khẩn trương thực hiện.\n");
        assert_eq!(m.urgency.as_deref(), Some("HỎA TỐC"));
        assert_eq!(m.secrecy, None);
        // Two columns side by side.
        let m = of("BỘ QUỐC PHÒNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5/BQP      MẬT       THƯỢNG KHẨN\nV/v kiểm tra\n\nKính gửi: Các đơn vị.\n\nNội dung.\n");
        assert_eq!(m.secrecy.as_deref(), Some("MẬT"));
        assert_eq!(m.urgency.as_deref(), Some("THƯỢNG KHẨN"));
    }

    #[test]
    fn words_in_prose_are_not_stamps() {
        let m = of("ỦY BAN NHÂN DÂN\nSố: 12/UBND\nV/v triển khai khẩn cấp\n\nKính gửi: Các sở.\n\nThực hiện KHẨN các biện pháp; giữ bí MẬT.\n");
        assert_eq!(m, Marks::default());
    }

    #[test]
    fn identifier_printed_on_an_e_document() {
        let m = of("ỦY BAN NHÂN DÂN\nSố: 12/UBND\nV/v kiểm tra\n\nKính gửi: Các sở.\n\nNội dung.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n\nMã định danh: 000.00.12.H36\n");
        assert_eq!(m.identifier.as_deref(), Some("000.00.12.H36"));
        let m = of("ỦY BAN NHÂN DÂN\nSố: 12/UBND\n000.00.12.H36\nV/v kiểm tra\n\nKính gửi: Các sở.\n\nNội dung.\n");
        assert_eq!(m.identifier.as_deref(), Some("000.00.12.H36"));
        // A date or a decimal is not one.
        let m = of("Số: 12/UBND\n\nNội dung 123.45.67.8 và 2025.10.12.\n");
        assert_eq!(m.identifier, None);
    }
}

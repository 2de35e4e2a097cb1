//! Attached documents: a plan, regulation or programme that a decision or
//! resolution issues "ban hành kèm theo", and annexes (`PHỤ LỤC`), printed
//! after the signature. Each is read as a document of its own kind: its
//! title, subject, directives and targets.
//!
//! An attachment starts at a line that is a type title in capitals
//! (`KẾ HOẠCH`, `QUY ĐỊNH`, `QUY CHẾ`, `CHƯƠNG TRÌNH`, `ĐỀ ÁN`…, or
//! `PHỤ LỤC …`) after the end of the document proper, and runs to the next
//! one or to the end of the text.

use crate::extract::{directives, outline, targets};
use crate::model::{Attachment, Span};
use crate::text::{collapse_ws, is_upper, key};
use crate::vocab;

/// Kinds that are issued as attachments (by their names' keys).
const ATTACHED_KINDS: &[&str] = &[
    "Kế hoạch",
    "Quy định",
    "Quy chế",
    "Chương trình",
    "Đề án",
    "Hướng dẫn",
    "Điều lệ",
    "Chiến lược",
    "Danh mục",
];

/// The kind and title of a line that opens an attachment.
fn title_of(line: &str) -> Option<(Option<&'static vocab::TypeEntry>, String)> {
    let t = line.trim().trim_matches(['*', '#', ' ']).trim();
    if t.is_empty() || t.len() > 160 || !is_upper(t) {
        return None;
    }
    let k = key(t);
    if k.starts_with("phụ lục") {
        return Some((None, annex_title(t)));
    }
    ATTACHED_KINDS
        .iter()
        .find(|n| k == key(n))
        .map(|n| (vocab::type_by_name(n), n.to_string()))
}

/// `PHỤ LỤC II` → `Phụ lục II`: the word in normal case, a Roman numeral
/// or number after it kept, other words in lower case.
fn annex_title(t: &str) -> String {
    let mut out = String::from("Phụ lục");
    for w in t.split_whitespace().skip(2) {
        out.push(' ');
        let roman = w
            .trim_end_matches(['.', ':'])
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
        if roman || w.chars().any(|c| c.is_ascii_digit()) {
            out.push_str(w);
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
    out
}

/// The attachments of a document whose proper part ends at `from`.
/// `doc_year` completes deadlines written without a year and dates what
/// reports an earlier year; `exclude` are the
/// spans of cited documents.
pub fn attachments(
    text: &str,
    from: usize,
    doc_year: Option<i32>,
    exclude: &[Span],
) -> Vec<Attachment> {
    let from = crate::text::floor_boundary(text, from);
    let mut starts: Vec<(usize, usize, Option<&'static vocab::TypeEntry>, String)> = Vec::new();
    let mut pos = from;
    for line in text[from..].split('\n') {
        let at = pos;
        pos += line.len() + 1;
        if let Some((kind, title)) = title_of(line) {
            starts.push((at, (at + line.len()).min(text.len()), kind, title));
        }
    }
    let mut out = Vec::new();
    for (i, (at, title_end, kind, title)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
        let subject = subject_after(&text[*title_end..end]);
        let body_start = *title_end;
        let mut warnings = Vec::new();
        let template = is_template(&text[body_start..end]);
        let (dirs, q) = if template {
            warnings.push(format!(
                "{title}: a form with blanks to fill in; no directives, targets or deadlines read"
            ));
            (Vec::new(), targets::Quantities::default())
        } else {
            let o = outline::outline(text, body_start..end);
            (
                directives::directives_of(&o, doc_year, exclude),
                // A table breaks the outline early: read the text after
                // the items too.
                targets::quantities_with_closing(&o, exclude, doc_year.map(|y| (y, 0, 0))),
            )
        };
        if kind.is_none() && !title.to_lowercase().starts_with("phụ lục") {
            warnings.push(format!("attachment of unknown kind: {title}"));
        }
        out.push(Attachment {
            doc_type: kind.map(|k| k.doc_type()),
            title: title.clone(),
            subject,
            span: Span { start: *at, end },
            directives: dirs,
            targets: q.targets,
            norms: q.norms,
            template,
            warnings,
        });
    }
    out
}

/// Blanks of a form: runs of five dots or more, or of three `…`.
static RE_BLANK: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\.{5,}|…{3,}|_{5,}").unwrap());

/// A form to fill in: at least three blanks (`Trường Tiểu học........`,
/// `Quyết định số...../QĐ-UBND ngày ....../20...`).
fn is_template(body: &str) -> bool {
    RE_BLANK.find_iter(body).take(3).count() >= 3
}

/// The subject under an attachment's title: the lines in capitals (or the
/// first line) before the `(Ban hành kèm theo …)` caption or the body.
fn subject_after(s: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for line in s.lines() {
        let t = line.trim().trim_matches(['*', '#', '_']).trim();
        if t.is_empty() {
            if parts.is_empty() {
                continue;
            }
            break;
        }
        if t.starts_with('(') || t.starts_with('-') || t.starts_with("___") {
            break;
        }
        if !parts.is_empty() && !is_upper(t) {
            break;
        }
        parts.push(t);
        if !is_upper(t) || parts.len() >= 4 {
            break;
        }
    }
    let joined = collapse_ws(&parts.join(" "));
    if joined.is_empty() {
        return None;
    }
    Some(crate::extract::header::proper_case(&joined))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_attached_to_a_decision() {
        let t = "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n\nKẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023\n(Ban hành kèm theo Quyết định số 254/QĐ-UBND ngày 17/02/2023)\n\nI. MỤC TIÊU\n1. Phấn đấu 100% cơ quan được kiểm tra.\nII. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh chủ trì, báo cáo trước ngày 28/2/2023.\n2. Sở Tài chính bảo đảm kinh phí.\n\nPHỤ LỤC I\nDANH MỤC CÁC NHIỆM VỤ\n\n1\n\nRà soát\n";
        let a = attachments(t, 60, Some(2023), &[]);
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(a[0].doc_type.as_ref().map(|d| d.code.as_str()), Some("KH"));
        assert_eq!(
            a[0].subject.as_deref(),
            Some("Thực hiện công tác bảo vệ bí mật nhà nước năm 2023")
        );
        assert_eq!(a[0].directives.len(), 2, "{:#?}", a[0].directives);
        assert_eq!(a[0].directives[0].assignees[0], "Công an tỉnh");
        assert_eq!(
            a[0].directives[0].deadlines[0].date.as_deref(),
            Some("2023-02-28")
        );
        assert_eq!(a[0].targets.len(), 1);
        assert_eq!(a[0].targets[0].value, 100.0);
        assert_eq!(a[1].doc_type, None);
        assert_eq!(a[1].title, "Phụ lục I");
        assert!(a[1].directives.is_empty() || a[1].targets.is_empty());
    }

    #[test]
    fn a_form_to_fill_in_yields_no_knowledge() {
        let t = "1. Sở Y tế báo cáo.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn A\n\nPHỤ LỤC 1\nKẾ HOẠCH GIÁO DỤC CỦA TRƯỜNG ........\nThực hiện Quyết định số...../QĐ-UBND ngày ....../20...\n1. Nhà trường phấn đấu 100% học sinh hoàn thành chương trình trước ngày 31/5/2026.\n";
        let a = attachments(t, 20, Some(2025), &[]);
        assert_eq!(a.len(), 1);
        assert!(a[0].template);
        assert!(a[0].directives.is_empty() && a[0].targets.is_empty());
        let d = crate::extract::extract(t);
        assert!(d.targets.is_empty(), "{:?}", d.targets);
        assert!(d.deadlines.is_empty(), "{:?}", d.deadlines);
    }

    #[test]
    fn several_attachments_with_articles_and_norms() {
        let t = "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế và Kế hoạch.\nĐiều 2. Sở Nội vụ chịu trách nhiệm thi hành.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n\nQUY CHẾ\nQUẢN LÝ KINH PHÍ HỖ TRỢ\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026)\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Mức hỗ trợ 500.000 đồng/người/tháng.\nĐiều 2. Sở Tài chính thẩm định hồ sơ trong thời hạn không quá 10 ngày làm việc.\n\nKẾ HOẠCH\nTRIỂN KHAI NĂM 2026\nI. MỤC TIÊU\nPhấn đấu đến năm 2027 đạt 90% hồ sơ trực tuyến.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tổng hợp, báo cáo trong Quý III/2026.\n";
        let d = crate::extract::extract(t);
        let kinds: Vec<_> = d
            .attachments
            .iter()
            .map(|a| a.doc_type.as_ref().map(|x| x.code.clone()))
            .collect();
        assert_eq!(kinds.len(), 2, "{:#?}", d.attachments);
        assert_eq!(kinds[1].as_deref(), Some("KH"));
        // The decision's own articles stay the top-level directives.
        assert_eq!(d.directives.len(), 2);
        assert_eq!(d.attachments[0].directives.len(), 2);
        // Norms of the regulation are not targets; the plan's goal is.
        assert_eq!(d.targets.len(), 1, "{:?}", d.targets);
        assert_eq!(d.targets[0].by_year, Some(2027));
        assert_eq!(d.norms.len(), 1, "{:?}", d.norms);
        // The plan's directive deadline is inside its directive.
        let dl = &d.attachments[1].directives[0].deadlines;
        assert_eq!(dl[0].period.as_deref(), Some("Q3/2026"), "{dl:?}");
    }

    #[test]
    fn no_attachment_in_a_plain_letter() {
        let t = "1. Sở Y tế báo cáo.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn A\n";
        assert!(attachments(t, 20, Some(2025), &[]).is_empty());
    }
}

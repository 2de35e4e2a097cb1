//! Stage 4: fields and knowledge from the zones of a normalized document.

pub mod assignees;
pub mod attachments;
pub mod dates;
pub mod deadlines;
pub mod directives;
pub mod header;
pub mod marks;
pub mod outline;
pub mod references;
pub mod spans;
pub mod targets;

use crate::model::{Directive, Document, Span, SCHEMA};

/// Extract everything from normalized text.
pub fn extract(text: &str) -> Document {
    let zones = crate::segment::segment(text);
    let mut doc = Document {
        schema: SCHEMA.to_string(),
        ..Default::default()
    };
    header::extract_header(text, &zones, &mut doc);
    let m = marks::marks(text, &zones);
    doc.secrecy = m.secrecy;
    doc.urgency = m.urgency;
    doc.identifier = m.identifier;
    let (refs, warnings) = references::extract_references(text, &zones, &doc);
    doc.references = refs;
    doc.warnings.extend(warnings);
    let year = doc.date.year;
    // Spans of cited documents: their dates and numbers are not deadlines
    // or targets.
    let cited: Vec<crate::model::Span> = doc
        .references
        .iter()
        .flat_map(|r| r.mentions.iter().copied())
        .collect();
    // One outline of the body for directives and targets.
    let o = outline::outline(text, zones.body.clone());
    doc.directives = directives::directives_of(&o, year, &cited);
    // A proposal (`Tờ trình`) whose items name no one to act sets out its
    // case (`I. Sự cần thiết`, `II. Nội dung`), it directs no one.
    let proposal = doc
        .doc_type
        .as_ref()
        .is_some_and(|t| crate::vocab::PROPOSAL_KINDS.contains(&t.code.as_str()));
    if proposal && doc.directives.iter().all(|d| d.assignees.is_empty()) {
        doc.directives.clear();
    }
    // A report directs no one.
    if doc
        .doc_type
        .as_ref()
        .is_some_and(|t| crate::vocab::REPORT_KINDS.contains(&t.code.as_str()))
    {
        doc.directives.clear();
    }
    let now = year.map(|y| (y, doc.date.month.unwrap_or(0), doc.date.day.unwrap_or(0)));
    let q = targets::quantities_of(&o, &cited, now);
    doc.targets = q.targets;
    doc.norms = q.norms;
    // (What the body strives for stays a goal in any document.)
    let striven = q.striven;
    // A document whose own number carries its year (`25/2020/QĐ-UBND`) is
    // a legal normative one: its own quantities are norms (a plan attached
    // to it keeps its goals).
    if doc.number.year.is_some() {
        targets::move_norms(&mut doc.targets, &mut doc.norms, &striven);
    }
    // Attached documents after the signature; their targets count for the
    // whole document.
    doc.attachments = attachments::attachments(text, zones.end, year, &cited);
    for a in &doc.attachments {
        doc.targets.extend(a.targets.iter().cloned());
        doc.norms.extend(a.norms.iter().cloned());
    }
    // A document that lays down rules (a Nghị định, a resolution `Quy định
    // mức hỗ trợ …`) sets norms, not goals.
    if targets::is_normative(
        doc.doc_type.as_ref().map(|t| t.name.as_str()),
        doc.subject.as_deref(),
    ) {
        targets::move_norms(&mut doc.targets, &mut doc.norms, &striven);
    }
    // A plan's goals that name no year have the one its subject names
    // (`Kế hoạch … năm 2026`).
    if let Some(y) = targets::subject_horizon(
        doc.doc_type.as_ref().map(|t| t.code.as_str()),
        doc.subject.as_deref(),
    ) {
        for t in doc.targets.iter_mut().filter(|t| t.by_year.is_none()) {
            t.by_year = Some(y);
        }
    }
    // Deadlines outside the directives, in the body and what follows the
    // signature (attached plans and their tables).
    // Every directive's own text is skipped, nested items too (a
    // directive's span is its own text, not its items'): their deadlines
    // are the items' own.
    let mut skip = cited.clone();
    directive_spans(&doc.directives, &mut skip);
    for a in &doc.attachments {
        directive_spans(&a.directives, &mut skip);
    }
    // A form to fill in (`PHỤ LỤC` of a template) sets no times.
    skip.extend(
        doc.attachments
            .iter()
            .filter(|a| a.template)
            .map(|a| a.span),
    );
    let after = zones.signature.as_ref().map_or(zones.body.end, |s| s.end);
    let month = doc.date.year.zip(doc.date.month);
    let mut dl = deadlines::document_deadlines(text, zones.body.clone(), year, month, &skip);
    if after < text.len() {
        dl.extend(deadlines::document_deadlines(
            text,
            after..text.len(),
            year,
            month,
            &skip,
        ));
    }
    doc.deadlines = dl;
    // A time before the document's own date is no time limit of it (a
    // span reported, `Từ đầu năm 2024 đến ngày 09/6/2024, toàn tỉnh ghi
    // nhận …`; a limit that passed).
    // (Only with the month known: a year alone says too little.)
    if let Some(today) = now.filter(|&(_, m, _)| m != 0) {
        let keep = |d: &crate::model::Deadline| !deadlines::before(d, today);
        doc.deadlines.retain(keep);
        retain_deadlines(&mut doc.directives, &keep);
        for a in &mut doc.attachments {
            retain_deadlines(&mut a.directives, &keep);
        }
    }
    doc
}

/// Keep the deadlines of `ds` and of all their items that `keep` keeps.
fn retain_deadlines(ds: &mut [Directive], keep: &impl Fn(&crate::model::Deadline) -> bool) {
    for d in ds {
        d.deadlines.retain(keep);
        retain_deadlines(&mut d.items, keep);
    }
}

/// The spans of `ds` and of all their items.
fn directive_spans(ds: &[Directive], out: &mut Vec<Span>) {
    for d in ds {
        out.push(d.span);
        directive_spans(&d.items, out);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_proposal_directs_only_when_it_names_who_acts() {
        let head = "SỞ TÀI CHÍNH\nSố: 12/TTr-STC\nLâm Đồng, ngày 2 tháng 12 năm 2025\nTỜ TRÌNH\nVề việc phê duyệt dự toán\nKính gửi: Ủy ban nhân dân tỉnh.\n";
        let d = crate::parse_str(&format!("{head}I. SỰ CẦN THIẾT\nNội dung.\nII. NỘI DUNG ĐỀ XUẤT\nTổng dự toán trình trước ngày 15/12/2025.\n"), "a.txt");
        assert!(d.directives.is_empty(), "{:?}", d.directives);
        assert_eq!(d.deadlines.len(), 1, "{:?}", d.deadlines);
        let d = crate::parse_str(&format!("{head}1. Tổng dự toán là 18 tỷ đồng.\n2. Giao Sở Khoa học và Công nghệ chủ trì quyết toán.\n"), "a.txt");
        assert_eq!(d.directives.len(), 2);
    }

    #[test]
    fn a_report_directs_no_one() {
        let d = crate::parse_str("ỦY BAN NHÂN DÂN\nHUYỆN ĐIỆN BIÊN\nSố: 412/BC-UBND\nĐiện Biên, ngày 5 tháng 12 năm 2022\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2022\nI. KẾT QUẢ ĐẠT ĐƯỢC\n1. Sản xuất nông nghiệp ổn định.\nII. NHIỆM VỤ NĂM 2023\n1. Tiếp tục chỉ đạo sản xuất vụ Đông Xuân, hoàn thành trong tháng 3/2023.\n", "a.txt");
        assert!(d.directives.is_empty(), "{:?}", d.directives);
        // Its time limits are the document's.
        assert_eq!(d.deadlines.len(), 1, "{:?}", d.deadlines);
    }

    #[test]
    fn no_time_limit_before_the_documents_date() {
        let d = crate::parse_str("SỞ Y TẾ\nSố: 12/SYT-NV\nKhánh Hòa, ngày 12 tháng 6 năm 2024\nV/v phòng chống sốt xuất huyết\nKính gửi: Các đơn vị.\nTừ đầu năm 2024 đến ngày 09/6/2024, toàn tỉnh ghi nhận 1.126 ca mắc.\n1. Trung tâm Y tế các huyện báo cáo trước ngày 20/6/2024, tổng kết trong tháng 5/2024 và trong tháng 12/2024.\n", "a.txt");
        let mut all: Vec<_> = d
            .deadlines
            .iter()
            .map(|x| x.date.clone().or(x.period.clone()))
            .collect();
        all.extend(d.directives.iter().flat_map(|x| {
            x.deadlines
                .iter()
                .map(|x| x.date.clone().or(x.period.clone()))
        }));
        assert!(all.contains(&Some("2024-06-20".into())), "{all:?}");
        assert!(all.contains(&Some("2024-12".into())), "{all:?}");
        assert!(!all.contains(&Some("2024-06-09".into())), "{all:?}");
        assert!(!all.contains(&Some("2024-05".into())), "{all:?}");
    }

    #[test]
    fn a_plans_goals_without_a_year_take_the_year_of_its_subject() {
        let head = "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG ANH\nSố: 12/KH-UBND\nĐông Anh, ngày 2 tháng 1 năm 2026\nKẾ HOẠCH\nPhân loại rác tại nguồn năm 2026\n";
        let body = "I. MỤC TIÊU\n1. Phấn đấu 100% hộ gia đình phân loại rác.\n2. Đến năm 2030, 90% rác được tái chế.\n";
        let d = crate::parse_str(&format!("{head}{body}"), "a.txt");
        let years: Vec<_> = d.targets.iter().map(|t| (t.value, t.by_year)).collect();
        assert_eq!(years, [(100.0, Some(2026)), (90.0, Some(2030))]);
        // The same goals in a letter keep no year.
        let d = crate::parse_str(
            &format!(
                "{}{body}",
                head.replace("KH-UBND", "UBND-TNMT")
                    .replace("KẾ HOẠCH\n", "V/v ")
            ),
            "a.txt",
        );
        let years: Vec<_> = d.targets.iter().map(|t| (t.value, t.by_year)).collect();
        assert_eq!(years, [(100.0, None), (90.0, Some(2030))]);
    }
}

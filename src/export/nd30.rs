//! Records metadata (Nghị định 30/2020/NĐ-CP, Thông tư 02/2019/TT-BNV):
//! the fields a records system registers for a document, under their
//! Vietnamese names, filled from what the document itself states.

use crate::model::Document;

/// The fields, in the order records systems list them. The last ones are
/// known only to the records system (Mã hồ sơ, Số đến…): always empty in
/// an export from documents. Two additions at the end locate the file.
pub const ND30_FIELDS: &[&str] = &[
    "Số và ký hiệu văn bản",
    "Ngày, tháng, năm văn bản",
    "Tên loại văn bản",
    "Trích yếu nội dung",
    "Tác giả văn bản",
    "Người ký",
    "Chức vụ người ký",
    "Nơi nhận",
    "Số trang",
    "Ngôn ngữ",
    "Độ mật",
    "Mức độ khẩn",
    "Mã định danh văn bản",
    "Mã hồ sơ",
    "Số đến",
    "Ngày đến",
    "Ký hiệu thông tin",
    "Từ khóa",
    "Chế độ sử dụng",
    "Bút tích",
    "Tình trạng vật lý",
    "Đường dẫn tệp",
    "SHA-256",
];

/// `Số và ký hiệu`: the number as printed (`123/SGDĐT-VP`), or null when
/// the number is blank (a draft, a number stamped by the e-signature).
fn number(doc: &Document) -> Option<String> {
    doc.number.seq.as_ref()?;
    doc.number
        .raw
        .as_ref()
        .map(|r| r.split_whitespace().collect::<String>())
        .or_else(|| match (&doc.number.seq, &doc.number.symbol) {
            (Some(s), Some(y)) => Some(format!("{s}/{y}")),
            _ => None,
        })
}

/// `dd/mm/yyyy` when the day is printed, else what is known (`mm/yyyy`,
/// `yyyy`).
fn date(doc: &Document) -> Option<String> {
    let d = &doc.date;
    match (d.day, d.month, d.year) {
        (Some(day), Some(m), Some(y)) => Some(format!("{day:02}/{m:02}/{y}")),
        (None, Some(m), Some(y)) => Some(format!("{m:02}/{y}")),
        (_, _, Some(y)) => Some(y.to_string()),
        _ => None,
    }
}

/// The issuing body with its parent (`Sở Giáo dục và Đào tạo, Ủy ban nhân
/// dân Thành phố Hồ Chí Minh` is written parent last).
fn author(doc: &Document) -> Option<String> {
    match (&doc.issuer.name, &doc.issuer.parent) {
        (Some(n), Some(p)) => Some(format!("{n} - {p}")),
        (Some(n), None) => Some(n.clone()),
        (None, Some(p)) => Some(p.clone()),
        (None, None) => None,
    }
}

/// The signer's post with its authority (`KT. Giám đốc / Phó Giám đốc`).
fn post(doc: &Document) -> Option<String> {
    let s = &doc.signer;
    let title = s.title.clone()?;
    Some(match (&s.authority, &s.on_behalf_of) {
        (Some(a), Some(o)) => format!("{a} {o} / {title}"),
        _ => title,
    })
}

/// Recipients: the `Kính gửi` addressees and the `Nơi nhận` list (without
/// `Lưu`), one per line.
fn recipients(doc: &Document) -> Option<String> {
    let mut v: Vec<String> = doc.recipients.clone();
    for r in &doc.distribution {
        if !v.contains(&r.name) {
            v.push(r.name.clone());
        }
    }
    (!v.is_empty()).then(|| v.join("\n"))
}

/// One record: (field name, value) in [`ND30_FIELDS`] order, null where
/// the document does not say.
pub fn nd30_record(doc: &Document) -> Vec<(&'static str, Option<String>)> {
    let values: [Option<String>; 23] = [
        number(doc),
        date(doc),
        doc.doc_type.as_ref().map(|t| t.name.clone()),
        doc.subject.clone(),
        author(doc),
        doc.signer.name.clone(),
        post(doc),
        recipients(doc),
        None,
        Some("Tiếng Việt".into()),
        doc.secrecy.clone(),
        doc.urgency.clone(),
        doc.identifier.clone(),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        Some(doc.source.path.clone()),
        (!doc.source.sha256.is_empty()).then(|| doc.source.sha256.clone()),
    ];
    ND30_FIELDS.iter().copied().zip(values).collect()
}

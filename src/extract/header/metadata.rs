//! Portal-metadata fallbacks (`Số hiệu:`, `Người ký:`…) for fields the
//! document text lacks.

use super::*;

/// Fields the document text lacks, from a legal portal's metadata block.
pub(super) fn apply_metadata(zones: &Zones, doc: &mut Document) {
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

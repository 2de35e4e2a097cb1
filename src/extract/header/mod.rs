//! Header fields: type, issuer, number, place and date, subject, recipients,
//! signer, distribution, archive.
//!
//! Works on the zones found by [`crate::segment`]. Two-column headers that
//! text extraction flattened onto one line (`UBND THÀNH PHỐ HẢI PHÒNG CỘNG HOÀ
//! XÃ HỘI…`) are split by cutting out the motto; portal metadata
//! (`Số hiệu:`, `Người ký:`) fills fields the document text lacks.
//!
//! One module per field family: `number`, `place_date`, `title`
//! (type and subject), `issuer` (and parent), `recipients`, `signer`,
//! `distribution` (and archive), `metadata` (portal fallbacks).

use crate::codes;
use crate::extract::dates;
use crate::model::{DocDate, DocType, Document, Issuer, Number, Recipient, Signer};
use crate::segment::{self, lines, looks_like_name, Line, Zones, RE_AUTHORITY};
use crate::text::{capitalize_first, collapse_ws, fold, is_upper, key, title_case};
use crate::vocab::{self, UnitKind, AUTHORITIES, ISSUER_ABBREVIATIONS, NAME_UNITS};
use regex::Regex;
use std::sync::LazyLock;

mod distribution;
mod issuer;
mod metadata;
mod number;
mod place_date;
mod recipients;
mod signer;
mod title;

use distribution::*;
pub use issuer::*;
use metadata::*;
pub use number::*;
pub use place_date::*;
use recipients::*;
use signer::*;
pub use title::*;

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
    let top = &text[zones.start.min(text.len())..crate::text::floor_boundary(text, top_end)];
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
    // An invitation whose guests follow an opening paragraph (`GIẤY MỜI` ⏎
    // `Thực hiện …, Sở tổ chức Hội nghị …` ⏎ `Sở … trân trọng kính mời:`).
    if doc.recipients.is_empty() && doc.doc_type.as_ref().is_some_and(|t| t.code == "GM") {
        let near: Vec<Line> = ls
            .iter()
            .copied()
            .filter(|l| l.start >= zones.body.start)
            .take(12)
            .collect();
        if let Some(at) = near
            .iter()
            .position(|l| l.text.contains("mời") && segment::is_recipients_line(l.text))
        {
            // The list ends at the first blank line after it.
            let end = (at + 1..near.len())
                .find(|&i| near[i].text.trim().is_empty())
                .unwrap_or(near.len());
            doc.recipients = find_recipients(&near[at..end]);
        }
    }
    doc.signer = find_signer(&ls, zones);
    let (dist, archive) = find_distribution(&ls, zones);
    doc.distribution = dist;
    doc.archive = archive;
    apply_metadata(zones, doc);
    if doc.number.raw.is_none() {
        own_from_caption(text, doc);
    }
    if doc.number.raw.is_none()
        && doc.date.raw.is_none()
        && doc.doc_type.is_none()
        && doc.signer.name.is_none()
    {
        doc.warnings
            .push("no document header found (number, date, type, signer)".to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_page_titles_menus_and_records_above_the_header() {
        let d = parse("CỔNG THÔNG TIN ĐIỆN TỬ XÃ TAM ĐƯỜNG - TỈNH LAI CHÂU\nTrang chủ   Giới thiệu   Tin tức\nKế hoạch xây dựng nông thôn mới năm 2026\nSố ký hiệu: 35/KH-UBND    Ngày ban hành: 16/01/2026\n\nỦY BAN NHÂN DÂN XÃ TAM ĐƯỜNG\nSố: 35/KH-UBND\nTam Đường, ngày 16 tháng 01 năm 2026\nKẾ HOẠCH\nXây dựng nông thôn mới năm 2026\n");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Ủy ban nhân dân xã Tam Đường")
        );
        assert_eq!(d.issuer.parent, None);
        let d = parse("TUỔI TRẺ BẮC NINH - Cổng thông tin điện tử Tỉnh đoàn Bắc Ninh\nTRANG CHỦ   GIỚI THIỆU   TIN TỨC   VĂN BẢN\n\nBỘ Y TẾ\nSố: 7215/BYT-QLD\nHà Nội, ngày 16 tháng 12 năm 2025\nV/v cung ứng thuốc\n");
        assert_eq!(d.issuer.name.as_deref(), Some("Bộ Y tế"));
        assert_eq!(d.issuer.parent, None);
        // The site's name in capitals above its title line and a menu of
        // cells.
        let d = parse("ĐẢNG BỘ HUYỆN BÌNH XUYÊN\nTrang thông tin điện tử Huyện ủy Bình Xuyên - tỉnh Vĩnh Phúc\nTRANG CHỦ | GIỚI THIỆU | TIN TỨC - SỰ KIỆN | VĂN BẢN CHỈ ĐẠO | LIÊN HỆ\nTrang chủ » Văn bản chỉ đạo » Văn bản Huyện ủy\nLượt xem: 486\n\nHUYỆN ỦY BÌNH XUYÊN                          ĐẢNG CỘNG SẢN VIỆT NAM\n           *\n    Số 86-KH/HU                              Bình Xuyên, ngày 20 tháng 8 năm 2024\n\nKẾ HOẠCH\ntổ chức đại hội chi bộ\n\nNội dung.\n");
        assert_eq!(d.issuer.name.as_deref(), Some("Huyện ủy Bình Xuyên"));
        assert_eq!(d.issuer.parent, None);
    }

    #[test]
    fn an_invitations_guests_and_an_ocr_reading_of_kinh_gui() {
        let d = parse("TỈNH ỦY ĐẮK LẮK\nBAN TUYÊN GIÁO VÀ DÂN VẬN\nSố 118-GM/BTGDVTU\nĐắk Lắk, ngày 12 tháng 12 năm 2025\nGIẤY MỜI\nDự Hội nghị báo cáo viên Tỉnh ủy\n\nBan Tuyên giáo và Dân vận Tỉnh ủy trân trọng kính mời:\n- Các đồng chí báo cáo viên Tỉnh ủy;\n- Đại diện lãnh đạo Báo Đắk Lắk.\n\nThời gian: 7 giờ 30 phút, ngày 18/12/2025.\n");
        assert_eq!(
            d.recipients,
            vec![
                "Các đồng chí báo cáo viên Tỉnh ủy",
                "Đại diện lãnh đạo Báo Đắk Lắk"
            ]
        );
        assert_eq!(
            d.subject.as_deref(),
            Some("Dự Hội nghị báo cáo viên Tỉnh ủy")
        );
        let d = parse("UBND XÃ YÊN THÀNH\nSố: 12/UBND\nV/v rà soát nhà tạm\nKinh gùi:\n- Trưởng các thôn, xóm.\nNội dung.\n");
        assert_eq!(d.recipients, vec!["Trưởng các thôn, xóm"]);
    }

    #[test]
    fn a_body_under_one_of_the_same_name() {
        let d = parse("KIỂM TOÁN NHÀ NƯỚC\nKIỂM TOÁN NHÀ NƯỚC KHU VỰC IV\n-------\nSố: 68/KV IV-TH\nV/v cung cấp hồ sơ\n\nKính gửi: Sở Tài chính.\n\nNội dung.\n");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Kiểm toán nhà nước khu vực IV")
        );
        assert_eq!(d.issuer.parent.as_deref(), Some("Kiểm toán nhà nước"));
        assert_eq!(d.number.symbol.as_deref(), Some("KV IV-TH"));
        let d = parse("TỔNG LĐLĐ VIỆT NAM\nLĐLĐ THÀNH PHỐ ĐÀ NẴNG\nSố: 145/TB-LĐLĐ\nĐà Nẵng, ngày 22 tháng 12 năm 2025\nTHÔNG BÁO\nVề việc thử\n\nNội dung.\n");
        assert_eq!(d.issuer.name.as_deref(), Some("LĐLĐ thành phố Đà Nẵng"));
        assert_eq!(d.issuer.parent.as_deref(), Some("Tổng LĐLĐ Việt Nam"));
        // A symbol with blanks around its separators loses them.
        let d =
            parse("SỞ Y TẾ\nSố: 12 / SYT - VP\nV/v thử\n\nKính gửi: Các bệnh viện.\n\nNội dung.\n");
        assert_eq!(d.number.symbol.as_deref(), Some("SYT-VP"));
        // Inside a name a Roman-looking word is a word.
        assert_eq!(
            issuer::proper_case("CỤC QUẢN LÝ XỬ LÝ VI PHẠM HÀNH CHÍNH"),
            "Cục Quản lý xử lý vi phạm hành chính"
        );
    }

    #[test]
    fn signature_blocks_seen_in_old_and_scanned_letters() {
        // One person's two offices joined by a comma.
        let d = parse("VĂN PHÒNG CHÍNH PHỦ\nSố: 12/TB-VPCP\nHà Nội, ngày 1 tháng 6 năm 2016\nTHÔNG BÁO\nKết luận\nNội dung.\nNơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n(Đã ký)\nNguyễn Cao Sơn\n");
        assert_eq!(
            d.signer.on_behalf_of.as_deref(),
            Some("Bộ trưởng, Chủ nhiệm")
        );
        assert_eq!(d.signer.title.as_deref(), Some("Phó Chủ nhiệm"));
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Cao Sơn"));
        // A seal read over three lines between the post and the name; two
        // bodies on one line of the list; a page's running footer after it.
        let d = parse("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 42/SGDĐT\nV/v thử\nKính gửi: Các trường.\nNội dung.\nNơi nhận:\n- TT Huyện ủy; TT HĐND huyện;\n- Lưu: VT, VP; Q15.\n\n Sở Nội vụ tỉnh Hà Giang - Hướng dẫn số 08/HD-SNV\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(SỞ\nGIÁO DỤC VÀ\nĐÀO TẠO)\nTrương Thị Mỹ Hòa\n");
        assert_eq!(d.signer.title.as_deref(), Some("Phó Giám đốc"));
        assert_eq!(d.signer.name.as_deref(), Some("Trương Thị Mỹ Hòa"));
        let names: Vec<_> = d.distribution.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["TT Huyện ủy", "TT HĐND huyện"]);
        assert_eq!(d.archive, vec!["VT", "VP", "Q15"]);
        // `(Đã ký)` inside a flattened table cell.
        let d = parse("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1/BGDĐT-GDTrH\nV/v thử\nKính gửi: Các sở.\nNội dung.\n| Nơi nhận: - Như trên; - Lưu: VT, Vụ GDTrH. | KT. BỘ TRƯỞNG THỨ TRƯỞNG (Đã ký) Nguyễn Hữu Đạt |\n");
        assert_eq!(d.signer.authority.as_deref(), Some("KT."));
        assert_eq!(d.signer.title.as_deref(), Some("Thứ trưởng"));
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Hữu Đạt"));
        assert_eq!(d.archive, vec!["VT", "Vụ GDTrH"]);
    }

    #[test]
    fn an_invitations_guests_after_its_opening_paragraph() {
        let d = parse("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 42/GM-SGDĐT\nNinh Thuận, ngày 09 tháng 8 năm 2019\nGIẤY MỜI\nDự Hội nghị tổng kết năm học\n\nThực hiện Chỉ thị số 2268/CT-BGDĐT, Sở tổ chức Hội nghị tổng kết.\n\nSở Giáo dục và Đào tạo trân trọng kính mời:\n- Lãnh đạo UBND tỉnh;\n- Hiệu trưởng các trường THPT.\n\nThời gian: 7 giờ 30 phút, ngày 20/8/2019.\n");
        assert_eq!(
            d.recipients,
            vec!["Lãnh đạo UBND tỉnh", "Hiệu trưởng các trường THPT"]
        );
    }

    #[test]
    fn a_mass_organisation_motto_in_the_right_column() {
        assert_eq!(
            issuer::strip_motto("TỈNH ĐOÀN BẮC NINH                     ĐOÀN TNCS HỒ CHÍ MINH"),
            "TỈNH ĐOÀN BẮC NINH"
        );
        let d = parse("TỈNH ĐOÀN BẮC NINH                     ĐOÀN TNCS HỒ CHÍ MINH\n        ***\nSố: 215-KH/TĐTN-PT                  Bắc Ninh, ngày 20 tháng 01 năm 2026\n\nKẾ HOẠCH\nTổ chức Tháng Thanh niên năm 2026\n");
        assert_eq!(d.issuer.name.as_deref(), Some("Tỉnh Đoàn Bắc Ninh"));
        // Without a column gap the same words name the body.
        let t = "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH";
        assert_eq!(issuer::strip_motto(t), t);
    }

    #[test]
    fn numbered_addressees_and_items_wrapped_after_a_comma() {
        let d = parse("SỞ NỘI VỤ\nSố: 1/SNV-CCVC\nV/v thử\nKính gửi:\n1. Ủy ban nhân dân các phường, xã, đặc khu Côn Đảo;\n2. Các cơ quan chuyên môn thuộc Ủy ban nhân dân Thành phố.\n\nThực hiện Văn bản số 5512/BNV-CQĐP, Sở Nội vụ đề nghị:\n1. Ủy ban nhân dân các phường, xã rà soát.\n");
        assert_eq!(
            d.recipients,
            vec![
                "Ủy ban nhân dân các phường, xã, đặc khu Côn Đảo",
                "Các cơ quan chuyên môn thuộc Ủy ban nhân dân Thành phố"
            ]
        );
        assert_eq!(d.directives.len(), 1);
        let d = parse("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2/SGDĐT-VP\nV/v thử\nKính gửi:\n- Trưởng phòng Văn hóa - Xã hội các phường;\n- Hiệu trưởng các trường trung học phổ thông,\n  trường phổ thông nhiều cấp học;\n- Thủ trưởng các đơn vị trực thuộc Sở.\n\nSở đề nghị các đơn vị thực hiện.\n");
        assert_eq!(
            d.recipients,
            vec![
                "Trưởng phòng Văn hóa - Xã hội các phường",
                "Hiệu trưởng các trường trung học phổ thông, trường phổ thông nhiều cấp học",
                "Thủ trưởng các đơn vị trực thuộc Sở"
            ]
        );
        // A numbered paragraph after an inline addressee is the body.
        let d = parse("SỞ Y TẾ\nSố: 3/SYT-VP\nV/v thử\nKính gửi: Bộ Y tế.\n1. Sở Y tế báo cáo tình hình như sau.\n");
        assert_eq!(d.recipients, vec!["Bộ Y tế"]);
    }

    #[test]
    fn anchors_as_ocr_reads_them() {
        let d = parse("SỞ Y TẾ\nSố: 1/SYT-NVY\nV/v thử\nKính gừi:\n- Trung tâm Y tế các huyện;\n- Bệnh viện đa khoa tỉnh.\n\nSở đề nghị các đơn vị thực hiện.\nNơi nhân:\n- Như trên;\n- Luu: VT, NVY.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐỗ Thái Hòa\n");
        assert_eq!(
            d.recipients,
            vec!["Trung tâm Y tế các huyện", "Bệnh viện đa khoa tỉnh"]
        );
        let names: Vec<_> = d.distribution.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Như trên"]);
        assert_eq!(d.archive, vec!["VT", "NVY"]);
        assert_eq!(d.signer.name.as_deref(), Some("Đỗ Thái Hòa"));
        // `S6` for `Số` without its colon, before digits; the number is no
        // citation and the line no issuer.
        let d = parse("TỈNH ỦY GIA LAI ĐẢNG CỘNG SẢN VIỆT NAM\nỦY BAN KIỂM TRA\n* Pleiku, ngày 21 tháng 8 năm 2023\nS6 412-TB/UBKTTU\n\nTHÔNG BÁO\nkết quả kỳ họp\n-----\n\nCăn cứ Quy định số 22-QĐ/TW, Ủy ban thông báo.\n");
        assert_eq!(d.number.raw.as_deref(), Some("412-TB/UBKTTU"));
        assert_eq!(d.issuer.name.as_deref(), Some("Ủy ban Kiểm tra"));
        assert_eq!(d.issuer.parent.as_deref(), Some("Tỉnh ủy Gia Lai"));
        assert_eq!(d.references.len(), 1);
        // `So sánh` is no number line.
        assert!(crate::segment::is_number_line("S6 12/UBND"));
        assert!(!crate::segment::is_number_line("So sánh 12/UBND"));
    }

    #[test]
    fn a_head_that_qualifies_the_kind_stays_out_of_the_subject() {
        let d = parse("TỈNH ỦY NGHỆ AN\nSố 15-CTr/TU\nNghệ An, ngày 05 tháng 9 năm 2025\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\ncủa Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 66-NQ/TW\n-----\n\nNội dung.\n");
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("CTr"));
        assert_eq!(
            d.subject.as_deref(),
            Some("của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 66-NQ/TW")
        );
        // A head that is a kind of its own stays: the notice of a conclusion.
        let d = parse("VĂN PHÒNG TRUNG ƯƠNG ĐẢNG\nSố 432-TB/VPTW\nHà Nội, ngày 05 tháng 9 năm 2025\n\nTHÔNG BÁO KẾT LUẬN\ncủa đồng chí Tổng Bí thư tại buổi làm việc\n-----\n\nNội dung.\n");
        assert!(
            d.subject
                .as_deref()
                .is_some_and(|s| s.to_lowercase().starts_with("kết luận của")),
            "{:?}",
            d.subject
        );
    }

    #[test]
    fn an_addressee_without_its_purpose() {
        let d = parse("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2/SGDĐT-VP\nV/v thử\nKính gửi:\n- Ủy ban nhân dân các xã, phường (để chỉ đạo);\n- Các trường THPT.\n\nSở đề nghị các đơn vị thực hiện.\nNơi nhận:\n- UBND các xã (theo danh sách);\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A\n");
        assert_eq!(
            d.recipients,
            vec!["Ủy ban nhân dân các xã, phường", "Các trường THPT"]
        );
        assert_eq!(d.distribution[0].name, "UBND các xã");
        assert_eq!(d.distribution[0].note.as_deref(), Some("theo danh sách"));
    }

    #[test]
    fn a_flattened_cell_holding_the_committee_and_its_body() {
        let d = parse("| ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG **VĂN PHÒNG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n|---|---|\n| Số: 5839/VP-KT | Tuyên Quang, ngày 12 tháng 11 năm 2025 |\n\nKính gửi: Các sở.\nNội dung.\n");
        assert_eq!(d.issuer.name.as_deref(), Some("Văn phòng"));
        assert_eq!(
            d.issuer.parent.as_deref(),
            Some("Ủy ban nhân dân tỉnh Tuyên Quang")
        );
        // A body whose name goes on after the place stays whole.
        let d = parse("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH TUYÊN QUANG\nSố: 1/SGDĐT-VP\nV/v thử\nKính gửi: Các trường.\nNội dung.\n");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Sở Giáo dục và Đào tạo tỉnh Tuyên Quang")
        );
    }

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
        for (sig, prefix, name) in [
            (
                "HIỆU TRƯỞNG\n\nPGS.TS. Nguyễn Văn Minh",
                Some("PGS.TS."),
                "Nguyễn Văn Minh",
            ),
            (
                "CHỈ HUY TRƯỞNG\n\nĐại tá Nguyễn Văn Hải",
                Some("Đại tá"),
                "Nguyễn Văn Hải",
            ),
            ("GIÁM ĐỐC\n\nTS. TRẦN VĂN NAM", Some("TS."), "Trần Văn Nam"),
            (
                "GIÁM ĐỐC\n\nBSCKII. Nguyễn Văn Thắng",
                Some("BSCKII."),
                "Nguyễn Văn Thắng",
            ),
            ("GIÁM ĐỐC\n\nTrần Văn Nam", None, "Trần Văn Nam"),
        ] {
            let d = parse(&format!("SỞ Y TẾ\nSố: 12/TB-SYT\nA, ngày 12 tháng 3 năm 2024\n\nTHÔNG BÁO\nVề việc nghỉ lễ\n\nSở Y tế thông báo.\n\nNơi nhận:\n- Lưu: VT.\n{sig}\n"));
            assert_eq!(d.signer.name.as_deref(), Some(name), "{sig}");
            assert_eq!(d.signer.name_prefix.as_deref(), prefix, "{sig}");
            assert!(d.signer.title.is_some(), "{sig}");
        }
    }

    #[test]
    fn posts_that_start_with_tong() {
        for (sig, of, title) in [
            (
                "KT. TỔNG GIÁM ĐỐC\nPHÓ TỔNG GIÁM ĐỐC\nLê Đình Thuận",
                Some("Tổng Giám đốc"),
                "Phó Tổng Giám đốc",
            ),
            ("TỔNG GIÁM ĐỐC\nLê Đình Thuận", None, "Tổng Giám đốc"),
            (
                "KT. TỔNG CỤC TRƯỞNG\nPHÓ TỔNG CỤC TRƯỞNG\nLê Đình Thuận",
                Some("Tổng cục trưởng"),
                "Phó Tổng cục trưởng",
            ),
        ] {
            let d = parse(&format!("BẢO HIỂM XÃ HỘI VIỆT NAM\nSố: 1/BHXH-VP\nV/v thử\nNội dung.\nNơi nhận:\n- LƯU: VT, QLTM.\n{sig}\n"));
            assert_eq!(d.signer.on_behalf_of.as_deref(), of, "{sig}");
            assert_eq!(d.signer.title.as_deref(), Some(title), "{sig}");
            assert_eq!(d.signer.name.as_deref(), Some("Lê Đình Thuận"), "{sig}");
            assert_eq!(d.archive, vec!["VT", "QLTM"], "{sig}");
        }
    }

    #[test]
    fn the_country_named_in_a_subject_is_no_motto() {
        let d = parse("UBND TỈNH THÁI NGUYÊN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ TƯ PHÁP                           Độc lập - Tự do - Hạnh phúc\nSố: 1567/STP-PBGDPL\nV/v hưởng ứng Ngày Pháp luật nước\nCộng hòa xã hội chủ nghĩa Việt Nam năm 2025\n\nKính gửi: Các sở.\nNội dung.\n");
        assert_eq!(
            d.subject.as_deref(),
            Some("hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2025")
        );
        assert_eq!(d.issuer.name.as_deref(), Some("Sở Tư pháp"));
    }

    #[test]
    fn a_title_on_two_lines_before_the_name() {
        let d = parse("CỤC THUẾ\nSố: 12/TB-CT\nA, ngày 12 tháng 3 năm 2024\n\nTHÔNG BÁO\nVề việc nộp thuế\n\nCục Thuế thông báo.\n\nNơi nhận:\n- Lưu: VT.\nTL. CỤC TRƯỞNG\nTRƯỞNG PHÒNG TUYÊN TRUYỀN - HỖ TRỢ\nNGƯỜI NỘP THUẾ\n\nLê Thị Thu Hà\n");
        assert_eq!(d.signer.name.as_deref(), Some("Lê Thị Thu Hà"));
        assert!(d
            .signer
            .title
            .as_deref()
            .is_some_and(|t| t.to_lowercase().ends_with("người nộp thuế")));
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
        // A post that names its unit: the unit's name follows.
        assert_eq!(
            proper_case("TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ"),
            "Trưởng phòng Tổ chức cán bộ"
        );
        assert_eq!(
            proper_case("TRƯỞNG PHÒNG TUYÊN TRUYỀN - HỖ TRỢ NGƯỜI NỘP THUẾ"),
            "Trưởng phòng Tuyên truyền - Hỗ trợ người nộp thuế"
        );
        assert_eq!(
            proper_case("TRƯỞNG BAN TUYÊN GIÁO"),
            "Trưởng ban Tuyên giáo"
        );
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
    fn a_paragraph_on_one_line_right_under_the_subject_is_body() {
        let para = "Năm 2016 là năm đầu thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng và năm thứ hai thi hành Luật Tổ chức Viện kiểm sát nhân dân số 63/2014/QH13 ngày 24/11/2014, toàn ngành tập trung thực hiện tốt các nhiệm vụ sau:";
        let d = parse(&format!("VIỆN KIỂM SÁT NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 01/CT-VKS\nBình Định, ngày 12 tháng 01 năm 2016\nCHỈ THỊ\nVề công tác năm 2016 của ngành Kiểm sát nhân dân\ntỉnh Bình Định\n{para}\n1. Các đơn vị thực hiện.\n"));
        assert_eq!(
            d.subject.as_deref(),
            Some("Về công tác năm 2016 của ngành Kiểm sát nhân dân tỉnh Bình Định")
        );
        let d = parse(&format!("SỞ TÀI CHÍNH\nSố: 12/STC-NS\nQuảng Ninh, ngày 05 tháng 3 năm 2016\nV/v quyết toán năm 2016\n{para}\n"));
        assert_eq!(d.subject.as_deref(), Some("quyết toán năm 2016"));
    }

    #[test]
    fn a_bodys_two_lines_with_the_motto_between() {
        let d = parse("ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐẮK NÔNG\nĐộc lập - Tự do - Hạnh phúc\nSố: 25/2015/QĐ-UBND\nĐắk Nông, ngày 18 tháng 9 năm 2015\nQUYẾT ĐỊNH\nVề việc thử\n");
        assert_eq!(
            d.issuer.name.as_deref(),
            Some("Ủy ban nhân dân tỉnh Đắk Nông")
        );
        assert_eq!(d.issuer.parent, None);
        // A parent and its body laid out so stay two.
        let d = parse("UBND THÀNH PHỐ ĐÀ NẴNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nĐộc lập - Tự do - Hạnh phúc\nSố: 1906/SGDĐT-CTTT\nĐà Nẵng, ngày 26 tháng 7 năm 2020\nV/v thử\n");
        assert_eq!(d.issuer.name.as_deref(), Some("Sở Giáo dục và Đào tạo"));
        assert!(d.issuer.parent.is_some());
    }

    #[test]
    fn a_motto_that_ocr_read_without_its_tones() {
        let d = parse("ĐẢNG BỘ TỈNH AN GIANG ĐẢNG CÔNG SẢN VIỆT NAM\nĐẢNG BỘ XÃ MỸ HÒA HƯNG\nSố: 01-NQ/ĐH\nMỹ Hòa Hưng, ngày 20 tháng 7 năm 2025\nNGHỊ QUYẾT\nĐại hội\n");
        assert_eq!(d.issuer.parent.as_deref(), Some("Đảng bộ tỉnh An Giang"));
        assert_eq!(d.issuer.name.as_deref(), Some("Đảng bộ xã Mỹ Hòa Hưng"));
    }

    #[test]
    fn a_letter_whose_symbol_starts_like_a_kind() {
        // `CT` is the Cục Thuế's abbreviation here: the `V/v` line makes it a
        // letter.
        let d = parse("CỤC THUẾ TỈNH AN GIANG\nSố: 512/CT-CS\nAn Giang, ngày 5 tháng 4 năm 2016\nV/v chính sách thuế\nKính gửi: Công ty A.\nNội dung.\n");
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("CV"));
        let d = parse("ỦY BAN NHÂN DÂN TỈNH A\nSố: 12/CT-UBND\nA, ngày 5 tháng 4 năm 2016\nVề tăng cường an toàn\nNội dung.\n");
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("CT"));
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

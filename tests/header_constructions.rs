//! Header constructions met on real documents, each with a snippet of our
//! own: the subject under a compound title, a `VỀ VIỆC` inside the title
//! line of a plan, and the `Lưu` / `Nơi nhận` entries with their
//! parentheses.

use congvan::parse_str;

#[test]
fn subject_whose_head_word_is_on_the_title_line() {
    let d = parse_str(
        "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG\n*\nSố 51-TB/VPTW\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 3 tháng 12 năm 2025\n\n\
         THÔNG BÁO KẾT LUẬN\nCỦA ĐỒNG CHÍ THƯỜNG TRỰC BAN BÍ THƯ\nTẠI BUỔI LÀM VIỆC VỚI TỈNH ỦY QUẢNG TRỊ\n-----\n\
         Ngày 1/12/2025, đồng chí Thường trực Ban Bí thư đã làm việc với Tỉnh ủy.\n",
        "tb.txt",
    );
    assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("TB"));
    assert_eq!(
        d.subject.as_deref(),
        Some(
            "KẾT LUẬN CỦA ĐỒNG CHÍ THƯỜNG TRỰC BAN BÍ THƯ TẠI BUỔI LÀM VIỆC VỚI TỈNH ỦY QUẢNG TRỊ"
        )
    );
}

#[test]
fn a_ve_viec_inside_the_title_line_stays_in_the_subject() {
    let d = parse_str(
        "BAN CHỈ ĐẠO TỈNH\n\nSố: 12/KH-BCĐ\nNam Định, ngày 5 tháng 3 năm 2014\n\nKẾ HOẠCH\n\
         TRIỂN KHAI QUYẾT ĐỊNH SỐ 99/QĐ-TTG NGÀY 2 THÁNG 1 NĂM 2014 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN BẢO TỒN\n\n\
         I. MỤC ĐÍCH\nBảo đảm tiến độ.\n",
        "kh.txt",
    );
    assert_eq!(
        d.subject.as_deref(),
        Some("TRIỂN KHAI QUYẾT ĐỊNH SỐ 99/QĐ-TTG NGÀY 2 THÁNG 1 NĂM 2014 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN BẢO TỒN")
    );
    // After a number on the same line, `V/v` opens the subject.
    let d = parse_str(
        "SỞ NỘI VỤ\n\nSố: 77/SNV-TCBC V/v tuyển dụng viên chức\nHuế, ngày 2 tháng 3 năm 2025\n\nKính gửi: Các sở, ban, ngành.\n\nSở Nội vụ đề nghị các đơn vị báo cáo.\n",
        "cv.txt",
    );
    assert_eq!(d.subject.as_deref(), Some("tuyển dụng viên chức"));
}

#[test]
fn archive_and_distribution_parentheses() {
    let d = parse_str(
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nSố: 15/UBND-KT\nV/v báo cáo\nAn Giang, ngày 2 tháng 3 năm 2025\n\n\
         Kính gửi: Sở Tài chính.\n\nỦy ban nhân dân tỉnh đề nghị Sở Tài chính báo cáo.\n\n\
         Nơi nhận:\n- Như trên;\n- Bộ Tài chính (03);\n- Bộ Tư pháp (Cục Kiểm tra văn bản);\n- Bộ Công an (Cục A03 - để b/c);\n\
         - Lưu: VT, KT (02), (TH/KN). Thg.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n",
        "cv2.txt",
    );
    let names: Vec<&str> = d.distribution.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["Như trên", "Bộ Tài chính", "Bộ Tư pháp", "Bộ Công an"]
    );
    assert_eq!(
        d.distribution[2].note.as_deref(),
        Some("Cục Kiểm tra văn bản")
    );
    assert_eq!(d.distribution[3].note.as_deref(), Some("để b/c"));
    assert_eq!(d.archive, ["VT", "KT (02)", "TH/KN", "Thg"]);
}

#[test]
fn a_lost_header_is_read_back_from_the_annex_caption() {
    // A portal page kept from `Kính gửi` on: the number, date and type are
    // only in the caption of the annex, which is not a citation.
    let d = parse_str(
        "Kính gửi: Các trường đại học trực thuộc Bộ\n\n\
         Thực hiện Chỉ thị số 31/CT-TTg ngày 04/9/2024 của Thủ tướng Chính phủ, Bộ đề nghị các trường báo cáo.\n\n\
         PHỤ LỤC\n\n*(Kèm theo Công văn số 812/BGDĐT-GDĐH ngày 5/3/2025 của Bộ Giáo dục\nvà Đào tạo)*\n\n| STT | Trường |\n| 1 | Trường A |\n",
        "cv3.txt",
    );
    assert_eq!(d.number.raw.as_deref(), Some("812/BGDĐT-GDĐH"));
    assert_eq!(d.number.seq.as_deref(), Some("812"));
    assert_eq!(
        (d.date.year, d.date.month, d.date.day),
        (Some(2025), Some(3), Some(5))
    );
    assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("CV"));
    let codes: Vec<_> = d
        .references
        .iter()
        .filter_map(|r| r.code.as_deref())
        .collect();
    assert_eq!(codes, ["31/CT-TTg"]);
    // A caption inside a sentence is a citation, not the document itself.
    let d = parse_str(
        "Kính gửi: Các sở.\n\nĐề nghị thực hiện theo biểu mẫu (kèm theo Công văn số 77/SNV-TCBC ngày 2/3/2025 của Sở Nội vụ).\n",
        "cv4.txt",
    );
    assert_eq!(d.number.raw, None);
}

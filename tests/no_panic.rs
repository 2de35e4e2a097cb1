//! Property tests: parsing never panics, whatever the input.
use proptest::prelude::*;

/// Pieces of real documents, so that generated strings reach deep into the
/// extractors (headers, numbers, dates, references, signature blocks).
const PIECES: &[&str] = &[
    "ỦY BAN NHÂN DÂN\n",
    "UBND TỈNH NGHỆ AN\n",
    "ĐẢNG CỘNG SẢN VIỆT NAM\n",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
    "Số: ",
    "Số ",
    "12-KH/TU",
    "/VP-VX",
    "279-\n\nCV/VPĐU",
    "02/2025/TT-BGDĐT",
    "Hà Nội, ngày ",
    " tháng ",
    " năm 2025",
    "V/v ",
    "Về việc ",
    "QUYẾT ĐỊNH\n",
    "Kính gửi:",
    "\n- ",
    ";\n",
    "Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về ",
    "Căn cứ ",
    "Thực hiện ",
    "Nghị quyết 71",
    "Điều 1. ",
    "\n1. ",
    "\na) ",
    "tối thiểu 80%",
    "≥ 7%",
    "trên 0,82",
    "trước ngày 15/11/2025",
    "Quý I/2026",
    "./.\n",
    "Nơi nhận:\n",
    "- Lưu: VT, VP.\n",
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n",
    "T/M BAN THƯỜNG VỤ\n",
    "Nguyễn Văn An\n",
    "**",
    "| ",
    "\n\n",
    " ",
    "(",
    ")",
    "ố",
    "\u{301}",
    "\u{a0}",
    "Ð",
    "Luật ",
    "Luật sửa đổi, bổ sung một số điều của Luật ",
    " và Luật ",
    "Thực hiện dân chủ ở cơ sở",
    "Chương I\n",
    "Điều 2. ",
    "GIẤY MỜI\n",
    "Giám đốc các Sở: ",
    "Chánh Văn phòng ",
    "triệu đồng/người/năm",
    ", Ủy ban nhân dân huyện ",
    "Bệnh viện ",
    "\u{2013}",
    "\u{ad}",
    "\u{85}",
    "\u{2212}",
    "\u{3000}",
];

fn doc_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[0-9/.\\-]{1,6}",
            1 => "\\PC{0,12}",
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    // 400 cases in CI; `PROPTEST_CASES=100000` for a long run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn parse_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = congvan::parse_bytes(&bytes, "fuzz.txt");
    }

    #[test]
    fn parse_str_never_panics_on_any_string(s in "\\PC{0,400}") {
        let doc = congvan::parse_str(&s, "fuzz.txt");
        prop_assert_eq!(doc.schema.as_str(), "congvan/1");
    }

    #[test]
    fn parse_str_never_panics_on_document_like_text(s in doc_like()) {
        let doc = congvan::parse_str(&s, "fuzz.txt");
        // Spans always cut valid text out of the normalized input.
        let text = congvan::normalize::normalize(&s);
        for r in &doc.references {
            prop_assert!(r.span.start <= r.span.end && r.span.end <= text.len());
            prop_assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        }
    }
}

//! Time and quantity words: deadline cues and recurring periods,
//! comparison words, units of a count, norm cues, number words and the
//! openers of sentences that report a state rather than set a target.

/// Words just before a time expression that make it a deadline
/// (`trước ngày 15/11/2025`, `trong Quý I/2026`). Lower case, longest first.
pub const DEADLINE_CUES: &[&str] = &[
    "chậm nhất là vào",
    "chậm nhất vào",
    "chậm nhất là",
    "chậm nhất",
    "muộn nhất là",
    "muộn nhất",
    "không muộn hơn",
    "hạn chót",
    "thời hạn",
    "hạn",
    "hoàn thành trước",
    "hoàn thành trong",
    "hoàn thành",
    "xong trước",
    "xong trong",
    "xong",
    "trước",
    "trong",
    "đến hết",
    "thời gian thực hiện",
    "thời gian hoàn thành",
    "thời gian",
    "tiến độ",
];

/// Words for recurring or open-ended deadlines and the period value they
/// give (only read in a deadline context such as `Thời gian: thường xuyên`).
pub const RECURRING_PERIODS: &[(&str, &str)] = &[
    ("hằng năm", "hằng năm"),
    ("hàng năm", "hằng năm"),
    ("hằng quý", "hằng quý"),
    ("hàng quý", "hằng quý"),
    ("hằng tháng", "hằng tháng"),
    ("hàng tháng", "hằng tháng"),
    ("hằng tuần", "hằng tuần"),
    ("hàng tuần", "hằng tuần"),
    ("thường xuyên", "thường xuyên"),
];

/// Comparison words before a quantity and the `cmp` they give. Lower case,
/// longest first.
pub const CMP_WORDS: &[(&str, &str)] = &[
    ("không thấp hơn", ">="),
    ("không vượt quá", "<="),
    ("không dưới", ">="),
    ("không quá", "<="),
    ("tối thiểu", ">="),
    ("ít nhất", ">="),
    ("tối đa", "<="),
    ("nhiều hơn", ">"),
    ("cao hơn", ">"),
    ("thấp hơn", "<"),
    ("vượt mức", ">"),
    ("vượt", ">"),
    ("trên", ">"),
    ("hơn", ">"),
    ("dưới", "<"),
    ("đủ", ">="),
    ("≥", ">="),
    (">=", ">="),
    ("≤", "<="),
    ("<=", "<="),
    (">", ">"),
    ("<", "<"),
    // As OCR reads them without their tones.
    ("toi thieu", ">="),
    ("it nhat", ">="),
    ("toi da", "<="),
    ("khong qua", "<="),
    ("tren", ">"),
    ("duoi", "<"),
];

/// Words that may stand between a comparison word and its number
/// (`tối đa bằng 40%`, `tối thiểu đạt 80%`).
pub const CMP_FILLERS: &[&str] = &["bằng", "là", "đạt", "ở mức", "cho"];

/// Words after a quantity that turn it into a lower bound (`80% trở lên`).
pub const CMP_AFTER: &[(&str, &str)] = &[
    ("trở lên", ">="),
    ("trở xuống", "<="),
    // As OCR reads them without their tones.
    ("tro lên", ">="),
    ("tro len", ">="),
];

/// Rank words: `tốp 10`, `top 5` → value with `<=`.
pub const RANK_WORDS: &[&str] = &["tốp", "top"];

/// Units written after a count (longest first within a shared prefix); a
/// count without one of these takes its next word as the unit.
pub const TARGET_UNITS: &[&str] = &[
    "nghìn tỷ đồng",
    "tỷ đồng",
    "triệu đồng",
    "nghìn đồng",
    "đồng",
    "tỷ USD",
    "triệu USD",
    "USD",
    "phòng học",
    "khách hàng",
    "phụ nữ",
    "bé gái",
    "bé trai",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "dự án",
    "doanh nghiệp",
    "cơ sở",
    "trường",
    "lớp",
    "nhà đa năng",
    "căn hộ",
    "câu lạc bộ",
    "sản phẩm",
    "mô hình",
    "giường bệnh",
    "bác sĩ",
    "thuê bao",
    "điểm",
    "người",
    "lao động",
    "hộ",
    "km",
    "ha",
    "giờ",
    "ngày",
    "lần",
    "trạm",
    "xã",
    "huyện",
    "đơn vị",
    "tiết",
    "buổi",
    "công trình",
    "m3",
    "tấn",
    "MW",
    "Gbps",
    "Mbps",
];

/// Units of measure (the last word of a unit): the unit ends there, no
/// noun phrase goes on after it (`3,5 km đường giao thông` → `km`,
/// `1,2 tỷ USD vốn đầu tư` → `tỷ USD`), unlike a counted noun (`2 dự án
/// thí điểm`). Money (`đồng`) is one too.
pub const MEASURE_UNITS: &[&str] = &[
    "đồng", "USD", "km", "ha", "m2", "m3", "km2", "tấn", "MW", "Gbps", "Mbps", "kWh", "phút",
    "tháng",
];

/// Words of a clause that sets a rate as a goal (`tăng trưởng bình quân
/// đạt 4,5%/năm`); without one a rate per year is set, not reached (an
/// interest rate, `giảm từ 6,6%/năm xuống 6,24%/năm`). Lowercase.
pub const RATE_GOAL_WORDS: &[&str] = &["đạt", "bình quân", "tăng trưởng"];

/// Units that make a number an age (`trẻ dưới 1 tuổi`): it says who is
/// counted, it is no quantity to reach.
pub const AGE_WORDS: &[&str] = &["tuổi", "tháng tuổi"];

/// Words that end a unit-less count's unit guess: function words that
/// cannot be a unit.
pub const NOT_UNITS: &[&str] = &[
    "và", "các", "của", "cho", "trở", "với", "là", "đến", "trong", "tại", "từ", "theo", "để", "so",
    "được", "đã", "trên", "dưới", "hoặc", "thì", "mà",
];

/// Words of a sentence that sets a legal norm rather than a goal: support
/// levels, fees, fines, allowances, processing times (`mức hỗ trợ
/// 2.000.000 đồng/người/tháng`, `phạt tiền từ …`, `thời hạn giải quyết 10
/// ngày làm việc`). Quantities in such a sentence are norms. Lower case.
pub const NORM_CUES: &[&str] = &[
    "mức hỗ trợ",
    "mức chi",
    "mức trợ cấp",
    "mức phụ cấp",
    "mức phạt",
    "phạt tiền",
    "phạt cảnh cáo",
    "lệ phí",
    "mức thu",
    "mức phí",
    "mức đóng",
    "mức lương",
    "mức thưởng",
    "mức khen thưởng",
    "mức bồi thường",
    "định mức",
    "tỷ lệ phí",
    "tỉ lệ phí",
    "đơn giá",
    "thời hạn giải quyết",
    "thời hạn xử lý",
    "thuế suất",
    "mức vay",
    "mức cho vay",
    "diện tích sử dụng",
];

/// Norm cues that hold only when the amount follows them (`được hưởng 70%
/// lương`, `được cấp 02 bộ`): `100% hồ sơ được cấp phát` is a goal.
pub const NORM_CUES_BEFORE_AMOUNT: &[&str] = &[
    "được cấp",
    "được hưởng",
    "được hỗ trợ",
    "được đăng ký",
    "được vay",
];

/// Units of a quantity that is a norm whatever the sentence (a schedule or
/// a duration: `9 buổi/tuần`, `7 tiết`, `10 ngày làm việc`; money per
/// month or year is a goal unless the sentence names a norm, as in
/// `thu nhập đạt 75 triệu đồng/người/năm`). A unit ending with one of
/// these, lower case.
pub const NORM_UNIT_ENDS: &[&str] = &[
    "/ngày",
    "/tuần",
    "/giờ",
    "/buổi",
    "ngày làm việc",
    "tiết",
    "tiết học",
    "phút",
    "giờ",
];

/// Number words read as counts after a comparison word (`ít nhất một sự
/// kiện`); `năm` (five / year) is left out.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("một", 1.0),
    ("hai", 2.0),
    ("ba", 3.0),
    ("bốn", 4.0),
    ("sáu", 6.0),
    ("bảy", 7.0),
    ("tám", 8.0),
    ("chín", 9.0),
    ("mười", 10.0),
];

/// Words that end the unit noun phrase after a count (`2 dự án trong các
/// khu`, `01 sự kiện, hoạt động`, `450 doanh nghiệp đang hoạt động`).
/// Lower case.
pub const UNIT_STOPS: &[&str] = &[
    "trong", "cho", "để", "có", "được", "tại", "của", "và", "với", "theo", "từ", "đến", "ở",
    "trên", "dưới", "nhằm", "hoặc", "là", "thuộc", "mỗi", "này", "đó", "đạt", "đưa", "vào", "phục",
    "gồm", "bao", "trở", "so", "như", "khi", "nếu", "thì", "mà", "về", "hằng", "hàng", "kể",
    "đang", "đã", "sẽ", "do", "bởi", "gắn", "tham",
];

/// Kinds of document that propose rather than direct (`Tờ trình`): their
/// items are directives only when they name who is to act. By kind code.
pub const PROPOSAL_KINDS: &[&str] = &["TTr"];

/// Kinds of document that report (`Báo cáo`): their numbered parts and
/// items (`I. KẾT QUẢ …`, `II. PHƯƠNG HƯỚNG, NHIỆM VỤ` ⏎ `1. Tiếp tục …`)
/// are what was done and the issuer's own tasks, no directives. By kind
/// code.
pub const REPORT_KINDS: &[&str] = &["BC"];

/// Kinds of document that lay down rules (legal normative documents):
/// every quantity they state is a norm (`Hỗ trợ 70% học phí`, `không quá
/// 36 tháng`, `tối đa 90 m2`), none a goal. By kind name: a Party
/// `Thông tri` shares the code `TT` with a `Thông tư` (`09-TT/TU`) and
/// sets goals.
pub const NORMATIVE_KINDS: &[&str] = &[
    "Nghị định",
    "Thông tư",
    "Thông tư liên tịch",
    "Luật",
    "Pháp lệnh",
];

/// How the subject of a document that lays down rules starts, whatever its
/// kind (`Nghị quyết` … `Quy định mức hỗ trợ học phí …`). Lowercase.
pub const NORMATIVE_SUBJECTS: &[&str] = &["quy định"];

/// Words of a heading over the goals themselves (`2. Mục tiêu cụ thể`,
/// `Các chỉ tiêu chủ yếu năm 2026`): under it a count reached
/// ([`REACH_WORDS`]) is a goal without a comparison word. Lowercase; each
/// is one of [`GOAL_HEADING_WORDS`].
pub const AIM_HEADING_WORDS: &[&str] = &["mục tiêu", "chỉ tiêu"];

/// Words just before a count that say it is to be reached (`đạt 75.000
/// tỷ đồng`, `Đón 16 triệu lượt khách`, `thu hút 1,2 tỷ USD`, `cứng hóa
/// thêm 3,5 km`): a goal (`=`) under a heading over goals or in a sentence
/// with `phấn đấu`. Lowercase.
pub const REACH_WORDS: &[&str] = &["đạt", "đón", "thu hút", "thêm"];

/// Kinds of document whose subject's year is the horizon of their goals
/// (`Kế hoạch … năm 2026`, `Nghị quyết về … năm 2026`, `… giai đoạn
/// 2026 - 2030`): a target with no year of its own, in its sentence or
/// its headings, has that one. A letter (`Công văn … năm 2025`) or a
/// notice names the year of an event or a campaign, not a horizon, and a
/// report's year is the one it looks back on. By kind code.
pub const PLAN_KINDS: &[&str] = &["KH", "CTr", "ĐA", "PA", "NQ", "CT", "QĐ", "TTr"];

/// Words in a subject that make its year the date of a term, a school
/// year or a festival rather than a horizon (`nhiệm kỳ 2025 - 2030`,
/// `năm học 2025 - 2026`, `dịp Tết Nguyên đán … năm 2026`). Lowercase.
pub const NOT_HORIZON_SUBJECTS: &[&str] = &["nhiệm kỳ", "năm học", "tết", "dịp", "khóa"];

/// Words that make the text before a count no verb phrase opening a goal:
/// the count is a date's, an item's, a rank's or an order's (`Năm 2026`,
/// `Lần 2`, `Giai đoạn 1`). Lowercase.
pub const NOT_LEAD_WORDS: &[&str] = &[
    "năm", "tháng", "quý", "ngày", "lần", "giai", "đoạn", "số", "thứ", "điều", "khoản", "mục",
    "phần", "chương", "bước", "đợt", "khóa", "lớp", "tốp", "top", "hạng",
];

/// Words that multiply the number before the unit (`1,5 triệu lượt`):
/// written as the start of the unit, the value kept as written. After a
/// slash they take the word they multiply (`bác sĩ/vạn dân`).
pub const MULTIPLIERS: &[&str] = &["nghìn", "ngàn", "vạn", "triệu", "tỷ"];

/// Words of a heading over what was done (`I. KẾT QUẢ THỰC HIỆN NĂM 2023`,
/// `Đánh giá chung`, `3. Hạn chế`): the numbers under it report, they set
/// no goal — unless the heading also names goals ([`GOAL_HEADING_WORDS`]).
/// Lowercase.
pub const STATUS_HEADING_WORDS: &[&str] = &[
    "kết quả",
    "tình hình",
    "đánh giá",
    "hạn chế",
    "tồn tại",
    "thực trạng",
];

/// Words of a heading over what is to be done (`II. PHƯƠNG HƯỚNG, NHIỆM VỤ
/// NĂM 2024`, `Kết quả cần đạt`). Lowercase.
pub const GOAL_HEADING_WORDS: &[&str] = &[
    "mục tiêu",
    "phương hướng",
    "nhiệm vụ",
    "giải pháp",
    "chỉ tiêu",
    "cần đạt",
    "phải đạt",
    "dự kiến",
];

/// Words of a sentence telling what has happened: a time `đến` in it is
/// where a count stops (`Đến ngày 20/11/2025, tổng vốn đã giải ngân …`),
/// no deadline. Lowercase; each holds `đã` or `mới` (`reports_past` looks
/// for those first).
pub const PAST_MARKERS: &[&str] = &["đã", "mới đạt", "mới được", "mới nhận", "mới có"];

/// Words of a clause whose `đến <time>` ends a span that figures cover or
/// an event lasts, no time limit (`số liệu tính từ ngày 01/6/2014 đến ngày
/// 31/3/2016`, `Cuộc thi được tổ chức từ ngày 12/3 đến ngày 15/3/2018`,
/// `tình hình nợ thuế đến ngày 31/12/2025`). Lowercase.
pub const SPAN_WORDS: &[&str] = &["số liệu", "tính từ", "được tổ chức", "diễn ra", "tình hình"];

/// Words after a date without its year that put it in the year after the
/// document's (`trước ngày 15 tháng 01 năm sau`).
pub const NEXT_YEAR_WORDS: &[&str] = &["năm sau", "năm tiếp theo", "năm kế tiếp", "của năm sau"];

/// Openers of sentences that report the current state rather than set a
/// goal (`Hiện nay, …`, `Tính đến …`); quantities in them are not targets.
pub const STATUS_MARKERS: &[&str] = &[
    "hiện nay",
    "hiện có",
    "tính đến",
    "tính từ",
    "kết quả",
    "đã đạt",
    "đã có",
    "đến nay",
    "năm qua",
    "so với cùng kỳ",
    "tăng so với",
    "giảm so với",
    "lũy kế",
    "mới đạt",
    "ước đạt",
    "ước thực hiện",
    "nhiệm kỳ qua",
];

/// Phrases in which a word that reports ([`STATUS_MARKERS`], a review
/// word of the deadlines) names a thing handled instead (`Tỷ lệ số hóa hồ
/// sơ, kết quả giải quyết thủ tục hành chính đạt 100%`, `Hoàn thành số hóa
/// … kết quả giải quyết thủ tục hành chính trong tháng 6/2026`).
/// Lowercase.
pub const RESULT_NOUN_PHRASES: &[&str] = &["kết quả giải quyết"];

/// The [`STATUS_MARKERS`] that compare with a past period: they report
/// only when nothing in the sentence sets a goal ([`GOAL_CUES`]: `phấn đấu
/// giảm ít nhất 10% … so với cùng kỳ năm 2024` is a goal).
pub const STATUS_COMPARISONS: &[&str] = &["so với cùng kỳ", "tăng so với", "giảm so với"];

/// Words before a percentage that ask for the whole of it (`giao đủ 100%
/// chỉ tiêu`): exactly that share (`=`), though before a count they ask
/// for at least it (`đủ 01 phòng học/lớp`, [`CMP_WORDS`]). Lowercase.
pub const FULL_SHARE_WORDS: &[&str] = &["đủ"];

/// Words of a sentence that sets a goal. Lowercase.
pub const GOAL_CUES: &[&str] = &["phấn đấu", "ít nhất", "tối thiểu", "mục tiêu", "chỉ tiêu"];

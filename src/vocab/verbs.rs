//! Relation and action verbs: the verbs that govern a citation, that end
//! the subject of a directive or name its assignee, co-operation words,
//! introductory clauses, and the words that point at the citing document
//! itself or back at one cited before.

use crate::model::Relation;

/// Verbs that govern a citation and the relation they imply. Matched on
/// [`key`]s, so case and tone placement do not matter.
pub const RELATION_VERBS: &[(&str, Relation)] = &[
    ("căn cứ", Relation::Basis),
    ("theo", Relation::Basis),
    ("trên cơ sở", Relation::Basis),
    ("thực hiện", Relation::Implements),
    ("triển khai", Relation::Implements),
    ("quán triệt", Relation::Implements),
    ("cụ thể hóa", Relation::Implements),
    ("tổ chức thực hiện", Relation::Implements),
    ("thi hành", Relation::Implements),
    ("gửi kèm", Relation::Attached),
    ("kèm theo", Relation::Attached),
    ("ban hành kèm theo", Relation::Attached),
];

/// Verbs that end the subject of a directive (`Sở Tài chính chủ trì …`,
/// `Các chi bộ căn cứ …`). Lower case; compared on lower-cased text.
pub const ACTION_VERBS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "căn cứ",
    "hướng dẫn",
    "chỉ đạo",
    "tổ chức",
    "xây dựng",
    "thực hiện",
    "triển khai",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "khẩn trương",
    "tham mưu",
    "rà soát",
    "nghiên cứu",
    "theo dõi",
    "kiểm tra",
    "báo cáo",
    "tiếp tục",
    "đẩy mạnh",
    "quán triệt",
    "tuyên truyền",
    "bố trí",
    "đảm bảo",
    "bảo đảm",
    "cập nhật",
    "lãnh đạo",
    "thường xuyên",
    "định kỳ",
    "chủ động",
    "nghiêm túc",
    "được giao",
    "phải",
    "cần",
    "tăng cường",
    "vận động",
    "ban hành",
    "trình",
    "đề xuất",
    "tập trung",
    "xem xét",
    "cung cấp",
    "hỗ trợ",
    "phổ biến",
    "theo chức năng",
    "trong phạm vi",
    "kịp thời",
    "giám sát",
    "đôn đốc",
    "thông báo",
    "tổng hợp",
    "phân công",
    "quan tâm",
    "nắm",
    "rà",
    "sớm",
    "lập",
    "chuẩn bị",
    "quyết định",
    "thi hành",
    "giải quyết",
    "hoàn thành",
    "hoàn thiện",
    "thống nhất",
    "chịu",
    "là",
    "có",
    "trực tiếp",
    "ưu tiên",
    "duy trì",
    "nâng cao",
    "đầu tư",
    "bảo vệ",
    "gửi",
    "giao",
    "tiếp thu",
    "thừa ủy quyền",
    "thừa uỷ quyền",
    "thay mặt",
    "xác định",
    "xử lý",
    "quản lý",
    "giúp",
    "nhất là",
    "đặc biệt là",
    "trong đó",
    "định hướng",
    "tiếp nhận",
    "bổ sung",
    "điều chỉnh",
    "thẩm định",
    "thành lập",
    "đẩy nhanh",
    "kiểm soát",
    "cử",
    "mở",
    "đưa",
    "huy động",
    "chi trả",
    "cân đối",
    "khắc phục",
];

/// Verbs that name the assignee after them (`Giao Sở Tài chính chủ trì`,
/// `Đề nghị Ủy ban nhân dân các huyện:`). Lower case, longest first.
pub const ASSIGN_VERBS: &[&str] = &[
    "giao cho",
    "giao",
    "đề nghị",
    "yêu cầu",
    "ủy quyền cho",
    "ủy quyền",
    // Headings that name the body an item is for (`1. Trách nhiệm của Sở Y
    // tế`, `2. Đối với Sở Tài chính:`).
    "trách nhiệm của",
    "nhiệm vụ của",
    "đối với",
    "về phía",
];

/// Openings of an introductory clause before the subject of a duty
/// (`Căn cứ các quy định hiện hành, các cơ sở đào tạo xây dựng …`,
/// `Trên cơ sở Kế hoạch này, các sở … tổ chức thực hiện`). Lower case.
pub const INTRO_CLAUSES: &[&str] = &["căn cứ", "trên cơ sở", "theo chức năng", "để", "nhằm"];

/// Openings of a topic line that heads an item before the sentence that
/// assigns it (`Về thực hiện các biện pháp phòng, chống dịch` ⏎ `Thủ
/// trưởng các đơn vị … có trách nhiệm …`). Lower case.
pub const TOPIC_HEADS: &[&str] = &["về ", "đối với công tác", "đối với việc"];

/// Words that introduce co-operating bodies after the lead.
pub const COOPERATE_WORDS: &[&str] = &["phối hợp chặt chẽ với", "phối hợp với", "phối hợp cùng"];

/// Words that name the citing document itself (`Kế hoạch này`,
/// `Quyết định này`), after a kind name: not references.
pub const SELF_WORDS: &[&str] = &["này"];

/// Anaphora after a kind name that point back to a document cited before
/// (`Nghị quyết nêu trên`, `Kế hoạch trên`).
pub const ANAPHORA_WORDS: &[&str] = &[
    "nêu trên",
    "đã nêu",
    "nói trên",
    "trên đây",
    "vừa nêu",
    "dẫn trên",
    "nêu tại",
];

/// Words of a clause after a comma that end a cited document's `về …`
/// phrase: the clause sets this document's time or goal (`…, báo cáo Thủ
/// tướng Chính phủ trước ngày 15/7/2016`, `…, phấn đấu năm 2019 giảm 10%`).
/// Lowercase.
pub const ABOUT_BREAKS: &[&str] = &["phấn đấu", "trước ngày", "chậm nhất", "hoàn thành trước"];

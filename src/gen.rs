//! A synthetic corpus generator: realistic administrative documents at any
//! scale, with the ground truth of what each one cites.
//!
//! Deterministic for a given seed. Issuers, types, number shapes, dates,
//! recipients, signers, directives with deadlines, targets and references
//! vary; references are drawn from a pool of codes with a Zipf-like
//! popularity, and some are written the way real PDF text has them (broken
//! across lines after the number's hyphen or inside the symbol, or spaced
//! around the hyphen).
//!
//! ```
//! let docs: Vec<_> = congvan::gen::generate(&congvan::gen::GenOptions { docs: 3, seed: 7 }).collect();
//! assert_eq!(docs.len(), 3);
//! let parsed = congvan::parse_str(&docs[0].text, &docs[0].name);
//! assert_eq!(parsed.number.raw.as_deref(), Some(docs[0].truth.code.as_str()));
//! ```

use serde::Serialize;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct GenOptions {
    /// Number of documents.
    pub docs: usize,
    /// PRNG seed: the same seed gives the same corpus.
    pub seed: u64,
}

/// One generated document.
#[derive(Debug, Clone)]
pub struct GenDoc {
    /// File name (`000123.txt`).
    pub name: String,
    /// The document text.
    pub text: String,
    /// What a correct parser finds in it.
    pub truth: Truth,
}

/// Ground truth of one generated document.
#[derive(Debug, Clone, Serialize)]
pub struct Truth {
    /// File name.
    pub file: String,
    /// The document's own number and symbol (`123/UBND-VX`).
    pub code: String,
    /// Type code (`CV`, `KH`…).
    pub doc_type: String,
    /// ISO date.
    pub date: String,
    /// Subject (trích yếu) as written.
    pub subject: String,
    /// Place before the date.
    pub place: String,
    /// The signer's name.
    pub signer: String,
    /// Codes of the documents it cites, in order of first appearance.
    pub references: Vec<String>,
    /// How many of those citations were written broken or spaced.
    pub mangled: usize,
}

/// SplitMix64: small, fast, good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const PROVINCES: &[&str] = &[
    "Hà Nội",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Nghệ An",
    "Thanh Hóa",
    "Quảng Ninh",
    "Lào Cai",
    "Đồng Tháp",
    "Hà Tĩnh",
    "Sơn La",
    "Lai Châu",
    "Khánh Hòa",
    "Gia Lai",
    "Đắk Lắk",
    "An Giang",
    "Cà Mau",
    "Tây Ninh",
    "Huế",
    "Bắc Ninh",
];

const CITIES: &[&str] = &["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"];

const DEPARTMENTS: &[(&str, &str)] = &[
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT"),
    ("SỞ TÀI CHÍNH", "STC"),
    ("SỞ Y TẾ", "SYT"),
    ("SỞ NỘI VỤ", "SNV"),
    ("SỞ XÂY DỰNG", "SXD"),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN"),
];

const MINISTRIES: &[(&str, &str)] = &[
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "BGDĐT"),
    ("BỘ TÀI CHÍNH", "BTC"),
    ("BỘ Y TẾ", "BYT"),
    ("BỘ NỘI VỤ", "BNV"),
    ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "BKHCN"),
    ("BỘ XÂY DỰNG", "BXD"),
];

const SUBJECTS: &[&str] = &[
    "triển khai nhiệm vụ chuyển đổi số năm 2026",
    "tăng cường công tác phòng, chống thiên tai",
    "thực hiện chương trình giáo dục phổ thông",
    "đẩy mạnh cải cách hành chính",
    "tổ chức kỳ thi tốt nghiệp trung học phổ thông",
    "nâng cao chất lượng nguồn nhân lực",
    "bảo đảm an toàn thông tin mạng",
    "phát triển khoa học, công nghệ và đổi mới sáng tạo",
    "sắp xếp đơn vị hành chính cấp xã",
    "chăm sóc sức khỏe ban đầu cho Nhân dân",
];

const TASKS: &[&str] = &[
    "rà soát, cập nhật cơ sở dữ liệu và báo cáo kết quả",
    "tổ chức quán triệt, phổ biến nội dung đến cán bộ, công chức",
    "xây dựng kế hoạch chi tiết và bố trí kinh phí thực hiện",
    "kiểm tra, đôn đốc việc triển khai tại các đơn vị trực thuộc",
    "tổng hợp khó khăn, vướng mắc, đề xuất giải pháp tháo gỡ",
    "đẩy mạnh tuyên truyền trên các phương tiện thông tin đại chúng",
];

const NAMES: &[&str] = &[
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Minh Châu",
    "Phạm Quốc Dũng",
    "Hoàng Thị Hà",
    "Vũ Đức Hải",
    "Đặng Thu Hương",
    "Bùi Xuân Khánh",
    "Đỗ Thanh Long",
    "Ngô Thị Mai",
];

/// A citable document of the pool.
#[derive(Debug, Clone)]
struct PoolDoc {
    type_name: &'static str,
    seq: u32,
    sep: &'static str,
    symbol: String,
    date: (u32, u32, i32),
    issuer: String,
}

impl PoolDoc {
    fn code(&self) -> String {
        format!("{}{}{}", self.seq, self.sep, self.symbol)
    }
}

fn build_pool(rng: &mut Rng, n: usize) -> Vec<PoolDoc> {
    let mut pool = Vec::with_capacity(n);
    let mut used = std::collections::HashSet::new();
    while pool.len() < n {
        let year = 2018 + rng.below(8) as i32;
        let date = (1 + rng.below(28) as u32, 1 + rng.below(12) as u32, year);
        let d = match rng.below(7) {
            0 => PoolDoc {
                type_name: "Nghị quyết",
                seq: 1 + rng.below(150) as u32,
                sep: "-",
                symbol: "NQ/TW".into(),
                date,
                issuer: "Bộ Chính trị".into(),
            },
            1 => PoolDoc {
                type_name: "Nghị quyết",
                seq: 1 + rng.below(400) as u32,
                sep: "/",
                symbol: "NQ-CP".into(),
                date,
                issuer: "Chính phủ".into(),
            },
            2 => PoolDoc {
                type_name: "Quyết định",
                seq: 100 + rng.below(3000) as u32,
                sep: "/",
                symbol: "QĐ-TTg".into(),
                date,
                issuer: "Thủ tướng Chính phủ".into(),
            },
            3 => {
                let (m, a) = *rng.pick(MINISTRIES);
                PoolDoc {
                    type_name: "Thông tư",
                    seq: 1 + rng.below(60) as u32,
                    sep: "/",
                    symbol: format!("{year}/TT-{a}"),
                    date,
                    issuer: crate::extract::header::proper_case(m),
                }
            }
            4 => PoolDoc {
                type_name: "Chỉ thị",
                seq: 1 + rng.below(50) as u32,
                sep: "-",
                symbol: "CT/TW".into(),
                date,
                issuer: "Ban Bí thư".into(),
            },
            5 => {
                let p = rng.pick(PROVINCES);
                PoolDoc {
                    type_name: "Kế hoạch",
                    seq: 1 + rng.below(900) as u32,
                    sep: "/",
                    symbol: "KH-UBND".into(),
                    date,
                    issuer: format!("Ủy ban nhân dân tỉnh {p}"),
                }
            }
            _ => PoolDoc {
                type_name: "Chương trình hành động",
                seq: 1 + rng.below(99) as u32,
                sep: "-",
                symbol: "CTr/TU".into(),
                date,
                issuer: "Ban Thường vụ Tỉnh ủy".into(),
            },
        };
        if used.insert(d.code()) {
            pool.push(d);
        }
    }
    pool
}

/// Zipf-like pick: index `i` with weight `1 / (i + 1)`.
fn zipf(rng: &mut Rng, cumulative: &[f64]) -> usize {
    let total = cumulative.last().copied().unwrap_or(1.0);
    let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
    cumulative
        .partition_point(|&c| c < x)
        .min(cumulative.len() - 1)
}

/// Generate the corpus lazily, one document at a time.
pub fn generate(opts: &GenOptions) -> impl Iterator<Item = GenDoc> {
    let mut rng = Rng::new(opts.seed);
    let pool = build_pool(&mut rng, 500);
    let mut acc = 0.0;
    let cumulative: Vec<f64> = (0..pool.len())
        .map(|i| {
            acc += 1.0 / (i as f64 + 1.0);
            acc
        })
        .collect();
    let docs = opts.docs;
    (0..docs).map(move |i| one_doc(&mut rng, i, &pool, &cumulative))
}

/// `THÀNH PHỐ` for a centrally run city, else `TỈNH`.
fn province_unit(p: &str) -> &'static str {
    if CITIES.contains(&p) {
        "THÀNH PHỐ"
    } else {
        "TỈNH"
    }
}

fn one_doc(rng: &mut Rng, i: usize, pool: &[PoolDoc], cumulative: &[f64]) -> GenDoc {
    let name = format!("{i:06}.txt");
    let year = 2024 + rng.below(3) as i32;
    let (day, month) = (1 + rng.below(28), 1 + rng.below(12));
    let seq = 1 + rng.below(5000);
    let (types, kind) = match rng.below(10) {
        0..=4 => (("CV", "Công văn"), 0),
        5..=6 => (("KH", "Kế hoạch"), 1),
        7 => (("QĐ", "Quyết định"), 2),
        8 => (("TB", "Thông báo"), 1),
        _ => (("KH", "Kế hoạch"), 3),
    };
    // Issuer and header.
    let mut s = String::with_capacity(4096);
    let (place, code, parent_line, issuer_line);
    match kind {
        3 => {
            let p = *rng.pick(PROVINCES);
            place = p.to_string();
            code = format!("{seq}-{}/TU", types.0);
            parent_line = format!("ĐẢNG BỘ TỈNH {}", p.to_uppercase());
            issuer_line = "TỈNH ỦY".to_string();
        }
        _ if rng.chance(0.2) => {
            let (m, a) = *rng.pick(MINISTRIES);
            place = "Hà Nội".into();
            code = if types.0 == "CV" {
                format!("{seq}/{a}-VP")
            } else {
                format!("{seq}/{}-{a}", types.0)
            };
            parent_line = String::new();
            issuer_line = m.to_string();
        }
        _ if rng.chance(0.5) => {
            let p = *rng.pick(PROVINCES);
            let (d, a) = *rng.pick(DEPARTMENTS);
            place = p.to_string();
            let unit = province_unit(p);
            code = if types.0 == "CV" {
                format!("{seq}/{a}-VP")
            } else {
                format!("{seq}/{}-{a}", types.0)
            };
            parent_line = format!("UBND {unit} {}", p.to_uppercase());
            issuer_line = d.to_string();
        }
        _ => {
            let p = *rng.pick(PROVINCES);
            place = p.to_string();
            let unit = province_unit(p);
            code = if types.0 == "CV" {
                format!("{seq}/UBND-VX")
            } else if types.0 == "QĐ" && rng.chance(0.5) {
                format!("{seq}/{year}/QĐ-UBND")
            } else {
                format!("{seq}/{}-UBND", types.0)
            };
            parent_line = "ỦY BAN NHÂN DÂN".to_string();
            issuer_line = format!("{unit} {}", p.to_uppercase());
        }
    }
    if !parent_line.is_empty() {
        s.push_str(&parent_line);
        s.push('\n');
    }
    s.push_str(&issuer_line);
    s.push_str("\n-------\n");
    if kind == 3 {
        s.push_str("ĐẢNG CỘNG SẢN VIỆT NAM\n");
        s.push_str(&format!("Số {code}\n"));
    } else {
        s.push_str(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n",
        );
        s.push_str(&format!("Số: {code}\n"));
    }
    s.push_str(&format!(
        "{place}, ngày {day:02} tháng {month:02} năm {year}\n\n"
    ));
    let subject_base = *rng.pick(SUBJECTS);
    let subject = if types.0 == "CV" {
        subject_base.to_string()
    } else {
        capitalize(subject_base)
    };
    if types.0 == "CV" {
        s.push_str(&format!("V/v {subject}\n\n"));
        s.push_str("Kính gửi:\n- Các sở, ban, ngành;\n- Ủy ban nhân dân các xã, phường.\n\n");
    } else {
        s.push_str(&format!("{}\n{}\n\n", types.1.to_uppercase(), subject));
    }
    // References.
    let n_refs = 1 + rng.below(4);
    let mut cited: Vec<usize> = Vec::new();
    while cited.len() < n_refs {
        let k = zipf(rng, cumulative);
        if !cited.contains(&k) {
            cited.push(k);
        }
    }
    let mut mangled = 0;
    let mut refs_text = Vec::new();
    for &k in &cited {
        let d = &pool[k];
        let num = match rng.below(10) {
            0 => {
                mangled += 1;
                format!("{}{}\n{}", d.seq, d.sep, d.symbol)
            }
            1 => {
                mangled += 1;
                format!("{} {} {}", d.seq, d.sep, d.symbol)
            }
            // Broken inside the symbol, after its last hyphen or slash
            // (`1970/CĐ-⏎BTTTT`).
            2 => match d.symbol.rfind(['-', '/']) {
                Some(i) => {
                    mangled += 1;
                    let (head, tail) = d.symbol.split_at(i + 1);
                    format!("{}{}{}\n{}", d.seq, d.sep, head, tail)
                }
                None => d.code(),
            },
            _ => d.code(),
        };
        refs_text.push(format!(
            "{} số {} ngày {}/{}/{} của {}",
            d.type_name, num, d.date.0, d.date.1, d.date.2, d.issuer
        ));
    }
    let verb = *rng.pick(&["Thực hiện", "Căn cứ", "Triển khai"]);
    s.push_str(&format!(
        "{verb} {}, {} đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:\n",
        refs_text.join("; "),
        crate::extract::header::proper_case(&issuer_line)
    ));
    // Directives with deadlines and targets.
    let n_dir = 2 + rng.below(4);
    for j in 1..=n_dir {
        let task = *rng.pick(TASKS);
        let who = *rng.pick(&[
            "Sở Tài chính",
            "Sở Nội vụ",
            "Ủy ban nhân dân các xã, phường",
            "Các trường học",
            "Công an tỉnh",
        ]);
        // In the year after the document's: a time limit lies ahead.
        let next = year + 1;
        let deadline = match rng.below(4) {
            0 => format!(
                "trước ngày {}/{}/{}",
                1 + rng.below(28),
                1 + rng.below(12),
                next
            ),
            1 => format!(
                "trong Quý {}/{}",
                ["I", "II", "III", "IV"][rng.below(4)],
                next
            ),
            2 => format!("trong tháng {}/{}", 1 + rng.below(12), next),
            _ => "thường xuyên".to_string(),
        };
        s.push_str(&format!(
            "{j}. {who} chủ trì, {task}; hoàn thành {deadline}.\n"
        ));
        if rng.chance(0.4) {
            s.push_str(&format!(
                "- Phấn đấu đến năm {} đạt tối thiểu {}% đơn vị hoàn thành.\n",
                year + 1 + rng.below(5) as i32,
                50 + rng.below(50)
            ));
        }
    }
    // A short mention of the most cited reference.
    if let Some(&k) = cited.first() {
        let d = &pool[k];
        s.push_str(&format!(
            "Các cơ quan báo cáo kết quả thực hiện {} {} về {}./.\n\n",
            d.type_name.to_lowercase(),
            d.code(),
            issuer_line.to_lowercase()
        ));
    }
    s.push_str("Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.\n\n");
    let signer = *rng.pick(NAMES);
    if kind == 3 {
        s.push_str(&format!("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n{signer}\n"));
    } else {
        s.push_str(&format!("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n{signer}\n"));
    }
    let truth = Truth {
        file: name.clone(),
        code,
        doc_type: types.0.to_string(),
        date: format!("{year}-{month:02}-{day:02}"),
        subject: subject.clone(),
        place: place.clone(),
        signer: signer.to_string(),
        references: cited.iter().map(|&k| pool[k].code()).collect(),
        mangled,
    };
    GenDoc {
        name,
        text: s,
        truth,
    }
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Where [`write_corpus`] puts the truth of a corpus written into `dir`:
/// beside the folder, not inside it (so indexing the folder does not index
/// the truth as a document): `gen-1000/` → `gen-1000.truth.jsonl`.
pub fn truth_path(dir: &std::path::Path) -> std::path::PathBuf {
    let abs = std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf());
    let name = abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".into());
    let parent = abs.parent().unwrap_or(&abs);
    parent.join(format!("{name}.truth.jsonl"))
}

/// Write the corpus into `dir` (created if needed) and its truth, one line
/// of [`Truth`] per document, to [`truth_path`] beside it. Returns the
/// number of bytes of text.
pub fn write_corpus(dir: &std::path::Path, opts: &GenOptions) -> std::io::Result<u64> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let mut truth = std::io::BufWriter::new(std::fs::File::create(truth_path(dir))?);
    let mut bytes = 0u64;
    for d in generate(opts) {
        std::fs::write(dir.join(&d.name), &d.text)?;
        bytes += d.text.len() as u64;
        let line = serde_json::to_string(&d.truth).map_err(std::io::Error::other)?;
        writeln!(truth, "{line}")?;
    }
    truth.flush()?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_for_a_seed() {
        let a: Vec<String> = generate(&GenOptions { docs: 20, seed: 3 })
            .map(|d| d.text)
            .collect();
        let b: Vec<String> = generate(&GenOptions { docs: 20, seed: 3 })
            .map(|d| d.text)
            .collect();
        let c: Vec<String> = generate(&GenOptions { docs: 20, seed: 4 })
            .map(|d| d.text)
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn parser_recovers_the_truth() {
        let mut found = 0;
        let mut expected = 0;
        for d in generate(&GenOptions {
            docs: 200,
            seed: 11,
        }) {
            let doc = crate::parse_str(&d.text, &d.name);
            assert_eq!(
                doc.number.raw.as_deref(),
                Some(d.truth.code.as_str()),
                "{}",
                d.text
            );
            assert_eq!(
                doc.doc_type.as_ref().map(|t| t.code.as_str()),
                Some(d.truth.doc_type.as_str())
            );
            assert_eq!(
                doc.subject.as_deref(),
                Some(d.truth.subject.as_str()),
                "{}",
                d.text
            );
            assert_eq!(
                doc.place.as_deref(),
                Some(d.truth.place.as_str()),
                "{}",
                d.text
            );
            assert_eq!(
                doc.signer.name.as_deref(),
                Some(d.truth.signer.as_str()),
                "{}",
                d.text
            );
            let date = doc
                .date
                .year
                .zip(doc.date.month)
                .zip(doc.date.day)
                .map(|((y, m), dd)| format!("{y}-{m:02}-{dd:02}"));
            assert_eq!(date.as_deref(), Some(d.truth.date.as_str()));
            let got: Vec<String> = doc
                .references
                .iter()
                .filter_map(|r| r.code.as_deref().map(crate::codes::canonical))
                .collect();
            expected += d.truth.references.len();
            for c in &d.truth.references {
                if !got.contains(&crate::codes::canonical(c)) {
                    eprintln!("missing {c} in {}:\n{}", d.name, d.text);
                }
            }
            found += d
                .truth
                .references
                .iter()
                .filter(|c| got.contains(&crate::codes::canonical(c)))
                .count();
        }
        // Every citation, broken or spaced ones included.
        assert_eq!(found, expected);
    }
}

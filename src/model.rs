//! The serde model of the output contract (`CONTRACT.md`, schema `congvan/1`).
//!
//! Nothing but types lives here: every field of the contract is always
//! serialized (absent values are `null` or `[]`), and fields may be added but
//! never renamed.

use serde::{Deserialize, Serialize};

/// Contract version written into every document.
pub const SCHEMA: &str = "congvan/1";

/// A parsed document: the JSON object that `congvan parse` prints.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    pub source: Source,
    pub doc_type: Option<DocType>,
    pub issuer: Issuer,
    pub number: Number,
    pub place: Option<String>,
    pub date: DocDate,
    pub subject: Option<String>,
    pub recipients: Vec<String>,
    pub signer: Signer,
    pub distribution: Vec<Recipient>,
    pub archive: Vec<String>,
    pub references: Vec<Reference>,
    pub directives: Vec<Directive>,
    pub targets: Vec<Target>,
    /// Quantities that are legal norms, not goals (support levels, fees,
    /// fines, caps, durations): same shape as `targets`. An addition to
    /// the contract.
    pub norms: Vec<Target>,
    /// Deadlines outside the directives (reporting clauses, time fields,
    /// table rows), attached documents included. An addition to the
    /// contract.
    pub deadlines: Vec<Deadline>,
    /// Documents issued with this one and printed after its signature (a
    /// plan attached to a decision, annexes). An addition to the contract.
    pub attachments: Vec<Attachment>,
    /// Secrecy stamp of the header (`MẬT`, `TỐI MẬT`, `TUYỆT MẬT`), the
    /// records field `Độ mật`. An addition to the contract.
    #[serde(default)]
    pub secrecy: Option<String>,
    /// Urgency stamp (`KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`), `Mức độ khẩn`.
    #[serde(default)]
    pub urgency: Option<String>,
    /// Printed document identifier (mã định danh, `000.00.12.H36`).
    #[serde(default)]
    pub identifier: Option<String>,
    pub warnings: Vec<String>,
}

/// A document attached after the signature: `KẾ HOẠCH` issued "ban hành
/// kèm theo" a decision, a `PHỤ LỤC`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    /// Its kind (`KH`, `QyĐ`…); null for an annex (`PHỤ LỤC`).
    pub doc_type: Option<DocType>,
    /// The title line as a name (`Kế hoạch`, `Phụ lục I`).
    pub title: String,
    /// The line(s) under the title.
    pub subject: Option<String>,
    /// Byte range in the normalized text, title to end.
    pub span: Span,
    pub directives: Vec<Directive>,
    pub targets: Vec<Target>,
    /// Its norms (see [`Document::norms`]).
    pub norms: Vec<Target>,
    /// True for a form to fill in (a template with dotted blanks, `Số:
    /// ...../QĐ-UBND`): nothing is read from it as knowledge.
    pub template: bool,
    pub warnings: Vec<String>,
}

/// Where the document came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The path as given by the caller (`-` for standard input).
    pub path: String,
    /// `txt`, `md`, `pdf`, `docx`.
    pub format: String,
    /// Hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Character encoding detected for the text (`utf-8`, `utf-16le`,
    /// `tcvn3`, `vni`, `cp1258`, …). An addition to the contract.
    pub encoding: String,
    /// The digital signatures the file carries (PDF signature fields). An
    /// addition to the contract.
    #[serde(default)]
    pub signatures: Vec<Signature>,
    /// The text was read by OCR (a scan or an image). An addition to the
    /// contract.
    #[serde(default)]
    pub ocr: bool,
}

/// A digital signature of the file: the signer's name (or the signing
/// body's), the organisation of the certificate or stamp, the signing time
/// (ISO 8601 from the signature dictionary, else as printed) and the reason.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub time: Option<String>,
    pub reason: Option<String>,
}

/// A document kind: official abbreviation and Vietnamese name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocType {
    pub code: String,
    pub name: String,
}

/// The issuing body and the body above it in the header.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Issuer {
    pub name: Option<String>,
    pub parent: Option<String>,
}

/// The `Số:` line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Number {
    pub raw: Option<String>,
    pub seq: Option<String>,
    pub year: Option<i32>,
    pub symbol: Option<String>,
}

/// Place-and-date line; each part is null where the draft leaves it blank.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocDate {
    pub raw: Option<String>,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// The signature block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signer {
    /// `KT.`, `TM.`, `TL.`, `TUQ.`, `Q.` or null.
    pub authority: Option<String>,
    pub on_behalf_of: Option<String>,
    pub title: Option<String>,
    /// The person, without a degree or rank written before the name.
    pub name: Option<String>,
    /// A degree or rank written before the name (`Đại tá`, `PGS.TS.`,
    /// `BSCKII.`), as written; absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_prefix: Option<String>,
}

/// One entry of the `Nơi nhận:` list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recipient {
    pub name: String,
    pub note: Option<String>,
}

/// Byte offsets into the normalized text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// How the citing document relates to the cited one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Implements,
    Basis,
    Attached,
    #[default]
    Mentions,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Implements => "implements",
            Relation::Basis => "basis",
            Relation::Attached => "attached",
            Relation::Mentions => "mentions",
        }
    }
}

/// A document cited by this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// Number and symbol as written, whitespace removed (`71-NQ/TW`); null
    /// for documents named without a number (`Luật Giáo dục`).
    pub code: Option<String>,
    pub doc_type: Option<DocType>,
    pub seq: Option<String>,
    pub year: Option<i32>,
    pub symbol: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The issuer as the citing text states it (`… của Bộ Chính trị`, `các
    /// Quyết định của Thủ tướng Chính phủ số …`, `Thủ tướng Chính phủ đã ban
    /// hành Chỉ thị số …`); null when the text does not say.
    pub issuer: Option<String>,
    /// The national body the symbol itself names (`…/QĐ-TTg` → `Thủ tướng
    /// Chính phủ`, `…-NQ/TW` → `Bộ Chính trị`…), whether or not the text
    /// says it. An addition to the contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol_issuer: Option<String>,
    pub about: Option<String>,
    pub relation: Relation,
    /// The first full citation as it stands in the normalized text.
    pub text: String,
    pub span: Span,
    /// Canonical search key (`71-NQ/TW` with dashes, case and `Đ` unified).
    /// An addition to the contract.
    pub key: Option<String>,
    /// Every place the document is mentioned (first one included).
    pub mentions: Vec<Span>,
}

/// A deadline attached to a directive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    pub raw: String,
    /// ISO date when a day is given.
    pub date: Option<String>,
    /// `Q1/2026`, `2025-12`, `2026`, `hằng năm`… when no day is given.
    pub period: Option<String>,
    /// Where `raw` stands in the normalized text. An addition to the contract.
    #[serde(default)]
    pub span: Span,
}

/// A numbered item of the operative part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Directive {
    pub label: String,
    pub assignees: Vec<String>,
    pub text: String,
    pub deadlines: Vec<Deadline>,
    pub items: Vec<Directive>,
    pub span: Span,
}

/// A quantitative goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub text: String,
    pub about: Option<String>,
    /// `=`, `>`, `>=`, `<`, `<=`.
    pub cmp: String,
    pub value: f64,
    pub unit: Option<String>,
    pub by_year: Option<i32>,
    pub span: Span,
}

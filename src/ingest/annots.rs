//! Text drawn by annotation appearance streams (signature widgets,
//! `FreeText`, `Stamp`), and the digital signatures a PDF carries.
//!
//! E-signature systems stamp the document number and day into blanks of the
//! page with widget annotations added in an incremental update: the digits
//! are in the widget's normal appearance (`/AP /N`, a Form XObject), not in
//! the page content. pdf-extract reads page content only, and its `Do`
//! starts every form with a fresh graphics state (the form's `/Matrix` and
//! the caller's `cm` are lost), so this module works on the appearance with
//! lopdf (pdf-extract's own re-export, no extra dependency):
//!
//! 1. the appearance is *flattened* into one content stream: nested forms
//!    are inlined as `q <Matrix> cm … Q`, their fonts renamed into one font
//!    dictionary, images, colours and graphics states dropped;
//! 2. the stream is prefixed with the transform of PDF 32000 §12.5.5 (the
//!    BBox transformed by Matrix, mapped onto `/Rect`);
//! 3. pdf-extract draws it as the page (the page object is swapped for a
//!    copy with this content and these resources, then restored), so the
//!    glyphs come out in page space with the same font decoding as the page
//!    text, and join the page's glyphs in the one line rebuilding.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// Deepest nesting of forms followed.
const MAX_DEPTH: usize = 8;
/// Most operators kept from one annotation's appearance.
const MAX_OPS: usize = 200_000;
/// Most annotations read on one page.
pub const MAX_ANNOTS_PER_PAGE: usize = 200;

/// One annotation's appearance, ready to be drawn as a page.
pub struct Appearance {
    pub content: Vec<u8>,
    pub resources: Dictionary,
    /// A signature field's widget (`/FT /Sig`).
    pub signature: bool,
}

/// A digital signature found in the file.
pub use crate::model::Signature as SignatureInfo;

type M = [f64; 6];

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &M, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().and_then(|o| deref(doc, o))
}

fn numbers(doc: &Document, o: Option<&Object>, n: usize) -> Option<Vec<f64>> {
    let arr = deref(doc, o?)?.as_array().ok()?;
    if arr.len() != n {
        return None;
    }
    arr.iter()
        .map(|x| deref(doc, x).and_then(num))
        .collect::<Option<Vec<f64>>>()
}

fn matrix(doc: &Document, d: &Dictionary) -> M {
    numbers(doc, d.get(b"Matrix").ok(), 6)
        .and_then(|v| v.try_into().ok())
        .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
}

/// Field type of a widget, looked up through `/Parent` (fields inherit it).
fn field_type(doc: &Document, d: &Dictionary) -> Option<Vec<u8>> {
    let mut cur = d;
    for _ in 0..16 {
        if let Some(Object::Name(n)) = get(doc, cur, b"FT") {
            return Some(n.clone());
        }
        cur = get(doc, cur, b"Parent")?.as_dict().ok()?;
    }
    None
}

/// The annotations of a page that print text, as flattened appearances.
pub fn page_appearances(doc: &Document, page: ObjectId) -> Vec<Appearance> {
    let mut out = Vec::new();
    let Ok(page_dict) = doc.get_dictionary(page) else {
        return out;
    };
    let Some(annots) = get(doc, page_dict, b"Annots").and_then(|a| a.as_array().ok()) else {
        return out;
    };
    for a in annots.iter().take(MAX_ANNOTS_PER_PAGE) {
        let Some(d) = deref(doc, a).and_then(|o| o.as_dict().ok()) else {
            continue;
        };
        if let Some(app) = appearance(doc, d) {
            out.push(app);
        }
    }
    out
}

fn appearance(doc: &Document, d: &Dictionary) -> Option<Appearance> {
    let subtype = get(doc, d, b"Subtype")?.as_name().ok()?;
    if !matches!(subtype, b"Widget" | b"FreeText" | b"Stamp") {
        return None;
    }
    let flags = get(doc, d, b"F").and_then(num).unwrap_or(0.0) as i64;
    // Hidden (bit 2) or NoView (bit 6).
    if flags & (2 | 32) != 0 {
        return None;
    }
    let ap = get(doc, d, b"AP")?.as_dict().ok()?;
    let normal = get(doc, ap, b"N")?;
    let stream = match normal {
        Object::Stream(s) => s,
        Object::Dictionary(states) => {
            let state = get(doc, d, b"AS")?.as_name().ok()?;
            get(doc, states, state)?.as_stream().ok()?
        }
        _ => return None,
    };
    let rect = numbers(doc, d.get(b"Rect").ok(), 4)?;
    let (rx0, rx1) = (rect[0].min(rect[2]), rect[0].max(rect[2]));
    let (ry0, ry1) = (rect[1].min(rect[3]), rect[1].max(rect[3]));
    let bbox = numbers(doc, stream.dict.get(b"BBox").ok(), 4)?;
    let m = matrix(doc, &stream.dict);
    // The BBox corners through Matrix: their bounding box is mapped onto Rect.
    let corners = [
        apply(&m, bbox[0], bbox[1]),
        apply(&m, bbox[2], bbox[1]),
        apply(&m, bbox[0], bbox[3]),
        apply(&m, bbox[2], bbox[3]),
    ];
    let bx0 = corners.iter().map(|c| c.0).fold(f64::INFINITY, f64::min);
    let bx1 = corners
        .iter()
        .map(|c| c.0)
        .fold(f64::NEG_INFINITY, f64::max);
    let by0 = corners.iter().map(|c| c.1).fold(f64::INFINITY, f64::min);
    let by1 = corners
        .iter()
        .map(|c| c.1)
        .fold(f64::NEG_INFINITY, f64::max);
    let (bw, bh) = (bx1 - bx0, by1 - by0);
    if !(bw > 1e-6 && bh > 1e-6) || rx1 - rx0 <= 0.0 || ry1 - ry0 <= 0.0 {
        return None;
    }
    let (sx, sy) = ((rx1 - rx0) / bw, (ry1 - ry0) / bh);
    let a: M = [sx, 0.0, 0.0, sy, rx0 - bx0 * sx, ry0 - by0 * sy];
    let mut flat = Flat::default();
    flat.ops.push(Operation::new("q", vec![]));
    flat.cm(&mul(&m, &a));
    let res = get(doc, &stream.dict, b"Resources").and_then(|r| r.as_dict().ok());
    flat.form(doc, stream, res, 0);
    flat.ops.push(Operation::new("Q", vec![]));
    if flat.fonts.is_empty() {
        return None;
    }
    let content = Content {
        operations: flat.ops,
    }
    .encode()
    .ok()?;
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(flat.fonts));
    Some(Appearance {
        content,
        resources,
        signature: field_type(doc, d).as_deref() == Some(b"Sig"),
    })
}

#[derive(Default)]
struct Flat {
    ops: Vec<Operation>,
    fonts: Dictionary,
    forms: usize,
}

impl Flat {
    fn cm(&mut self, m: &M) {
        self.ops.push(Operation::new(
            "cm",
            m.iter().map(|v| Object::Real(*v as f32)).collect(),
        ));
    }

    /// Inline one form's content; `res` is the resource dictionary in force.
    fn form(&mut self, doc: &Document, s: &Stream, res: Option<&Dictionary>, depth: usize) {
        if depth > MAX_DEPTH || self.ops.len() > MAX_OPS {
            return;
        }
        self.forms += 1;
        let tag = self.forms;
        let bytes = if s.dict.has(b"Filter") {
            match s.decompressed_content() {
                Ok(b) => b,
                Err(_) => return,
            }
        } else {
            s.content.clone()
        };
        let Ok(content) = Content::decode(&bytes) else {
            return;
        };
        let fonts = res
            .and_then(|r| get(doc, r, b"Font"))
            .and_then(|f| f.as_dict().ok());
        let xobjects = res
            .and_then(|r| get(doc, r, b"XObject"))
            .and_then(|f| f.as_dict().ok());
        for mut op in content.operations {
            if self.ops.len() > MAX_OPS {
                return;
            }
            match op.operator.as_str() {
                "Tf" => {
                    let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let Some(font) = fonts.and_then(|f| f.get(name).ok()) else {
                        continue;
                    };
                    let new = format!("CvA{tag}_{}", String::from_utf8_lossy(name));
                    self.fonts.set(new.clone(), font.clone());
                    op.operands[0] = Object::Name(new.into_bytes());
                    self.ops.push(op);
                }
                "Do" => {
                    let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let Some(x) = xobjects
                        .and_then(|x| get(doc, x, name))
                        .and_then(|o| o.as_stream().ok())
                    else {
                        continue;
                    };
                    if get(doc, &x.dict, b"Subtype").and_then(|o| o.as_name().ok()) != Some(b"Form")
                    {
                        continue;
                    }
                    let inner = get(doc, &x.dict, b"Resources")
                        .and_then(|r| r.as_dict().ok())
                        .or(res);
                    self.ops.push(Operation::new("q", vec![]));
                    self.cm(&matrix(doc, &x.dict));
                    self.form(doc, x, inner, depth + 1);
                    self.ops.push(Operation::new("Q", vec![]));
                }
                // Colours, graphics states, shadings and inline images say
                // nothing about text and name resources we do not carry.
                "g" | "G" | "rg" | "RG" | "k" | "K" | "cs" | "CS" | "sc" | "SC" | "scn" | "SCN"
                | "gs" | "sh" | "BI" | "ID" | "EI" | "d0" | "d1" | "BDC" | "BMC" | "EMC" | "MP"
                | "DP" | "ri" => {}
                _ => self.ops.push(op),
            }
        }
    }
}

/// A text stamp printed by a signature (`Người ký: …`, `Cơ quan: …`,
/// `Thời gian ký: …`, `Ký bởi: …`).
pub fn is_signature_stamp(text: &str) -> bool {
    let t = crate::text::fold(text);
    [
        "nguoi ky",
        "co quan:",
        "thoi gian ky",
        "ky boi",
        "signed by",
        "signature valid",
        "ngay ky",
    ]
    .iter()
    .any(|k| t.contains(k))
}

/// Read `Người ký: …`, `Cơ quan: …`, `Thời gian ký: …` from a stamp's text.
pub fn stamp_fields(text: &str) -> SignatureInfo {
    let mut info = SignatureInfo::default();
    for line in text.lines() {
        let Some((label, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let l = crate::text::fold(label.trim());
        if l.ends_with("nguoi ky") || l == "ky boi" || l == "signed by" {
            info.name.get_or_insert_with(|| value.to_string());
        } else if l.ends_with("co quan") || l == "don vi" {
            info.organisation.get_or_insert_with(|| value.to_string());
        } else if l.contains("thoi gian") || l == "ngay ky" {
            info.time.get_or_insert_with(|| value.to_string());
        }
    }
    info
}

fn pdf_string(o: &Object) -> Option<String> {
    let b = o.as_str().ok()?;
    let s = if b.starts_with(&[0xFE, 0xFF]) {
        let u: Vec<u16> = b[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&u)
    } else if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(&b[3..]).into_owned()
    } else {
        // PDFDocEncoding: Latin-1 for the printable range.
        b.iter().map(|&c| c as char).collect()
    };
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// `D:20260413101530+07'00'` → `2026-04-13T10:15:30+07:00`.
fn pdf_date(s: &str) -> String {
    let d = s.strip_prefix("D:").unwrap_or(s);
    let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return s.to_string();
    }
    let part = |a: usize, b: usize| digits.get(a..b).unwrap_or("00");
    let mut out = format!("{}-{}-{}", part(0, 4), part(4, 6), part(6, 8));
    if digits.len() >= 12 {
        out.push_str(&format!(
            "T{}:{}:{}",
            part(8, 10),
            part(10, 12),
            part(12, 14)
        ));
        let rest = &d[digits.len()..];
        let tz: String = rest.chars().filter(|c| *c != '\'').collect();
        if tz == "Z" {
            out.push('Z');
        } else if tz.len() >= 5 && (tz.starts_with('+') || tz.starts_with('-')) {
            out.push_str(&format!("{}:{}", &tz[..3], &tz[3..5]));
        }
    }
    out
}

/// The digital signatures of the document: every signature field's value
/// dictionary (`/Name`, `/M`, `/Reason`), with the signer's common name and
/// organisation from the certificate in `/Contents` when the dictionary
/// does not name them.
pub fn signatures(doc: &Document) -> Vec<SignatureInfo> {
    let mut out = Vec::new();
    let mut seen: Vec<ObjectId> = Vec::new();
    let mut seen_direct = 0usize;
    for (_, page) in doc.get_pages() {
        let Ok(pd) = doc.get_dictionary(page) else {
            continue;
        };
        let Some(annots) = get(doc, pd, b"Annots").and_then(|a| a.as_array().ok()) else {
            continue;
        };
        for a in annots.iter().take(MAX_ANNOTS_PER_PAGE) {
            let Some(d) = deref(doc, a).and_then(|o| o.as_dict().ok()) else {
                continue;
            };
            if field_type(doc, d).as_deref() != Some(b"Sig") {
                continue;
            }
            let v = match d.get(b"V").ok() {
                Some(Object::Reference(id)) => {
                    if seen.contains(id) {
                        continue;
                    }
                    seen.push(*id);
                    doc.get_object(*id).ok()
                }
                Some(o) => {
                    seen_direct += 1;
                    Some(o)
                }
                None => None,
            };
            let Some(v) = v.and_then(|o| o.as_dict().ok()) else {
                continue;
            };
            let mut info = SignatureInfo {
                name: get(doc, v, b"Name").and_then(pdf_string),
                organisation: None,
                time: get(doc, v, b"M").and_then(pdf_string).map(|s| pdf_date(&s)),
                reason: get(doc, v, b"Reason").and_then(pdf_string),
            };
            if let Some(c) = get(doc, v, b"Contents").and_then(|c| c.as_str().ok()) {
                let (cn, org) = certificate_subject(c);
                if info.name.is_none() {
                    info.name = cn;
                }
                info.organisation = org;
            }
            // `Lê Quang Trí<email> đã ký lên văn bản này!`
            if info.name.is_none() {
                info.name = info
                    .reason
                    .as_deref()
                    .and_then(|r| r.split_once('<'))
                    .map(|(n, _)| n.trim().to_string())
                    .filter(|n| !n.is_empty() && n.chars().count() < 80);
            }
            if info != SignatureInfo::default() && out.len() < 64 {
                out.push(info);
            }
        }
    }
    let _ = seen_direct;
    out
}

/// A DER element: (tag, content range, next offset).
fn der(b: &[u8], at: usize) -> Option<(u8, usize, usize)> {
    let tag = *b.get(at)?;
    let l0 = *b.get(at + 1)? as usize;
    let (len, start) = if l0 < 0x80 {
        (l0, at + 2)
    } else {
        let n = l0 & 0x7f;
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = (len << 8) | *b.get(at + 2 + i)? as usize;
        }
        (len, at + 2 + n)
    };
    let end = start.checked_add(len)?;
    (end <= b.len()).then_some((tag, start, end))
}

fn der_children(b: &[u8], start: usize, end: usize) -> Vec<(u8, usize, usize)> {
    let mut out = Vec::new();
    let mut at = start;
    while at < end && out.len() < 4096 {
        let Some(e) = der(&b[..end], at) else { break };
        out.push(e);
        at = e.2;
    }
    out
}

/// `(CN, O)` of a name (a DER `SEQUENCE OF SET OF AttributeTypeAndValue`).
fn name_fields(b: &[u8], start: usize, end: usize) -> (Option<String>, Option<String>) {
    let (mut cn, mut o) = (None, None);
    for (_, s, e) in der_children(b, start, end) {
        for (_, s2, e2) in der_children(b, s, e) {
            let parts = der_children(b, s2, e2);
            if parts.len() != 2 || parts[0].0 != 0x06 {
                continue;
            }
            let oid = &b[parts[0].1..parts[0].2];
            let val = &b[parts[1].1..parts[1].2];
            let text = match parts[1].0 {
                0x1E => {
                    let u: Vec<u16> = val
                        .chunks_exact(2)
                        .map(|c| u16::from_be_bytes([c[0], c[1]]))
                        .collect();
                    String::from_utf16_lossy(&u)
                }
                _ => String::from_utf8_lossy(val).into_owned(),
            };
            match oid {
                [0x55, 0x04, 0x03] => cn = Some(text),
                [0x55, 0x04, 0x0A] => o = Some(text),
                _ => {}
            }
        }
    }
    (cn, o)
}

/// Subject CN and O of the signer's certificate in a PKCS#7 blob: of the
/// certificates carried, the one whose subject issued no other (the leaf).
pub fn certificate_subject(p7: &[u8]) -> (Option<String>, Option<String>) {
    // Every certificate: SEQUENCE { tbs SEQUENCE { [0] version?, serial,
    // sigalg, issuer, validity, subject, … }, … }. Walk the structure and
    // collect them wherever they sit.
    type Cert = (Vec<u8>, (Option<String>, Option<String>), Vec<u8>);
    let mut certs: Vec<Cert> = Vec::new();
    let mut stack = vec![(0usize, p7.len(), 0usize)];
    let mut steps = 0;
    while let Some((s, e, depth)) = stack.pop() {
        steps += 1;
        if steps > 20_000 || depth > 12 {
            break;
        }
        for (tag, cs, ce) in der_children(p7, s, e) {
            if tag & 0x20 == 0 {
                continue;
            }
            let kids = der_children(p7, cs, ce);
            // A TBSCertificate: [0] version, INTEGER, SEQUENCE, SEQUENCE
            // (issuer), SEQUENCE (validity), SEQUENCE (subject).
            if tag == 0x30 && kids.len() >= 6 && kids[0].0 == 0xA0 && kids[1].0 == 0x02 {
                let issuer = &kids[3];
                let subject = &kids[5];
                certs.push((
                    p7[issuer.1..issuer.2].to_vec(),
                    name_fields(p7, subject.1, subject.2),
                    p7[subject.1..subject.2].to_vec(),
                ));
                continue;
            }
            stack.push((cs, ce, depth + 1));
        }
    }
    let leaf = certs
        .iter()
        .find(|(_, _, subj)| !certs.iter().any(|(iss, _, s2)| iss == subj && s2 != subj))
        .or(certs.first());
    leaf.map(|(_, f, _)| f.clone()).unwrap_or((None, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            pdf_date("D:20260413101530+07'00'"),
            "2026-04-13T10:15:30+07:00"
        );
        assert_eq!(pdf_date("D:20260413"), "2026-04-13");
    }

    #[test]
    fn stamps() {
        let t = "Người ký: Lê Quang Trí\nCơ quan: Sở Giáo dục và Đào tạo\nThời gian ký: 13.04.2026 10:15:30 +07:00";
        assert!(is_signature_stamp(t));
        let f = stamp_fields(t);
        assert_eq!(f.name.as_deref(), Some("Lê Quang Trí"));
        assert_eq!(f.organisation.as_deref(), Some("Sở Giáo dục và Đào tạo"));
        assert!(f.time.unwrap().starts_with("13.04.2026"));
        assert!(!is_signature_stamp("355"));
    }

    #[test]
    fn matrices() {
        let m = mul(
            &[2.0, 0.0, 0.0, 2.0, 0.0, 0.0],
            &[1.0, 0.0, 0.0, 1.0, 10.0, 20.0],
        );
        assert_eq!(apply(&m, 1.0, 1.0), (12.0, 22.0));
    }
}

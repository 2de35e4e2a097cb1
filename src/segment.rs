//! Stage 3: where each zone of a normalized document starts and ends.
//!
//! ```text
//! [portal banner + metadata] start ─ header (issuer, motto, Số, place/date,
//! title, subject, Kính gửi) ─ body ─ signature / Nơi nhận (either order)
//! ```
//!
//! Zones are byte ranges into the normalized text. Finding them is
//! deliberately tolerant: a zone that cannot be found is empty or `None`
//! and the extractors fall back to searching more widely.

use crate::recognize::starts_with_org;
pub use crate::recognize::{
    is_post_title, is_signature_start, looks_like_name, starts_with_post, strip_name_prefix,
    RE_AUTHORITY,
};
use crate::text::{is_upper, key, starts_ci};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Byte ranges of the zones of a normalized document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Zones {
    /// Portal metadata (`Số hiệu:`, `Loại văn bản:`…) as (key, value), keys
    /// lowercased without the colon.
    pub meta: Vec<(String, String)>,
    /// Where the document itself starts (after portal banners/metadata).
    pub start: usize,
    /// Header area: issuer, motto, number, place/date, type title, subject,
    /// recipients.
    pub header: Range<usize>,
    /// The operative text, between the header and the signature /
    /// distribution.
    pub body: Range<usize>,
    /// Signature block (authority line to the signer's name), when found.
    pub signature: Option<Range<usize>>,
    /// `Nơi nhận:` block, when found.
    pub distribution: Option<Range<usize>>,
    /// End of the document proper (annexes and footnotes may follow).
    pub end: usize,
}

impl Zones {
    /// The value of a portal metadata key (`"số hiệu"`).
    pub fn meta(&self, k: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(mk, _)| mk == k)
            .map(|(_, v)| v.as_str())
    }
}

/// A line of the normalized text with its byte range (newline excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Split text into lines with their byte offsets.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in text.split('\n') {
        out.push(Line {
            start,
            end: start + l.len(),
            text: l,
        });
        start += l.len() + 1;
    }
    out
}

/// Keys of the metadata block that legal portals put before the document.
const META_KEYS: &[&str] = &[
    "số hiệu",
    "số ký hiệu",
    "loại văn bản",
    "nơi ban hành",
    "người ký",
    "ngày ban hành",
    "ngày hiệu lực",
    "ngày công báo",
    "số công báo",
    "tình trạng",
    "lĩnh vực",
    "cơ quan ban hành",
];

static RE_BODY_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Theo|Trên cơ sở|Để |Nhằm|Ngày \d|",
        r"Hôm nay|Vừa qua|Thời gian qua|Trong (?:thời gian|những năm|năm|tháng|quá trình|bối cảnh)|",
        r"Qua |Sau khi|Tiếp theo|Hiện nay|Tình hình|Được sự|Xét |Thủ tướng Chính phủ|",
        r"Điều 1\b|Phần [IVX1]+\b|I\.\s|1\.\s)"
    ))
    .unwrap()
});
/// The opener of the addressee list, `Kính gửi:` (see [`recipients_opener`]).
/// As OCR reads its vowels too (`Kính gừi:`, `Kinh gui:`; then only with
/// the colon).
static RE_KINH_GUI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*-?\s*(?:(?i:kính\s+gửi)\s*:?|(?i:k[íìi]nh\s*g[ửừưứữựuùúủũụ]i)\s*:)\s*")
        .unwrap()
});
/// The opener of an invitation's guests, `Ban Tuyên giáo … trân trọng kính
/// mời:` (a giấy mời's addressees).
static RE_KINH_MOI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*-?\s*(?:[^\n:]{0,160}\s)?(?i:kính\s+mời)\s*:\s*").unwrap());
/// The opener of a công điện's addressees, `THỦ TƯỚNG CHÍNH PHỦ điện:`: the
/// sender in capitals (`run`: a capital and at least two more capitals or
/// blanks, at most [`DIEN_RUN`] in [`recipients_opener`]), `điện`, `:`.
static RE_DIEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*-?\s*(?P<run>\p{Lu}[\p{Lu}\s]{2,})\s(?i:điện)\s*:\s*").unwrap()
});
/// The most capitals or blanks after the first in a công điện's sender.
const DIEN_RUN: usize = 80;

/// The end (blanks after it included) of the line's opening of the
/// addressee list: `Kính gửi:`, or in a công điện `THỦ TƯỚNG CHÍNH PHỦ
/// điện:`. What `^\s*-?\s*(?:(?i:kính\s+gửi)\s*:?|\p{Lu}[\p{Lu}\s]{2,80}\s(?i:điện)\s*:)\s*`
/// finds, without compiling that bounded repetition of a Unicode class
/// (a sixth of a one-file `congvan parse`): the two openers start with
/// no blank, so both are tried where the leading blanks end, `Kính gửi`
/// first; and the sender's run can end only where `điện` then `:` stand
/// (the `:` ends it, or the lowercase of `điện`), so the one way it
/// matches unbounded is the way to test against the bound.
pub fn recipients_opener(line: &str) -> Option<usize> {
    if let Some(m) = RE_KINH_GUI.find(line) {
        return Some(m.end());
    }
    if line.as_bytes().contains(&b':') && line.contains("mời") {
        if let Some(m) = RE_KINH_MOI.find(line) {
            return Some(m.end());
        }
    }
    // (The fast engine rules most lines out before the groups are read.)
    if !RE_DIEN.is_match(line) {
        return None;
    }
    let c = RE_DIEN.captures(line)?;
    let run = c.name("run")?.as_str();
    (run.chars().count() - 1 <= DIEN_RUN).then(|| c.get(0).map_or(0, |m| m.end()))
}

/// The line opens the addressee list ([`recipients_opener`]).
pub fn is_recipients_line(line: &str) -> bool {
    recipients_opener(line).is_some()
}

/// Where a portal page's footer starts at or after `from` (a short line
/// opening with one of [`crate::vocab::PORTAL_FOOTERS`], `Các tin khác:`),
/// if the page has one.
pub fn portal_footer(text: &str, from: usize) -> Option<usize> {
    let from = crate::text::floor_boundary(text, from);
    let mut at = from;
    for line in text[from..].split_inclusive('\n') {
        let t = line.trim();
        // (Every footer starts with `c`, `t`, `b`, `v`, `f` or `x`: other
        // lines are not keyed.)
        let may = t.chars().next().is_some_and(|c| {
            matches!(
                c,
                'c' | 'C' | 't' | 'T' | 'b' | 'B' | 'v' | 'V' | 'f' | 'F' | 'x' | 'X'
            )
        });
        if may && t.len() <= 240 && t.chars().count() <= 60 {
            let k = crate::text::key(t);
            if crate::vocab::PORTAL_FOOTERS
                .iter()
                .any(|f| k.starts_with(f))
            {
                return Some(at);
            }
        }
        at += line.len();
    }
    None
}

/// Split a normalized document into zones.
pub fn segment(text: &str) -> Zones {
    let ls = lines(text);
    let (meta, mut first) = portal_metadata(&ls);
    first = skip_preamble(&ls, first, !meta.is_empty());
    let start = ls.get(first).map(|l| l.start).unwrap_or(text.len());

    // Signature and distribution. `Nơi nhận` is the first one after the
    // header: appendices (a plan attached to a decision) follow the main
    // document's signature and have none of their own. The signature is the
    // authority block nearest to it; without `Nơi nhận`, the last one.
    let n = ls.len();
    let noi_nhan =
        (first.min(n)..n).find(|&i| crate::recognize::is_distribution_opener(ls[i].text));
    let tail_from = first + (n - first.min(n)) / 3;
    let (win_lo, win_hi) = match noi_nhan {
        Some(k) => (k.saturating_sub(30).max(first), (k + 30).min(n)),
        None => (tail_from, n),
    };
    let near = |i: usize| noi_nhan.map_or(0, |k| i.abs_diff(k));
    let authority = (win_lo..win_hi)
        .filter(|&i| RE_AUTHORITY.is_match(ls[i].text))
        .min_by_key(|&i| (near(i), std::cmp::Reverse(i)))
        .map(|i| {
            // Two authority lines (`TM. CHÍNH PHỦ` / `KT. THỦ TƯỚNG`): start at the first.
            if i > 0 && RE_AUTHORITY.is_match(ls[i - 1].text) {
                i - 1
            } else {
                i
            }
        });
    let signature_line = authority.or_else(|| find_title_signature(&ls[..win_hi], win_lo));

    let distribution = noi_nhan.map(|i| {
        let mut j = i + 1;
        while j < n && !is_signature_start(ls[j].text) && !is_footnote_rule(ls[j].text) {
            // A blank line followed by a non-list line ends the list.
            if ls[j].text.trim().is_empty() {
                let next = (j + 1..n).find(|&k| !ls[k].text.trim().is_empty());
                match next {
                    Some(k) if is_list_line(ls[k].text) => {}
                    _ => break,
                }
            }
            j += 1;
        }
        ls[i].start..ls[j.saturating_sub(1).max(i)].end
    });
    let signature = signature_line.map(|i| {
        let mut j = i + 1;
        let mut seen_name = false;
        while j < n && j < i + 12 {
            let t = ls[j].text.trim();
            if crate::recognize::is_distribution_opener(t) {
                break;
            }
            if !t.is_empty() && !is_upper(t) && !is_sign_note(t) {
                seen_name = true;
                j += 1;
                break;
            }
            j += 1;
        }
        let _ = seen_name;
        ls[i].start..ls[j.saturating_sub(1).max(i)].end
    });

    // Body end: the first of signature / distribution; else the last `./.`.
    let mut body_end_line = [noi_nhan, signature_line]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(n);
    if noi_nhan.is_none() && signature_line.is_none() {
        if let Some(i) = (first..n).rev().find(|&i| ls[i].text.contains("./.")) {
            body_end_line = i + 1;
        }
    }

    // Header end: recipients block or the first body opener.
    let header_end_line = header_end(&ls, first, body_end_line);
    let header = start
        ..ls.get(header_end_line)
            .map(|l| l.start)
            .unwrap_or(text.len());
    let body_end = ls.get(body_end_line).map(|l| l.start).unwrap_or(text.len());
    let body = header.end.min(body_end)..body_end;
    let end = [
        distribution.as_ref().map(|r| r.end),
        signature.as_ref().map(|r| r.end),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(text.len());
    Zones {
        meta,
        start,
        header,
        body,
        signature,
        distribution,
        end,
    }
}

/// Parse a portal metadata block; returns it and the first line after it.
fn portal_metadata(ls: &[Line]) -> (Vec<(String, String)>, usize) {
    let mut meta = Vec::new();
    let mut after = 0;
    let limit = ls.len().min(150);
    let mut i = 0;
    while i < limit {
        let t = ls[i].text.trim();
        // Keys are short: only a short head (or line) can be one.
        let (head, rest) = t.split_once(':').unwrap_or((t, ""));
        if t.contains(':') && (head.len() <= 64 || t.len() <= 65) {
            let k = key(t.trim_end_matches(':').trim());
            let hk = key(head);
            if META_KEYS.contains(&hk.as_str()) || META_KEYS.contains(&k.as_str()) {
                let mut value = rest.trim().to_string();
                let mut j = i + 1;
                if value.is_empty() {
                    while j < limit && ls[j].text.trim().is_empty() {
                        j += 1;
                    }
                    if j < limit {
                        value = ls[j].text.trim().to_string();
                        j += 1;
                    }
                }
                meta.push((hk, value));
                after = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if meta.len() < 2 {
        return (Vec::new(), 0);
    }
    (meta, after)
}

/// Skip portal leftovers before the document: a `Source:` line, a portal
/// title, site banners. The document starts at the first header anchor.
/// A `Số: 123/UBND-VP` line (also `SỐ:`, `Số 12-KH/TU`).
pub fn is_number_line(t: &str) -> bool {
    let t = t.trim_start();
    t.strip_prefix("Số")
        .or_else(|| t.strip_prefix("SỐ"))
        .or_else(|| {
            // OCR misreadings (`Sô:`, `Sổ:`), with the colon or a blank and
            // digits (`S6 412-TB/UBKTTU`).
            let mut cs = t.chars();
            let ocr = cs.next() == Some('S')
                && cs
                    .next()
                    .is_some_and(|c| crate::vocab::OCR_SO_VOWELS.contains(c))
                && (cs.as_str().starts_with(':')
                    || cs.as_str().starts_with([' ', '\t'])
                        && cs
                            .as_str()
                            .trim_start()
                            .starts_with(|c: char| c.is_ascii_digit()));
            ocr.then_some(cs.as_str())
        })
        .is_some_and(|r| {
            // (`Số ký hiệu   3012/QĐ-BGDĐT`: a portal's record, no number
            // line.)
            let after = r.trim_start_matches([' ', '\t']);
            (r.is_empty()
                || r.starts_with([' ', ':', '\t'])
                || r.starts_with(|c: char| c.is_ascii_digit()))
                && !after.starts_with(char::is_alphabetic)
        })
}

/// A line that legal portals put around a document (site name, copyright
/// notice, breadcrumb, source URL): see [`crate::vocab::SITE_BANNERS`].
fn is_banner(t: &str) -> bool {
    if t.starts_with("Source:") || t.starts_with("Bản dịch này") {
        return true;
    }
    // Site banners and portal titles in one automaton over the line as
    // written (lower case, capitals, first or every word capitalised): no
    // key is built for each of a page's first lines.
    static FINDER: LazyLock<(aho_corasick::AhoCorasick, usize)> = LazyLock::new(|| {
        let cases = |p: &str| {
            [
                p.to_string(),
                p.to_uppercase(),
                crate::text::capitalize_first(p),
                crate::text::title_case(p),
            ]
        };
        let banners: Vec<String> = crate::vocab::SITE_BANNERS
            .iter()
            .flat_map(|b| cases(b))
            .collect();
        let n = banners.len();
        let titles = crate::vocab::PORTAL_TITLES.iter().flat_map(|p| cases(p));
        let ac = aho_corasick::AhoCorasick::new(banners.into_iter().chain(titles))
            .expect("banner automaton");
        (ac, n)
    });
    let (finder, banners) = &*FINDER;
    finder.find_overlapping_iter(t).any(|m| {
        m.pattern().as_usize() < *banners || m.start() == 0 || t[..m.start()].ends_with(" - ")
    })
}

fn skip_preamble(ls: &[Line], first: usize, had_meta: bool) -> usize {
    let first_text = (first..ls.len()).find(|&i| !ls[i].text.trim().is_empty());
    let Some(ft) = first_text else {
        return first;
    };
    // The last site banner among the first lines (a site's name in capitals
    // can stand above its `Trang thông tin điện tử …` line and its menu).
    // (A banner is a short line: long ones are not keyed.)
    let last_banner = (ft..ls.len().min(ft + 16)).rev().find(|&i| {
        let t = ls[i].text.trim();
        t.len() <= 240 && is_banner(t)
    });
    let Some(ft) = last_banner.or(had_meta.then_some(ft)) else {
        return first;
    };
    // The first header anchor within the next lines that is not the banner.
    let limit = ls.len().min(ft + 60);
    let anchor = (ft..limit).find(|&i| {
        let t = ls[i].text.trim();
        !is_banner(t) && is_header_anchor(t)
    });
    let Some(anchor) = anchor else {
        return if had_meta { first } else { ft + 1 };
    };
    // `NGHỊ QUYẾT VỀ NHIỆM VỤ … NĂM 2026` ⏎ `(Cổng TTĐT) - Chiều ngày
    // 18/12/2025, Hội đồng nhân dân phường … giới thiệu toàn văn:` ⏎ `HỘI
    // ĐỒNG NHÂN DÂN` ⏎ `PHƯỜNG NINH KIỀU` ⏎ `CỘNG HÒA XÃ HỘI …`: a page's
    // headline and lead paragraph above the document. The header starts
    // at the issuer's lines above the motto.
    let motto = (anchor + 1..limit).find(|&i| {
        let t = ls[i].text;
        t.contains("CỘNG HÒA XÃ HỘI")
            || t.contains("CỘNG HOÀ XÃ HỘI")
            || t.contains("ĐẢNG CỘNG SẢN")
    });
    if let Some(m) = motto {
        // (Header lines between, `Số: 7215/BYT-QLD` ⏎ `V/v bảo đảm …`, say
        // the header began above.)
        let header_between = (anchor..m).any(|i| {
            let t = ls[i].text.trim();
            is_number_line(t) || starts_ci(t, "v/v").is_some() || starts_ci(t, "về việc").is_some()
        });
        let prose = !header_between
            && (anchor + 1..m).any(|i| {
                let t = ls[i].text.trim();
                t.chars().nth(80).is_some() && !is_upper(t)
            });
        if prose {
            let mut k = m;
            while k > anchor + 1 && m - k < 3 && {
                let t = ls[k - 1].text.trim();
                !t.is_empty() && is_upper(t)
            } {
                k -= 1;
            }
            return k;
        }
    }
    anchor
}

/// A line that can only belong to a document header.
fn is_header_anchor(t: &str) -> bool {
    let k = key(t);
    // `Số ký hiệu: 35/KH-UBND    Ngày ban hành: …`: a portal's record of
    // the document, above it.
    if k.split_once(':')
        .is_some_and(|(h, _)| META_KEYS.contains(&h.trim()))
    {
        return false;
    }
    k.contains("cộng hòa xã hội chủ nghĩa")
        || k.contains("đảng cộng sản việt nam")
        || is_number_line(t)
        || is_recipients_line(t)
        || (is_upper(t) && t.chars().filter(|c| c.is_alphabetic()).count() >= 4)
}

fn is_list_line(t: &str) -> bool {
    let t = t.trim_start();
    t.starts_with('-') || t.starts_with('+') || t.starts_with('•')
}

fn is_footnote_rule(t: &str) -> bool {
    let t = t.trim();
    t.starts_with("[1]") || (t.len() > 8 && t.chars().all(|c| c == '_'))
}

pub use crate::recognize::is_sign_note;

/// A signature block without an authority prefix: a post title near the end
/// followed by a name.
fn find_title_signature(ls: &[Line], from: usize) -> Option<usize> {
    (from..ls.len()).rev().find(|&i| {
        is_post_title(ls[i].text)
            && (i + 1..ls.len().min(i + 10)).any(|j| {
                let t = ls[j].text.trim();
                !t.is_empty() && !is_sign_note(t) && looks_like_name(t) && !is_post_title(t)
            })
    })
}

/// The line index where the header ends (the body begins).
fn header_end(ls: &[Line], first: usize, body_end: usize) -> usize {
    let limit = body_end.min(ls.len());
    // Recipients block: the header ends after it.
    let mut i = first;
    let mut seen_anchor = false;
    // The first line under a type title is its subject, whatever it starts
    // with (`KẾ HOẠCH` ⏎ `Triển khai công tác chuyển đổi số năm 2024`).
    let mut subject_next = false;
    while i < limit {
        let t = ls[i].text.trim();
        if is_recipients_line(t) {
            return recipients_end(ls, i, limit);
        }
        // (`x` in the key comes only from `x` or `X`: a line without one
        // is not keyed.)
        if is_number_line(t)
            || (t.contains(['x', 'X']) && key(t).contains("cộng hòa xã hội"))
            || t.contains(", ngày")
        {
            seen_anchor = true;
        }
        if t.is_empty() {
            i += 1;
            continue;
        }
        let is_subject = std::mem::replace(&mut subject_next, is_type_title(t));
        if !is_subject && RE_BODY_OPENER.is_match(ls[i].text) && (seen_anchor || i > first) {
            // `I. MỤC ĐÍCH` or `1. …` directly under the title still counts.
            return i;
        }
        i += 1;
    }
    // No opener (`GIẤY MỜI` ⏎ `Dự hội nghị …` ⏎⏎ `Trân trọng kính mời:`):
    // the header runs to the end of the block under the type title, or
    // else of the block holding the place and date.
    let title = (first..limit).find(|&i| is_type_title(ls[i].text.trim()));
    let from = title.or_else(|| (first..limit).find(|&i| ls[i].text.contains(", ngày")));
    let Some(from) = from else {
        return first.min(limit);
    };
    let mut j = from + 1;
    if title.is_some() {
        while j < limit && ls[j].text.trim().is_empty() {
            j += 1;
        }
    }
    while j < limit && !ls[j].text.trim().is_empty() {
        j += 1;
    }
    j
}

/// A type title on a line of its own, in capitals (`KẾ HOẠCH`, `QUYẾT
/// ĐỊNH`; not `CÔNG VĂN`, which is no title).
fn is_type_title(t: &str) -> bool {
    is_upper(t) && crate::vocab::type_by_name(t).is_some_and(|e| e.code != "CV")
}

/// An addressee numbered in the `Kính gửi` list (`1. Ủy ban nhân dân các
/// phường, xã;`): where the body's name starts after the number. Only a
/// short line naming a body, no paragraph.
pub fn numbered_addressee(t: &str) -> Option<usize> {
    let t0 = t.trim_start();
    let lead = t.len() - t0.len();
    let digits = t0.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = t0[digits..].strip_prefix(['.', ')'])?;
    let name = rest.trim_start();
    if name.len() == rest.len()
        || t.chars().count() > 160
        || !name.starts_with(char::is_uppercase)
        || !starts_with_org(name, false)
        || RE_BODY_OPENER.is_match(name)
    {
        return None;
    }
    Some(lead + digits + 1 + (rest.len() - name.len()))
}

/// The line after the `Kính gửi` list.
fn recipients_end(ls: &[Line], at: usize, limit: usize) -> usize {
    let mut i = at + 1;
    let mut last_item_closed = false;
    // Inline single recipient: `Kính gửi: Giám đốc Sở …`
    let inline = recipients_opener(ls[at].text)
        .map(|end| ls[at].text[end..].trim().to_string())
        .unwrap_or_default();
    if !inline.is_empty() {
        // `Kính gửi: Chủ` ⏎ `tịch Ủy ban nhân dân…`: a lowercase next line
        // continues the inline addressee.
        let next_lower = (at + 1..limit)
            .map(|k| ls[k].text.trim())
            .find(|t| !t.is_empty())
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_lowercase);
        last_item_closed = inline.ends_with('.')
            || inline.ends_with(';')
            || (!inline.starts_with('-') && !next_lower);
    }
    let mut after_blank = false;
    while i < limit {
        let t = ls[i].text.trim();
        if t.is_empty() {
            after_blank = true;
            i += 1;
            continue;
        }
        // Numbered addressees only in a list under the opener.
        if is_list_line(t) || (inline.is_empty() && !after_blank && numbered_addressee(t).is_some())
        {
            last_item_closed = t.ends_with('.') || t.ends_with(';') || t.ends_with(',');
            after_blank = false;
            i += 1;
            continue;
        }
        // `Sở Y tế;` ⏎ `Sở Tài chính.`: after a `;`/`,` a line naming a body
        // is the next addressee, even without a bullet.
        let prev = ls[i - 1].text.trim_end();
        // `- Hiệu trưởng các trường trung học phổ thông,` ⏎ `trường phổ
        // thông nhiều cấp học;`: a lowercase line after a comma goes on
        // with the item.
        if !after_blank && prev.ends_with(',') && t.starts_with(char::is_lowercase) {
            last_item_closed = t.ends_with('.') || t.ends_with(';') || t.ends_with(',');
            i += 1;
            continue;
        }
        let next_addressee = !after_blank
            && (prev.ends_with(';') || prev.ends_with(','))
            && t.starts_with(char::is_uppercase)
            && starts_with_org(t, false)
            && t.chars().count() <= 160;
        if next_addressee && !RE_BODY_OPENER.is_match(t) {
            last_item_closed = t.ends_with('.') || t.ends_with(';') || t.ends_with(',');
            i += 1;
            continue;
        }
        // A paragraph after a blank line is the body, not a wrapped addressee.
        if last_item_closed || RE_BODY_OPENER.is_match(t) || (after_blank && i > at + 1) {
            break;
        }
        // Continuation of an item broken over lines.
        last_item_closed = t.ends_with('.') || t.ends_with(';') || t.ends_with(',');
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The addressee opener as one pattern, before it was split.
    static RE_RECIPIENTS_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*-?\s*(?:(?i:kính\s+gửi)\s*:?|(?i:k[íìi]nh\s*g[ửừưứữựuùúủũụ]i)\s*:|\p{Lu}[\p{Lu}\s]{2,80}\s(?i:điện)\s*:|(?:[^\n:]{0,160}\s)?(?i:kính\s+mời)\s*:)\s*")
            .unwrap()
    });

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        /// The split opener ends where the one pattern's match ends.
        #[test]
        fn recipients_opener_as_one_pattern(
            s in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Kính gửi", "KÍNH GỬI", "kính  gửi", "Kính", "gửi", ":", " :", " ", "  ", "\t",
                    "\n", "-", " - ", "THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH", "ĐIỆN", "điện", "Điện",
                    "ĐIện", "ĐI", "ỆN", "A", "AB", "ab", "\u{216B}", "\u{3000}", "x", ",",
                    "ABCDEFGHIJ KLMNOPQRST UVWXYZABCD EFGHIJKLMN", "Sở Y tế", "1", "đ",
                    "kính mời", "Trân trọng kính mời",
                ]),
                0..16,
            )
        ) {
            let s: String = s.concat();
            let whole = RE_RECIPIENTS_WHOLE.find(&s).map(|m| m.end());
            proptest::prop_assert_eq!(recipients_opener(&s), whole);
        }
    }

    /// Senders around the length bound, with each way of writing `điện`.
    #[test]
    fn a_portal_footer_ends_what_is_cited() {
        let t = "Số: 1/KH-HU\nNội dung theo Kế hoạch số 245-KH/TU.\nNơi nhận:\n- Lưu VP.\n\nBình luận (0) | In bài viết\nCác tin khác:\n» Kế hoạch số 108-KH/HU về tổ chức Hội nghị\n";
        let at = portal_footer(t, 0).expect("footer");
        assert!(t[at..].starts_with("Bình luận"));
        let d = crate::parse_str(t, "a.txt");
        let codes: Vec<_> = d
            .references
            .iter()
            .filter_map(|r| r.code.as_deref())
            .collect();
        assert_eq!(codes, vec!["245-KH/TU"]);
        assert_eq!(
            portal_footer("Các tỉnh, thành phố báo cáo kết quả thực hiện.\n", 0),
            None
        );
        assert_eq!(
            portal_footer("Nội dung.\nVăn bản liên quan:\n- 7912/VP-KGVX\n", 0),
            Some("Nội dung.\n".len())
        );
        assert_eq!(
            portal_footer("Nội dung.\nTệp đính kèm: 3412-BHXH-QLT.pdf\n", 0),
            Some("Nội dung.\n".len())
        );
    }

    #[test]
    fn recipients_opener_at_the_sender_bound() {
        for n in 0..90 {
            for run in ["B".repeat(n), "Ư ".repeat(n / 2)] {
                for dien in [" ĐIỆN:", " điện :", "  Điện: ", " ĐIỆN", "\tđiện:"] {
                    let line = format!(" - A{run}{dien} Các bộ");
                    let whole = RE_RECIPIENTS_WHOLE.find(&line).map(|m| m.end());
                    assert_eq!(recipients_opener(&line), whole, "{line:?}");
                }
            }
        }
    }

    #[test]
    fn subject_under_the_title_is_not_the_body() {
        // `Triển khai …` under `KẾ HOẠCH` is the subject; `I.` opens the body.
        let t = "ỦY BAN NHÂN DÂN\nTỈNH A\nSố: 12/KH-UBND\nA, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\nTriển khai công tác chuyển đổi số năm 2024\n\nI. MỤC ĐÍCH\n1. Nội dung.\n";
        let z = segment(t);
        assert!(t[z.header.clone()].contains("Triển khai công tác"));
        assert!(t[z.body.clone()].starts_with("I. MỤC ĐÍCH"));
    }

    #[test]
    fn zones_of_a_letter() {
        let t = "UBND TỈNH A\nSỞ B\nSố: 1/SB-VP\nV/v x\nKính gửi:\n- Các phòng;\n- Các trường.\nThực hiện Kế hoạch số 2/KH-UBND, Sở đề nghị:\n1. Làm.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A";
        let z = segment(t);
        assert!(t[z.header.clone()].contains("Kính gửi"));
        assert!(t[z.body.clone()].starts_with("Thực hiện"));
        assert!(t[z.body.clone()].trim_end().ends_with("1. Làm."));
        assert!(t[z.distribution.clone().unwrap()].contains("Lưu: VT."));
        assert!(t[z.signature.clone().unwrap()].ends_with("Nguyễn Văn A"));
    }

    #[test]
    fn portal_metadata_is_skipped() {
        let t = "Bản dịch này thuộc quyền sở hữu của\nTHƯ VIỆN PHÁP LUẬT\n#\nSố hiệu:\n|\n393/NQ-CP\nLoại văn bản:\nNghị quyết\nNgười ký:\nPhạm Thị Thanh Trà\nTình trạng:\nĐã biết\nCHÍNH PHỦ\nSố: 393/NQ-CP";
        let t = crate::normalize::normalize(t);
        let z = segment(&t);
        assert_eq!(z.meta("số hiệu"), Some("393/NQ-CP"));
        assert_eq!(z.meta("loại văn bản"), Some("Nghị quyết"));
        assert!(t[z.start..].starts_with("CHÍNH PHỦ"));
    }

    #[test]
    fn a_pages_headline_and_lead_above_the_document() {
        let t = "CỔNG THÔNG TIN ĐIỆN TỬ PHƯỜNG NINH KIỀU\nTrang chủ | Giới thiệu | Tin tức\n\nNGHỊ QUYẾT VỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026\n\n(Cổng TTĐT) - Chiều ngày 18/12/2025, Hội đồng nhân dân phường Ninh Kiều tổ chức Kỳ họp thứ tư, thông qua 08 nghị quyết quan trọng.\n\nHỘI ĐỒNG NHÂN DÂN\nPHƯỜNG NINH KIỀU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 28/NQ-HĐND\n";
        let z = segment(t);
        assert!(
            t[z.start..].starts_with("HỘI ĐỒNG NHÂN DÂN\n"),
            "{}",
            &t[z.start..]
        );
        // A portal's record line, `Số ký hiệu   3012/QĐ-BGDĐT`, is no number
        // line; links to other documents below are its footer.
        assert!(!is_number_line("Số ký hiệu        3012/QĐ-BGDĐT"));
        assert!(is_number_line("Số:    /QĐ-UBND"));
        assert!(portal_footer(
            "Nội dung.\nVăn bản cùng lĩnh vực:\n- Thông tư 32/2020/TT-BGDĐT\n",
            0
        )
        .is_some());
        // The issuer above its number and subject, the motto after them: the
        // header starts at the issuer.
        let t = "CỔNG THÔNG TIN ĐIỆN TỬ BỘ Y TẾ\nTrang chủ | Giới thiệu\n\nBỘ Y TẾ\nSố: 7215/BYT-QLD\nV/v bảo đảm cung ứng thuốc, nguyên liệu làm thuốc phục vụ nhu cầu phòng bệnh, chữa bệnh dịp Tết\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n";
        let z = segment(t);
        assert!(t[z.start..].starts_with("BỘ Y TẾ\n"), "{}", &t[z.start..]);
    }
}

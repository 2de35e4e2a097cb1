//! Issuer and parent body: the header's left column (continuation lines,
//! two-column headers with the motto cut out, abbreviations expanded,
//! proper Vietnamese case).

use super::*;

pub(super) const MOTTO_PARTS: &[&str] = &[
    "cộng hòa xã hội chủ nghĩa việt nam",
    "đảng cộng sản việt nam",
    "độc lập - tự do - hạnh phúc",
    "cộng hòa xã hội",
    "chủ nghĩa việt nam",
];

/// Remove motto phrases (and what follows them on a flattened line) from a
/// header line; returns the left-column remainder.
pub(super) fn strip_motto(t: &str) -> String {
    // The leftmost motto part (one automaton pass instead of a search per
    // part: the same cut, the first occurrence of any part).
    // Compared without tones: OCR loses them (`ĐẢNG CÔNG SẢN VIỆT NAM`,
    // `CÔNG HÒA XÃ HÔI CHỦ NGHĨA VIÊT NAM`).
    static MOTTO_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(MOTTO_PARTS.iter().map(|p| crate::text::fold(p)))
            .unwrap()
    });
    let k = crate::text::fold(&key(t));
    let mut cut = t.len();
    if let Some(pos) = MOTTO_FINDER.find(&k).map(|m| m.start()) {
        // Map the byte offset in the key back to the original: same
        // number of chars before it.
        let chars_before = k[..pos].chars().count();
        cut = t
            .char_indices()
            .nth(chars_before)
            .map_or(t.len(), |(i, _)| i);
    }
    let mut s = t[..cut].to_string();
    // Column gap: keep the left part (a right part in capitals is kept
    // unless it is a mass organisation's motto).
    if let Some(p) = s.find(crate::text::COLUMN_GAP) {
        let right = s[p..].trim();
        if !right.is_empty()
            && (!is_upper(right) || {
                let k = key(right);
                crate::vocab::COLUMN_MOTTOS.iter().any(|m| key(m) == k)
            })
        {
            s.truncate(p);
        }
    }
    s.trim()
        .trim_matches(|c: char| c == '-' || c == '*' || c == '_' || c.is_whitespace())
        .to_string()
}

/// Upper-case lines that continue the previous organisation line.
/// In a header line in capitals, where a second body starts right after a
/// locality (`tỉnh`, `huyện`… and a place name) that ends the first:
/// `ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG VĂN PHÒNG`, `UBND TỈNH HƯNG YÊN BAN
/// QUẢN LÝ CÁC KHU CÔNG NGHIỆP`.
fn body_after_locality(t: &str) -> Option<usize> {
    const DESIGNATORS: &[&[&str]] = &[
        &["tỉnh"],
        &["thành", "phố"],
        &["huyện"],
        &["quận"],
        &["thị", "xã"],
        &["tp"],
    ];
    // (Only a line naming a locality is read word by word.)
    if !["TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "TP"]
        .iter()
        .any(|d| t.contains(d))
    {
        return None;
    }
    let words: Vec<(usize, String)> = t
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .map(|(i, w)| (i, key(w)))
        .collect();
    let places = vocab::place_name_keys();
    let by_first = vocab::place_names_by_first_word();
    for d in 0..words.len() {
        let Some(dn) = DESIGNATORS.iter().find_map(|ds| {
            (d + ds.len() <= words.len() && ds.iter().zip(&words[d..]).all(|(a, (_, b))| a == b))
                .then_some(ds.len())
        }) else {
            continue;
        };
        let at = d + dn;
        let Some((_, first)) = words.get(at) else {
            continue;
        };
        for &pi in by_first.get(first.as_str()).map_or(&[][..], Vec::as_slice) {
            let (pw, _) = &places[pi];
            let end = at + pw.len();
            if end < words.len()
                && pw.iter().zip(&words[at..end]).all(|(a, (_, b))| a == b)
                && vocab::starts_with_org_head(&t[words[end].0..])
            {
                return Some(words[end].0);
            }
        }
    }
    None
}

pub(super) fn continues_org(prev: &str, t: &str) -> bool {
    let k = key(t);
    let pk = key(prev);
    const DESIGNATORS: &[&str] = &[
        "thành phố",
        "tỉnh",
        "huyện",
        "quận",
        "xã",
        "phường",
        "thị xã",
        "đặc khu",
        "trung ương",
        "tp",
    ];
    let has = |s: &str, d: &str| {
        s == d || s.starts_with(&format!("{d} ")) || s.contains(&format!(" {d} "))
    };
    let committee = ["tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy"]
        .iter()
        .any(|c| k.starts_with(c));
    // `KIỂM TOÁN NHÀ NƯỚC` ⏎ `KIỂM TOÁN NHÀ NƯỚC KHU VỰC IV`, `TỔNG LĐLĐ
    // VIỆT NAM` ⏎ `LĐLĐ THÀNH PHỐ ĐÀ NẴNG`: a line that starts with the
    // body above (without its `Tổng`) names a body under it.
    let base = pk.strip_prefix("tổng ").unwrap_or(&pk);
    let first_word = |s: &str| s.split(' ').next().unwrap_or("").to_string();
    if k.len() > base.len() && k.starts_with(base) && k[base.len()..].starts_with(' ')
        || pk.starts_with("tổng ")
            && !first_word(base).is_empty()
            && first_word(&k) == first_word(base)
    {
        return false;
    }
    // `ỦY BAN NHÂN DÂN` ⏎ `TỈNH BÌNH ĐỊNH`: a locality continues the body
    // above, unless the line names a body of its own (`BCH TỈNH BẮC GIANG`).
    (!committee
        && !vocab::starts_with_org_head(t)
        && DESIGNATORS.iter().any(|d| has(&k, d))
        && !DESIGNATORS
            .iter()
            .any(|d| has(&pk, d) || pk.ends_with(&format!(" {d}"))))
        // `SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH` ⏎ `ĐỒNG THÁP`, `HỘI ĐỒNG XÉT THĂNG HẠNG`
        // ⏎ `CDNN VIÊN CHỨC NĂM 2025`: a line that names no new body
        // continues the one above.
        || (!vocab::starts_with_org_head(t) && !committee)
        || pk.ends_with(" và")
        || pk.ends_with(',')
        || pk.ends_with(" -")
        || matches!(
            pk.as_str(),
            "ủy ban nhân dân"
                | "hội đồng nhân dân"
                | "ban chấp hành"
                | "ubnd"
                | "hđnd"
                | "bộ"
                | "sở"
                | "ban chỉ đạo"
                | "đảng bộ"
        )
}

pub(super) fn find_issuer(header: &[Line], title: Option<&Title>) -> Issuer {
    let mut orgs: Vec<String> = Vec::new();
    let mut plain_orgs: Vec<String> = Vec::new();
    let stop = title.map(|t| t.line).unwrap_or(header.len());
    let mut prev_was_org = false;
    for l in &header[..stop] {
        let raw = l.text.trim();
        if raw.is_empty() {
            // `ỦY BAN NHÂN DÂN` ⏎⏎ `THÀNH PHỐ HỒ CHÍ MINH`: a bare committee
            // still waits for its locality across a blank line.
            prev_was_org = prev_was_org
                && orgs.last().is_some_and(|o| {
                    matches!(
                        key(o).as_str(),
                        "ủy ban nhân dân" | "hội đồng nhân dân" | "ubnd" | "hđnd"
                    )
                });
            continue;
        }
        if segment::is_number_line(raw) || RE_VV.is_match(raw) || segment::is_recipients_line(raw) {
            break;
        }
        let t = strip_motto(raw);
        let t = t.split(", ngày").next().unwrap_or("").trim().to_string();
        // `HỎA TỐC`, `MẬT`, `DỰ THẢO` above or between the header's lines:
        // stamps, no body (and no break between a body's lines).
        if crate::extract::marks::is_stamp_line(&t) {
            continue;
        }
        // A motto line of the other column between a body's lines (`ỦY BAN
        // NHÂN DÂN` ⏎ `CỘNG HÒA XÃ HỘI …` ⏎ `TỈNH ĐẮK NÔNG`): no break.
        if t.is_empty() {
            continue;
        }
        // A header written in ordinary case (`Ủy ban nhân dân tỉnh Quảng Nam`
        // ⏎ `Sở Y tế`, as some converters leave it): lines that start with a
        // body's name, used when no line is in capitals.
        if t.chars().count() <= 100
            && !t.ends_with(['.', ';', ':'])
            && t.starts_with(char::is_uppercase)
            && vocab::starts_with_org_head(&t)
        {
            plain_orgs.push(t.clone());
        }
        if t.is_empty()
            || is_rule(&t)
            || !is_upper(&t)
            || t.chars().filter(|c| c.is_alphabetic()).count() < 2
        {
            prev_was_org = false;
            continue;
        }
        let t = join_split_letters(&t);
        // `ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG VĂN PHÒNG` (a table cell's two
        // lines flattened): the body under the committee starts after the
        // place.
        if let Some(p) = body_after_locality(&t) {
            orgs.push(t[..p].trim_end().to_string());
            orgs.push(t[p..].to_string());
            prev_was_org = true;
            continue;
        }
        match orgs.last_mut() {
            Some(last) if prev_was_org && continues_org(last, &t) => {
                last.push(' ');
                last.push_str(&t);
            }
            _ => orgs.push(t),
        }
        prev_was_org = true;
    }
    if orgs.is_empty() {
        let keep = plain_orgs.len().saturating_sub(2);
        orgs = plain_orgs.split_off(keep);
    }
    let mut issuer = Issuer::default();
    match orgs.len() {
        0 => {
            // No header: a title `… CỦA BAN THƯỜNG VỤ ĐẢNG ỦY` names the issuer.
            if let Some(t) = title {
                let mut cands: Vec<&str> = vec![t.rest.as_str()];
                if let Some(next) = header.get(t.line + 1) {
                    cands.push(next.text.trim());
                }
                for c in cands {
                    let k = key(c);
                    if let Some(org) = k.strip_prefix("của ") {
                        if is_upper(c) && !org.starts_with("đồng chí") {
                            let orig: String = c.chars().skip(4).collect();
                            issuer.name = Some(proper_case(&expand_abbreviations(orig.trim())));
                        }
                    }
                }
            }
        }
        1 => issuer.name = Some(proper_case(&expand_abbreviations(&orgs[0]))),
        n => {
            issuer.name = Some(proper_case(&expand_abbreviations(&orgs[n - 1])));
            issuer.parent = Some(proper_case(&expand_abbreviations(&orgs[n - 2])));
        }
    }
    issuer
}

/// `B Ộ LAO ĐỘNG` (letters spaced out by a converter) → `BỘ LAO ĐỘNG`.
pub(super) fn join_split_letters(t: &str) -> String {
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic()) {
            let mut merged = w.to_string();
            while i + 1 < words.len()
                && words[i + 1].chars().count() == 1
                && words[i + 1].chars().all(|c| c.is_alphabetic())
                && merged.chars().count() < 2
            {
                merged.push_str(words[i + 1]);
                i += 1;
            }
            out.push(merged);
        } else {
            out.push(w.to_string());
        }
        i += 1;
    }
    out.join(" ")
}

/// Expand `UBND`, `HĐND`, `TP` in an issuer name.
pub fn expand_abbreviations(s: &str) -> String {
    let upper = is_upper(s);
    s.split_whitespace()
        .map(|w| {
            ISSUER_ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == w)
                .map(|(_, e)| {
                    if upper {
                        e.to_uppercase()
                    } else {
                        e.to_string()
                    }
                })
                .unwrap_or_else(|| w.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Normal Vietnamese case for an organisation name or a post written in
/// capitals: `SỞ GIÁO DỤC VÀ ĐÀO TẠO` → `Sở Giáo dục và Đào tạo`,
/// `ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG` → `Ủy ban nhân dân thành phố Hải
/// Phòng`, `PHÓ CHÁNH VĂN PHÒNG` → `Phó Chánh Văn phòng`. Text that is not
/// all capitals is returned unchanged.
/// `I` … `XXXIX` written in capitals.
fn is_roman(w: &str) -> bool {
    let t = w.trim_start_matches('X');
    let tens = w.len() - t.len();
    !w.is_empty()
        && tens <= 3
        && (t.is_empty()
            || matches!(
                t,
                "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
            ))
}

pub fn proper_case(s: &str) -> String {
    let s = collapse_ws(s);
    if !is_upper(&s) {
        return s;
    }
    let words: Vec<String> = s.split(' ').map(|w| w.to_lowercase()).collect();
    let word_keys: Vec<String> = words
        .iter()
        .map(|w| key(w.trim_end_matches([',', '.'])))
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    #[derive(PartialEq)]
    enum Mode {
        Start,
        Field,
        Place,
        Plain,
    }
    let mut mode = Mode::Start;
    let mut component_start = true;
    let mut i = 0;
    while i < words.len() {
        // Longest unit match.
        let mut matched = None;
        let units = vocab::name_unit_keys();
        let candidates = vocab::name_units_by_first_word()
            .get(word_keys[i].as_str())
            .map_or(&[][..], Vec::as_slice);
        for (uw, unit, kind) in candidates.iter().map(|&k| &units[k]) {
            // Inside a field name (`SỞ NỘI VỤ`) a head word is an ordinary
            // word, not a new body.
            if *kind == UnitKind::Head && mode == Mode::Field && !component_start {
                continue;
            }
            if i + uw.len() <= words.len()
                && uw[..] == word_keys[i..i + uw.len()]
                && matched
                    .as_ref()
                    .is_none_or(|(n, _, _): &(usize, &str, UnitKind)| uw.len() > *n)
            {
                matched = Some((uw.len(), *unit, *kind));
            }
        }
        if let Some((n, unit, kind)) = matched {
            // Keep punctuation glued to the last word.
            let trail = trailing_punct(&words[i + n - 1]);
            let mut form =
                if kind == UnitKind::Designator && mode != Mode::Start && !unit.ends_with(" ủy") {
                    unit.to_lowercase()
                } else {
                    unit.to_string()
                };
            // `Công an tỉnh Lào Cai`: a locality word right after a body
            // head stays lower-case.
            if (component_start && kind != UnitKind::Designator) || out.is_empty() {
                form = capitalize_first(&form);
            }
            out.push(format!("{form}{trail}"));
            i += n;
            mode = match kind {
                UnitKind::Head => Mode::Field,
                UnitKind::Designator => Mode::Place,
                UnitKind::Fixed => Mode::Plain,
            };
            component_start = mode == Mode::Field;
            continue;
        }
        // A province or city inside the name keeps its capitals.
        let places = vocab::place_name_keys();
        if let Some((pw, place)) = vocab::place_names_by_first_word()
            .get(word_keys[i].as_str())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&k| &places[k])
            .find(|(pw, _)| i + pw.len() <= words.len() && pw[..] == word_keys[i..i + pw.len()])
        {
            let trail = trailing_punct(&words[i + pw.len() - 1]);
            out.push(format!("{place}{trail}"));
            i += pw.len();
            component_start = false;
            if mode == Mode::Start {
                mode = Mode::Plain;
            }
            continue;
        }
        let w = &words[i];
        let is_connector = w == "và" || w == "-" || w == "&";
        // `THPT`, `CDNN`, `GDĐT`: abbreviations (no vowel) stay in capitals;
        // after a school level the school's proper name follows.
        let bare = w.trim_end_matches([',', '.']);
        let abbreviation = bare.chars().count() >= 2
            && bare.chars().all(|c| c.is_alphabetic() || c == '&')
            && !bare.chars().any(|c| {
                matches!(
                    crate::text::base_letter(c),
                    'a' | 'e' | 'i' | 'o' | 'u' | 'y'
                )
            });
        // `KHU VỰC IV`: a Roman numeral ending the name keeps its capitals
        // (inside a name `VI` is a word: `XỬ LÝ VI PHẠM`).
        let roman = i + 1 == words.len() && is_roman(&bare.to_uppercase());
        if abbreviation || roman {
            out.push(w.to_uppercase());
            if vocab::SCHOOL_LEVELS.contains(&bare.to_uppercase().as_str()) {
                mode = Mode::Place;
            } else if mode == Mode::Start {
                mode = Mode::Plain;
            }
            component_start = false;
            i += 1;
            continue;
        }
        let form = if is_connector {
            w.clone()
        } else if mode == Mode::Place || component_start || out.is_empty() {
            capitalize_first(w)
        } else {
            w.clone()
        };
        out.push(form);
        component_start = mode == Mode::Field && (is_connector || w.ends_with(','));
        if mode == Mode::Start {
            mode = Mode::Plain;
        }
        i += 1;
    }
    out.join(" ")
}

//! Distribution (`Nơi nhận`) and archive (`Lưu: VT, …`).

use super::*;

pub(super) static RE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*((?:để|thay|b/c|t/h|p/h|báo cáo|biết|thực hiện|chỉ đạo|phối hợp|theo dõi|theo danh sách|đăng|qua)[^()]*)\)\s*$").unwrap()
});

/// `Lưu: VT, …` (`Lưu VT` in Party style, `LƯU:` in capitals; OCR's `Luu:`
/// with the colon).
pub(super) static RE_LUU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[-+•]?\s*(?:(?:Lưu|LƯU)\s*(?::|\s)|(?:Luu|LUU)\s*:)\s*(?P<rest>.*)$").unwrap()
});

use crate::recognize::RE_NOI_NHAN;

/// The entries of a `Lưu:` line as written, copy counts kept (`VT, BCĐ
/// (02)`, `KTTH (2) MCường`): a whole entry in parentheses is unwrapped
/// (`(VX/KN)`), a unit code closed by a full stop before the typist's
/// initials splits (`KGVX. Thg`; `L.T. Hiển` stays one name), and a lone
/// number after the line (an OCR page number) is dropped.
fn archive_entries(rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |e: &str| {
        let e = match e.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
            Some(inner) if !inner.contains(['(', ')']) => inner.trim(),
            _ => e,
        };
        if !e.is_empty() && !e.chars().all(|c| c.is_ascii_digit()) {
            out.push(e.to_string());
        }
    };
    for e in rest.split([',', ';']) {
        let e = collapse_ws(e);
        let mut e = e.trim_end_matches(['.', ' ']).trim();
        while let Some((code, tail)) = e.split_once(". ") {
            let unit = code.chars().count() >= 2
                && !code.contains(['.', ' ', '('])
                && code
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '/');
            let bracketed = code.ends_with(')') && code.contains('(');
            if !(unit || bracketed) {
                break;
            }
            push(code);
            e = tail.trim();
        }
        push(e);
    }
    out
}

/// A distribution item's trailing parenthesis: a purpose (`để b/c`, also
/// after a department: `Cục A03 - để b/c`) is the note; a copy count
/// (`03`) is dropped; a department of the recipient (`Vụ Pháp chế`) is kept
/// as the note. Anything else stays in the name.
fn split_note(s: &str) -> (String, Option<String>) {
    let (name, note) = split_one_note(s);
    // `TANDTC (Vụ Pháp chế) - để b/c`, `Bộ GDĐT (Vụ GDĐH) (để b/c)`: a
    // department before the purpose leaves the name too (the purpose is
    // the note).
    if note.is_some() && name.ends_with(')') {
        let (inner, unit) = split_one_note(&name);
        if unit.is_some() || inner.len() < name.len() {
            return (inner, note);
        }
    }
    (name, note)
}

fn split_one_note(s: &str) -> (String, Option<String>) {
    if let Some(c) = RE_NOTE.captures(s) {
        let whole = c.get(0).map(|m| m.start()).unwrap_or(s.len());
        return (clean_item(&s[..whole]), Some(collapse_ws(&c[1])));
    }
    // `TANDTC - để b/c;`: a purpose after a dash.
    let dashed = s.contains(" -") || s.contains(" –");
    if let Some(c) = dashed.then(|| RE_DASH_NOTE.captures(s)).flatten() {
        let at = c.get(0).map_or(s.len(), |m| m.start());
        let name = clean_item(&s[..at]);
        if !name.is_empty() {
            return (name, Some(collapse_ws(&c[1])));
        }
    }
    if let Some(c) = RE_PAREN_TAIL.captures(s) {
        let at = c.get(0).map_or(s.len(), |m| m.start());
        let inner = collapse_ws(&c[1]);
        let name = clean_item(&s[..at]);
        if name.is_empty() {
            return (s.to_string(), None);
        }
        if let Some(p) = RE_PURPOSE_INSIDE.find(&inner) {
            return (name, Some(inner[p.start()..].trim().to_string()));
        }
        if inner.chars().all(|c| c.is_ascii_digit()) {
            return (name, None);
        }
        if RE_UNIT_NOTE.is_match(&inner) {
            return (name, Some(inner));
        }
        // `Bộ Công an (C07)`: a department's code.
        if RE_UNIT_CODE.is_match(&inner) {
            return (name, None);
        }
    }
    (s.to_string(), None)
}

static RE_DASH_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s[-–]\s*((?:để\s|b/c|t/h|p/h)[^()\-–]*?)\s*[;.,]?\s*$").unwrap()
});
static RE_PAREN_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\s*([^()]+?)\s*\)\s*[;.,]?\s*$").unwrap());
static RE_PURPOSE_INSIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[\s\-–,])(?:để\s|b/c|t/h|p/h)").unwrap());
static RE_UNIT_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-ZĐ]{1,3}\d{1,3}$").unwrap());
static RE_UNIT_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Vụ|Cục|Phòng|Văn phòng|Ban|Trung tâm|Viện|Tổng cục|Thanh tra|Bộ|Sở)\s+\S")
        .unwrap()
});

/// A note that spans items (Party style, a brace drawn in the margin):
/// `- Ban Tuyên giáo Trung ương, (để` ⏎ `- Thường trực Tỉnh ủy, báo cáo)`.
/// Each item of the span gets the whole note, `(để báo cáo)`, in the form
/// [`split_note`] reads.
fn spanning_notes(mut items: Vec<String>) -> Vec<String> {
    braced_notes(&mut items);
    let mut i = 0;
    while i < items.len() {
        let open = items[i]
            .rfind('(')
            .filter(|&p| !items[i][p..].contains(')'));
        let Some(p) = open else {
            i += 1;
            continue;
        };
        // The closing item: the first after with a `)` and no `(`.
        let Some(j) = (i + 1..items.len().min(i + 6))
            .find(|&j| items[j].contains(')') && !items[j].contains('('))
        else {
            i += 1;
            continue;
        };
        let close_item = items[j].trim_end_matches([';', ',', '.', ' ']).to_string();
        let Some(head) = close_item.strip_suffix(')') else {
            i += 1;
            continue;
        };
        let cut = head.rfind(',').map_or(0, |c| c + 1);
        let note = format!("{} {}", items[i][p + 1..].trim(), head[cut..].trim());
        let note = collapse_ws(&note);
        let first = items[i][..p].trim_end().trim_end_matches(',').to_string();
        items[i] = format!("{first} ({note})");
        let last = head[..cut].trim_end().trim_end_matches(',').to_string();
        items[j] = format!("{last} ({note})");
        for it in &mut items[i + 1..j] {
            let t = it.trim_end().trim_end_matches([',', ';']).to_string();
            *it = format!("{t} ({note})");
        }
        i = j + 1;
    }
    items
}

/// A brace drawn with text in the margin: `- Thường trực Tỉnh ủy,   } để`
/// ⏎ `- Ban Tuyên giáo Tỉnh ủy,   } báo cáo`. The items of a run that hold
/// a `}` get the words after the braces, read down, as their note.
fn braced_notes(items: &mut [String]) {
    let mut i = 0;
    while i < items.len() {
        // (A `{` too: OCR's formula markup, `$( \\mathsf { b } / … )$`.)
        let braced = |t: &str| t.contains('}') && !t.contains('{');
        if !braced(&items[i]) {
            i += 1;
            continue;
        }
        let j = (i..items.len())
            .take_while(|&k| braced(&items[k]))
            .last()
            .unwrap_or(i);
        let note = collapse_ws(
            &items[i..=j]
                .iter()
                .filter_map(|it| it.split_once('}').map(|(_, n)| n.trim()))
                .collect::<Vec<_>>()
                .join(" "),
        );
        let note = note.trim_matches([',', ';', '.', ' ']);
        for it in &mut items[i..=j] {
            let name = it.split_once('}').map_or(it.as_str(), |(n, _)| n);
            let name = name.trim_end().trim_end_matches([',', ';']).trim_end();
            *it = if note.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({note})")
            };
        }
        i = j + 1;
    }
}

pub(super) fn find_distribution(ls: &[Line], zones: &Zones) -> (Vec<Recipient>, Vec<String>) {
    let mut dist = Vec::new();
    let mut archive = Vec::new();
    let Some(range) = zones.distribution.clone() else {
        return (dist, archive);
    };
    let block: Vec<&str> = ls
        .iter()
        .filter(|l| l.start >= range.start && l.start <= range.end)
        .map(|l| l.text)
        .collect();
    let mut items: Vec<String> = Vec::new();
    let mut done = false;
    for (n, l) in block.iter().enumerate() {
        if done {
            break;
        }
        let mut t = l.trim().to_string();
        if n == 0 {
            t = RE_NOI_NHAN.replace(&t, "").trim().to_string();
        }
        if t.is_empty() {
            continue;
        }
        // Several items flattened onto one line: `- Như trên; - Lưu: VT.`,
        // or without bullets: `Như trên; UBND tỉnh (để b/c); Lưu: VT.`
        let bare = !t.starts_with(['-', '+', '•']) && !t.contains("; -");
        let sep = if bare && t.contains("; ") { ";" } else { "; -" };
        let parts: Vec<String> = t
            .split(sep)
            .enumerate()
            .map(|(k, p)| {
                if k > 0 {
                    format!("-{p}")
                } else {
                    p.to_string()
                }
            })
            .collect();
        // `- Bộ Giáo dục và Đào tạo; Bộ Tài chính;`: a bulleted line that
        // names a second body after `; ` holds two entries.
        let parts: Vec<String> = parts
            .into_iter()
            .flat_map(|p| {
                // (`- Lưu: VT, TM; Q15.` is one archive entry.)
                let item = p.trim_start().trim_start_matches(['-', '+', '•', ' ']);
                if bare || !p.trim_start().starts_with(['-', '+', '•']) || RE_LUU.is_match(item) {
                    return vec![p];
                }
                let mut out = Vec::new();
                let mut start = 0;
                for (i, _) in p.match_indices("; ") {
                    let next = &p[i + 2..];
                    let open = p[start..i].matches('(').count() > p[start..i].matches(')').count();
                    // (`TT HĐND huyện`: an abbreviation in capitals opens a
                    // body's name too.)
                    let first = next.split(' ').next().unwrap_or("");
                    let abbreviation = first.chars().count() >= 2 && crate::text::is_upper(first);
                    if !open
                        && next.starts_with(char::is_uppercase)
                        && !RE_LUU.is_match(next)
                        && (abbreviation || crate::extract::assignees::starts_addressee(next))
                    {
                        out.push(p[start..i + 1].to_string());
                        start = i + 2;
                    }
                }
                out.push(p[start..].to_string());
                out.into_iter()
                    .enumerate()
                    .map(|(k, x)| if k > 0 { format!("- {x}") } else { x })
                    .collect()
            })
            .collect();
        for part in parts {
            let p = part.trim();
            if p.is_empty() || p == "-" {
                continue;
            }
            if p.starts_with('-') || p.starts_with('+') || p.starts_with('•') || items.is_empty()
            {
                items.push(p.to_string());
            } else if let Some(last) = items.last_mut() {
                // A line after an item closed by `;` starts the next one
                // (lists without bullets); `Lưu` always does.
                let closed = last.trim_end().ends_with(';');
                if closed || last.trim_end().ends_with([',', '.']) && RE_LUU.is_match(p) {
                    items.push(p.to_string());
                } else if RE_LUU.is_match(last) && last.trim_end().ends_with('.') {
                    // `- Lưu: VT, VP.` ⏎ `Khoa_KH_356`: a line after the
                    // closed archive entry is an entry of its own (a file
                    // code, the typist); a longer one (a page's running
                    // footer: `Sở Nội vụ tỉnh Hà Giang - Hướng dẫn số 08/HD-SNV`)
                    // ends the list.
                    if p.split_whitespace().count() > 3 {
                        done = true;
                        break;
                    }
                    last.push_str(", ");
                    last.push_str(p);
                } else {
                    last.push(' ');
                    last.push_str(p);
                }
            }
        }
    }
    let items = spanning_notes(items);
    for it in items {
        if let Some(c) = RE_LUU.captures(&it) {
            let rest = c.name("rest").map(|m| m.as_str()).unwrap_or("");
            archive.extend(archive_entries(rest));
            continue;
        }
        let s = clean_item(&it);
        if s.is_empty() {
            continue;
        }
        let (name, note) = split_note(&s);
        if !name.is_empty() {
            dist.push(Recipient { name, note });
        }
    }
    (dist, archive)
}

#[cfg(test)]
mod archive_and_note_tests {
    use super::*;

    #[test]
    fn archive_entries_as_written() {
        assert_eq!(
            archive_entries("VT, VP (HC), Tài (25)."),
            ["VT", "VP (HC)", "Tài (25)"]
        );
        assert_eq!(archive_entries("VT, (VX/KN)."), ["VT", "VX/KN"]);
        assert_eq!(archive_entries("VT, KGVX. Thg."), ["VT", "KGVX", "Thg"]);
        assert_eq!(archive_entries("VT, L.T. Hiển."), ["VT", "L.T. Hiển"]);
        assert_eq!(archive_entries("VT (VDuần). 8."), ["VT (VDuần)"]);
        assert_eq!(
            archive_entries("VT, KTTH (2) MCường"),
            ["VT", "KTTH (2) MCường"]
        );
    }

    #[test]
    fn two_bodies_on_one_bulleted_line_are_two_entries() {
        let d = crate::parse_str("SỞ Y TẾ\nSố: 1/SYT-VP\nV/v thử\nNội dung.\nNơi nhận:\n- Bộ Giáo dục và Đào tạo; Bộ Tài chính;\n- Công báo; Cổng thông tin điện tử tỉnh;\n- UBND tỉnh (để b/c; theo dõi);\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A", "a.txt");
        let names: Vec<_> = d.distribution.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Bộ Giáo dục và Đào tạo",
                "Bộ Tài chính",
                "Công báo",
                "Cổng thông tin điện tử tỉnh",
                "UBND tỉnh"
            ]
        );
        assert_eq!(d.archive, vec!["VT"]);
    }

    #[test]
    fn a_line_after_the_closed_archive_is_an_entry() {
        let d = crate::parse_str("SỞ Y TẾ\nSố: 1/SYT-VP\nV/v thử\nNội dung.\nNơi nhận:\n- Như trên;\n- Lưu: VT, VP.UBND tỉnh.\nKhoa_KH_356\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A", "a.txt");
        assert_eq!(d.archive, vec!["VT", "VP.UBND tỉnh", "Khoa_KH_356"]);
        assert_eq!(d.distribution.len(), 1);
    }

    #[test]
    fn a_note_spanning_items() {
        let items: Vec<String> = [
            "- Ban Tuyên giáo Trung ương, (để",
            "- Văn phòng Trung ương,",
            "- Thường trực Tỉnh ủy, báo cáo)",
            "- Các huyện ủy (để thực hiện)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let out = spanning_notes(items);
        let notes: Vec<_> = out.iter().map(|i| split_note(&clean_item(i))).collect();
        assert_eq!(
            notes,
            vec![
                (
                    "Ban Tuyên giáo Trung ương".to_string(),
                    Some("để báo cáo".to_string())
                ),
                (
                    "Văn phòng Trung ương".to_string(),
                    Some("để báo cáo".to_string())
                ),
                (
                    "Thường trực Tỉnh ủy".to_string(),
                    Some("để báo cáo".to_string())
                ),
                ("Các huyện ủy".to_string(), Some("để thực hiện".to_string())),
            ]
        );
    }

    #[test]
    fn a_departments_code_in_parentheses_leaves_the_name() {
        assert_eq!(
            split_note("Bộ Công an (C07) (b/c);"),
            ("Bộ Công an".to_string(), Some("b/c".to_string()))
        );
        assert_eq!(split_note("Cục A03").0, "Cục A03");
    }

    #[test]
    fn a_note_in_a_brace_with_text() {
        let items: Vec<String> = [
            "- Thường trực Tỉnh uỷ,          } để",
            "- Ban Tuyên giáo Tỉnh uỷ,       } báo cáo",
            "- Lưu VP.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let out = spanning_notes(items);
        let notes: Vec<_> = out.iter().map(|i| split_note(&clean_item(i))).collect();
        let want = |n: &str| (n.to_string(), Some("để báo cáo".to_string()));
        assert_eq!(
            notes[..2],
            [want("Thường trực Tỉnh uỷ"), want("Ban Tuyên giáo Tỉnh uỷ")]
        );
        assert_eq!(notes[2].0, "Lưu VP");
    }

    #[test]
    fn distribution_notes() {
        let n = |s: &str| split_note(s);
        assert_eq!(n("Bộ Nội vụ (03)"), ("Bộ Nội vụ".into(), None));
        assert_eq!(
            n("Bộ Công an (Cục A03 - để b/c)"),
            ("Bộ Công an".into(), Some("để b/c".into()))
        );
        assert_eq!(
            n("Bộ Nội vụ (Vụ pháp chế)"),
            ("Bộ Nội vụ".into(), Some("Vụ pháp chế".into()))
        );
        assert_eq!(
            n("UBND tỉnh (để b/c)"),
            ("UBND tỉnh".into(), Some("để b/c".into()))
        );
        // A department, then the purpose: the purpose is the note.
        assert_eq!(
            n("TANDTC (Vụ Pháp chế và Quản lý khoa học) - để b/c"),
            ("TANDTC".into(), Some("để b/c".into()))
        );
        assert_eq!(
            n("Bộ GDĐT (Vụ GDĐH) (để b/c)"),
            ("Bộ GDĐT".into(), Some("để b/c".into()))
        );
        assert_eq!(
            n("Cục Kiểm tra văn bản (Bộ Tư pháp)"),
            ("Cục Kiểm tra văn bản".into(), Some("Bộ Tư pháp".into()))
        );
        // Not a note: kept in the name.
        assert_eq!(n("VP UBNDTP (2,3)"), ("VP UBNDTP (2,3)".into(), None));
        assert_eq!(
            n("Ban Quản lý dự án - Sở Xây dựng"),
            ("Ban Quản lý dự án - Sở Xây dựng".into(), None)
        );
        assert_eq!(n("Như trên"), ("Như trên".into(), None));
    }
}

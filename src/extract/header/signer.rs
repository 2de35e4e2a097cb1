//! Signer: authority (`KT.`, `TM.`…), office, post and name.

use super::*;

pub(super) fn canonical_authority(a: &str) -> Option<String> {
    AUTHORITIES
        .iter()
        .find(|(w, _)| *w == a)
        .map(|(_, c)| c.to_string())
}

pub(super) fn find_signer(ls: &[Line], zones: &Zones) -> Signer {
    let mut signer = Signer::default();
    let Some(range) = zones.signature.clone() else {
        return signer;
    };
    let block: Vec<&str> = ls
        .iter()
        .filter(|l| l.start >= range.start && l.start <= range.end)
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    // Authority lines: take the last of consecutive ones (`TM. CHÍNH PHỦ` /
    // `KT. THỦ TƯỚNG`).
    while i < block.len() {
        if let Some(c) = RE_AUTHORITY.captures(block[i]) {
            signer.authority = canonical_authority(&c[1]);
            let office = c[2].trim().to_string();
            // `KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC`, `TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ …`
            // flattened onto one line: the signer's post starts at the
            // second post of the line.
            let (office, title) = match second_post(&office) {
                Some(p) => (
                    office[..p].trim().to_string(),
                    Some(office[p..].to_string()),
                ),
                None => (office, None),
            };
            signer.on_behalf_of = Some(proper_case(&office));
            if let Some(t) = title {
                signer.title = Some(proper_case(&t));
            }
            i += 1;
        } else {
            break;
        }
    }
    // Post title: upper-case lines until the name.
    let mut title_parts: Vec<&str> = Vec::new();
    let mut in_note = false;
    while i < block.len() && signer.title.is_none() {
        let t = block[i];
        // `* UBND * XÃ YÊN THÀNH *`, `(SỞ` ⏎ `GIÁO DỤC VÀ` ⏎ `ĐÀO TẠO)`: a
        // seal's text, no part of the title.
        if in_note || !title_parts.is_empty() && segment::is_sign_note(t) {
            in_note = t.matches('(').count() + usize::from(in_note) > t.matches(')').count();
            i += 1;
            continue;
        }
        // A second post line (`PHÓ THỦ TƯỚNG` under `TRƯỞNG BAN`) is another
        // office of the same person, not part of the title.
        if !title_parts.is_empty() && segment::is_post_title(t) {
            i += 1;
            continue;
        }
        // `TRƯỞNG PHÒNG TUYÊN TRUYỀN - HỖ TRỢ` ⏎ `NGƯỜI NỘP THUẾ` ⏎ `Lê Thị
        // Thu Hà`: a line in capitals that could be a name goes on with the
        // title when a name follows it.
        let name_follows = !title_parts.is_empty()
            && block[i + 1..]
                .iter()
                .filter(|l| !segment::is_sign_note(l))
                .any(|l| looks_like_name(l.trim_end_matches('.')));
        if is_upper(t) && (name_follows || !looks_like_name_upper(t, &title_parts)) {
            // `TRƯỞNG BAN PHÓ THỦ TƯỚNG` flattened: the first post is the title.
            let t = match second_post(t) {
                Some(p) if title_parts.is_empty() && segment::is_post_title(t) => t[..p].trim(),
                _ => t,
            };
            title_parts.push(t);
            i += 1;
        } else {
            break;
        }
    }
    if !title_parts.is_empty() {
        signer.title = Some(proper_case(&title_parts.join(" ")));
    }
    // Name: the first name-like line after notes such as `(Đã ký)`.
    for t in &block[i..] {
        if segment::is_sign_note(t) {
            continue;
        }
        let cand = t.trim_end_matches('.');
        if looks_like_name(cand) {
            // A degree or rank goes to `name_prefix` as written (`name` is
            // the person); a name in capitals gets Title Case.
            let (prefix, rest) = segment::strip_name_prefix(cand);
            let name = if is_upper(rest) {
                title_case(rest)
            } else {
                collapse_ws(rest)
            };
            signer.name = Some(name);
            if !prefix.trim().is_empty() {
                signer.name_prefix = Some(collapse_ws(prefix.trim()));
            }
            break;
        }
    }
    if signer.title.is_none() && signer.authority.is_none() && signer.on_behalf_of.is_none() {
        return Signer {
            name: signer.name,
            name_prefix: signer.name_prefix,
            ..Default::default()
        };
    }
    signer
}

/// The `,`/`.` glued to the end of a word, in order (`Ninh,` → `,`).
pub(super) fn trailing_punct(w: &str) -> &str {
    &w[w.trim_end_matches([',', '.']).len()..]
}

/// Byte offset of the second post named in an authority line's office
/// (`BỘ TRƯỞNG THỨ TRƯỞNG` → at `THỨ`), if any.
pub(super) fn second_post(office: &str) -> Option<usize> {
    office
        .char_indices()
        .filter(|&(i, c)| {
            // `PHÓ GIÁM ĐỐC`, `TỔNG GIÁM ĐỐC`, `PHÓ TỔNG CỤC TRƯỞNG`: one post;
            // `BỘ TRƯỞNG, CHỦ NHIỆM`: one person's two offices, one post.
            let k = key(&office[..i]);
            i > 0
                && c != ' '
                && office[..i].ends_with(' ')
                && !office[..i].trim_end().ends_with(',')
                && !crate::text::ends_with_word(&k, "phó")
                && !crate::text::ends_with_word(&k, "tổng")
        })
        .map(|(i, _)| i)
        .find(|&i| segment::starts_with_post(&office[i..]))
}

/// An upper-case name line (`NGUYỄN VĂN A`) right after the post title.
pub(super) fn looks_like_name_upper(t: &str, title_so_far: &[&str]) -> bool {
    !title_so_far.is_empty() && looks_like_name(t) && !segment::is_post_title(t) && {
        let k = key(t);
        !NAME_UNITS
            .iter()
            .any(|(u, _)| k.contains(&key(u)) && u.contains(' '))
            // (`Văn` is a common middle name: `NGUYỄN VĂN THẮNG`; `VĂN PHÒNG`
            // is caught by the units above.)
            && !["phó", "chánh", "trưởng", "ban", "giám", "và"]
                .iter()
                .any(|w| k.split(' ').any(|x| x == *w))
    }
}

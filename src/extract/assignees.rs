//! Who a directive item is addressed to: the lead body first (`chủ trì`,
//! the subject of the item, or the body after `Giao`/`Đề nghị`), then the
//! co-operating bodies (`phối hợp với …`).

use std::sync::LazyLock;

pub use crate::recognize::starts_with_org;
use crate::recognize::ByFirst;
use crate::text::{lower_same_offsets, starts_ci, word_end};
use crate::vocab::{
    ACTION_VERBS, ADDRESSEE_PARENTHESES, ASSIGN_VERBS, COOPERATE_WORDS, INTRO_CLAUSES, TOPIC_HEADS,
};

/// What an item's own text says about its assignees.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assignment {
    /// Bodies named as the actors of the item, lead first.
    pub actors: Vec<String>,
    /// True when the item is only a heading naming bodies
    /// (`1. Ủy ban nhân dân các xã, phường`): it assigns everything below.
    pub heading: bool,
    /// Bodies after `phối hợp với`.
    pub cooperating: Vec<String>,
}

static ACTION_BY_FIRST: LazyLock<ByFirst> =
    LazyLock::new(|| ByFirst::new(ACTION_VERBS.iter().copied()));
/// Where the predicate after a subject starts: the first action verb (a
/// capitalized one only at the start of a line, since `Sở Xây dựng`,
/// `Vụ Tổ chức cán bộ` carry verbs in their names), or `:`/`;`/`(`/`.`.
fn first_verb(s: &str) -> Option<usize> {
    let mut prev_word = String::new();
    let mut at_word_start = true;
    let mut newline_before = false;
    for (i, c) in s.char_indices() {
        if c == ';' && starts_addressee(s[i + 1..].trim_start()) {
            // `Giám đốc Sở Tài chính; Chủ tịch Ủy ban nhân dân các xã`: the
            // group goes on.
            continue;
        }
        if c == ':' && colon_lists_members(&s[i + 1..]) {
            continue;
        }
        // `các ông (bà) có tên tại Điều 1`: the parenthesis is part of
        // the name.
        if c == '('
            && ADDRESSEE_PARENTHESES
                .iter()
                .any(|p| starts_ci(&s[i + 1..], p).is_some())
        {
            continue;
        }
        if matches!(c, ':' | ';' | '(' | '.') {
            return Some(i);
        }
        if at_word_start && crate::text::is_alpha(c) && i > 0 {
            let rest = &s[i..];
            let capital = c.is_uppercase();
            for v in ACTION_BY_FIRST.get(rest).iter().map(|&k| &ACTION_VERBS[k]) {
                if capital && !newline_before {
                    break;
                }
                if let Some(n) = starts_ci(rest, v) {
                    if !word_end(rest, n) {
                        continue;
                    }
                    let pw = prev_word.as_str();
                    let noun = matches!(pw, "các" | "những" | "của" | "ban" | "tổ" | "và" | "được")
                        || verb_in_name(pw, v, &rest[n..]);
                    if !noun {
                        return Some(i);
                    }
                }
            }
        }
        if crate::text::is_alpha(c) {
            if at_word_start {
                prev_word.clear();
                newline_before = false;
            }
            prev_word.push(crate::text::lower_char(c));
            at_word_start = false;
        } else {
            if c == '\n' {
                newline_before = true;
            } else if !c.is_whitespace() {
                newline_before = false;
            }
            at_word_start = c.is_whitespace() || c == ',' || c == '-';
        }
    }
    None
}

/// After `Giám đốc các Sở:`, names on the same line (`Văn hóa, Thể thao và
/// Du lịch, Tài chính`) list the members: the group goes on. A verb or a
/// line break after the colon ends it.
fn colon_lists_members(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    rest.starts_with(char::is_uppercase)
        && !ACTION_VERBS
            .iter()
            .any(|v| starts_ci(rest, v).is_some_and(|n| word_end(rest, n)))
        && !ASSIGN_VERBS.iter().any(|v| starts_ci(rest, v).is_some())
}

/// An action verb that is part of a body's description here, not the
/// predicate: `cơ quan có liên quan`, `tổ chức, cá nhân`, `đơn vị sự nghiệp
/// công lập`, `đơn vị được giao nhiệm vụ` (ending the heading).
fn verb_in_name(prev_word: &str, verb: &str, after: &str) -> bool {
    let next = after.trim_start_matches(' ');
    match verb {
        // `cơ quan có liên quan`, `các ông (bà) có tên tại Điều 1`.
        "có" => next.starts_with("liên quan") || next.starts_with("tên "),
        "tổ chức" => {
            // `tổ chức, cá nhân`, `tổ chức và đơn vị`, `tổ chức liên quan`
            // (but `tổ chức, chỉ đạo` and `tổ chức và triển khai` are verbs).
            let n = next
                .strip_prefix(',')
                .or_else(|| next.strip_prefix(';'))
                .or_else(|| next.strip_prefix("và "))
                .unwrap_or(next)
                .trim_start();
            [
                "cá nhân",
                "cơ quan",
                "đơn vị",
                "doanh nghiệp",
                "hộ gia đình",
                "liên quan",
                "có liên quan",
                "đoàn thể",
                "chính trị",
                "đảng",
            ]
            .iter()
            .any(|w| n.starts_with(w))
        }
        "lập" => prev_word == "công",
        // `Phòng Hậu cần`, `Cục Hậu cần`: logistics, no need.
        "cần" => prev_word == "hậu",
        // `Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh`,
        // `Trung tâm Xúc tiến đầu tư`.
        "đầu tư" => matches!(prev_word, "án" | "tiến"),
        // `Phòng Kế hoạch tổng hợp`, `Phòng Giám đốc kiểm tra`.
        "tổng hợp" => matches!(prev_word, "hoạch" | "vụ"),
        "kiểm tra" => matches!(prev_word, "đốc" | "ủy" | "uỷ" | "ban"),
        "xây dựng" => prev_word == "tư",
        // `công trình`, `chương trình` in a body's name.
        "trình" => matches!(prev_word, "công" | "chương"),
        // `giao thông`, `giao dịch`: no handing over.
        "giao" => ["thông", "dịch", "lưu"]
            .iter()
            .any(|w| crate::text::starts_with_word(next, w)),
        // `Hội đồng thẩm định`, `Ủy ban bầu cử`, `người ứng cử`.
        "thẩm định" => prev_word == "đồng",
        "cử" => matches!(prev_word, "bầu" | "ứng"),
        "được giao" => next.strip_prefix("nhiệm vụ").is_some_and(|r| {
            r.trim_start_matches(' ')
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '\n' | ',' | ';' | ':' | '.'))
        }),
        _ => false,
    }
}

fn clean(s: &str) -> String {
    crate::text::collapse_ws(s)
        .trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '.' | ' ' | '-'))
        .to_string()
}

/// `s` starts a new addressee: a body, or a post heading one (`Giám đốc
/// các Sở`, `Chủ tịch Ủy ban nhân dân các huyện`).
pub fn starts_addressee(s: &str) -> bool {
    let head = &s[..crate::text::floor_boundary(s, 48)];
    starts_with_org(s, false)
        || (s.starts_with(char::is_uppercase) && crate::recognize::starts_with_post(head))
}

/// Split a list of bodies at `,`/`và`/`;` where the next part names a body:
/// `Các sở, ban, ngành, Ủy ban nhân dân các xã` → two bodies.
pub fn split_bodies(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let sep = if rest.starts_with(", ") || rest.starts_with("; ") {
            Some(2)
        } else if rest.starts_with(" và ") {
            Some(" và ".len())
        } else {
            None
        };
        if let Some(n) = sep {
            let next = &s[i + n..];
            if starts_addressee(next) {
                let part = clean(&s[start..i]);
                if !part.is_empty() {
                    out.push(part);
                }
                start = i + n;
                i += n;
                continue;
            }
        }
        i += rest.chars().next().map(|c| c.len_utf8()).unwrap_or(1);
    }
    let part = clean(&s[start..]);
    if !part.is_empty() {
        out.push(part);
    }
    out
}

/// The first [`COOPERATE_WORDS`] phrase (earlier entries win at the same
/// position), in one pass.
static COOPERATE_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(COOPERATE_WORDS)
        .expect("cooperation automaton")
});

/// The bodies after `phối hợp với` up to the next verb (`lower`: `s` by
/// [`lower_same_offsets`]).
fn cooperating(s: &str, lower: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    let Some(lower) = lower else {
        // Byte offsets differ (unusual letters): scan char-wise instead.
        return scan_cooperating(s);
    };
    let mut from = 0;
    while from < s.len() {
        let hit = COOPERATE_FINDER
            .find(&lower[from..])
            .map(|m| (from + m.start(), m.end() - m.start()));
        let Some((p, n)) = hit else { break };
        let rest = &s[p + n..];
        let end = first_verb(rest).unwrap_or(rest.len().min(300));
        let end = crate::text::floor_boundary(rest, end);
        for b in split_bodies(&rest[..end]) {
            if !out.contains(&b) && b.split_whitespace().count() <= 20 {
                out.push(b);
            }
        }
        from = p + n + end.max(1);
        from = crate::text::floor_boundary(s, from);
        if from <= p {
            break;
        }
    }
    out
}

fn scan_cooperating(s: &str) -> Vec<String> {
    for (i, _) in s.char_indices() {
        for w in COOPERATE_WORDS {
            if let Some(n) = starts_ci(&s[i..], w) {
                let rest = &s[i + n..];
                let end = crate::text::floor_boundary(
                    rest,
                    first_verb(rest).unwrap_or(rest.len().min(300)),
                );
                return split_bodies(&rest[..end]);
            }
        }
    }
    Vec::new()
}

/// The whole group a subject phrase names, as one lead (`Bộ trưởng Bộ Nội
/// vụ, các Bộ trưởng, Thủ trưởng cơ quan ngang bộ`): the sentence gives the
/// duty to all of them together. Overlong phrases fall back to their bodies.
fn group(subject: &str) -> Vec<String> {
    let g = clean(subject);
    if g.is_empty() {
        return Vec::new();
    }
    if g.split_whitespace().count() <= MAX_GROUP_WORDS {
        return vec![g];
    }
    bodies(subject)
}

/// The longest lead group taken as one (the longest lists of national
/// bodies run to about sixty words).
const MAX_GROUP_WORDS: usize = 90;

/// Bodies of a subject phrase (whitespace collapsed first).
fn bodies(subject: &str) -> Vec<String> {
    let subject = crate::text::collapse_ws(subject);
    split_bodies(&subject)
        .into_iter()
        .filter(|b| b.split_whitespace().count() <= 20)
        .collect()
}

/// Read the assignment of an item from its own text (line breaks kept:
/// a heading line naming a body is recognised by the line break after it).
pub fn assignment(own: &str, has_children: bool) -> Assignment {
    assignment_with_flat(own, &crate::text::collapse_ws(own), has_children)
}

/// [`assignment`] when the caller has the own text with its whitespace
/// collapsed already (`flat` = [`crate::text::collapse_ws`] of `own`).
pub fn assignment_with_flat(own: &str, flat: &str, has_children: bool) -> Assignment {
    let s = own.trim();
    debug_assert_eq!(flat, crate::text::collapse_ws(s));
    let flat_lower = lower_same_offsets(flat);
    let mut a = Assignment {
        cooperating: cooperating(flat, flat_lower.as_deref()),
        ..Default::default()
    };
    // `Giao Sở X chủ trì …`, `Đề nghị Ủy ban nhân dân các huyện:`.
    for v in ASSIGN_VERBS {
        if let Some(n) = starts_ci(s, v) {
            if !word_end(s, n) {
                continue;
            }
            let rest = s[n..].trim_start_matches([' ', ':', '\n']);
            if starts_with_org(rest, true) {
                // `Đối với Sở X, các trường` ⏎ `Đề nghị …`: a heading names
                // its bodies on its own line.
                let heading = matches!(
                    *v,
                    "trách nhiệm của" | "nhiệm vụ của" | "đối với" | "về phía"
                );
                let line_end = if heading {
                    rest.find('\n').unwrap_or(rest.len())
                } else {
                    rest.len()
                };
                let end = first_verb(rest).unwrap_or(rest.len()).min(line_end);
                a.actors = group(&rest[..crate::text::floor_boundary(rest, end)]);
                if !a.actors.is_empty() {
                    return a;
                }
            }
        }
    }
    if starts_with_org(s, false) {
        // `Sở Y tế` ⏎ `Phối hợp với …`: a heading line over the text.
        if let Some(mut nl) = s.find('\n') {
            // A heading naming several bodies wraps after a comma:
            // `Các sở, ban, ngành tỉnh,` ⏎ `Ủy ban nhân dân các xã, phường`.
            while s[..nl].trim_end().ends_with([',', ';']) || s[..nl].trim_end().ends_with(" và") {
                let next = s[nl..].trim_start();
                let Some(more) = s[nl + 1..].find('\n') else {
                    break;
                };
                if !starts_addressee(next) || more == 0 {
                    break;
                }
                nl = nl + 1 + more;
            }
            let first = s[..nl].trim();
            let next = s[nl..].trim_start();
            let words: Vec<&str> = first.split_whitespace().collect();
            let verb_next = ACTION_VERBS
                .iter()
                .any(|v| starts_ci(next, v).is_some_and(|n| word_end(next, n)));
            let complete = words.len() >= 3
                && !words.last().is_some_and(|w| {
                    matches!(*w, "và" | "của" | "các" | "với") || w.ends_with(',')
                });
            if first_verb(first).is_none()
                && next.chars().next().is_some_and(|c| c.is_uppercase())
                && (verb_next && words.len() >= 2 || complete)
                && words.len() <= 25
            {
                a.actors = vec![clean(first)];
                a.heading = true;
                return a;
            }
        }
        match first_verb(s) {
            // A colon inside the line lists members (`Giám đốc các Sở: Tài
            // chính, …`); only one ending the line makes a heading.
            Some(end)
                if s[end..].starts_with('.')
                    || (s[end..].starts_with(':')
                        && s[end + 1..]
                            .split('\n')
                            .next()
                            .is_some_and(|r| r.trim().is_empty())) =>
            {
                // `Sở Tài chính:` / a heading ending its sentence.
                a.actors = vec![clean(&s[..end])];
                a.heading = has_children;
            }
            Some(end) => a.actors = group(&s[..end]),
            None => {
                if flat.split_whitespace().count() <= 30 {
                    a.actors = vec![clean(s)];
                    a.heading = true;
                }
            }
        }
        return a;
    }
    // `Về thực hiện …` ⏎ `Thủ trưởng các đơn vị … có trách nhiệm …`: a topic
    // line, then the sentence that assigns.
    // Also an article's title (`Điều 5. Trách nhiệm thi hành` ⏎ `Các Bộ
    // trưởng … chịu trách nhiệm …`): a short line of its own.
    let short_title = s
        .split('\n')
        .next()
        .is_some_and(|l| l.split_whitespace().count() <= 8 && !l.trim_end().ends_with([',', ';']));
    if TOPIC_HEADS.iter().any(|h| starts_ci(s, h).is_some()) || short_title {
        if let Some(nl) = s.find('\n') {
            let rest = s[nl..].trim_start();
            if starts_with_org(rest, false) && first_verb(rest).is_some() {
                let sub = assignment(rest, has_children);
                if !sub.actors.is_empty() && !sub.heading {
                    return Assignment {
                        cooperating: a.cooperating,
                        ..sub
                    };
                }
            }
        }
    }
    // `Căn cứ …, các cơ sở đào tạo xây dựng kế hoạch`: the subject after an
    // introductory clause.
    if INTRO_CLAUSES
        .iter()
        .any(|w| starts_ci(flat, w).is_some_and(|n| word_end(flat, n)))
    {
        let sentence_end = flat.find(['.', ';', ':']).unwrap_or(flat.len());
        let mut from = 0;
        while let Some(p) = flat[from..sentence_end].find(", ") {
            let at = from + p + 2;
            let rest = &flat[at..sentence_end];
            if starts_with_org(rest, false) {
                if let Some(end) = first_verb(rest).filter(|&e| e > 0) {
                    let subject = &rest[..end];
                    if subject.split_whitespace().count() <= 30 {
                        a.actors = group(subject);
                        return a;
                    }
                }
            }
            from = at;
        }
    }
    // `…, giao Sở Tài chính chủ trì, …` inside the text.
    if let Some(lower) = flat_lower {
        let mut from = 0;
        while let Some(p) = lower[from..].find("giao ") {
            let at = from + p;
            let before = lower[..at].trim_end();
            let boundary = at == 0 || lower[..at].ends_with([' ', ',', ';']);
            if boundary && !before.ends_with("được") && !before.ends_with("bàn") {
                let mut rest = &flat[at + "giao ".len()..];
                if let Some(n) = starts_ci(rest, "cho ") {
                    rest = &rest[n..];
                }
                if starts_with_org(rest, false) {
                    let end = crate::text::floor_boundary(
                        rest,
                        first_verb(rest).unwrap_or(rest.len().min(200)),
                    );
                    let found = group(&rest[..end]);
                    if !found.is_empty() {
                        a.actors = found;
                        return a;
                    }
                }
            }
            from = at + "giao ".len();
        }
    }
    // `… Bộ Nội vụ chủ trì, phối hợp với …` later in the text: the body
    // that opens the sentence or clause with `chủ trì`.
    let mut from = 0;
    while let Some(p) = flat[from..].find(" chủ trì") {
        let at = from + p;
        let clause_start = flat[..at].rfind(['.', ';', ':', ',']).map_or(0, |i| i + 1);
        let subject = flat[clause_start..at].trim();
        if starts_with_org(subject, false) && subject.split_whitespace().count() <= 15 {
            let found = group(subject);
            if !found.is_empty() {
                a.actors = found;
                return a;
            }
        }
        from = at + " chủ trì".len();
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_that_name_the_body() {
        for (t, lead) in [
            ("Trách nhiệm của Sở Y tế\nChủ trì tổ chức thực hiện kế hoạch.", "Sở Y tế"),
            ("Đối với Sở Tài chính:\nBố trí kinh phí.", "Sở Tài chính"),
            ("Đối với Uỷ ban nhân dân cấp xã, các trường phổ thông\nĐề nghị Uỷ ban nhân dân cấp xã chỉ đạo.", "Uỷ ban nhân dân cấp xã, các trường phổ thông"),
        ] {
            let a = assignment(t, true);
            assert_eq!(a.actors.first().map(String::as_str), Some(lead), "{t}");
        }
        let a = assignment("Đối với Uỷ ban nhân dân cấp xã, các trường phổ thông\nĐề nghị Uỷ ban nhân dân cấp xã chỉ đạo.", true);
        assert_eq!(
            a.actors,
            vec!["Uỷ ban nhân dân cấp xã, các trường phổ thông"]
        );
    }

    #[test]
    fn persons_named_in_an_article_are_part_of_the_group() {
        let a = assignment(
            "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            false,
        );
        assert_eq!(
            a.actors,
            vec!["Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành và các ông (bà) có tên tại Điều 1"]
        );
        // Any other parenthesis still ends the group.
        let a = assignment("Sở Y tế (cơ quan thường trực) chủ trì triển khai.", false);
        assert_eq!(a.actors, vec!["Sở Y tế"]);
    }

    #[test]
    fn more_action_verbs_end_the_subject() {
        for (t, lead) in [
            (
                "Sở Tài chính thẩm định dự toán, trình Ủy ban nhân dân tỉnh.",
                "Sở Tài chính",
            ),
            (
                "Ủy ban nhân dân cấp xã huy động lực lượng thu gom.",
                "Ủy ban nhân dân cấp xã",
            ),
            ("Sở Tài chính cân đối nguồn vốn.", "Sở Tài chính"),
            ("Sở Xây dựng khắc phục dứt điểm 25 điểm đen.", "Sở Xây dựng"),
            (
                "Phòng Kế hoạch - Tài chính chi trả học bổng.",
                "Phòng Kế hoạch - Tài chính",
            ),
            (
                "Phòng Hậu cần bảo đảm phương tiện, nhiên liệu.",
                "Phòng Hậu cần",
            ),
            (
                "Kho bạc Nhà nước khu vực XV kiểm soát chi theo quy định.",
                "Kho bạc Nhà nước khu vực XV",
            ),
            (
                "Các cơ quan chuyên môn cử công chức đầu mối.",
                "Các cơ quan chuyên môn",
            ),
            (
                "Đài Phát thanh và Truyền hình tỉnh mở chuyên trang, chuyên mục.",
                "Đài Phát thanh và Truyền hình tỉnh",
            ),
            (
                "Ủy ban Kiểm tra Tỉnh ủy đưa nội dung vào chương trình kiểm tra.",
                "Ủy ban Kiểm tra Tỉnh ủy",
            ),
            // In a body's name they are no verbs.
            (
                "Hội đồng thẩm định giá tỉnh tổ chức họp.",
                "Hội đồng thẩm định giá tỉnh",
            ),
            (
                "Ủy ban bầu cử tỉnh chỉ đạo công tác bầu cử.",
                "Ủy ban bầu cử tỉnh",
            ),
            (
                "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh chủ trì triển khai.",
                "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
            ),
            (
                "Các chi, đảng bộ cơ sở căn cứ Kế hoạch này xây dựng kế hoạch.",
                "Các chi, đảng bộ cơ sở",
            ),
            (
                "Phòng Kế hoạch tổng hợp chủ trì xây dựng kế hoạch.",
                "Phòng Kế hoạch tổng hợp",
            ),
            (
                "Trung tâm Dịch vụ tổng hợp xã chủ trì tiếp nhận hồ sơ.",
                "Trung tâm Dịch vụ tổng hợp xã",
            ),
            (
                "Phòng Giám đốc kiểm tra - Thi hành án chủ trì tổng hợp.",
                "Phòng Giám đốc kiểm tra - Thi hành án",
            ),
            (
                "Trung tâm Xúc tiến đầu tư, thương mại và du lịch chủ trì tổ chức hội nghị.",
                "Trung tâm Xúc tiến đầu tư, thương mại và du lịch",
            ),
            (
                "Cục Chăn nuôi và Thú y thành lập đoàn công tác.",
                "Cục Chăn nuôi và Thú y",
            ),
            (
                "Các cấp ủy, tổ chức đảng báo cáo kết quả.",
                "Các cấp ủy, tổ chức đảng",
            ),
            (
                "Ủy ban nhân dân các xã, phường đẩy nhanh công tác bồi thường.",
                "Ủy ban nhân dân các xã, phường",
            ),
        ] {
            let a = assignment(t, false);
            assert_eq!(a.actors.first().map(String::as_str), Some(lead), "{t}");
        }
    }

    #[test]
    fn lead_named_later_with_chu_tri() {
        let a = assignment(
            "Thông qua Báo cáo tiếp thu, giải trình ý kiến. Bộ Nội vụ chịu trách nhiệm về nội dung. Bộ Nội vụ chủ trì, phối hợp với các Bộ, cơ quan liên quan hoàn thiện dự thảo.",
            false,
        );
        assert_eq!(a.actors, vec!["Bộ Nội vụ"]);
        assert_eq!(a.cooperating, vec!["các Bộ, cơ quan liên quan"]);
    }

    #[test]
    fn posts_in_a_list_are_separate_addressees() {
        let a = assignment(
            "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Văn hóa, Thể thao và Du lịch, Tài chính; Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.",
            false,
        );
        // The whole group up to the verb, across `;` and a colon listing
        // members on the same line.
        assert_eq!(
            a.actors,
            vec!["Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Văn hóa, Thể thao và Du lịch, Tài chính; Chủ tịch Ủy ban nhân dân các huyện"]
        );
        // A heading that ends its line with a colon is still one body.
        let a = assignment("Sở Tài chính:\nChủ trì thẩm định.", true);
        assert_eq!(a.actors, vec!["Sở Tài chính"]);
    }

    #[test]
    fn heading_item() {
        let a = assignment("Ủy ban nhân dân các xã, phường, đặc khu", true);
        assert!(a.heading);
        assert_eq!(a.actors, vec!["Ủy ban nhân dân các xã, phường, đặc khu"]);
        let a = assignment("Sở Tài chính:", true);
        assert_eq!(a.actors, vec!["Sở Tài chính"]);
    }

    #[test]
    fn subject_then_verb() {
        let a = assignment("Các sở, ban, ngành của thành phố, Ủy ban nhân dân các xã, phường căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch", false);
        assert_eq!(
            a.actors,
            vec!["Các sở, ban, ngành của thành phố, Ủy ban nhân dân các xã, phường"]
        );
        let a = assignment("Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, các cơ quan báo chí tổ chức tuyên truyền", false);
        assert_eq!(a.actors, vec!["Ban Tuyên giáo và Dân vận Tỉnh ủy"]);
        assert_eq!(
            a.cooperating,
            vec!["Sở Văn hóa, Thể thao và Du lịch", "các cơ quan báo chí"]
        );
        let a = assignment("Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội hướng dẫn, vận động Nhân dân", false);
        assert_eq!(
            a.actors[0],
            "Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội"
        );
    }

    #[test]
    fn giao_and_de_nghi() {
        let a = assignment("Giao Sở Giáo dục và Đào tạo:", true);
        assert_eq!(a.actors, vec!["Sở Giáo dục và Đào tạo"]);
        let a = assignment("Giao cho phòng Kế hoạch tài chính chủ trì, phối hợp với các phòng chuyên môn, tham mưu", false);
        assert_eq!(a.actors, vec!["phòng Kế hoạch tài chính"]);
        assert_eq!(a.cooperating, vec!["các phòng chuyên môn"]);
        let a = assignment("Giao Văn phòng Sở phối hợp với Sở Khoa học và Công nghệ và các đơn vị liên quan triển khai", false);
        assert_eq!(a.actors, vec!["Văn phòng Sở"]);
        assert_eq!(
            a.cooperating,
            vec!["Sở Khoa học và Công nghệ", "các đơn vị liên quan"]
        );
        let a = assignment(
            "Để bảo đảm tiến độ, giao Sở Nội vụ chủ trì tổng hợp.",
            false,
        );
        assert_eq!(a.actors, vec!["Sở Nội vụ"]);
    }

    #[test]
    fn names_with_verbs_and_heading_lines() {
        let a = assignment("Bộ Xây dựng:", true);
        assert_eq!(a.actors, vec!["Bộ Xây dựng"]);
        let a = assignment("Vụ Tổ chức cán bộ quán triệt, hướng dẫn các đơn vị", false);
        assert_eq!(a.actors, vec!["Vụ Tổ chức cán bộ"]);
        let a = assignment(
            "Sở Y tế\nPhối hợp với Sở Giáo dục và Đào tạo chỉ đạo",
            false,
        );
        assert_eq!(a.actors, vec!["Sở Y tế"]);
        let a = assignment(
            "Sở Văn hóa, Thể thao và Du lịch\nĐịnh hướng các cơ quan báo chí",
            false,
        );
        assert_eq!(a.actors, vec!["Sở Văn hóa, Thể thao và Du lịch"]);
        let a = assignment(
            "Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh phối hợp tuyên truyền",
            false,
        );
        assert_eq!(
            a.actors,
            vec!["Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh"]
        );
        let a = assignment("Thường xuyên tổ chức giao ban, tăng cường kiểm tra", false);
        assert!(a.actors.is_empty());
        // Headings wrapped inside the name.
        let a = assignment("Ban\nQuản lý các khu công nghệ cao", true);
        assert_eq!(a.actors, vec!["Ban Quản lý các khu công nghệ cao"]);
        let a = assignment("Sở\nKhoa học và Công nghệ", true);
        assert_eq!(a.actors, vec!["Sở Khoa học và Công nghệ"]);
        let a = assignment("Đề nghị Ủy\nban Mặt trận Tổ quốc Việt Nam tỉnh", true);
        assert_eq!(a.actors, vec!["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]);
        let a = assignment(
            "Giao người đứng đầu các cơ quan chuyên môn triển khai",
            false,
        );
        assert_eq!(a.actors, vec!["người đứng đầu các cơ quan chuyên môn"]);
    }

    #[test]
    fn whole_groups() {
        for (t, lead) in [
            (
                "Bộ trưởng Bộ Nội vụ, các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan có liên quan chịu trách nhiệm thi hành Nghị quyết này.",
                "Bộ trưởng Bộ Nội vụ, các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan có liên quan",
            ),
            (
                "Các doanh nghiệp bưu chính, tổ chức, cá nhân có liên quan triển khai kế hoạch.",
                "Các doanh nghiệp bưu chính, tổ chức, cá nhân có liên quan",
            ),
            (
                "Giao Thủ trưởng các đơn vị sự nghiệp công lập; Chủ tịch Ủy ban nhân dân các phường tổ chức thực hiện.",
                "Thủ trưởng các đơn vị sự nghiệp công lập; Chủ tịch Ủy ban nhân dân các phường",
            ),
            // A heading wrapped after a comma.
            (
                "Các phòng chuyên môn,\nỦy ban nhân dân các xã\nTriển khai kế hoạch.",
                "Các phòng chuyên môn, Ủy ban nhân dân các xã",
            ),
            // A heading naming units by the task they were given.
            (
                "Thủ trưởng các phòng, ban được giao nhiệm vụ",
                "Thủ trưởng các phòng, ban được giao nhiệm vụ",
            ),
            // A topic line, then the sentence that assigns.
            (
                "Về công tác phòng, chống thiên tai\nThủ trưởng các đơn vị, trường học có trách nhiệm kiểm tra.",
                "Thủ trưởng các đơn vị, trường học",
            ),
            // An introductory clause before the subject.
            (
                "Căn cứ hướng dẫn của Bộ, các trường trung học xây dựng kế hoạch.",
                "các trường trung học",
            ),
        ] {
            let a = assignment(t, t.contains('\n'));
            assert_eq!(a.actors.first().map(String::as_str), Some(lead), "{t}");
        }
        // `tổ chức` as a verb after the group still ends it.
        let a = assignment("Sở Nội vụ tổ chức, chỉ đạo thực hiện.", false);
        assert_eq!(a.actors, vec!["Sở Nội vụ"]);
    }

    #[test]
    fn not_assignees() {
        assert!(
            assignment("Tiếp tục khẩn trương hoàn thành các nhiệm vụ", false)
                .actors
                .is_empty()
        );
        assert!(
            assignment("Căn cứ chức năng, nhiệm vụ được giao, nghiên cứu", false)
                .actors
                .is_empty()
        );
        assert!(assignment("Tổ chức cập nhật, tuyên truyền", false)
            .actors
            .is_empty());
        assert!(assignment("Báo cáo kết quả về Sở trước ngày 15/12", false)
            .actors
            .is_empty());
        assert!(assignment("Ban hành văn bản hướng dẫn", false)
            .actors
            .is_empty());
        assert!(assignment("Trường hợp có vướng mắc, báo cáo Sở", false)
            .actors
            .is_empty());
    }
}

//! Directives: the numbered structure of the operative part, with who is
//! told to act and by when.
//!
//! The body's [`outline`](crate::extract::outline) gives the tree. The
//! operative part is the implementation section of a plan (`TỔ CHỨC THỰC
//! HIỆN`, [`crate::vocab::IMPLEMENTATION_HEADINGS`]) when there is one, else
//! the whole tree (a letter's `1.`, `2.`, a decision's `Điều 1.`). Each item
//! gets its assignees from its own text (see
//! [`assignees`](crate::extract::assignees)) or from the nearest item above
//! it that names a body, and the deadlines of its own text.

use crate::extract::assignees::{self, Assignment};
use crate::extract::deadlines::{deadlines_among, Cue};
use crate::extract::outline::{self, Node, Outline, Style};
use crate::extract::spans::SpanSet;
use crate::model::{Directive, Span};
use crate::text::{is_upper, key, key_letters_capped};
use crate::vocab::IMPLEMENTATION_HEADINGS;
use std::ops::Range;
use std::sync::LazyLock;

/// Directives found in `text[body]`. `doc_year` completes deadlines written
/// without a year (`trước 15/11`); `exclude` are spans of cited documents
/// (their dates are not deadlines).
pub fn extract_directives(
    text: &str,
    body: Range<usize>,
    doc_year: Option<i32>,
    exclude: &[Span],
) -> Vec<Directive> {
    directives_of(&outline::outline(text, body), doc_year, exclude)
}

/// [`extract_directives`] from an outline already built.
pub fn directives_of(o: &Outline, doc_year: Option<i32>, exclude: &[Span]) -> Vec<Directive> {
    let top = operative(o);
    let ctx = Ctx {
        o,
        doc_year,
        exclude: SpanSet::new(exclude),
    };
    top.iter().flat_map(|n| ctx.convert(n, None)).collect()
}

/// True when a node's heading names the implementation section.
fn is_implementation(n: &Node, masked: &str) -> bool {
    if n.children.is_empty() {
        return false;
    }
    let head = n.first_line(masked);
    let t = head.trim_end_matches(['.', ':']);
    // The key keeps one character for each character that is not a blank:
    // a heading in lowercase with more of them than the longest
    // implementation heading is none of them (and long paragraphs are not
    // keyed for nothing).
    let upper = is_upper(&head);
    static LONGEST: LazyLock<usize> = LazyLock::new(|| {
        IMPLEMENTATION_HEADINGS
            .iter()
            .map(|h| key_letters_capped(h, usize::MAX))
            .max()
            .unwrap_or(0)
    });
    if !upper && key_letters_capped(t, *LONGEST) > *LONGEST {
        return false;
    }
    let k = key(t);
    IMPLEMENTATION_HEADINGS
        .iter()
        .any(|h| k == *h || (upper && k.starts_with(h)))
}

/// The top-level items of the operative part.
fn operative(o: &Outline) -> Vec<&Node> {
    // A code in chapters (`Chương I` › `Điều 1.`): the articles are the items.
    let parts: Vec<&Node> = o.nodes.iter().filter(|n| n.style == Style::Part).collect();
    if parts
        .iter()
        .any(|p| p.children.iter().any(|c| c.style == Style::Article))
    {
        return parts
            .iter()
            .flat_map(|p| p.children.iter())
            .filter(|c| c.style == Style::Article)
            .collect();
    }
    for n in &o.nodes {
        // `Điều 4. Tổ chức thực hiện`: an article of that title is one of
        // the articles, which are the items.
        if n.style != Style::Article && is_implementation(n, &o.masked) {
            return n.children.iter().collect();
        }
        // One level down: `Phần II` › `III. TỔ CHỨC THỰC HIỆN`.
        for c in &n.children {
            if matches!(n.style, Style::Part | Style::UpperLetter)
                && is_implementation(c, &o.masked)
            {
                return c.children.iter().collect();
            }
        }
    }
    // Outside an implementation section only numbered items are directives:
    // `-` bullets of a letter detail one request (`Giám đốc Sở … có trách
    // nhiệm:` ⏎ `- …`), they are not items of their own.
    o.nodes
        .iter()
        .filter(|n| !matches!(n.style, Style::Bullet(_)))
        .collect()
}

struct Ctx<'a> {
    o: &'a Outline,
    doc_year: Option<i32>,
    exclude: SpanSet,
}

impl Ctx<'_> {
    /// Convert a node (horizon lines are spliced into their parent).
    fn convert(&self, n: &Node, inherited: Option<&str>) -> Vec<Directive> {
        if n.style == Style::Horizon {
            return n
                .children
                .iter()
                .flat_map(|c| self.convert(c, inherited))
                .collect();
        }
        let own = n.own_text(&self.o.masked);
        let raw = outline::slice(&self.o.masked, n.text_start..n.own_end);
        let Assignment {
            actors,
            heading: _,
            cooperating,
        } = assignees::assignment_with_flat(raw, &own, !n.children.is_empty());
        let lead = actors.first().cloned();
        let mut list: Vec<String> = Vec::new();
        match (&lead, inherited) {
            (Some(_), _) => list.extend(actors.iter().cloned()),
            (None, Some(i)) => list.push(i.to_string()),
            (None, None) => {}
        }
        // Cooperating bodies follow a lead; with no lead they would read as
        // the lead (`Phối hợp với Tổng công ty Bưu điện …` addressed to the
        // recipient), so they are left out.
        if !list.is_empty() {
            for c in cooperating {
                if !list.iter().any(|x| key(x) == key(&c)) {
                    list.push(c);
                }
            }
        }
        let pass = lead.as_deref().or(inherited);
        let items = n
            .children
            .iter()
            .flat_map(|c| self.convert(c, pass))
            .collect();
        let deadlines = deadlines_among(
            &self.o.masked,
            n.text_start..n.own_end,
            self.doc_year,
            &self.exclude,
            Cue::Word,
        );
        vec![Directive {
            label: n.label.clone(),
            assignees: list,
            text: own,
            deadlines,
            items,
            span: Span {
                start: n.start,
                end: trim_end(&self.o.masked, n.start, n.own_end),
            },
        }]
    }
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let s = outline::slice(text, start..end);
    start + s.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_grouped_in_chapters_are_the_items() {
        let t = "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định.\nChương II\nTỔ CHỨC THỰC HIỆN\nĐiều 2. Hiệu lực thi hành\nCó hiệu lực.\nĐiều 3. Trách nhiệm thi hành\nCác Bộ trưởng chịu trách nhiệm thi hành.\n";
        let labels: Vec<_> = extract_directives(t, 0..t.len(), Some(2024), &[])
            .into_iter()
            .map(|d| d.label)
            .collect();
        assert_eq!(labels, vec!["1", "2", "3"]);
    }

    fn dirs(t: &str) -> Vec<Directive> {
        extract_directives(t, 0..t.len(), Some(2025), &[])
    }

    fn lead(d: &Directive) -> Option<&str> {
        d.assignees.first().map(|s| s.as_str())
    }

    #[test]
    fn an_article_titled_implementation_is_one_of_the_articles() {
        let t = "Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định mức hỗ trợ.\nĐiều 2. Mức hỗ trợ\nHỗ trợ 70% học phí.\nĐiều 3. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai.\n2. Thường trực Hội đồng nhân dân tỉnh giám sát.\nĐiều 4. Hiệu lực thi hành\nNghị quyết có hiệu lực từ ngày 01/01/2026.\n";
        let labels: Vec<_> = dirs(t).into_iter().map(|x| x.label).collect();
        assert_eq!(labels, vec!["1", "2", "3", "4"]);
    }

    #[test]
    fn letter_with_heading_items() {
        let t = "Sở Giáo dục và Đào tạo đề nghị:\n1. Ủy ban nhân dân các xã, phường\n- Chỉ đạo các trường triển khai.\n- Định kỳ báo cáo Sở.\n2. Các trường trung học phổ thông\n- Tổ chức quán triệt.\nTrong quá trình thực hiện, nếu có vướng mắc, đề nghị báo cáo về Sở./.";
        let d = dirs(t);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].label, "1");
        assert_eq!(lead(&d[0]), Some("Ủy ban nhân dân các xã, phường"));
        assert_eq!(lead(&d[0].items[1]), Some("Ủy ban nhân dân các xã, phường"));
        assert_eq!(lead(&d[1]), Some("Các trường trung học phổ thông"));
    }

    #[test]
    fn plan_implementation_section() {
        let t = "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt nghị quyết.\nII. NHIỆM VỤ\n1. Đẩy mạnh chuyển đổi số.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí; hoàn thành trước ngày 15/11/2025.\n2. Giao Sở Xây dựng chủ trì, phối hợp với các địa phương triển khai trong Quý I/2026.\n";
        let d = dirs(t);
        let labels: Vec<_> = d.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, vec!["1", "2"]);
        assert_eq!(lead(&d[0]), Some("Sở Tài chính"));
        let sub = &d[0].items[0];
        assert_eq!(sub.assignees, vec!["Sở Tài chính", "Sở Nội vụ"]);
        assert_eq!(sub.deadlines[0].date.as_deref(), Some("2025-11-15"));
        assert_eq!(d[1].assignees, vec!["Sở Xây dựng", "các địa phương"]);
        assert_eq!(d[1].deadlines[0].period.as_deref(), Some("Q1/2026"));
    }

    #[test]
    fn decision_articles() {
        let t = "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\nĐiều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở chịu trách nhiệm thi hành Quyết định này./.";
        let d = dirs(t);
        let labels: Vec<_> = d.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, vec!["1", "2", "3"]);
        assert_eq!(lead(&d[0]), None);
        // The whole group the sentence gives the duty to is the lead.
        assert_eq!(
            lead(&d[2]),
            Some("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở")
        );
    }

    #[test]
    fn bullets_of_a_letter_are_not_directives() {
        let t = "Bộ đề nghị Giám đốc Sở Lao động - Thương binh và Xã hội có trách nhiệm:\n- Phối hợp với Bưu điện tỉnh hoàn thiện Đề án.\n- Tăng cường kiểm tra, hướng dẫn.\n";
        assert!(dirs(t).is_empty());
        // Numbered requests are, with their bullets as sub-items.
        let t = "1. Sở Y tế:\n- Chủ trì kiểm tra.\n2. Sở Tài chính bố trí kinh phí.\n- Ghi chú.\n";
        let d = dirs(t);
        let labels: Vec<_> = d.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, vec!["1", "2"]);
    }

    #[test]
    fn unaddressed_tasks_and_reference_dates() {
        let t = "1. Tiếp tục thực hiện Kế hoạch số 08/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân thành phố.\n2. Thường xuyên kiểm tra, đôn đốc.\n";
        let d = dirs(t);
        assert_eq!(d.len(), 2);
        assert!(d
            .iter()
            .all(|x| x.assignees.is_empty() && x.deadlines.is_empty()));
    }
}

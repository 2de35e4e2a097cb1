//! Recipients: the `Kính gửi` list.

use super::*;

pub(super) fn find_recipients(header: &[Line]) -> Vec<String> {
    let Some(at) = header
        .iter()
        .position(|l| segment::is_recipients_line(l.text))
    else {
        return Vec::new();
    };
    let text = header[at].text;
    let first = text[segment::recipients_opener(text).unwrap_or(0)..]
        .trim()
        .to_string();
    let mut items: Vec<String> = Vec::new();
    let mut cur = String::new();
    let push = |cur: &mut String, items: &mut Vec<String>| {
        let s = clean_item(cur);
        if !s.is_empty() {
            items.push(s);
        }
        cur.clear();
    };
    if !first.is_empty() {
        cur.push_str(&first);
    }
    for l in &header[at + 1..] {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        // `Sở Y tế;` ⏎ `Sở Tài chính` (no bullets): a line naming a body
        // after a finished one starts the next addressee.
        let cur_done = cur.ends_with(';')
            || cur.ends_with(',')
            || crate::extract::assignees::starts_with_org(&cur, false);
        let new_body = !cur.is_empty()
            && cur_done
            && t.starts_with(char::is_uppercase)
            && crate::extract::assignees::starts_with_org(t, false);
        if t.starts_with('-') || t.starts_with('+') || t.starts_with('•') || new_body {
            push(&mut cur, &mut items);
            cur.push_str(t);
        } else if let Some(n) = segment::numbered_addressee(t).filter(|_| first.is_empty()) {
            // `1. Ủy ban nhân dân các phường, xã;`: the number goes.
            push(&mut cur, &mut items);
            cur.push_str(&t[n..]);
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(t);
        }
    }
    push(&mut cur, &mut items);
    // A single inline addressee may list several bodies split by `;`, or by
    // a comma before a capitalised body or post (`Kính gửi: Sở Y tế, Sở Tài
    // chính`); list items stay as written.
    let inline = items.len() == 1 && !first.is_empty();
    items
        .into_iter()
        .flat_map(|i| {
            i.split(';')
                .flat_map(|p| {
                    if inline {
                        split_capitalised_bodies(p)
                    } else {
                        vec![p.to_string()]
                    }
                })
                .map(|s| clean_item(&s))
                // `Ủy ban nhân dân các xã, phường (để chỉ đạo)`: the purpose
                // is no part of the addressee.
                .map(|s| match super::distribution::RE_NOTE.find(&s) {
                    Some(m) if m.start() > 0 => clean_item(&s[..m.start()]),
                    _ => s,
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Split at `, ` where a capitalised body or post follows.
pub(super) fn split_capitalised_bodies(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in s.match_indices(", ") {
        let next = &s[i + 2..];
        if next.starts_with(char::is_uppercase) && crate::extract::assignees::starts_addressee(next)
        {
            out.push(s[start..i].to_string());
            start = i + 2;
        }
    }
    out.push(s[start..].to_string());
    out
}

pub(super) fn clean_item(s: &str) -> String {
    let s = collapse_ws(s);
    s.trim_start_matches(['-', '+', '•', ' '])
        .trim_end_matches([';', ',', '.', ' ', ':'])
        .trim()
        .to_string()
}

//! Distribution (`Nơi nhận`) and archive (`Lưu: VT, …`).

use super::*;

pub(super) static RE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*((?:để|thay|b/c|t/h|p/h|báo cáo|biết|thực hiện|chỉ đạo|phối hợp|theo dõi|đăng|qua)[^()]*)\)\s*$").unwrap()
});

pub(super) static RE_LUU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-+•]?\s*Lưu\s*(?::|\s)\s*(?P<rest>.*)$").unwrap());

pub(super) static RE_NOI_NHAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*nơi\s+nhận\s*:?\s*").unwrap());

pub(super) static RE_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\(\s*\d+[a-z]?\s*\)$").unwrap());

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
    for (n, l) in block.iter().enumerate() {
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
                } else {
                    last.push(' ');
                    last.push_str(p);
                }
            }
        }
    }
    for it in items {
        if let Some(c) = RE_LUU.captures(&it) {
            let rest = c.name("rest").map(|m| m.as_str()).unwrap_or("");
            for e in rest.split([',', ';']) {
                let e = collapse_ws(e);
                let e = e.trim_end_matches(['.', ' ']).trim();
                let e = RE_COUNT.replace(e, "");
                let e = e.trim();
                if !e.is_empty() {
                    archive.push(e.to_string());
                }
            }
            continue;
        }
        let s = clean_item(&it);
        if s.is_empty() {
            continue;
        }
        let (name, note) = match RE_NOTE.captures(&s) {
            Some(c) => {
                let whole = c.get(0).map(|m| m.start()).unwrap_or(s.len());
                (clean_item(&s[..whole]), Some(collapse_ws(&c[1])))
            }
            None => (s.clone(), None),
        };
        if !name.is_empty() {
            dist.push(Recipient { name, note });
        }
    }
    (dist, archive)
}

//! Place and date of issue (`Quảng Ninh, ngày 05 tháng 3 năm 2025`).

use super::*;

/// `Hà Nội, ngày 05/3/2025` or `Hà Nội, 05-3-2025` on a line of its own.
pub(super) static RE_PLACE_DATE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t]*(?P<place>(?:(?:TP|Tp)\.\s*|Thành phố[ \t]+|Thị xã[ \t]+)?(?:\p{Lu}[\p{L}.]*[ \t]+){0,4}\p{Lu}[\p{L}]*)[ \t]*,[ \t]*",
        r"(?P<raw>(?:ngày[ \t]*)?(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}))[ \t.]*$"
    ))
    .unwrap()
});

pub(super) static RE_PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<place>(?:(?:TP|Tp)\.\s*|Thành phố[ \t]+|Thị xã[ \t]+)?(?:\p{Lu}[\p{L}.]*[ \t]+){0,4}\p{Lu}[\p{L}]*)?[ \t]*,\s*",
        r"(?P<raw>ng[àa]y[\s._…]*(?P<d>\d{1,2})?[\s._…]*th[áa]ng[\s._…]*(?P<m>\d{1,2})?[\s._…]*n[ăa]m[\s._…]*(?P<y>\d{4}))"
    ))
    .unwrap()
});

/// `Hải Phòng, ngày 11 tháng 11 năm 2025` (parts may be blank).
pub fn find_place_date(s: &str) -> Option<(Option<String>, DocDate)> {
    let c = match RE_PLACE_DATE.captures(s) {
        Some(c) => c,
        None => RE_PLACE_DATE_NUMERIC.captures(s)?,
    };
    let place = c
        .name("place")
        .map(|m| {
            // `Số 12-CT/TU   Bắc Ninh, ngày`: a word glued to a code is not
            // part of the place.
            let glued = s[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_alphanumeric() || matches!(ch, '/' | '-'));
            let p = m.as_str();
            let p = if glued {
                p.split_once(char::is_whitespace)
                    .map_or("", |(_, rest)| rest)
            } else {
                p
            };
            collapse_ws(p)
        })
        .filter(|p| !p.is_empty() && p != "Số");
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = c.name("y").and_then(|m| m.as_str().parse::<i32>().ok());
    let (month, day) = (num("m"), num("d"));
    let month = month.filter(|m| (1..=12).contains(m));
    let day = day.filter(|d| (1..=31).contains(d));
    let raw = c.name("raw").map(|m| collapse_ws(m.as_str()));
    let place = place.map(|p| strip_place_prefix(&p));
    Some((
        place,
        DocDate {
            raw,
            year,
            month,
            day,
        },
    ))
}

/// `TP. Hồ Chí Minh` stays; a flattened column word glued before the place
/// (`Hạnh phúc Hà Nội`) is cut at the last motto word.
pub(super) fn strip_place_prefix(p: &str) -> String {
    let k = key(p);
    if let Some(i) = k.rfind("hạnh phúc") {
        let tail: String = p
            .chars()
            .skip(k[..i].chars().count() + "hạnh phúc".chars().count())
            .collect();
        return collapse_ws(&tail);
    }
    p.to_string()
}

pub(super) fn is_place_date_line(t: &str) -> bool {
    RE_PLACE_DATE.find(t).is_some_and(|m| m.start() == 0)
}

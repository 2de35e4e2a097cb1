//! Query understanding: document citations first, then free text.
//!
//! [`parse`] finds what names a document — a full code (`71-NQ/TW`,
//! `71 - NQ/TW`, `Công văn 11494/VP-VX`, `02/2025/TT-BGDĐT`) or a kind and a
//! number (`Nghị quyết 71`, `NQ 71`, `nghi quyet 71`, `Thông tư 02/2025`) —
//! with the optional year (`năm 2024`) and issuer (`của Bộ Chính trị`) that
//! narrow it. Whatever is left is free text, split by [`text_units`] into
//! runs of syllables, quoted phrases and abbreviations. Nothing here fails:
//! any input gives some (possibly empty) query.

use crate::codes;
use crate::index::analyzer;
use crate::text::{base_letter, fold};
use crate::vocab::{self, DOC_TYPES};
use regex::Regex;
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::util::syntax;
use regex_automata::PatternID;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// A document named in the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// As typed (`71-NQ/TW`, `NQ 71`).
    pub written: String,
    /// Canonical key when a full code was given.
    pub exact: Option<String>,
    /// Kind + number (+ year) when only those were given.
    pub loose: Option<LooseKey>,
}

/// The parts of a short citation (`Nghị quyết 71 năm 2024`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LooseKey {
    /// Type code as in the vocabulary (`NQ`, `CTr`, `QĐ`).
    pub type_code: String,
    /// The number as typed (`02`).
    pub seq: String,
    pub year: Option<i32>,
}

impl LooseKey {
    /// The index key (`NQ|71`), with the year when `with_year`.
    pub fn key(&self, with_year: bool) -> String {
        codes::loose(
            &self.type_code,
            &self.seq,
            if with_year { self.year } else { None },
        )
    }
}

impl Citation {
    /// How the citation reads back to the user (`71-NQ/TW`, `NQ 71`).
    pub fn label(&self) -> String {
        match (&self.exact, &self.loose) {
            (Some(k), _) => k.clone(),
            (None, Some(l)) => match l.year {
                Some(y) => format!("{} {} ({y})", l.type_code, l.seq),
                None => format!("{} {}", l.type_code, l.seq),
            },
            _ => self.written.clone(),
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub citations: Vec<Citation>,
    /// `của …` after a citation.
    pub issuer: Option<String>,
    /// `năm 2024` or `ngày 22/12/2024` after a citation.
    pub year: Option<i32>,
    /// What is left for full-text search.
    pub text: String,
    /// Citations whose number is longer than any document number (six
    /// digits or more: `Nghị quyết 999999`), as written: no document can
    /// match them.
    pub overlong: Vec<String>,
}

/// Folded text (case kept) with a map from each folded byte back to the
/// original byte offset.
struct FoldMap {
    s: String,
    map: Vec<usize>,
}

fn fold_map(orig: &str) -> FoldMap {
    let mut s = String::with_capacity(orig.len());
    let mut map = Vec::with_capacity(orig.len() + 1);
    for (i, c) in orig.char_indices() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let base = base_letter(lower);
        let out = if c.is_uppercase() {
            base.to_uppercase().next().unwrap_or(base)
        } else {
            base
        };
        let before = s.len();
        s.push(out);
        map.extend(std::iter::repeat_n(i, s.len() - before));
    }
    map.push(orig.len());
    FoldMap { s, map }
}

/// Every kind name and alias, folded, as a regex alternation (longest
/// first), plus the type codes of two letters or more.
fn type_alternation() -> String {
    let mut names: Vec<String> = vocab::all_type_names()
        .iter()
        .map(|n| fold(n))
        .chain(
            DOC_TYPES
                .iter()
                .filter(|t| t.code.chars().count() > 1)
                .map(|t| fold(t.code)),
        )
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
        .iter()
        .map(|n| {
            n.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// A query regex in two builds of one pattern: as written (Unicode,
/// case-insensitive) for any text, and an ASCII build for a text that is
/// all ASCII (the folded form of Vietnamese): run on the text lowercased
/// (same byte offsets), with the case-insensitive flag dropped, the
/// Unicode classes narrowed to their ASCII members ([`ascii_pattern`]) and
/// compiled as one byte-level NFA searched by a PikeVM (no Unicode, no
/// prefilters, no DFA). On ASCII text both find the same matches at the
/// same offsets; the ASCII build costs about a third to compile, and a CLI
/// search compiles its regexes once per process, where compiling is most
/// of the work of understanding a query.
struct QueryRegex {
    unicode: LazyLock<Regex>,
    ascii: LazyLock<PikeVM>,
}

/// One match's named groups, as byte ranges of the text searched.
#[derive(Debug, PartialEq, Eq)]
struct Groups(Vec<(&'static str, Range<usize>)>);

impl Groups {
    /// The named groups of one match: `names` by group index, `get` the
    /// range of a group index when it took part.
    fn of(names: &[Option<&'static str>], get: impl Fn(usize) -> Option<Range<usize>>) -> Groups {
        Groups(
            names
                .iter()
                .enumerate()
                .filter_map(|(i, n)| Some(((*n)?, get(i)?)))
                .collect(),
        )
    }

    /// The range of the named group, when it took part in the match.
    fn name(&self, name: &str) -> Option<Range<usize>> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, r)| r.clone())
    }
}

impl QueryRegex {
    /// Every match in `text`, in order: the ASCII build when `text` is
    /// all ASCII, else the Unicode one. (Nothing is compiled until a build
    /// is first used.)
    fn groups(&'static self, text: &str) -> Vec<Groups> {
        if text.is_ascii() {
            self.ascii_groups(&text.to_ascii_lowercase())
        } else {
            self.unicode_groups(text)
        }
    }

    /// The first match in `text` (see [`QueryRegex::groups`]).
    fn first(&'static self, text: &str) -> Option<Groups> {
        self.groups(text).into_iter().next()
    }

    fn unicode_groups(&'static self, text: &str) -> Vec<Groups> {
        let re: &'static Regex = &self.unicode;
        let names: Vec<Option<&'static str>> = re.capture_names().collect();
        re.captures_iter(text)
            .map(|c| Groups::of(&names, |i| c.get(i).map(|m| m.range())))
            .collect()
    }

    /// The ASCII build on `lower`, a lowercase ASCII text.
    fn ascii_groups(&'static self, lower: &str) -> Vec<Groups> {
        let vm: &'static PikeVM = &self.ascii;
        let names: Vec<Option<&'static str>> = vm
            .get_nfa()
            .group_info()
            .pattern_names(PatternID::ZERO)
            .collect();
        let mut cache = vm.create_cache();
        vm.captures_iter(&mut cache, lower.as_bytes())
            .map(|c| Groups::of(&names, |i| c.get_group(i).map(|m| m.range())))
            .collect()
    }
}

/// The ASCII build of a pattern (see [`QueryRegex`]). The patterns are
/// fixed and tested: a failure to build is a bug, reported with `what`.
fn ascii_build(pattern: &str, what: &str) -> PikeVM {
    PikeVM::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .build(&ascii_pattern(pattern))
        .unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// The ASCII build of a query pattern (see [`QueryRegex`]): `(?i)`
/// dropped, letters lowercased outside escapes, `\p{L}` → `a-z` and `\d` →
/// `0-9` (in a class; `[0-9]` outside), `\b` → `(?-u:\b)`.
fn ascii_pattern(pattern: &str) -> String {
    let p = pattern.strip_prefix("(?i)").unwrap_or(pattern);
    let mut out = String::with_capacity(p.len());
    let mut in_class = false;
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('p') => {
                    // `\p{L}`: the only property the patterns use.
                    let mut prop = String::new();
                    for c in chars.by_ref() {
                        prop.push(c);
                        if c == '}' {
                            break;
                        }
                    }
                    debug_assert_eq!(prop, "{L}");
                    out.push_str(if in_class { "a-z" } else { "[a-z]" });
                }
                Some('d') => out.push_str(if in_class { "0-9" } else { "[0-9]" }),
                Some('b') if !in_class => out.push_str(r"(?-u:\b)"),
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '(' if chars.peek() == Some(&'?') => {
                // Group syntax (`(?:`, `(?P<name>`) keeps its case.
                out.push(c);
                for c in chars.by_ref() {
                    out.push(c);
                    if c == ':' || c == '>' {
                        break;
                    }
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

macro_rules! query_regex {
    ($name:ident, $what:literal, $pattern:expr) => {
        static $name: QueryRegex = QueryRegex {
            unicode: LazyLock::new(|| Regex::new(&$pattern).expect($what)),
            ascii: LazyLock::new(|| ascii_build(&$pattern, $what)),
        };
    };
}

query_regex!(
    RE_CODE,
    "code regex",
    format!(
        r"(?i)(?:^|[^\p{{L}}\d/\-])(?P<all>(?:(?P<type>{})(?:\s+hanh\s+dong)?\s+(?:so\b\s*:?\s*)?)?(?P<code>\d{{1,5}}(?P<s1>\s*)[/\-](?P<s2>\s*)(?:(?:19|20)\d{{2}}\s*/\s*)?(?P<sym>[a-z][a-z\d]{{0,15}}(?:\s?[\-/]\s?[a-z\d][a-z\d&]{{0,15}})*)))(?:$|[^\p{{L}}\d])",
        type_alternation()
    )
);

query_regex!(
    RE_SHORT,
    "short regex",
    format!(
        r"(?i)(?:^|[^\p{{L}}\d])(?P<all>(?P<type>{})(?:\s+hanh\s+dong)?\s+(?:so\b\s*:?\s*)?(?P<num>\d{{1,5}})(?:\s*/\s*(?P<year>(?:19|20)\d{{2}}))?)(?:$|[^\p{{L}}\d/\-])",
        type_alternation()
    )
);

// A kind followed by a number of six digits or more, or such a number
// followed by a symbol: a citation of a document that cannot exist.
query_regex!(
    RE_OVERLONG,
    "overlong regex",
    format!(
        r"(?i)(?:^|[^\p{{L}}\d])(?P<all>(?:{})(?:\s+hanh\s+dong)?\s+(?:so\b\s*:?\s*)?\d{{6,}}|\d{{6,}}\s*[/\-]\s*[a-z])",
        type_alternation()
    )
);

query_regex!(
    RE_YEAR,
    "year regex",
    r"(?i)(?:^|[^\p{L}\d])(?P<all>(?:nam\s+(?P<y1>(?:19|20)\d{2}))|(?:ngay\s+\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*(?P<y2>(?:19|20)\d{2})))(?:$|[^\p{L}\d])"
);

query_regex!(
    RE_ISSUER,
    "issuer regex",
    r"(?i)(?:^|[^\p{L}\d])(?P<all>cua\s+(?P<iss>\S.*))$"
);

/// The vocabulary entry of a kind named (folded) as in [`type_alternation`].
fn type_code_of(matched: &str) -> Option<&'static str> {
    let m = matched
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    DOC_TYPES
        .iter()
        .find(|t| fold(t.name) == m || t.aliases.iter().any(|a| fold(a) == m))
        .or_else(|| DOC_TYPES.iter().find(|t| fold(t.code) == m))
        .map(|t| t.code)
}

/// Whether `s` has a character `\d` can match (any numeric character: a
/// superset of Unicode decimal digits).
fn has_digit(s: &str) -> bool {
    s.chars().any(char::is_numeric)
}

/// Parse a query (never fails).
pub fn parse(query: &str) -> ParsedQuery {
    let q: String = query
        .nfc()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{00D0}' => 'Đ',
            '\u{00F0}' => 'đ',
            c => c,
        })
        .collect();
    let fm = fold_map(&q);
    let mut blanked = fm.s.clone();
    let mut consumed: Vec<(usize, usize)> = Vec::new(); // folded byte ranges
    let mut out = ParsedQuery::default();

    let blank = |s: &mut String, start: usize, end: usize| {
        let spaces = " ".repeat(end - start);
        s.replace_range(start..end, &spaces);
    };

    // 1. Full codes.
    // Each regex runs only on a text it can match (a cheap necessary
    // condition first): a query names few of them, and building one costs
    // more than a whole search on a small index.
    let code_possible = has_digit(&fm.s) && fm.s.contains(['/', '-']);
    for caps in code_possible
        .then(|| RE_CODE.groups(&fm.s))
        .into_iter()
        .flatten()
    {
        let (Some(all), Some(code), Some(sym)) =
            (caps.name("all"), caps.name("code"), caps.name("sym"))
        else {
            continue;
        };
        let spaced = caps.name("s1").is_some_and(|m| !m.is_empty())
            || caps.name("s2").is_some_and(|m| !m.is_empty());
        let sym_text = &fm.s[sym];
        if spaced && !sym_text.contains(['-', '/']) && sym_text.chars().any(|c| c.is_lowercase()) {
            continue;
        }
        let orig = &q[fm.map[code.start]..fm.map[code.end]];
        if codes::split(orig).is_none() {
            continue;
        }
        let key = codes::canonical(orig);
        if !out
            .citations
            .iter()
            .any(|c| c.exact.as_deref() == Some(&key))
        {
            out.citations.push(Citation {
                written: orig.split_whitespace().collect(),
                exact: Some(key),
                loose: None,
            });
        }
        consumed.push((all.start, all.end));
        blank(&mut blanked, all.start, all.end);
    }

    // 2. Kind + number.
    let snapshot = blanked.clone();
    for caps in has_digit(&snapshot)
        .then(|| RE_SHORT.groups(&snapshot))
        .into_iter()
        .flatten()
    {
        let (Some(all), Some(ty), Some(num)) =
            (caps.name("all"), caps.name("type"), caps.name("num"))
        else {
            continue;
        };
        let Some(type_code) = type_code_of(&snapshot[ty]) else {
            continue;
        };
        let year = caps.name("year").and_then(|y| snapshot[y].parse().ok());
        let loose = LooseKey {
            type_code: type_code.to_string(),
            seq: snapshot[num].to_string(),
            year,
        };
        let orig = &q[fm.map[all.start]..fm.map[all.end]];
        if !out
            .citations
            .iter()
            .any(|c| c.loose.as_ref() == Some(&loose))
        {
            out.citations.push(Citation {
                written: orig.split_whitespace().collect::<Vec<_>>().join(" "),
                exact: None,
                loose: Some(loose),
            });
        }
        consumed.push((all.start, all.end));
        blank(&mut blanked, all.start, all.end);
    }

    // 2b. A citation with an impossible number (checked only when nothing
    // else is cited: the answer is then "no such document").
    if out.citations.is_empty() && has_digit(&blanked) {
        for m in RE_OVERLONG
            .groups(&blanked)
            .into_iter()
            .filter_map(|c| c.name("all"))
        {
            let orig = &q[fm.map[m.start]..fm.map[m.end]];
            out.overlong
                .push(orig.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

    // 3. Year and issuer narrow a citation.
    if !out.citations.is_empty() {
        let snapshot = blanked.clone();
        let year_possible = snapshot.contains("19") || snapshot.contains("20");
        if let Some(caps) = year_possible.then(|| RE_YEAR.first(&snapshot)).flatten() {
            if let Some(all) = caps.name("all") {
                out.year = caps
                    .name("y1")
                    .or(caps.name("y2"))
                    .and_then(|y| snapshot[y].parse().ok());
                consumed.push((all.start, all.end));
                blank(&mut blanked, all.start, all.end);
            }
        }
        let snapshot = blanked.clone();
        let issuer_possible = snapshot.to_ascii_lowercase().contains("cua");
        if let Some(caps) = issuer_possible
            .then(|| RE_ISSUER.first(&snapshot))
            .flatten()
        {
            if let (Some(all), Some(iss)) = (caps.name("all"), caps.name("iss")) {
                let orig = &q[fm.map[iss.start]..fm.map[iss.end]];
                let orig = orig
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string();
                if !orig.is_empty() {
                    out.issuer = Some(orig);
                }
                consumed.push((all.start, all.end));
                blank(&mut blanked, all.start, all.end);
            }
        }
        if let Some(y) = out.year {
            for c in &mut out.citations {
                if let Some(l) = &mut c.loose {
                    l.year.get_or_insert(y);
                }
            }
        }
    }

    // 4. The rest is free text.
    consumed.sort();
    let mut rest = String::new();
    let mut at = 0usize;
    for (s, e) in consumed {
        let (os, oe) = (fm.map[s], fm.map[e]);
        if os >= at {
            rest.push_str(&q[at..os]);
            rest.push(' ');
        }
        at = at.max(oe);
    }
    rest.push_str(&q[at.min(q.len())..]);
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    if !out.citations.is_empty() {
        words.retain(|w| {
            let f = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            !matches!(f.as_str(), "" | "so" | "va" | "ve" | "cua" | "theo")
        });
    }
    out.text = words.join(" ");
    out
}

/// A syllable in both analyzers' forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    pub accented: String,
    pub folded: String,
}

/// One required piece of a free-text query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// Consecutive unquoted syllables: best as a phrase, else all of them.
    Run(Vec<Syllable>),
    /// A quoted phrase: always a phrase.
    Quoted(Vec<Syllable>),
    /// Alternatives, each a phrase: an abbreviation and its expansion
    /// (`UBND` / `ủy ban nhân dân`).
    Alt(Vec<Vec<Syllable>>),
}

impl Unit {
    /// Every syllable of the unit (each alternative's too).
    pub fn syllables(&self) -> Vec<&Syllable> {
        match self {
            Unit::Run(s) | Unit::Quoted(s) => s.iter().collect(),
            Unit::Alt(alts) => alts.iter().flatten().collect(),
        }
    }
}

/// Abbreviations common in administrative text and what they stand for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "ủy ban nhân dân"),
    ("hdnd", "hội đồng nhân dân"),
    ("mttq", "mặt trận tổ quốc"),
    ("bcd", "ban chỉ đạo"),
    ("btv", "ban thường vụ"),
    ("bch", "ban chấp hành"),
    ("gddt", "giáo dục và đào tạo"),
    ("sgddt", "sở giáo dục và đào tạo"),
    ("cntt", "công nghệ thông tin"),
    ("khcn", "khoa học và công nghệ"),
    ("dcs", "đảng cộng sản"),
];

fn syllables(text: &str) -> Vec<Syllable> {
    let acc = analyzer::terms(text, false);
    let fol = analyzer::terms(text, true);
    acc.into_iter()
        .zip(fol)
        .map(|(accented, folded)| Syllable { accented, folded })
        .collect()
}

fn push_run(units: &mut Vec<Unit>, run: &mut Vec<Syllable>) {
    if run.is_empty() {
        return;
    }
    let run = std::mem::take(run);
    let folded: Vec<&str> = run.iter().map(|s| s.folded.as_str()).collect();
    let joined = folded.join(" ");
    if let Some((abbr, _)) = ABBREVIATIONS.iter().find(|(_, exp)| fold(exp) == joined) {
        units.push(Unit::Alt(vec![run, syllables(abbr)]));
    } else {
        units.push(Unit::Run(run));
    }
}

/// Split free text into units: quoted phrases (an unbalanced quote is
/// ignored), abbreviations with their expansions, and runs of syllables.
/// `AND`/`OR` written in capitals separate runs and are otherwise ignored
/// unless they are the whole query.
pub fn text_units(text: &str) -> Vec<Unit> {
    let norm: String = text
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' | '«' | '»' => '"',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = norm.split('"').collect();
    let balanced = parts.len() % 2 == 1;
    let only_ops = norm
        .split_whitespace()
        .all(|w| matches!(w, "AND" | "OR" | "&&" | "||"));
    let mut units = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let quoted = i % 2 == 1 && (balanced || i + 1 < parts.len());
        if quoted {
            let s = syllables(part);
            if !s.is_empty() {
                units.push(Unit::Quoted(s));
            }
            continue;
        }
        let mut run = Vec::new();
        for word in part.split_whitespace() {
            if !only_ops && matches!(word, "AND" | "OR" | "&&" | "||") {
                push_run(&mut units, &mut run);
                continue;
            }
            for s in syllables(word) {
                if let Some((_, exp)) = ABBREVIATIONS.iter().find(|(a, _)| *a == s.folded) {
                    push_run(&mut units, &mut run);
                    units.push(Unit::Alt(vec![vec![s], syllables(exp)]));
                } else {
                    run.push(s);
                }
            }
        }
        push_run(&mut units, &mut run);
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cits(q: &str) -> Vec<String> {
        parse(q).citations.iter().map(|c| c.label()).collect()
    }

    #[test]
    fn citation_forms() {
        for q in [
            "Nghị quyết 71",
            "NQ 71",
            "nghi quyet 71",
            "nq 71",
            "Nghị quyết số 71",
        ] {
            assert_eq!(cits(q), ["NQ 71"], "{q}");
            assert_eq!(parse(q).text, "", "{q}");
        }
        for q in [
            "71-NQ/TW",
            "71 - NQ/TW",
            "71–NQ/TW",
            "Nghị quyết số 71-NQ/TW",
            "71-nq/tw",
        ] {
            assert_eq!(cits(q), ["71-NQ/TW"], "{q}");
            assert_eq!(parse(q).text, "", "{q}");
        }
        assert_eq!(cits("Công văn 11494/VP-VX"), ["11494/VP-VX"]);
        assert_eq!(cits("279-CV/VPÐU"), ["279-CV/VPDU"]);
        assert_eq!(cits("Kế hoạch 547"), ["KH 547"]);
        assert_eq!(cits("CV 279"), ["CV 279"]);
        assert_eq!(cits("CTr 02"), ["CTr 02"]);
        assert_eq!(cits("Chương trình hành động 02"), ["CTr 02"]);
        assert_eq!(cits("Văn bản 11494"), ["CV 11494"]);
        assert_eq!(cits("Thông tư 02/2025"), ["TT 02 (2025)"]);
        assert_eq!(cits("02/2025/TT-BGDĐT"), ["2/2025/TT-BGDDT"]);
        assert_eq!(cits("Kết luận 334"), ["KL 334"]);
    }

    #[test]
    fn year_and_issuer() {
        let p = parse("Nghị quyết 57 năm 2024");
        assert_eq!(p.year, Some(2024));
        assert_eq!(
            p.citations[0].loose.as_ref().unwrap().key(true),
            "NQ|57|2024"
        );
        assert_eq!(p.text, "");
        let p = parse("Nghị quyết 71 của Bộ Chính trị");
        assert_eq!(p.issuer.as_deref(), Some("Bộ Chính trị"));
        assert_eq!(p.text, "");
        let p = parse("Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị");
        assert_eq!(p.year, Some(2025));
        assert_eq!(cits("Nghị quyết số 71-NQ/TW ngày 22/8/2025"), ["71-NQ/TW"]);
    }

    #[test]
    fn free_text_is_not_a_citation() {
        for q in [
            "Số: 279",
            "chuyển đổi số",
            "kinh tế - xã hội 2021 - 2025",
            "ngày 22/8/2025",
            "\"giáo dục",
            "AND",
            "",
            "Quý III/2025",
        ] {
            assert!(cits(q).is_empty(), "{q}: {:?}", cits(q));
        }
        assert_eq!(parse("Số: 279").text, "Số: 279");
    }

    #[test]
    fn units() {
        let u = text_units("chuyển đổi số");
        assert!(matches!(&u[..], [Unit::Run(s)] if s.len() == 3));
        let u = text_units("\"giáo dục\" đào tạo");
        assert!(matches!(&u[..], [Unit::Quoted(_), Unit::Run(_)]));
        let u = text_units("\"giáo dục");
        assert!(matches!(&u[..], [Unit::Run(s)] if s.len() == 2));
        let u = text_units("UBND");
        assert!(matches!(&u[..], [Unit::Alt(a)] if a.len() == 2));
        let u = text_units("Ủy ban nhân dân");
        assert!(matches!(&u[..], [Unit::Alt(a)] if a.len() == 2));
        assert_eq!(text_units("AND").len(), 1);
        assert_eq!(text_units("giáo AND dục").len(), 2);
        assert!(text_units("  !!  ").is_empty());
    }

    #[test]
    fn ascii_builds_match_as_the_unicode_ones() {
        let pieces = [
            "Nghi quyet 71",
            "NGHI QUYET so 71-NQ/TW",
            "nq 71",
            "Chi thi 47 cua Ban Bi thu",
            "Thong tu 02/2025/TT-BGDDT",
            "Ke hoach hanh dong so: 12/KH-UBND",
            "cong van 11494/VP-VX",
            "71 - NQ/TW,",
            "Quyet dinh 563 nam 2024",
            "Nghi quyet 999999",
            "1234567/ab",
            "ngay 22/12/2024",
            "CUA Chinh phu",
            "K 12",
            "so 5",
            "chuyen doi so",
            "QD 69/2025",
            "2021 - 2025",
            "a)",
            "Thong bao ket luan 21-TB/TW",
            "ND 15/2020/ND-CP",
            "x71/NQ",
            "Luat 59",
            "",
        ];
        let mut hays: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        for a in pieces {
            for b in pieces {
                hays.push(format!("{a} {b}"));
                hays.push(format!("{a}, {b}"));
                hays.push(format!("{a}{b}"));
            }
        }
        for (name, rx) in [
            ("code", &RE_CODE),
            ("short", &RE_SHORT),
            ("overlong", &RE_OVERLONG),
            ("year", &RE_YEAR),
            ("issuer", &RE_ISSUER),
        ] {
            for h in &hays {
                let lower = h.to_ascii_lowercase();
                assert_eq!(
                    rx.unicode_groups(h),
                    rx.ascii_groups(&lower),
                    "{name}: {h:?}"
                );
            }
        }
    }

    #[test]
    fn ascii_pattern_narrows_classes() {
        assert_eq!(
            ascii_pattern(r"(?i)(?:^|[^\p{L}\d/\-])(?P<all>So\b\d{2})"),
            r"(?:^|[^a-z0-9/\-])(?P<all>so(?-u:\b)[0-9]{2})"
        );
    }
}

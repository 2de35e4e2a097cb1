//! Vietnamese text analysis for the index, built from small pieces.
//!
//! Vietnamese writes one syllable per word-like token, with diacritics that
//! matter (`dự án` ≠ `đề án`) but that users often leave out when typing.
//! Two analyzers share one tokenizer:
//!
//! - [`ACCENTED`] (`vn`): NFC, lowercase, `Ð`→`đ`, new-style tone placement
//!   (`uỷ` → `ủy`, `hoà` → `hòa`), so spelling variants of the same word
//!   meet but `dự` and `đề` stay apart;
//! - [`FOLDED`] (`vn_fold`): the same, then every diacritic removed and `đ`
//!   folded to `d` (`nghị quyết` → `nghi quyet`), so unaccented queries work.
//!
//! The tokenizer splits on anything that is neither a letter, a digit nor a
//! combining mark, so text in decomposed form (NFD) stays one token.

use crate::text::{base_letter, lower_char, new_tone_placement};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;

/// Name of the accented analyzer in the index's tokenizer manager.
pub const ACCENTED: &str = "vn";
/// Name of the diacritic-folded analyzer.
pub const FOLDED: &str = "vn_fold";

/// Longest token kept (bytes); longer runs are noise (base64, hashes).
const MAX_TOKEN_BYTES: usize = 64;

/// Splits text into syllables: maximal runs of letters, digits and
/// combining marks.
#[derive(Clone, Default)]
pub struct SyllableTokenizer {
    token: Token,
}

/// Token stream of [`SyllableTokenizer`].
pub struct SyllableStream<'a> {
    text: &'a str,
    pos: usize,
    token: &'a mut Token,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let u = c as u32;
    // Latin-1 letters, Latin Extended-A/B and the toned vowels: letters all.
    if (0xC0..=0x24F).contains(&u) && u != 0xD7 && u != 0xF7 || (0x1EA0..=0x1EFF).contains(&u) {
        return true;
    }
    c.is_alphanumeric() || (0x0300..=0x036F).contains(&u)
}

impl Tokenizer for SyllableTokenizer {
    type TokenStream<'a> = SyllableStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream<'a> {
        self.token.reset();
        SyllableStream {
            text,
            pos: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for SyllableStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        loop {
            let rest = &self.text[self.pos..];
            let Some(start_rel) = rest.find(is_word_char) else {
                self.pos = self.text.len();
                return false;
            };
            let start = self.pos + start_rel;
            let end = self.text[start..]
                .find(|c: char| !is_word_char(c))
                .map(|e| start + e)
                .unwrap_or(self.text.len());
            self.pos = end;
            if end - start > MAX_TOKEN_BYTES {
                continue;
            }
            self.token.position = self.token.position.wrapping_add(1);
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.text.push_str(&self.text[start..end]);
            return true;
        }
    }
    fn token(&self) -> &Token {
        self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Normalizes each token: NFC, lowercase, `ð`→`đ`, new tone placement; with
/// `folded`, diacritics are removed as well.
#[derive(Clone, Copy)]
pub struct VietFilter {
    /// Remove diacritics (`đ` → `d`).
    pub folded: bool,
}

/// The tokenizer wrapped by [`VietFilter`].
#[derive(Clone)]
pub struct VietFilterTokenizer<T> {
    inner: T,
    folded: bool,
}

/// Token stream of [`VietFilterTokenizer`].
pub struct VietFilterStream<S> {
    tail: S,
    folded: bool,
    /// Reused output buffer (swapped with the token's text).
    buf: String,
}

impl TokenFilter for VietFilter {
    type Tokenizer<T: Tokenizer> = VietFilterTokenizer<T>;
    fn transform<T: Tokenizer>(self, tokenizer: T) -> VietFilterTokenizer<T> {
        VietFilterTokenizer {
            inner: tokenizer,
            folded: self.folded,
        }
    }
}

impl<T: Tokenizer> Tokenizer for VietFilterTokenizer<T> {
    type TokenStream<'a> = VietFilterStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        VietFilterStream {
            tail: self.inner.token_stream(text),
            folded: self.folded,
            buf: String::new(),
        }
    }
}

impl<S: TokenStream> TokenStream for VietFilterStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token.text.is_ascii() {
            token.text.make_ascii_lowercase();
        } else {
            self.buf.clear();
            normalize_token_into(&token.text, self.folded, &mut self.buf);
            std::mem::swap(&mut token.text, &mut self.buf);
        }
        true
    }
    fn token(&self) -> &Token {
        self.tail.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The term a token becomes in the accented (`folded == false`) or folded
/// field.
pub fn normalize_token(text: &str, folded: bool) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_token_into(text, folded, &mut out);
    out
}

/// [`normalize_token`] appended to `out`: NFC only when the token has
/// combining marks (document text is NFC already), lowercase, `ð`→`đ`,
/// then folded or new tone placement.
fn normalize_token_into(text: &str, folded: bool, out: &mut String) {
    let nfc: std::borrow::Cow<str> = if text.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c))
    {
        std::borrow::Cow::Owned(text.nfc().collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let lower = nfc.chars().map(|c| match lower_char(c) {
        'ð' => 'đ',
        l => l,
    });
    if folded {
        out.extend(lower.map(base_letter));
    } else {
        let lower: String = lower.collect();
        out.push_str(&new_tone_placement(&lower));
    }
}

/// A fresh analyzer: accented (`folded == false`) or folded.
pub fn analyzer(folded: bool) -> TextAnalyzer {
    TextAnalyzer::builder(SyllableTokenizer::default())
        .filter(VietFilter { folded })
        .build()
}

/// The terms of `text` under one analyzer, in order.
pub fn terms(text: &str, folded: bool) -> Vec<String> {
    let mut a = analyzer(folded);
    let mut stream = a.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Register both analyzers with an index (tantivy does not persist custom
/// tokenizers: this runs on every open).
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(ACCENTED, analyzer(false));
    index.tokenizers().register(FOLDED, analyzer(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_are_letters_digits_and_marks() {
        for c in (0u32..0x11000).filter_map(char::from_u32) {
            let expected = c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c);
            assert_eq!(is_word_char(c), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn accented_terms() {
        assert_eq!(
            terms("Nghị quyết số 71-NQ/TW, Đảng uỷ", false),
            ["nghị", "quyết", "số", "71", "nq", "tw", "đảng", "ủy"]
        );
        assert_eq!(terms("CỘNG HOÀ", false), terms("Cộng hòa", false));
    }

    #[test]
    fn folded_terms() {
        assert_eq!(
            terms("Nghị quyết ĐẢNG ỦY Ðà", true),
            ["nghi", "quyet", "dang", "uy", "da"]
        );
        // Decomposed input stays one token per syllable.
        let nfd: String = "quyết".nfd().collect();
        assert_eq!(terms(&nfd, true), ["quyet"]);
        assert_eq!(terms(&nfd, false), ["quyết"]);
    }

    #[test]
    fn odd_input() {
        assert!(terms("", true).is_empty());
        assert!(terms("  ,;:!!  ", false).is_empty());
        let long = "a".repeat(200);
        assert_eq!(terms(&format!("x {long} y"), true), ["x", "y"]);
    }
}

//! Stage 3: where each zone of the document starts and ends.
//! (Filled in below; this is the interface the extractors rely on.)

use std::ops::Range;

/// Byte ranges of the zones of a normalized document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Zones {
    /// Portal metadata (`Số hiệu:`, `Loại văn bản:`…) as key/value pairs.
    pub meta: Vec<(String, String)>,
    /// Where the document itself starts (after portal banners/metadata).
    pub start: usize,
    /// Header area: issuer, motto, number, place/date, type title, subject.
    pub header: Range<usize>,
    /// The operative text, between the header (and recipients) and the
    /// signature / distribution.
    pub body: Range<usize>,
    /// Signature block, when found.
    pub signature: Option<Range<usize>>,
    /// `Nơi nhận:` block, when found.
    pub distribution: Option<Range<usize>>,
}

/// Split a normalized document into zones.
pub fn segment(text: &str) -> Zones {
    Zones {
        meta: Vec::new(),
        start: 0,
        header: 0..0,
        body: 0..text.len(),
        signature: None,
        distribution: None,
    }
}

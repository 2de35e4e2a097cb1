//! What queries read per segment, opened once per segment and kept with the
//! [`Index`](super::Index): the fast-field columns hits are read from and,
//! for citation queries, the `ref_match` values of the numbers queried so
//! far (one key range of the dictionary each, decoded on first use).
//!
//! A segment never changes once written (deletes only mark documents), so
//! its entry stays valid as long as the segment is searched; entries of
//! segments a reload dropped (merged, pruned) are evicted.

use super::schema::{parse_match_json, Record, RefKeys, MATCH_SEP};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{BytesColumn, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// The `ref_match` values of one number (see
/// [`match_prefix_of_key`](super::schema::match_prefix_of_key)), decoded:
/// `(ordinal, position in the record, keys)`, by ordinal.
pub(crate) type RefRange = Vec<(u64, usize, RefKeys)>;

/// Decode the `ref_match` values of one number: one key range of the
/// dictionary (the blocks holding it), nothing else.
fn decode_range(col: &StrColumn, prefix: &str) -> RefRange {
    let mut out = RefRange::new();
    let lo = format!("{prefix}{MATCH_SEP}");
    let hi = format!("{prefix}\x20");
    let Ok(mut stream) = col.dictionary().range().ge(&lo).lt(&hi).into_stream() else {
        return out;
    };
    while stream.advance() {
        let Some(json) = stream.key().get(lo.len()..) else {
            continue;
        };
        if let Some((pos, keys)) = parse_match_json(json) {
            out.push((stream.term_ord(), pos, keys));
        }
    }
    out
}

/// One segment's columns and the `ref_match` ranges citation queries
/// decoded so far.
pub(crate) struct SegmentData {
    pub record: Option<BytesColumn>,
    pub path: Option<StrColumn>,
    pub sha256: Option<StrColumn>,
    pub ref_match: Option<StrColumn>,
    ranges: Mutex<HashMap<String, Arc<RefRange>>>,
}

impl SegmentData {
    fn open(seg: &SegmentReader) -> SegmentData {
        let ff = seg.fast_fields();
        SegmentData {
            record: ff.bytes("record").ok().flatten(),
            path: ff.str("path").ok().flatten(),
            sha256: ff.str("sha256").ok().flatten(),
            ref_match: ff.str("ref_match").ok().flatten(),
            ranges: Mutex::new(HashMap::new()),
        }
    }

    /// The decoded `ref_match` values of one number (decoded on first
    /// call, then kept).
    pub fn refs_of(&self, prefix: &str) -> Arc<RefRange> {
        if let Some(r) = self
            .ranges
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(prefix)
        {
            return r.clone();
        }
        let decoded = Arc::new(
            self.ref_match
                .as_ref()
                .map(|c| decode_range(c, prefix))
                .unwrap_or_default(),
        );
        self.ranges
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(prefix.to_string())
            .or_insert(decoded)
            .clone()
    }

    /// The document's [`Record`] (default when missing or unreadable).
    pub fn record(&self, doc: DocId) -> Record {
        let Some(col) = &self.record else {
            return Record::default();
        };
        let mut buf = Vec::new();
        match col.term_ords(doc).next() {
            Some(ord) if col.ord_to_bytes(ord, &mut buf).unwrap_or(false) => {
                serde_json::from_slice(&buf).unwrap_or_default()
            }
            _ => Record::default(),
        }
    }

    /// The document's content hash: its id in the HTTP API (`""` when
    /// unreadable).
    pub fn sha256(&self, doc: DocId) -> String {
        let mut out = String::new();
        if let Some(col) = &self.sha256 {
            if let Some(o) = col.term_ords(doc).next() {
                if !col.ord_to_str(o, &mut out).unwrap_or(false) {
                    out.clear();
                }
            }
        }
        out
    }

    /// Ordinal of the document's path in this segment's `path` dictionary
    /// (sorted, so within a segment ordinals sort as paths do).
    pub fn path_ord(&self, doc: DocId) -> Option<u64> {
        self.path.as_ref().and_then(|c| c.term_ords(doc).next())
    }

    /// The path at an ordinal of this segment's `path` dictionary (`""`
    /// when unreadable).
    pub fn path(&self, ord: u64) -> String {
        let mut out = String::new();
        if let Some(col) = &self.path {
            if !col.ord_to_str(ord, &mut out).unwrap_or(false) {
                out.clear();
            }
        }
        out
    }
}

/// [`SegmentData`] by segment, shared by the searches of one
/// [`Index`](super::Index).
#[derive(Default)]
pub(crate) struct SegmentCache(Mutex<HashMap<SegmentId, Arc<SegmentData>>>);

impl SegmentCache {
    /// The data of each segment of `searcher`, by segment ordinal.
    pub fn segments(&self, searcher: &Searcher) -> Vec<Arc<SegmentData>> {
        let readers = searcher.segment_readers();
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() > readers.len()
            || map
                .keys()
                .any(|id| readers.iter().all(|r| r.segment_id() != *id))
        {
            map.retain(|id, _| readers.iter().any(|r| r.segment_id() == *id));
        }
        readers
            .iter()
            .map(|r| {
                map.entry(r.segment_id())
                    .or_insert_with(|| Arc::new(SegmentData::open(r)))
                    .clone()
            })
            .collect()
    }
}

/// Every matching document with its score, by segment ordinal (no heap,
/// no sort: citation queries look at all of them anyway).
pub(crate) struct AllScored;

pub(crate) struct AllScoredSegment {
    seg: SegmentOrdinal,
    docs: Vec<(DocId, Score)>,
}

impl Collector for AllScored {
    type Fruit = Vec<(SegmentOrdinal, Vec<(DocId, Score)>)>;
    type Child = AllScoredSegment;

    fn for_segment(
        &self,
        seg: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<AllScoredSegment> {
        Ok(AllScoredSegment {
            seg,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        mut fruits: Vec<(SegmentOrdinal, Vec<(DocId, Score)>)>,
    ) -> tantivy::Result<Self::Fruit> {
        fruits.retain(|(_, d)| !d.is_empty());
        fruits.sort_by_key(|(s, _)| *s);
        Ok(fruits)
    }
}

impl SegmentCollector for AllScoredSegment {
    type Fruit = (SegmentOrdinal, Vec<(DocId, Score)>);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.docs.push((doc, score));
    }

    fn harvest(self) -> Self::Fruit {
        (self.seg, self.docs)
    }
}

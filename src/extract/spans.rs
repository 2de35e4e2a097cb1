//! A set of spans (cited documents, directives already read) asked "is this
//! position inside one?" for every number or time expression of a
//! document: sorted once, then each question is a binary search, so a
//! document citing a million documents stays linear.

use crate::model::Span;

/// Spans sorted by start, with the largest end so far (exact for nested
/// and overlapping spans).
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    spans: Vec<(usize, usize)>,
    max_end: Vec<usize>,
}

impl SpanSet {
    pub fn new(spans: &[Span]) -> SpanSet {
        let mut v: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        v.sort_unstable();
        let mut max_end = Vec::with_capacity(v.len());
        let mut m = 0;
        for &(_, b) in &v {
            m = m.max(b);
            max_end.push(m);
        }
        SpanSet { spans: v, max_end }
    }

    /// Some span has `start <= x < end`.
    pub fn contains(&self, x: usize) -> bool {
        let i = self.spans.partition_point(|&(a, _)| a <= x);
        i > 0 && self.max_end[i - 1] > x
    }

    /// The first position at or after `x` that no span contains.
    pub fn next_free(&self, mut x: usize) -> usize {
        loop {
            let i = self.spans.partition_point(|&(a, _)| a <= x);
            if i == 0 || self.max_end[i - 1] <= x {
                return x;
            }
            x = self.max_end[i - 1];
        }
    }

    /// Some span starts in `from..to`.
    pub fn starts_within(&self, from: usize, to: usize) -> bool {
        let i = self.spans.partition_point(|&(a, _)| a < from);
        self.spans.get(i).is_some_and(|&(a, _)| a < to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_a_scan() {
        let spans: Vec<Span> = [(5, 9), (0, 3), (6, 7), (20, 40), (22, 25), (30, 30)]
            .iter()
            .map(|&(start, end)| Span { start, end })
            .collect();
        let set = SpanSet::new(&spans);
        for x in 0..50 {
            let scan = spans.iter().any(|e| x >= e.start && x < e.end);
            assert_eq!(set.contains(x), scan, "{x}");
            let free = (x..).find(|&y| !spans.iter().any(|e| y >= e.start && y < e.end));
            assert_eq!(Some(set.next_free(x)), free, "{x}");
            for to in x..50 {
                let scan = spans.iter().any(|e| e.start >= x && e.start < to);
                assert_eq!(set.starts_within(x, to), scan, "{x}..{to}");
            }
        }
    }
}

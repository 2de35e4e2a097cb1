//! Citations of other documents.
use crate::model::{Document, Reference};
use crate::segment::Zones;

pub fn extract_references(_text: &str, _zones: &Zones, _doc: &Document) -> Vec<Reference> {
    Vec::new()
}

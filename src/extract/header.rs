//! Header fields: type, issuer, number, place and date, subject, recipients,
//! signer, distribution, archive.
use crate::model::Document;
use crate::segment::Zones;

pub fn extract_header(_text: &str, _zones: &Zones, _doc: &mut Document) {}

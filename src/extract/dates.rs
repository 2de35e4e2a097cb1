//! Date shapes shared by every extractor.

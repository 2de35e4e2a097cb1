//! Signers and authorities: how a signature block is headed (`KT.`, `TM.`,
//! `TL.`…), the posts a signer holds, degrees and ranks before a name.

use std::sync::LazyLock;

/// Signing authorities as written → canonical form.
pub static AUTHORITIES: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| super::tsv_pairs(include_str!("data/authorities.tsv")));

/// Posts a signer holds, as they head a signature block (`GIÁM ĐỐC`,
/// `PHÓ CHỦ TỊCH` is `phó` + a post). Lowercase, new tone placement.
pub static SIGNER_POSTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/signer_posts.tsv")));

/// Degrees and ranks written before a signer's name (`PGS.TS. Nguyễn Văn
/// Minh`, `Đại tá Nguyễn Văn Hải`), longest first.
pub static NAME_PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/name_prefixes.tsv")));

//! Bounds on what a PDF decompresses to, checked before `lopdf` and
//! `pdf-extract` decompress anything.
//!
//! `lopdf` inflates a stream into one `Vec` with no limit (object streams
//! while loading, page contents, forms, images drawn with `Do`, fonts and
//! colour profiles while extracting), so a small file can ask for gigabytes.
//! Here every stream of the raw file is decoded by streaming readers that
//! keep nothing and only count, through the same filter chain `lopdf` would
//! apply (`FlateDecode`, `LZWDecode`, `ASCII85Decode`; a chain stops at the
//! first filter `lopdf` does not implement, as `lopdf` does). Object streams
//! are also decoded (bounded) and scanned for streams inside them. Then,
//! once the file is loaded, each page's content (the streams it lists,
//! repeats counted) is measured the same way.
//!
//! Once loaded, image streams and colour profiles are emptied (no text is
//! read from them, and `pdf-extract` would otherwise decompress an image and
//! parse it as content at every `Do`, a profile at every colour space),
//! `ToUnicode` maps and embedded fonts are bounded ([`MAX_TO_UNICODE`],
//! [`MAX_FONT`]),
//! and the content `pdf-extract` parses into operations — each page's
//! content, and each chain of forms drawn inside one another — is bounded
//! by [`MAX_PAGE`]; forms that draw themselves (directly or not) are
//! refused, as `pdf-extract` would recurse without end.
//!
//! The bounds, relative to [`crate::MAX_INPUT_BYTES`] (64 MiB):
//! [`MAX_STREAM`] per stream, [`MAX_STRUCTURE`] for what is parsed into
//! objects (outside streams and in object streams), [`MAX_FILE`] for all streams of
//! a file, [`MAX_CONTENT`] for all the content parsed (pages, and forms as
//! many times as they are drawn: time), [`MAX_PAGE`] per page and per chain
//! of forms (memory). Measured worst case, all bounds reached at once:
//! 0.96 GiB peak (see the README).

use crate::error::IngestError;
use std::io::{self, Read};

const MIB: u64 = 1024 * 1024;
/// Most bytes one stream may decode to (the input limit).
pub const MAX_STREAM: u64 = crate::MAX_INPUT_BYTES;
/// Most bytes of a file parsed into objects: the raw file outside stream
/// data plus what its object streams decode to. `lopdf` takes about 60
/// bytes of memory per byte of dense objects (`[0 0 0 …]`), so this bounds
/// the loaded document (≈ 0.4 GB).
pub const MAX_STRUCTURE: u64 = 6 * MIB;
/// Most bytes all the streams of a file may decode to (16× the input
/// limit).
pub const MAX_FILE: u64 = 16 * crate::MAX_INPUT_BYTES;
/// Most bytes of content parsed for a file: its pages, and each form as
/// many times as it is drawn (twice the input limit: parsing is what takes
/// time).
pub const MAX_CONTENT: u64 = 2 * crate::MAX_INPUT_BYTES;
/// Most bytes the content of one page may decode to, and a chain of forms
/// drawn inside one another. Content is parsed into operations at about
/// 110 bytes of memory per byte of a dense stream (`0 0 m` repeated), so
/// this bounds what one page takes (≈ 0.33 GB, twice with its forms).
pub const MAX_PAGE: u64 = 3 * MIB;
/// Forms drawn inside forms: at most this deep.
const MAX_FORM_DEPTH: usize = 32;
/// Object streams inside object streams are followed this deep.
const MAX_DEPTH: usize = 3;

fn mib(n: u64) -> String {
    format!("{} MiB", n / MIB)
}

/// A filter `lopdf` implements.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Filter {
    Flate,
    Lzw,
    Ascii85,
}

/// Totals over one file.
#[derive(Default)]
struct Totals {
    all: u64,
    object_streams: u64,
    /// Raw bytes of stream data in the file.
    stream_bytes: u64,
    streams: usize,
}

/// Check every stream of the raw file (see the module docs).
pub fn check_file(bytes: &[u8]) -> Result<(), IngestError> {
    let mut totals = Totals::default();
    scan(bytes, 0, &mut totals)?;
    let structure =
        (bytes.len() as u64).saturating_sub(totals.stream_bytes) + totals.object_streams;
    if structure > MAX_STRUCTURE {
        return Err(over(format!(
            "{} MiB of objects to parse (outside streams and in object streams; the limit is {})",
            structure / MIB,
            mib(MAX_STRUCTURE)
        )));
    }
    Ok(())
}

fn over(what: String) -> IngestError {
    IngestError::PdfBound(what)
}

fn scan(data: &[u8], depth: usize, totals: &mut Totals) -> Result<(), IngestError> {
    let mut next = 0;
    for pos in memchr::memmem::find_iter(data, b"stream") {
        if pos < next || (pos >= 3 && &data[pos - 3..pos] == b"end") {
            continue;
        }
        let Some(start) = data_start(data, pos + 6) else {
            continue;
        };
        let Some(dict) = dict_before(data, pos) else {
            continue;
        };
        let extent = raw_extent(data, start, dict);
        if depth == 0 {
            totals.stream_bytes += extent as u64;
        }
        next = start + extent;
        let filters = filters_of(dict);
        if filters.is_empty() {
            continue;
        }
        let object_stream = has_name(dict, b"ObjStm");
        let raw = stream_data(data, start, dict, filters[0]);
        totals.streams += 1;
        if object_stream && depth < MAX_DEPTH {
            let decoded = decode_to_vec(raw, &filters, MAX_STREAM).map_err(|_| {
                over(format!(
                    "an object stream decompresses to more than {} (the limit per stream)",
                    mib(MAX_STREAM)
                ))
            })?;
            let n = decoded.len() as u64;
            totals.object_streams += n;
            totals.all += n;
            if totals.object_streams > MAX_STRUCTURE {
                return Err(over(format!(
                    "its object streams decompress to more than {} in all",
                    mib(MAX_STRUCTURE)
                )));
            }
            check_total(totals)?;
            scan(&decoded, depth + 1, totals)?;
            continue;
        }
        let n = decoded_len(raw, &filters, MAX_STREAM).map_err(|_| {
            over(format!(
                "a stream decompresses to more than {} (the limit per stream)",
                mib(MAX_STREAM)
            ))
        })?;
        totals.all += n;
        check_total(totals)?;
    }
    Ok(())
}

fn check_total(totals: &Totals) -> Result<(), IngestError> {
    if totals.all > MAX_FILE {
        return Err(over(format!(
            "its {} streams decompress to more than {} in all",
            totals.streams,
            mib(MAX_FILE)
        )));
    }
    Ok(())
}

/// Where a stream's data starts after the `stream` keyword at `at`: the
/// keyword must end its line (`\r\n`, `\n` or `\r`, spaces allowed before).
fn data_start(data: &[u8], mut at: usize) -> Option<usize> {
    while data.get(at) == Some(&b' ') {
        at += 1;
    }
    match data.get(at)? {
        b'\r' if data.get(at + 1) == Some(&b'\n') => Some(at + 2),
        b'\r' | b'\n' => Some(at + 1),
        _ => None,
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// The dictionary (`<<` … `>>`) just before the `stream` keyword at `pos`.
fn dict_before(data: &[u8], pos: usize) -> Option<&[u8]> {
    let mut end = pos;
    while end > 0 && is_space(data[end - 1]) {
        end -= 1;
    }
    if end < 2 || &data[end - 2..end] != b">>" {
        return None;
    }
    // Walk back to the matching `<<` (no further than 1 MiB).
    let floor = end.saturating_sub(1 << 20);
    let mut depth = 0usize;
    let mut i = end;
    while i >= floor + 2 {
        let pair = &data[i - 2..i];
        if pair == b">>" {
            depth += 1;
            i -= 2;
        } else if pair == b"<<" {
            depth -= 1;
            i -= 2;
            if depth == 0 {
                return Some(&data[i..end]);
            }
        } else {
            i -= 1;
        }
    }
    None
}

/// A name token at the start of `s` (after `/`), with `#xx` escapes decoded
/// as the PDF parser does.
fn name_at(s: &[u8]) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if is_space(b) || b"/[]<>()%{}".contains(&b) {
            break;
        }
        if b == b'#' && i + 2 < s.len() + 1 {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    (out, i)
}

/// Every name of the dictionary's text, decoded.
fn names(dict: &[u8]) -> Vec<(usize, Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'/', &dict[i..]) {
        let at = i + off + 1;
        let (name, len) = name_at(&dict[at..]);
        out.push((at - 1, name, at + len));
        i = at + len;
        if i >= dict.len() {
            break;
        }
    }
    out
}

fn has_name(dict: &[u8], wanted: &[u8]) -> bool {
    names(dict).iter().any(|(_, n, _)| n == wanted)
}

/// The `/Filter` chain `lopdf` would apply, up to the first filter it does
/// not implement.
fn filters_of(dict: &[u8]) -> Vec<Filter> {
    let all = names(dict);
    let Some(k) = all.iter().position(|(_, n, _)| n == b"Filter") else {
        return Vec::new();
    };
    let after = all[k].2;
    let rest = &dict[after..];
    let skip = rest.iter().take_while(|b| is_space(**b)).count();
    let values: Vec<&Vec<u8>> = match rest.get(skip) {
        Some(b'/') => all.get(k + 1).map(|(_, n, _)| n).into_iter().collect(),
        Some(b'[') => {
            let close = rest[skip..]
                .iter()
                .position(|&b| b == b']')
                .map(|p| after + skip + p)
                .unwrap_or(dict.len());
            all[k + 1..]
                .iter()
                .take_while(|(at, _, _)| *at < close)
                .map(|(_, n, _)| n)
                .collect()
        }
        // An indirect or malformed /Filter: lopdf does not decode it.
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for v in values {
        match v.as_slice() {
            b"FlateDecode" => out.push(Filter::Flate),
            b"LZWDecode" => out.push(Filter::Lzw),
            b"ASCII85Decode" => out.push(Filter::Ascii85),
            _ => break,
        }
    }
    out
}

/// A direct `/Length` value.
fn direct_length(dict: &[u8]) -> Option<usize> {
    let all = names(dict);
    let k = all.iter().position(|(_, n, _)| n == b"Length")?;
    let rest = &dict[all[k].2..];
    let rest = &rest[rest.iter().take_while(|b| is_space(**b)).count()..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let tail = &rest[digits..];
    // `12 0 R` is a reference, not a length.
    let t = &tail[tail.iter().take_while(|b| is_space(**b)).count()..];
    if t.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}

/// Length of a stream's raw data: its direct `/Length`, else up to the next
/// `endstream`.
fn raw_extent(data: &[u8], start: usize, dict: &[u8]) -> usize {
    let rest = &data[start.min(data.len())..];
    if let Some(n) = direct_length(dict).filter(|&n| n <= rest.len()) {
        return n;
    }
    memchr::memmem::find(rest, b"endstream").unwrap_or(rest.len())
}

/// The stream's raw data: a Flate stream ends itself, so it gets the rest of
/// the file (a wrong `/Length` cannot hide data `lopdf` might read); others
/// end at their direct `/Length`, else at the next `endstream`.
fn stream_data<'a>(data: &'a [u8], start: usize, dict: &[u8], first: Filter) -> &'a [u8] {
    let rest = &data[start.min(data.len())..];
    if first == Filter::Flate {
        return rest;
    }
    &rest[..raw_extent(data, start, dict)]
}

/// The decoded data exceeds the bound.
#[derive(Debug)]
struct OverBound;

/// Decoded length of `raw` through `filters`, or [`OverBound`] past `cap`.
/// Corrupt data ends the stream where it breaks (as `lopdf` keeps what it
/// decoded).
fn decoded_len(raw: &[u8], filters: &[Filter], cap: u64) -> Result<u64, OverBound> {
    let mut sink = Counter {
        n: 0,
        cap,
        keep: None,
    };
    decode_into(raw, filters, &mut sink)?;
    Ok(sink.n)
}

fn decode_to_vec(raw: &[u8], filters: &[Filter], cap: u64) -> Result<Vec<u8>, OverBound> {
    let mut sink = Counter {
        n: 0,
        cap,
        keep: Some(Vec::new()),
    };
    decode_into(raw, filters, &mut sink)?;
    Ok(sink.keep.unwrap_or_default())
}

struct Counter {
    n: u64,
    cap: u64,
    keep: Option<Vec<u8>>,
}

fn decode_into(raw: &[u8], filters: &[Filter], sink: &mut Counter) -> Result<(), OverBound> {
    let first_flate = filters.first() == Some(&Filter::Flate);
    pump(chain(raw, filters, false), sink)?;
    // lopdf retries a Flate stream that gave nothing as raw deflate.
    if first_flate && sink.n == 0 && raw.len() > 2 {
        pump(chain(raw, filters, true), sink)?;
    }
    Ok(())
}

fn chain<'a>(raw: &'a [u8], filters: &[Filter], raw_deflate: bool) -> Box<dyn Read + 'a> {
    let mut r: Box<dyn Read + 'a> = Box::new(raw);
    for (i, f) in filters.iter().enumerate() {
        r = match f {
            Filter::Flate if i == 0 && raw_deflate => {
                Box::new(flate2::read::DeflateDecoder::new(&raw[2..]))
            }
            Filter::Flate => Box::new(flate2::read::ZlibDecoder::new(r)),
            Filter::Lzw => Box::new(LzwReader::new(r)),
            Filter::Ascii85 => Box::new(A85Reader::new(r)),
        };
    }
    r
}

fn pump(mut r: Box<dyn Read + '_>, sink: &mut Counter) -> Result<(), OverBound> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match r.read(&mut buf) {
            Ok(0) | Err(_) => return Ok(()),
            Ok(n) => n,
        };
        sink.n += n as u64;
        if sink.n > sink.cap {
            return Err(OverBound);
        }
        if let Some(k) = &mut sink.keep {
            k.extend_from_slice(&buf[..n]);
        }
    }
}

/// `LZWDecode` as a reader (MSB first, 8-bit symbols, early change as
/// `lopdf` defaults to).
struct LzwReader<R> {
    inner: R,
    decoder: weezl::decode::Decoder,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    done: bool,
}

impl<R: Read> LzwReader<R> {
    fn new(inner: R) -> Self {
        LzwReader {
            inner,
            decoder: weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8),
            buf: vec![0; 16 * 1024],
            pos: 0,
            len: 0,
            eof: false,
            done: false,
        }
    }
}

impl<R: Read> Read for LzwReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        while !self.done {
            if self.pos == self.len && !self.eof {
                self.len = self.inner.read(&mut self.buf)?;
                self.pos = 0;
                self.eof = self.len == 0;
            }
            let r = self
                .decoder
                .decode_bytes(&self.buf[self.pos..self.len], out);
            self.pos += r.consumed_in;
            match r.status {
                Err(_) | Ok(weezl::LzwStatus::Done) => self.done = true,
                Ok(weezl::LzwStatus::NoProgress) if self.eof => self.done = true,
                _ => {}
            }
            if r.consumed_out > 0 {
                return Ok(r.consumed_out);
            }
            if r.consumed_in == 0 && self.eof {
                self.done = true;
            }
        }
        Ok(0)
    }
}

/// `ASCII85Decode` as a reader (`z` is four zero bytes, `~` ends the data).
struct A85Reader<R> {
    inner: R,
    group: [u8; 5],
    count: usize,
    pending: Vec<u8>,
    done: bool,
}

impl<R: Read> A85Reader<R> {
    fn new(inner: R) -> Self {
        A85Reader {
            inner,
            group: [0; 5],
            count: 0,
            pending: Vec::new(),
            done: false,
        }
    }

    fn flush_group(&mut self, full: bool) {
        if self.count == 0 {
            return;
        }
        let n = self.count;
        for i in n..5 {
            self.group[i] = 84;
        }
        let v = self
            .group
            .iter()
            .fold(0u64, |acc, &d| acc * 85 + u64::from(d)) as u32;
        let bytes = v.to_be_bytes();
        let keep = if full { 4 } else { n - 1 };
        self.pending.extend_from_slice(&bytes[..keep]);
        self.count = 0;
    }
}

impl<R: Read> Read for A85Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut chunk = [0u8; 4096];
        while self.pending.is_empty() && !self.done {
            let n = self.inner.read(&mut chunk)?;
            if n == 0 {
                self.flush_group(false);
                self.done = true;
                break;
            }
            for &c in &chunk[..n] {
                match c {
                    b'z' if self.count == 0 => self.pending.extend_from_slice(&[0; 4]),
                    b'~' => {
                        self.flush_group(false);
                        self.done = true;
                        break;
                    }
                    b'!'..=b'u' => {
                        self.group[self.count] = c - b'!';
                        self.count += 1;
                        if self.count == 5 {
                            self.flush_group(true);
                        }
                    }
                    c if c.is_ascii_whitespace() => {}
                    _ => {
                        self.flush_group(false);
                        self.done = true;
                        break;
                    }
                }
            }
        }
        let n = out.len().min(self.pending.len());
        out[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

/// The filters of a loaded stream, as [`check_file`] reads them.
fn filters_of_stream(stream: &pdf_extract::Stream) -> Vec<Filter> {
    let Ok(names) = stream.filters() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for n in names {
        match n {
            b"FlateDecode" => out.push(Filter::Flate),
            b"LZWDecode" => out.push(Filter::Lzw),
            b"ASCII85Decode" => out.push(Filter::Ascii85),
            _ => break,
        }
    }
    out
}

/// Make a loaded document safe to extract: images emptied, page contents
/// and forms checked (see the module docs).
pub(crate) fn prepare(
    doc: &mut pdf_extract::Document,
    pages: &[pdf_extract::ObjectId],
) -> Result<(), IngestError> {
    strip_images(doc);
    check_fonts_and_profiles(doc)?;
    let forms = check_forms(doc)?;
    check_pages(doc, pages, &forms)
}

/// Most bytes a `ToUnicode` map may decode to (parsed into a table).
pub const MAX_TO_UNICODE: u64 = 4 * MIB;
/// Most bytes an embedded font may decode to (parsed for its encoding).
pub const MAX_FONT: u64 = 16 * MIB;

/// Visit every dictionary and array inside `o` (not following references).
fn visit(o: &pdf_extract::Object, depth: usize, f: &mut impl FnMut(&pdf_extract::Object)) {
    if depth > 32 {
        return;
    }
    f(o);
    match o {
        pdf_extract::Object::Array(a) => a.iter().for_each(|x| visit(x, depth + 1, f)),
        pdf_extract::Object::Dictionary(d) => d.iter().for_each(|(_, x)| visit(x, depth + 1, f)),
        pdf_extract::Object::Stream(s) => s.dict.iter().for_each(|(_, x)| visit(x, depth + 1, f)),
        _ => {}
    }
}

/// Colour profiles are emptied (`pdf-extract` decompresses one each time a
/// colour space is set, and no text comes from them); `ToUnicode` maps and
/// embedded fonts, which it parses, are bounded.
fn check_fonts_and_profiles(doc: &mut pdf_extract::Document) -> Result<(), IngestError> {
    let mut profiles = Vec::new();
    let mut bounded: Vec<(Id, u64, &'static str)> = Vec::new();
    for o in doc.objects.values() {
        visit(o, 0, &mut |x| match x {
            pdf_extract::Object::Array(a) => {
                let icc = a
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .is_some_and(|n| n == b"ICCBased");
                if let (true, Some(Ok(id))) = (icc, a.get(1).map(|r| r.as_reference())) {
                    profiles.push(id);
                }
            }
            pdf_extract::Object::Dictionary(d) => {
                for (key, cap, what) in [
                    (&b"ToUnicode"[..], MAX_TO_UNICODE, "a ToUnicode map"),
                    (b"FontFile", MAX_FONT, "an embedded font"),
                    (b"FontFile2", MAX_FONT, "an embedded font"),
                    (b"FontFile3", MAX_FONT, "an embedded font"),
                ] {
                    if let Ok(id) = d.get(key).and_then(pdf_extract::Object::as_reference) {
                        bounded.push((id, cap, what));
                    }
                }
            }
            _ => {}
        });
    }
    bounded.sort();
    bounded.dedup();
    for (id, cap, what) in bounded {
        let Ok(stream) = doc.get_object(id).and_then(pdf_extract::Object::as_stream) else {
            continue;
        };
        let filters = filters_of_stream(stream);
        let n = if filters.is_empty() {
            stream.content.len() as u64
        } else {
            decoded_len(&stream.content, &filters, cap).unwrap_or(u64::MAX)
        };
        if n > cap {
            return Err(over(format!(
                "{what} (object {} {} R) decompresses to more than {}",
                id.0,
                id.1,
                mib(cap)
            )));
        }
    }
    for id in profiles {
        if let Ok(pdf_extract::Object::Stream(s)) = doc.get_object_mut(id) {
            s.content = Vec::new();
            s.dict.remove(b"Filter");
            s.dict.remove(b"DecodeParms");
        }
    }
    Ok(())
}

fn is_image(dict: &pdf_extract::Dictionary) -> bool {
    dict.get(b"Subtype")
        .and_then(pdf_extract::Object::as_name)
        .is_ok_and(|n| n == b"Image")
}

fn strip_images(doc: &mut pdf_extract::Document) {
    for obj in doc.objects.values_mut() {
        if let pdf_extract::Object::Stream(s) = obj {
            if is_image(&s.dict) {
                s.content = Vec::new();
                s.dict.remove(b"Filter");
                s.dict.remove(b"DecodeParms");
            }
        }
    }
}

type Id = pdf_extract::ObjectId;

fn deref<'a>(
    doc: &'a pdf_extract::Document,
    o: &'a pdf_extract::Object,
) -> &'a pdf_extract::Object {
    match o.as_reference() {
        Ok(id) => doc.get_object(id).unwrap_or(o),
        Err(_) => o,
    }
}

/// The XObjects a resource dictionary names: `(name, object)`.
fn xobjects_of(
    doc: &pdf_extract::Document,
    resources: &pdf_extract::Dictionary,
) -> Vec<(Vec<u8>, Id)> {
    let Ok(x) = resources.get(b"XObject") else {
        return Vec::new();
    };
    let Ok(x) = deref(doc, x).as_dict() else {
        return Vec::new();
    };
    x.iter()
        .filter_map(|(k, v)| v.as_reference().ok().map(|id| (k.clone(), id)))
        .collect()
}

fn own_resources<'a>(
    doc: &'a pdf_extract::Document,
    dict: &'a pdf_extract::Dictionary,
) -> Option<&'a pdf_extract::Dictionary> {
    dict.get(b"Resources")
        .ok()
        .and_then(|r| deref(doc, r).as_dict().ok())
}

/// The names drawn by `Do` in content bytes (`/Fm0 Do`), with how many
/// times each is drawn.
fn drawn_names(content: &[u8]) -> Vec<(Vec<u8>, u64)> {
    let mut out: Vec<(Vec<u8>, u64)> = Vec::new();
    for i in memchr::memmem::find_iter(content, b"Do") {
        let after = content
            .get(i + 2)
            .is_none_or(|&b| is_space(b) || b"/[(<%".contains(&b));
        if !after {
            continue;
        }
        let mut j = i;
        while j > 0 && is_space(content[j - 1]) {
            j -= 1;
        }
        let end = j;
        while j > 0 && !is_space(content[j - 1]) && content[j - 1] != b'/' {
            j -= 1;
        }
        if j == 0 || content[j - 1] != b'/' || j == end {
            continue;
        }
        let (name, _) = name_at(&content[j..end]);
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => out.push((name, 1)),
        }
    }
    out
}

/// What drawing a form costs: the longest chain of forms drawn inside one
/// another (memory: their operations are alive together) and all the
/// content parsed, each `Do` counted (time).
#[derive(Clone, Copy, Default)]
struct Cost {
    chain: u64,
    work: u64,
}

type Forms = std::collections::HashMap<Id, Cost>;

/// The cost of drawing the `(name, times)` of some content, names resolved
/// in `available`.
fn cost_of_drawn(
    drawn: &[(Vec<u8>, u64)],
    available: &[(Vec<u8>, Id)],
    mut cost_of: impl FnMut(Id) -> Result<Cost, IngestError>,
) -> Result<Cost, IngestError> {
    let mut total = Cost::default();
    for (name, times) in drawn {
        for (_, id) in available.iter().filter(|(n, _)| n == name) {
            let c = cost_of(*id)?;
            total.chain = total.chain.max(c.chain);
            total.work = total.work.saturating_add(c.work.saturating_mul(*times));
        }
    }
    Ok(total)
}

/// Every chain of forms drawn inside one another decodes to at most
/// [`MAX_PAGE`], all a form draws to at most [`MAX_CONTENT`], and no form
/// draws itself. Returns the cost of each form.
fn check_forms(doc: &pdf_extract::Document) -> Result<Forms, IngestError> {
    use std::collections::HashMap;
    // Resource dictionaries: of pages, page-tree nodes and forms, inline or
    // indirect. For each XObject, the names of the dictionaries that list
    // it: a form without resources of its own draws from the resources it
    // was drawn with.
    let mut contexts: HashMap<Id, Vec<(Vec<u8>, Id)>> = HashMap::new();
    for obj in doc.objects.values() {
        let dict = match obj {
            pdf_extract::Object::Dictionary(d) => d,
            pdf_extract::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        let mut sets = Vec::new();
        if let Some(r) = own_resources(doc, dict) {
            sets.push(xobjects_of(doc, r));
        }
        if dict.has(b"XObject") {
            sets.push(xobjects_of(doc, dict));
        }
        for set in sets {
            for (_, x) in &set {
                let c = contexts.entry(*x).or_default();
                for pair in &set {
                    if !c.contains(pair) {
                        c.push(pair.clone());
                    }
                }
            }
        }
    }
    let mut forms = Forms::new();
    let mut on_path = Vec::new();
    let mut roots: Vec<Id> = contexts.keys().copied().collect();
    roots.sort();
    for id in roots {
        form_cost(doc, id, &contexts, &mut forms, &mut on_path)?;
    }
    Ok(forms)
}

type Contexts = std::collections::HashMap<Id, Vec<(Vec<u8>, Id)>>;

/// The cost of drawing the form `id` (see [`Cost`]).
fn form_cost(
    doc: &pdf_extract::Document,
    id: Id,
    contexts: &Contexts,
    forms: &mut Forms,
    on_path: &mut Vec<Id>,
) -> Result<Cost, IngestError> {
    if let Some(&c) = forms.get(&id) {
        return Ok(c);
    }
    if on_path.contains(&id) {
        return Err(over(format!(
            "form XObject {} {} R draws itself",
            id.0, id.1
        )));
    }
    if on_path.len() >= MAX_FORM_DEPTH {
        return Err(over(format!(
            "forms drawn inside one another more than {MAX_FORM_DEPTH} deep"
        )));
    }
    let Ok(stream) = doc.get_object(id).and_then(pdf_extract::Object::as_stream) else {
        forms.insert(id, Cost::default());
        return Ok(Cost::default());
    };
    if is_image(&stream.dict) {
        forms.insert(id, Cost::default());
        return Ok(Cost::default());
    }
    let too_big = || {
        over(format!(
            "form XObject {} {} R (with the forms it draws) decompresses to more than {}",
            id.0,
            id.1,
            mib(MAX_PAGE)
        ))
    };
    let filters = filters_of_stream(stream);
    let content;
    let bytes: &[u8] = if filters.is_empty() {
        &stream.content
    } else {
        content = decode_to_vec(&stream.content, &filters, MAX_PAGE).map_err(|_| too_big())?;
        &content
    };
    let size = bytes.len() as u64;
    if size > MAX_PAGE {
        return Err(too_big());
    }
    let drawn = drawn_names(bytes);
    let available: Vec<(Vec<u8>, Id)> = match own_resources(doc, &stream.dict) {
        Some(r) => xobjects_of(doc, r),
        None => contexts.get(&id).cloned().unwrap_or_default(),
    };
    on_path.push(id);
    let inner = cost_of_drawn(&drawn, &available, |c| {
        form_cost(doc, c, contexts, forms, on_path)
    });
    on_path.pop();
    let inner = inner?;
    let cost = Cost {
        chain: size + inner.chain,
        work: size.saturating_add(inner.work),
    };
    if cost.chain > MAX_PAGE {
        return Err(too_big());
    }
    if cost.work > MAX_CONTENT {
        return Err(over(format!(
            "form XObject {} {} R draws more than {} of content (forms drawn many times)",
            id.0,
            id.1,
            mib(MAX_CONTENT)
        )));
    }
    forms.insert(id, cost);
    Ok(cost)
}

/// Check the content of every page of a loaded document: per page (its
/// content streams, a stream listed twice counted twice; with the forms it
/// draws) and in all, each form counted as many times as it is drawn.
fn check_pages(
    doc: &pdf_extract::Document,
    pages: &[pdf_extract::ObjectId],
    forms: &Forms,
) -> Result<(), IngestError> {
    let mut all = 0u64;
    for (i, &page) in pages.iter().enumerate() {
        let too_big = || {
            over(format!(
                "the content of page {} decompresses to more than {}",
                i + 1,
                mib(MAX_PAGE)
            ))
        };
        let mut content = Vec::new();
        for id in doc.get_page_contents(page) {
            let Ok(stream) = doc.get_object(id).and_then(pdf_extract::Object::as_stream) else {
                continue;
            };
            let filters = filters_of_stream(stream);
            let room = MAX_PAGE.saturating_sub(content.len() as u64);
            if filters.is_empty() {
                if stream.content.len() as u64 > room {
                    return Err(too_big());
                }
                content.extend_from_slice(&stream.content);
            } else {
                let part = decode_to_vec(&stream.content, &filters, room).map_err(|_| too_big())?;
                content.extend_from_slice(&part);
            }
            content.push(b'\n');
        }
        let mut available = Vec::new();
        if let Ok((inline, ids)) = doc.get_page_resources(page) {
            if let Some(r) = inline {
                available.extend(xobjects_of(doc, r));
            }
            for id in ids {
                if let Ok(r) = doc.get_dictionary(id) {
                    available.extend(xobjects_of(doc, r));
                }
            }
        }
        // Forms not reached from any resource dictionary were not costed:
        // they cannot be drawn.
        let drawn = drawn_names(&content);
        let inner = cost_of_drawn(&drawn, &available, |id| {
            Ok(forms.get(&id).copied().unwrap_or_default())
        })?;
        let size = content.len() as u64;
        if size + inner.chain > 2 * MAX_PAGE {
            return Err(too_big());
        }
        all = all.saturating_add(size).saturating_add(inner.work);
        if all > MAX_CONTENT {
            return Err(over(format!(
                "its pages and the forms they draw decompress to more than {} of content in all",
                mib(MAX_CONTENT)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn pdf_with_stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n1 0 obj\n".to_vec();
        out.extend_from_slice(dict.as_bytes());
        out.extend_from_slice(b"\nstream\n");
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        out
    }

    /// A PDF of numbered objects (1 is the catalog), each `(dict, stream)`.
    fn build(objects: &[(&str, Option<&[u8]>)]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, (dict, stream)) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n{dict}\n", i + 1).as_bytes());
            if let Some(data) = stream {
                pdf.extend_from_slice(b"stream\n");
                pdf.extend_from_slice(data);
                pdf.extend_from_slice(b"\nendstream\n");
            }
            pdf.extend_from_slice(b"endobj\n");
        }
        let xref = pdf.len();
        pdf.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
        );
        for o in offsets {
            pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        pdf
    }

    /// Load and prepare a PDF whose one page has `content` and `resources`.
    fn prepared(
        content: &[u8],
        resources: &str,
        more: &[(&str, Option<&[u8]>)],
    ) -> Result<pdf_extract::Document, IngestError> {
        let page = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources {resources} >>"
        );
        let content_dict = format!("<< /Length {} >>", content.len());
        let mut objects: Vec<(&str, Option<&[u8]>)> = vec![
            ("<< /Type /Catalog /Pages 2 0 R >>", None),
            ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None),
            (&page, None),
            (&content_dict, Some(content)),
        ];
        objects.extend_from_slice(more);
        let bytes = build(&objects);
        check_file(&bytes)?;
        let mut doc = pdf_extract::Document::load_mem(&bytes).expect("loads");
        let pages: Vec<Id> = doc.get_pages().into_values().collect();
        prepare(&mut doc, &pages)?;
        Ok(doc)
    }

    #[test]
    fn a_form_that_draws_itself_is_refused() {
        let form: &[u8] = b"/Fm0 Do";
        let dict = format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Length {} >>",
            form.len()
        );
        let e = prepared(
            b"/Fm0 Do",
            "<< /XObject << /Fm0 5 0 R >> >>",
            &[(&dict, Some(form))],
        )
        .unwrap_err();
        assert!(e.to_string().contains("draws itself"), "{e}");
        // Through another form.
        let a: &[u8] = b"q /B Do Q";
        let b: &[u8] = b"/A Do";
        let da = format!("<< /Subtype /Form /Resources 7 0 R /Length {} >>", a.len());
        let db = format!("<< /Subtype /Form /Resources 7 0 R /Length {} >>", b.len());
        let e = prepared(
            b"/A Do",
            "7 0 R",
            &[
                (&da, Some(a)),
                (&db, Some(b)),
                ("<< /XObject << /A 5 0 R /B 6 0 R >> >>", None),
            ],
        )
        .unwrap_err();
        assert!(e.to_string().contains("draws itself"), "{e}");
    }

    #[test]
    fn profiles_are_emptied_and_big_unicode_maps_refused() {
        let icc = zlib(&[1u8; 5000]);
        let di = format!("<< /N 1 /Filter /FlateDecode /Length {} >>", icc.len());
        let doc = prepared(
            b"/CS0 cs",
            "<< /ColorSpace << /CS0 [/ICCBased 5 0 R] >> >>",
            &[(&di, Some(&icc))],
        )
        .unwrap();
        let s = doc.get_object((5, 0)).unwrap().as_stream().unwrap();
        assert!(s.content.is_empty() && !s.is_compressed());

        let map = zlib(&vec![b' '; (MAX_TO_UNICODE + 1) as usize]);
        let dm = format!("<< /Filter /FlateDecode /Length {} >>", map.len());
        let e = prepared(
            b"BT ET",
            "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /X /ToUnicode 5 0 R >> >> >>",
            &[(&dm, Some(&map))],
        )
        .unwrap_err();
        assert!(e.to_string().contains("ToUnicode"), "{e}");
    }

    #[test]
    fn a_form_drawn_too_many_times_is_refused() {
        // B is 64 KiB, A draws it 64 times, the page draws A 64 times:
        // 256 MiB of content to parse.
        let b = zlib(&vec![b' '; 64 * 1024]);
        let a = "/B Do ".repeat(64);
        let page = "/A Do ".repeat(64);
        let da = format!(
            "<< /Subtype /Form /Resources << /XObject << /B 6 0 R >> >> /Length {} >>",
            a.len()
        );
        let db = format!(
            "<< /Subtype /Form /Filter /FlateDecode /Length {} >>",
            b.len()
        );
        let e = prepared(
            page.as_bytes(),
            "<< /XObject << /A 5 0 R >> >>",
            &[(&da, Some(a.as_bytes())), (&db, Some(&b))],
        )
        .unwrap_err();
        assert!(e.to_string().contains("of content in all"), "{e}");
        // Drawn 4 × 4 times: fine.
        let a4 = "/B Do ".repeat(4);
        let da4 = da.replace(
            &format!("/Length {}", a.len()),
            &format!("/Length {}", a4.len()),
        );
        let ok = prepared(
            "/A Do ".repeat(4).as_bytes(),
            "<< /XObject << /A 5 0 R >> >>",
            &[(&da4, Some(a4.as_bytes())), (&db, Some(&b))],
        );
        assert!(ok.is_ok(), "{:?}", ok.err());
    }

    #[test]
    fn shared_resources_naming_a_form_are_not_a_cycle() {
        let a: &[u8] = b"q /B Do Q";
        let b: &[u8] = b"BT ET";
        let da = format!("<< /Subtype /Form /Resources 7 0 R /Length {} >>", a.len());
        let db = format!("<< /Subtype /Form /Resources 7 0 R /Length {} >>", b.len());
        let doc = prepared(
            b"/A Do /B Do",
            "7 0 R",
            &[
                (&da, Some(a)),
                (&db, Some(b)),
                ("<< /XObject << /A 5 0 R /B 6 0 R >> >>", None),
            ],
        );
        assert!(doc.is_ok(), "{:?}", doc.err());
    }

    #[test]
    fn images_are_emptied_and_big_pages_and_form_chains_refused() {
        let img = zlib(&[7u8; 30_000]);
        let di = format!(
            "<< /Subtype /Image /Width 100 /Height 300 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode /Length {} >>",
            img.len()
        );
        let doc = prepared(
            b"/Im0 Do",
            "<< /XObject << /Im0 5 0 R >> >>",
            &[(&di, Some(&img))],
        )
        .unwrap();
        let s = doc.get_object((5, 0)).unwrap().as_stream().unwrap();
        assert!(s.content.is_empty() && !s.is_compressed());

        let big = vec![b' '; (MAX_PAGE + 1) as usize];
        let e = prepared(&big, "<< >>", &[]).unwrap_err();
        assert!(e.to_string().contains("content of page 1"), "{e}");

        let half = zlib(&vec![b' '; (MAX_PAGE / 2 + 1) as usize]);
        let da = format!("<< /Subtype /Form /Resources << /XObject << /B 6 0 R >> >> /Filter /FlateDecode /Length {} >>", half.len());
        let db = format!(
            "<< /Subtype /Form /Filter /FlateDecode /Length {} >>",
            half.len()
        );
        // B's content is spaces: it draws nothing; A draws B.
        let mut a_content = b"/B Do ".to_vec();
        a_content.extend(vec![b' '; (MAX_PAGE / 2) as usize]);
        let a = zlib(&a_content);
        let da2 = da.replace(
            &format!("/Length {}", half.len()),
            &format!("/Length {}", a.len()),
        );
        let e = prepared(
            b"/A Do",
            "<< /XObject << /A 5 0 R >> >>",
            &[(&da2, Some(&a)), (&db, Some(&half))],
        )
        .unwrap_err();
        assert!(e.to_string().contains("form XObject 5 0 R"), "{e}");
    }

    #[test]
    fn small_streams_pass_and_counts_are_exact() {
        let z = zlib(&[b'a'; 5000]);
        assert_eq!(decoded_len(&z, &[Filter::Flate], MAX_STREAM).unwrap(), 5000);
        let pdf = pdf_with_stream(
            &format!("<< /Length {} /Filter /FlateDecode >>", z.len()),
            &z,
        );
        assert!(check_file(&pdf).is_ok());
        // ASCII85 of "Man " plus z.
        let a = b"9jqo^z~>";
        assert_eq!(decoded_len(a, &[Filter::Ascii85], 100).unwrap(), 8);
    }

    #[test]
    fn a_stream_over_the_bound_is_refused_by_name_escapes_and_chains_too() {
        let zeros = vec![0u8; (MAX_STREAM + 1) as usize];
        let z = zlib(&zeros);
        drop(zeros);
        for dict in [
            "<< /Filter /FlateDecode >>",
            "<< /Filter /Fl#61teDecode /Length 3 0 R >>",
            "<< /Filter [/FlateDecode] /Subtype /Image >>",
        ] {
            let pdf = pdf_with_stream(dict, &z);
            let e = check_file(&pdf).unwrap_err();
            assert!(matches!(e, IngestError::PdfBound(_)), "{dict}: {e}");
        }
        // Flate inside Flate: the outer layer is small, the inner is not.
        let twice = zlib(&z);
        let pdf = pdf_with_stream("<< /Filter [/FlateDecode /FlateDecode] >>", &twice);
        assert!(check_file(&pdf).is_err());
        // Unknown filter: lopdf does not decode, nothing to bound.
        let pdf = pdf_with_stream("<< /Filter /DCTDecode >>", &z);
        assert!(check_file(&pdf).is_ok());
    }

    #[test]
    fn dense_objects_outside_streams_are_bounded() {
        let mut pdf = b"%PDF-1.4\n1 0 obj\n[".to_vec();
        pdf.extend(std::iter::repeat_n(*b"0 ", (MAX_STRUCTURE / 2 + 10) as usize).flatten());
        pdf.extend_from_slice(b"]\nendobj\n%%EOF\n");
        let e = check_file(&pdf).unwrap_err();
        assert!(e.to_string().contains("objects to parse"), "{e}");
        // The same bytes as stream data are not parsed into objects.
        let data = vec![b'0'; (MAX_STRUCTURE + 10) as usize];
        let pdf = pdf_with_stream(&format!("<< /Length {} >>", data.len()), &data);
        assert!(check_file(&pdf).is_ok());
    }

    #[test]
    fn lzw_bombs_are_counted() {
        let data = vec![b'x'; 3_000_000];
        let mut enc = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
        let packed = enc.encode(&data).unwrap();
        assert_eq!(
            decoded_len(&packed, &[Filter::Lzw], u64::MAX).unwrap(),
            3_000_000
        );
        assert!(decoded_len(&packed, &[Filter::Lzw], 1_000_000).is_err());
    }

    #[test]
    fn streams_inside_object_streams_are_followed() {
        let inner = zlib(&vec![b' '; (MAX_STREAM + 10) as usize]);
        let mut objstm = b"5 0 << /Filter /FlateDecode >>\nstream\n".to_vec();
        objstm.extend_from_slice(&inner);
        objstm.extend_from_slice(b"\nendstream\n");
        let pdf = pdf_with_stream(
            "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>",
            &zlib(&objstm),
        );
        assert!(check_file(&pdf).is_err());
    }
}

//! Turning the bytes of an input file into text the way a spreadsheet wrote
//! them: the encoding (UTF-8, GB18030/GBK, UTF-16 with a byte-order mark) and
//! the CSV delimiter (`,`, `;` or a tab).
//!
//! The encoding rule, in order:
//!
//! ```text
//! starts with EF BB BF          -> UTF-8 (mark dropped)
//! starts with FF FE / FE FF     -> UTF-16LE / UTF-16BE (mark dropped); must decode cleanly
//! valid UTF-8                   -> UTF-8
//! decodes as GB18030 cleanly    -> GB18030 (GBK and GB2312 are subsets)
//! otherwise                     -> not text: the caller reports where UTF-8 breaks
//! ```
//!
//! UTF-8 is tried before GB18030 because a UTF-8 file almost never decodes as
//! GB18030 without error and vice versa, while a file that is valid UTF-8 is
//! what every other tool expects.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030 (which includes GBK and GB2312), as Excel writes "CSV" on a
    /// Chinese Windows.
    Gb18030,
    /// UTF-16, little-endian, with its byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with its byte-order mark.
    Utf16Be,
}

impl TextEncoding {
    /// The encoding's usual name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Gb18030 => "GB18030",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// The outcome of [`decode`].
pub(crate) enum Decoded<'a> {
    /// The file's text, without a byte-order mark.
    Text(Cow<'a, str>, TextEncoding),
    /// The file is in none of the encodings tried.
    Invalid {
        /// What was expected (`"UTF-8 or GB18030"`, `"UTF-16LE"`…).
        expected: &'static str,
        /// Byte offset in the file of the first byte that does not decode.
        offset: usize,
        /// The 1-based line of that byte.
        line: u64,
    },
}

/// Decode a file by the rule of the module's doc.
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_or_gb18030(rest, 3);
    }
    for (bom, enc, te) in [
        (&b"\xFF\xFE"[..], UTF_16LE, TextEncoding::Utf16Le),
        (&b"\xFE\xFF"[..], UTF_16BE, TextEncoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return match decode_strict(enc, rest) {
                Ok(text) => Decoded::Text(Cow::Owned(text), te),
                Err((offset, line)) => Decoded::Invalid {
                    expected: te.name(),
                    offset: offset + bom.len(),
                    line,
                },
            };
        }
    }
    utf8_or_gb18030(bytes, 0)
}

fn utf8_or_gb18030(bytes: &[u8], base: usize) -> Decoded<'_> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text(Cow::Borrowed(text), TextEncoding::Utf8),
        Err(e) => match decode_strict(GB18030, bytes) {
            Ok(text) => {
                let text = match text.strip_prefix('\u{feff}') {
                    Some(t) => t.to_string(),
                    None => text,
                };
                Decoded::Text(Cow::Owned(text), TextEncoding::Gb18030)
            }
            Err(_) => {
                let offset = e.valid_up_to();
                Decoded::Invalid {
                    expected: "UTF-8 or GB18030",
                    offset: base + offset,
                    line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64,
                }
            }
        },
    }
}

/// Decode all of `bytes` without replacement; on a malformed sequence, its
/// byte offset in `bytes` and its 1-based line.
fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, (usize, u64)> {
    let mut dec = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2 + 16);
    let mut read_total = 0;
    loop {
        let (res, read) =
            dec.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match res {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => out.reserve(bytes.len() - read_total + 16),
            DecoderResult::Malformed(bad, extra) => {
                let offset = read_total.saturating_sub(bad as usize + extra as usize);
                let line = 1 + out.bytes().filter(|&b| b == b'\n').count() as u64;
                return Err((offset, line));
            }
        }
    }
}

/// The delimiter of a CSV whose first line is the header: a comma if the
/// header has one outside quotes (or has no `;` and no tab either), else
/// whichever of `;` and tab it has more of (`;` on a tie).
///
/// A comma anywhere in the header wins so that every file coprod writes
/// (comma-separated, with at least eight columns) reads back the same way.
pub(crate) fn sniff_delimiter(text: &[u8]) -> u8 {
    let (mut commas, mut semis, mut tabs) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            b'\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if commas > 0 || (semis == 0 && tabs == 0) {
        b','
    } else if tabs > semis {
        b'\t'
    } else {
        b';'
    }
}

/// For a file read as GB18030 by guess: its first line holding a
/// non-ascii byte as GB18030 read it, and as Windows-1252 would (the usual
/// other legacy encoding of a spreadsheet), `"<gb18030>" / "<windows-1252>"`.
pub(crate) fn guess_sample(bytes: &[u8], text: &str) -> String {
    let line_of = |t: &str| {
        t.lines()
            .find(|l| !l.is_ascii())
            .unwrap_or("")
            .chars()
            .take(60)
            .collect::<String>()
    };
    let (latin, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    format!("`{}` / `{}`", line_of(text), line_of(&latin))
}

/// The delimiters other than `used` that the header holds outside quotes,
/// with their counts: a header with more than one kind makes the split a
/// guess.
pub(crate) fn other_delimiters(text: &[u8], used: u8) -> Vec<(char, usize)> {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(c) = counts.iter_mut().find(|c| c.0 == b) {
                    c.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .into_iter()
        .filter(|&(d, k)| d != used && k > 0)
        .map(|(d, k)| (d as char, k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(bytes: &[u8]) -> Option<(String, &'static str)> {
        match decode(bytes) {
            Decoded::Text(t, e) => Some((t.into_owned(), e.name())),
            Decoded::Invalid { .. } => None,
        }
    }

    #[test]
    fn utf8_first_then_gb18030() {
        assert_eq!(enc("社區".as_bytes()).unwrap(), ("社區".into(), "UTF-8"));
        let (gbk, _, bad) = GB18030.encode("社區黨支部,居民");
        assert!(!bad);
        assert_eq!(enc(&gbk).unwrap(), ("社區黨支部,居民".into(), "GB18030"));
        // 0xFF is no GB18030 lead byte: neither encoding, located at the first bad byte.
        match decode(b"ab\ncd\xff") {
            Decoded::Invalid { offset, line, .. } => assert_eq!((offset, line), (5, 2)),
            Decoded::Text(..) => panic!("decoded"),
        }
    }

    #[test]
    fn utf16_needs_its_mark_and_clean_units() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("id,社".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(enc(&le).unwrap(), ("id,社".into(), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("id\n社".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(enc(&be).unwrap(), ("id\n社".into(), "UTF-16BE"));
        // An unpaired surrogate on line 2.
        let mut bad = vec![0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8, b'b', 0];
        bad.truncate(10);
        match decode(&bad) {
            Decoded::Invalid { expected, line, .. } => {
                assert_eq!((expected, line), ("UTF-16LE", 2))
            }
            Decoded::Text(t, _) => panic!("decoded {t:?}"),
        }
    }

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter(b"id,kind;x,level\na;b"), b',');
        assert_eq!(sniff_delimiter(b"id;kind;level\n"), b';');
        assert_eq!(sniff_delimiter(b"id\tkind\tlevel\r\n"), b'\t');
        assert_eq!(sniff_delimiter(b"\"a,b\";c\n"), b';');
        assert_eq!(sniff_delimiter(b"id\n,,,"), b',');
    }
}

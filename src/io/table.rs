//! Reading a CSV file into checked rows: encodings (see [`super::text`]),
//! BOM, `,`/`;`/tab delimiters, CRLF, quoted fields, surrounding spaces and
//! encoding problems handled in one place.

use super::LoadNote;
use super::text::{Decoded, TextEncoding, decode, sniff_delimiter};
use crate::error::{Error, Location};
use std::path::{Path, PathBuf};

/// A CSV table whose header has every required column.
pub(crate) struct Table {
    pub file: PathBuf,
    pub header: Vec<String>,
    /// `(line, fields)`; rows with a problem were reported and left out.
    pub rows: Vec<(u64, Vec<String>)>,
    /// Data records seen, good or bad (blank lines excluded).
    pub records: usize,
    /// Whether every record was read (none dropped for its encoding or its
    /// shape, no fatal CSV error), so every id in the file is known.
    pub complete: bool,
}

impl Table {
    /// Position of a column in the header.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    pub fn at(&self, line: u64, column: &str) -> Location {
        Location::new(self.file.clone(), line, column)
    }
}

/// A field as UTF-8 (only bytes that are not valid UTF-8 nor GB18030 as a
/// whole file get here undecoded), or the located error.
fn field_text(
    file: &Path,
    line: u64,
    column: &str,
    bytes: &[u8],
    base: u64,
) -> Result<String, Error> {
    String::from_utf8(bytes.to_vec()).map_err(|e| Error::Encoding {
        at: Location::new(file, line, column),
        expected: "UTF-8 or GB18030",
        offset: base + e.utf8_error().valid_up_to() as u64,
    })
}

/// Read `bytes` as a CSV table with a header holding every `required` column.
/// Problems go to `errors`, and an encoding or delimiter other than UTF-8 and
/// `,` to `notes`; `None` when the header itself is unusable.
pub(crate) fn read_table(
    file: &Path,
    bytes: &[u8],
    required: &[&str],
    errors: &mut Vec<Error>,
    notes: &mut Vec<LoadNote>,
) -> Option<Table> {
    if bytes.len() as u64 > super::MAX_CSV_BYTES {
        errors.push(Error::TooLarge {
            at: Location::new(file, 0, ""),
            what: "the file's size in bytes",
            found: bytes.len() as u64,
            limit: super::MAX_CSV_BYTES,
            hint: CSV_HINT,
        });
        return None;
    }
    if looks_like_utf16_without_bom(bytes) {
        errors.push(Error::Utf16WithoutBom(file.to_path_buf()));
        return None;
    }
    let decoded = decode(bytes);
    let body: std::borrow::Cow<'_, [u8]> = match decoded {
        Decoded::Text(text, enc) => {
            if enc == TextEncoding::Gb18030 {
                // No mark says so: GB18030 is a guess, which other legacy
                // encodings would read differently.
                notes.push(LoadNote::GuessedEncoding {
                    file: file.to_path_buf(),
                    encoding: enc.name(),
                    sample: super::text::guess_sample(bytes, &text),
                });
            } else if enc != TextEncoding::Utf8 {
                notes.push(LoadNote::Encoding {
                    file: file.to_path_buf(),
                    encoding: enc.name(),
                });
            }
            match text {
                std::borrow::Cow::Borrowed(t) => std::borrow::Cow::Borrowed(t.as_bytes()),
                std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(t.into_bytes()),
            }
        }
        Decoded::Invalid {
            expected: "UTF-8 or GB18030",
            ..
        } => {
            // Undecodable as a whole: read it as UTF-8 field by field so that
            // each bad field is reported with its line and column.
            std::borrow::Cow::Borrowed(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        }
        Decoded::Invalid {
            expected,
            offset,
            line,
        } => {
            errors.push(Error::Encoding {
                at: Location::new(file, line, ""),
                expected,
                offset: offset as u64,
            });
            return None;
        }
    };
    let body: &[u8] = &body;
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        errors.push(Error::EmptyFile(file.to_path_buf()));
        return None;
    }
    let delimiter = sniff_delimiter(body);
    let others = super::text::other_delimiters(body, delimiter);
    if !others.is_empty() {
        notes.push(LoadNote::AmbiguousDelimiter {
            file: file.to_path_buf(),
            delimiter: delimiter as char,
            others,
        });
    } else if delimiter != b',' {
        notes.push(LoadNote::Delimiter {
            file: file.to_path_buf(),
            delimiter: delimiter as char,
        });
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(body);
    let header = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(Error::MalformedCsv {
                at: Location::new(file, 1, ""),
                message: e.to_string(),
            });
            return None;
        }
    };
    if header.len() > super::MAX_COLUMNS {
        errors.push(Error::TooLarge {
            at: Location::new(file, 1, ""),
            what: "the number of header columns",
            found: header.len() as u64,
            limit: super::MAX_COLUMNS as u64,
            hint: "",
        });
        return None;
    }
    let mut names = Vec::with_capacity(header.len());
    let mut seen = std::collections::HashSet::with_capacity(header.len());
    let mut ok = true;
    for field in header.iter() {
        if field.len() > super::MAX_FIELD_BYTES {
            errors.push(too_long_field(file, 1, "", field.len()));
            return None;
        }
        match field_text(file, 1, "", field, 0) {
            Ok(s) => {
                if !seen.insert(s.clone()) {
                    errors.push(Error::DuplicateColumn {
                        at: Location::new(file, 1, ""),
                        column: s.clone(),
                    });
                    ok = false;
                }
                names.push(s);
            }
            Err(e) => {
                errors.push(e);
                ok = false;
            }
        }
    }
    let mut missing = false;
    for &req in required {
        if !names.iter().any(|n| n == req) {
            errors.push(Error::MissingColumn {
                at: Location::new(file, 1, ""),
                column: req.to_string(),
            });
            missing = true;
        }
    }
    if missing {
        // A header split on the wrong delimiter: say which column hides one.
        for n in &names {
            if let Some(d) = [b';', b'\t', b',']
                .into_iter()
                .find(|&d| d != delimiter && n.as_bytes().contains(&d))
            {
                errors.push(Error::MixedDelimiters {
                    at: Location::new(file, 1, ""),
                    value: n.clone(),
                    found: d as char,
                    used: delimiter as char,
                });
            }
        }
        ok = false;
    }
    if !ok {
        return None;
    }
    if let Some((line, message)) = unclosed_quote(body, delimiter, names.len()) {
        errors.push(Error::MalformedCsv {
            at: Location::new(file, line, ""),
            message,
        });
        return None;
    }
    let mut rows = Vec::new();
    let mut records = 0;
    let mut fatal_seen = false;
    let mut record = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let Some(pos) = record.position().cloned() else {
                    continue;
                };
                let line = pos.line();
                if record.len() == 1 && record.get(0) == Some(b"") {
                    continue; // a blank line
                }
                records += 1;
                let mut fields = Vec::with_capacity(record.len());
                let mut good = true;
                for (i, f) in record.iter().enumerate() {
                    if f.len() > super::MAX_FIELD_BYTES {
                        errors.push(too_long_field(file, line, &names[i], f.len()));
                        good = false;
                        continue;
                    }
                    match field_text(file, line, &names[i], f, pos.byte()) {
                        Ok(s) => fields.push(s),
                        Err(e) => {
                            errors.push(e);
                            good = false;
                        }
                    }
                }
                if good {
                    rows.push((line, fields));
                }
            }
            Err(e) => {
                records += 1;
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("{len} fields where the header has {expected_len}")
                    }
                    _ => e.to_string(),
                };
                let fatal = !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. });
                errors.push(Error::MalformedCsv {
                    at: Location::new(file, line, ""),
                    message,
                });
                if fatal {
                    fatal_seen = true;
                    break;
                }
            }
        }
    }
    Some(Table {
        file: file.to_path_buf(),
        header: names,
        complete: !fatal_seen && rows.len() == records,
        rows,
        records,
    })
}

/// What to do with a case too large for the CSV loader.
const CSV_HINT: &str =
    "a case this large goes through a compact file (`coprod generate`, `coprod analyse`)";

fn too_long_field(file: &Path, line: u64, column: &str, len: usize) -> Error {
    Error::TooLarge {
        at: Location::new(file, line, column),
        what: "the field's length in bytes",
        found: len as u64,
        limit: super::MAX_FIELD_BYTES as u64,
        hint: "is a closing quote missing?",
    }
}

/// Whether the first bytes look like UTF-16 without a byte-order mark:
/// every other byte 0 and the bytes between not (ascii text in UTF-16).
fn looks_like_utf16_without_bom(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return false;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    (odd == pairs && even == 0) || (even == pairs && odd == 0)
}

/// A quoted field that never closes, read by the CSV rule (a `"` opens a
/// quoted field only at the start of a field; `""` inside is a quote):
/// `(line, message)` when the file ends inside one, or when one opens on a
/// line that has, read without it, the header's number of fields, runs on
/// past that line, and does not then end as a field of a well-formed row (a
/// closing quote left out, which would otherwise swallow the rows after it
/// into one field). A value that legitimately spans lines (a multi-line
/// quote in the last column, as the writers write it) closes and is
/// followed by the end of its field, and its row has the header's number of
/// fields: it is accepted.
fn unclosed_quote(body: &[u8], delimiter: u8, columns: usize) -> Option<(u64, String)> {
    #[derive(PartialEq)]
    enum S {
        Start,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    const SWALLOWS: &str = "a quoted field opens on this line and runs onto the next, though this line alone has the header's {columns} fields: a closing `\"` is probably missing (it would swallow the rows below into one field)";
    let swallows = || SWALLOWS.replace("{columns}", &columns.to_string());
    let mut state = S::Start;
    let mut line = 1u64;
    let mut line_start = 0usize;
    // The line a quoted field opened on, its start, and whether it has crossed a line end.
    let mut open: Option<(u64, usize, bool)> = None;
    // The line of a quoted field that looked unclosed; decided when its row ends.
    let mut suspect: Option<u64> = None;
    // Fields of the current row so far (delimiters outside quotes + 1).
    let mut fields = 1usize;
    // The end of a row (outside quotes): a suspect row must have the header's fields.
    let row_end = |fields: usize, suspect: &mut Option<u64>| -> Option<(u64, String)> {
        match suspect.take() {
            Some(l) if fields != columns => Some((l, swallows())),
            _ => None,
        }
    };
    for (i, &b) in body.iter().enumerate() {
        state = match state {
            S::Start | S::Unquoted => {
                if b == b'"' && state == S::Start {
                    open = Some((line, line_start, false));
                    S::Quoted
                } else if b == delimiter {
                    fields += 1;
                    S::Start
                } else if b == b'\n' || b == b'\r' {
                    if let Some(e) = row_end(fields, &mut suspect) {
                        return Some(e);
                    }
                    fields = 1;
                    S::Start
                } else {
                    S::Unquoted
                }
            }
            S::Quoted => {
                if b == b'"' {
                    S::QuoteInQuoted
                } else {
                    if b == b'\n'
                        && let Some((l, start, crossed @ false)) = open.as_mut()
                    {
                        *crossed = true;
                        let physical = &body[*start..i];
                        let physical = physical.strip_suffix(b"\r").unwrap_or(physical);
                        let on_line = 1 + physical.iter().filter(|&&c| c == delimiter).count();
                        if columns > 1 && on_line == columns {
                            suspect = Some(*l);
                        }
                    }
                    S::Quoted
                }
            }
            S::QuoteInQuoted => {
                if b == b'"' {
                    S::Quoted
                } else {
                    open = None;
                    if b == delimiter {
                        fields += 1;
                        S::Start
                    } else if b == b'\n' || b == b'\r' {
                        if let Some(e) = row_end(fields, &mut suspect) {
                            return Some(e);
                        }
                        fields = 1;
                        S::Start
                    } else {
                        // Text right after a closing quote: the quote closed
                        // something else (the next row's opening quote).
                        if let Some(l) = suspect {
                            return Some((l, swallows()));
                        }
                        S::Unquoted
                    }
                }
            }
        };
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    match (state, open) {
        (S::Quoted, Some((l, _, _))) => Some((
            l,
            "the file ends inside the quoted field opened on this line: a closing `\"` is missing (or the file is cut)".into(),
        )),
        _ => row_end(fields, &mut suspect),
    }
}

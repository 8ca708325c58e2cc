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
    let decoded = decode(bytes);
    let body: std::borrow::Cow<'_, [u8]> = match decoded {
        Decoded::Text(text, enc) => {
            if enc != TextEncoding::Utf8 {
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
    if delimiter != b',' {
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
    let mut names = Vec::with_capacity(header.len());
    let mut ok = true;
    for field in header.iter() {
        match field_text(file, 1, "", field, 0) {
            Ok(s) => {
                if names.contains(&s) {
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
    let mut rows = Vec::new();
    let mut records = 0;
    let mut fatal_seen = false;
    let mut record = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let pos = record.position().expect("records have positions");
                let line = pos.line();
                if record.len() == 1 && record.get(0) == Some(b"") {
                    continue; // a blank line
                }
                records += 1;
                let mut fields = Vec::with_capacity(record.len());
                let mut good = true;
                for (i, f) in record.iter().enumerate() {
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

//! Reading a CSV file into checked rows: BOM, CRLF, quoted fields, surrounding
//! spaces and encoding problems handled in one place.

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

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn decode(file: &Path, line: u64, column: &str, bytes: &[u8], base: u64) -> Result<String, Error> {
    String::from_utf8(bytes.to_vec()).map_err(|e| Error::Encoding {
        at: Location::new(file, line, column),
        offset: base + e.utf8_error().valid_up_to() as u64,
    })
}

/// Read `bytes` as a CSV table with a header holding every `required` column.
/// Problems go to `errors`; `None` when the header itself is unusable.
pub(crate) fn read_table(
    file: &Path,
    bytes: &[u8],
    required: &[&str],
    errors: &mut Vec<Error>,
) -> Option<Table> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        errors.push(Error::EmptyFile(file.to_path_buf()));
        return None;
    }
    let mut rdr = csv::ReaderBuilder::new()
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
        match decode(file, 1, "", field, 0) {
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
    for &req in required {
        if !names.iter().any(|n| n == req) {
            errors.push(Error::MissingColumn {
                at: Location::new(file, 1, ""),
                column: req.to_string(),
            });
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    let mut rows = Vec::new();
    let mut records = 0;
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
                    match decode(file, line, &names[i], f, pos.byte()) {
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
                    break;
                }
            }
        }
    }
    Some(Table {
        file: file.to_path_buf(),
        header: names,
        rows,
        records,
    })
}

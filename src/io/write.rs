//! The one CSV writer of the crate, and how numbers are written.
//!
//! Every table coprod writes (case files, actor tables, summaries, edge lists,
//! the report) goes through [`csv_writer`]: `\n` line ends, quoting only where
//! a field needs it, and numbers in their shortest round-trip form with
//! undefined values empty ([`csv_number`]).

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// A CSV writer over `w` with the crate's conventions (`\n` line ends).
pub fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(w)
}

/// Write CSV records into a string with [`csv_writer`].
///
/// # Panics
/// If `write` returns an error or writes a field that is not UTF-8. Writing
/// to memory cannot fail, so with this writer the only error is a record
/// whose field count differs from the first record's (the writer is not
/// flexible); writing `&str` fields of one length per table, as coprod's
/// tables do, never panics.
pub fn csv_string(write: impl FnOnce(&mut csv::Writer<Vec<u8>>) -> csv::Result<()>) -> String {
    let mut w = csv_writer(Vec::new());
    write(&mut w).expect("writing CSV to memory cannot fail");
    let bytes = w.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("UTF-8 fields make UTF-8 CSV")
}

/// A number for CSV: empty for NaN (undefined), the shortest round-trip form
/// otherwise, and `0` rather than `-0`.
pub fn csv_number(x: f64) -> String {
    if x.is_nan() {
        String::new()
    } else if x == x.trunc() && x.abs() < 1e15 {
        // An integer (counts, core numbers, labels): the same text as below, faster.
        (x as i64).to_string()
    } else {
        // `+ 0.0` turns -0 into 0.
        (x + 0.0).to_string()
    }
}

/// A number for JSON: `null` for NaN or an infinity (JSON has neither).
pub fn json_number(x: f64) -> serde_json::Value {
    serde_json::Number::from_f64(x + 0.0).map_or(serde_json::Value::Null, serde_json::Value::Number)
}

/// The error of a failed write to `path` (`-` or empty for standard output).
pub fn write_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Write `text` to the file at `path`.
///
/// # Errors
/// [`Error::Io`] naming the file when it cannot be written.
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| write_error(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(csv_number(f64::NAN), "");
        assert_eq!(csv_number(-0.0), "0");
        assert_eq!(csv_number(0.1), "0.1");
        for x in [
            0.0,
            1.0,
            -1.0,
            7.0,
            1e14,
            -123456789.0,
            999999999999999.0,
            2f64.powi(49),
        ] {
            assert_eq!(csv_number(x), x.to_string(), "{x}");
        }
        assert_eq!(csv_number(1e15), "1000000000000000");
        assert_eq!(csv_number(f64::INFINITY), "inf");
        assert_eq!(json_number(f64::INFINITY), serde_json::Value::Null);
        let s = csv_string(|w| w.write_record(["a,b", "c"]));
        assert_eq!(s, "\"a,b\",c\n");
    }
}

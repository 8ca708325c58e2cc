//! The one CSV writer of the crate, and how numbers are written.
//!
//! Every table coprod writes (case files, actor tables, summaries, edge lists,
//! the report) goes through [`csv_writer`]: `\n` line ends, quoting only where
//! a field needs it, and numbers in their shortest round-trip form with
//! undefined values empty ([`csv_number`]).

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// Write `text` to the file at `path`, atomically ([`AtomicFile`]): the
/// file is the old one or the whole new text, never a part.
///
/// # Errors
/// [`Error::Io`] naming the file when it cannot be written.
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(text.as_bytes())
        .map_err(|e| write_error(path, e))?;
    f.commit()
}

/// A file written under a temporary name beside its destination
/// (`.<name>.coprod-tmp-<pid>-<k>`, same directory, so the same file
/// system) and renamed over it by [`commit`](AtomicFile::commit): a write
/// that fails or is killed part-way leaves the old file intact. Dropped
/// without a commit, the temporary file is removed.
///
/// ```
/// use std::io::Write;
/// let path = std::env::temp_dir().join("coprod-doctest-atomic.txt");
/// let mut f = coprod::io::AtomicFile::create(&path).unwrap();
/// f.write_all(b"new").unwrap();
/// f.commit().unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
/// # std::fs::remove_file(&path).ok();
/// ```
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    /// Open a temporary file for `path`.
    ///
    /// # Errors
    /// [`Error::Io`] naming `path` when the temporary file cannot be created.
    pub fn create(path: impl AsRef<Path>) -> Result<AtomicFile> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let path = path.as_ref().to_path_buf();
        let name = path.file_name().ok_or_else(|| {
            write_error(
                &path,
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
            )
        })?;
        let tmp = path.with_file_name(format!(
            ".{}.coprod-tmp-{}-{}",
            name.to_string_lossy(),
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let file = std::fs::File::create(&tmp).map_err(|e| write_error(&path, e))?;
        Ok(AtomicFile {
            path,
            tmp,
            file: Some(std::io::BufWriter::with_capacity(1 << 20, file)),
        })
    }

    /// The destination.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flush and rename the temporary file over the destination.
    ///
    /// # Panics
    /// Never: a file is committed once (`commit` takes it by value).
    ///
    /// # Errors
    /// [`Error::Io`] naming the destination when the data cannot be flushed
    /// or the file renamed (the temporary file is then removed).
    pub fn commit(mut self) -> Result<()> {
        let w = self.file.take().expect("an uncommitted file");
        let r = w
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|f| f.sync_data().map(|()| f))
            .and_then(|f| {
                drop(f);
                std::fs::rename(&self.tmp, &self.path)
            });
        if let Err(e) = r {
            std::fs::remove_file(&self.tmp).ok();
            return Err(write_error(&self.path, e));
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("an uncommitted file").write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("an uncommitted file").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            std::fs::remove_file(&self.tmp).ok();
        }
    }
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

//! What a reader accepts before it parses: regular files only (a FIFO or a
//! device is refused by its type, before it is opened, so a read can neither
//! block nor run forever), and inputs within the limits below.

use crate::error::{Error, Location, Result};
use std::io::Read;
use std::path::Path;

/// The largest CSV file a case directory may hold (1 GiB): a
/// [`MultiplexGraph`](crate::model::MultiplexGraph) holds about 0.9 KB per
/// tie, so a larger `ties.csv` would not fit in memory once loaded; larger
/// cases go through `coprod generate`'s compact file and `coprod analyse`.
pub const MAX_CSV_BYTES: u64 = 1 << 30;
/// The largest `case.toml` (16 MiB).
pub const MAX_TOML_BYTES: u64 = 16 << 20;
/// The longest CSV field (1 MiB): no id, label or quote is that long.
pub const MAX_FIELD_BYTES: usize = 1 << 20;
/// The most columns a CSV header may have.
pub const MAX_COLUMNS: usize = 10_000;

/// What a path is, when it is not a regular file.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// `Ok` when `path` is (or links to) a regular file; its size.
///
/// # Errors
/// [`Error::Io`] when it cannot be looked at; [`Error::NotAFile`] naming what
/// it is otherwise.
pub(crate) fn check_regular_file(path: &Path) -> Result<u64> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_file() {
        Ok(meta.len())
    } else {
        Err(Error::NotAFile {
            path: path.to_path_buf(),
            what: kind_of(&meta),
        })
    }
}

/// `Ok` when `path` is (or links to) a directory.
///
/// # Errors
/// [`Error::Io`] when it cannot be looked at; [`Error::NotAFile`] naming
/// what it is otherwise.
pub(crate) fn check_directory(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        Ok(())
    } else if meta.is_file() {
        Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                "a file, not a case directory",
            ),
        })
    } else {
        Err(Error::NotAFile {
            path: path.to_path_buf(),
            what: kind_of(&meta),
        })
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them.
///
/// # Errors
/// As [`check_regular_file`]; [`Error::TooLarge`] for a file longer than
/// `limit` (`hint` says what to do instead).
pub(crate) fn read_limited(path: &Path, limit: u64, hint: &'static str) -> Result<Vec<u8>> {
    let len = check_regular_file(path)?;
    let too_large = |found: u64| Error::TooLarge {
        at: Location::new(path, 0, ""),
        what: "the file's size in bytes",
        found,
        limit,
        hint,
    };
    if len > limit {
        return Err(too_large(len));
    }
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    // A file that grew while it was read.
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

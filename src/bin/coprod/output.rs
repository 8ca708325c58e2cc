//! Where a command writes: standard output, or the file of `--output`.

use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `--output FILE` (default: standard output).
#[derive(Args, Debug, Clone, Default)]
pub struct OutputArgs {
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl OutputArgs {
    /// Refuse an output that is one of `case`'s input files (see
    /// [`crate::view::refuse_overwrite`]); call before reading the case.
    pub fn check_inputs(&self, case: &str) -> coprod::Result<()> {
        match &self.output {
            Some(p) => crate::view::refuse_overwrite(p, case),
            None => Ok(()),
        }
    }

    /// Write `text` to the output (a file is replaced atomically: the old
    /// one or the whole new text, never a part).
    pub fn write(&self, text: &str) -> coprod::Result<()> {
        match &self.output {
            Some(p) => coprod::io::write_file(p, text),
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes())
                    .and_then(|()| out.flush())
                    .map_err(|e| coprod::io::write_error(Path::new("<stdout>"), e))
            }
        }
    }
}

/// Output format of a table.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum Format {
    /// Comma-separated values, undefined values empty.
    #[default]
    Csv,
    /// JSON, undefined values null.
    Json,
}

/// The directory `out/<id>` for a case's files: the id is checked against
/// the one id rule ([`coprod::model::is_valid_id`]), so the path stays
/// inside `out` (an empty id, which only a case built in code has, is `out`
/// itself).
pub fn case_dir(out: &Path, id: &str) -> coprod::Result<PathBuf> {
    if id.is_empty() {
        return Ok(out.to_path_buf());
    }
    if !coprod::model::is_valid_id(id) {
        return Err(coprod::Error::InvalidId {
            at: coprod::Location::new("<case id>", 0, "id"),
            value: id.to_string(),
        });
    }
    Ok(out.join(id))
}

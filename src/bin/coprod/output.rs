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
    /// Write `text` to the output.
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

//! What a load returns besides the graph: notes on how the files were read.

use crate::model::MultiplexGraph;
use std::fmt;
use std::path::PathBuf;

/// Something the loader decided for the user that is not an error but that
/// the user should know (the command line prints them): a file read in
/// another encoding than UTF-8, split on another delimiter than `,`, or a
/// `case.toml` that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadNote {
    /// The file was not UTF-8 and was decoded from `encoding`.
    Encoding {
        /// The file.
        file: PathBuf,
        /// `GB18030`, `UTF-16LE` or `UTF-16BE`.
        encoding: &'static str,
    },
    /// The file's columns are separated by `delimiter` (`;` or a tab).
    Delimiter {
        /// The file.
        file: PathBuf,
        /// The delimiter found in its header.
        delimiter: char,
    },
    /// There is no `case.toml`: the case has no metadata and its id is the
    /// directory's name.
    NoCaseToml {
        /// Where `case.toml` was looked for.
        file: PathBuf,
        /// The id given to the case.
        id: String,
    },
}

impl fmt::Display for LoadNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadNote::Encoding { file, encoding } => {
                write!(f, "read {} as {encoding}", file.display())
            }
            LoadNote::Delimiter { file, delimiter } => {
                let d = match delimiter {
                    '\t' => "tabs".to_string(),
                    d => format!("`{d}`"),
                };
                write!(f, "read {} with {d} between columns", file.display())
            }
            LoadNote::NoCaseToml { file, id } => write!(
                f,
                "no {}: the case id is `{id}`, the directory's name",
                file.display()
            ),
        }
    }
}

/// A loaded case and the notes on how its files were read (empty for a case
/// in UTF-8, comma-separated, with its `case.toml`).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The graph.
    pub graph: MultiplexGraph,
    /// How the files were read, in the order they were read.
    pub notes: Vec<LoadNote>,
}

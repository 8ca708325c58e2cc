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
    /// The file had no byte-order mark and was not UTF-8; it decoded as
    /// `encoding` (GB18030), which is a guess: another legacy encoding
    /// (Windows-1252, Shift_JIS, Big5…) would read other characters. A
    /// warning.
    GuessedEncoding {
        /// The file.
        file: PathBuf,
        /// The encoding guessed.
        encoding: &'static str,
        /// The first non-ascii line as read, and as Windows-1252 would read it.
        sample: String,
    },
    /// The header holds more than one kind of delimiter: the file was split
    /// on `delimiter` by the rule of the format (a `,` anywhere wins, else
    /// the more frequent of `;` and tab), and the others stay inside fields.
    /// A warning.
    AmbiguousDelimiter {
        /// The file.
        file: PathBuf,
        /// The delimiter used.
        delimiter: char,
        /// The other delimiters in the header and how often each occurs.
        others: Vec<(char, usize)>,
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

impl LoadNote {
    /// Whether the note is a warning: something the loader guessed that
    /// could change values (an encoding without a mark, a delimiter among
    /// several), rather than a fact about how a file was read.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            LoadNote::GuessedEncoding { .. } | LoadNote::AmbiguousDelimiter { .. }
        )
    }
}

fn delimiter_words(d: char) -> String {
    match d {
        '\t' => "tabs".to_string(),
        d => format!("`{d}`"),
    }
}

impl fmt::Display for LoadNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadNote::Encoding { file, encoding } => {
                write!(f, "read {} as {encoding}", file.display())
            }
            LoadNote::Delimiter { file, delimiter } => {
                let d = delimiter_words(*delimiter);
                write!(f, "read {} with {d} between columns", file.display())
            }
            LoadNote::GuessedEncoding {
                file,
                encoding,
                sample,
            } => write!(
                f,
                "{} is not UTF-8 and has no byte-order mark: read as {encoding}, a guess (Windows-1252, Shift_JIS or Big5 would read other characters); its first non-ascii line reads {sample} (as {encoding} / as Windows-1252): if the first is wrong, save the file as UTF-8",
                file.display()
            ),
            LoadNote::AmbiguousDelimiter {
                file,
                delimiter,
                others,
            } => {
                let others: Vec<String> = others
                    .iter()
                    .map(|&(d, k)| format!("{k} × {}", delimiter_words(d)))
                    .collect();
                write!(
                    f,
                    "{}: the header holds {} besides {}: split on {} (a `,` anywhere wins, else the more frequent of `;` and tab); if the columns are separated otherwise, use one delimiter only",
                    file.display(),
                    others.join(", "),
                    delimiter_words(*delimiter),
                    delimiter_words(*delimiter)
                )
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

//! The one error type of the crate.
//!
//! Every error that comes from user input names where it happened: the file,
//! the line (1-based, the header is line 1), the column and the offending
//! value. Loaders collect *every* problem of a file into [`Error::Invalid`]
//! before returning, so a researcher fixes a spreadsheet in one pass.

use std::fmt;
use std::path::PathBuf;

/// Where in an input a problem was found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// The file (as given to the loader, or a name such as `<string>`).
    pub file: PathBuf,
    /// 1-based line number; the CSV header is line 1. `0` when unknown.
    pub line: u64,
    /// The column (CSV header name or TOML key), empty when not applicable.
    pub column: String,
}

impl Location {
    /// A location in `file` at `line`, `column`.
    pub fn new(file: impl Into<PathBuf>, line: u64, column: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            line,
            column: column.into(),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.column.is_empty() {
            write!(f, " (column `{}`)", self.column)?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in coprod.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A file is empty (no header at all).
    #[error("{0}: the file is empty")]
    EmptyFile(PathBuf),
    /// A file is not valid UTF-8.
    #[error("{at}: not valid UTF-8 (byte offset {offset})")]
    Encoding {
        /// Where.
        at: Location,
        /// Byte offset in the file of the first invalid byte.
        offset: u64,
    },
    /// The CSV itself is malformed (unequal field counts, bad quoting).
    #[error("{at}: malformed CSV: {message}")]
    MalformedCsv {
        /// Where.
        at: Location,
        /// What the CSV parser said.
        message: String,
    },
    /// A required column is missing from the header.
    #[error("{at}: missing column `{column}`")]
    MissingColumn {
        /// The header line.
        at: Location,
        /// The missing column's name.
        column: String,
    },
    /// A column name appears twice in the header.
    #[error("{at}: duplicate column `{column}`")]
    DuplicateColumn {
        /// The header line.
        at: Location,
        /// The repeated column's name.
        column: String,
    },
    /// A required field is empty.
    #[error("{at}: empty value")]
    EmptyField {
        /// Where.
        at: Location,
    },
    /// An actor id is not ascii `[A-Za-z0-9_.-]+`.
    #[error("{at}: invalid id `{value}` (use letters, digits, `_`, `-`, `.`)")]
    InvalidId {
        /// Where.
        at: Location,
        /// The id.
        value: String,
    },
    /// A `kind` that is not one of the seven actor kinds.
    #[error(
        "{at}: unknown kind `{value}` (expected party, block, strip, market, social, resident or arena)"
    )]
    UnknownKind {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A `level` that is not one of the seven levels.
    #[error(
        "{at}: unknown level `{value}` (expected district, subdistrict, community, building, household, individual or external)"
    )]
    UnknownLevel {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A layer name that is neither standard nor declared by the case.
    #[error("{at}: unknown layer `{value}`")]
    UnknownLayer {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A layer declared twice.
    #[error("{at}: layer `{value}` declared twice")]
    DuplicateLayer {
        /// Where.
        at: Location,
        /// The layer's name.
        value: String,
    },
    /// Two actors share an id.
    #[error("{at}: duplicate actor id `{value}` (first defined on line {first_line})")]
    DuplicateActor {
        /// Where the second definition is.
        at: Location,
        /// The id.
        value: String,
        /// Line of the first definition.
        first_line: u64,
    },
    /// A tie names an actor that is not defined.
    #[error("{at}: unknown actor `{value}`")]
    UnknownActor {
        /// Where.
        at: Location,
        /// The id.
        value: String,
    },
    /// A tie from an actor to itself in a layer that forbids self-loops.
    #[error("{at}: self-loop on `{value}` in layer `{layer}`, which forbids self-loops")]
    SelfLoop {
        /// Where.
        at: Location,
        /// The actor.
        value: String,
        /// The layer.
        layer: String,
    },
    /// A weight that is not a finite number > 0.
    #[error("{at}: weight `{value}` must be a finite number > 0")]
    BadWeight {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A `size` that is not a positive integer.
    #[error("{at}: size `{value}` must be empty or a positive integer")]
    BadSize {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A TOML document that does not parse or lacks a required key.
    #[error("{at}: {message}")]
    Toml {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// A JSON document that does not parse.
    #[error("{at}: invalid JSON: {message}")]
    Json {
        /// Where.
        at: Location,
        /// What the parser said.
        message: String,
    },
    /// A graph with no actors where at least one is needed.
    #[error("the graph has no actors")]
    EmptyGraph,
    /// An actor id looked up in a graph that does not hold it.
    #[error("no actor `{0}` in this graph")]
    NoSuchActor(String),
    /// A layer looked up in a graph that does not hold it.
    #[error("no layer `{0}` in this graph")]
    NoSuchLayer(String),
    /// A bundled case name that does not exist.
    #[error("no bundled case `{name}` (bundled: {available})")]
    UnknownCase {
        /// The name asked for.
        name: String,
        /// The bundled case names, comma separated.
        available: String,
    },
    /// An argument outside its domain (a measure's option, a generator's size).
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// An iterative method (power iteration, PageRank, Katz) did not converge.
    #[error("{method}: no convergence in {iterations} iterations ({hint})")]
    NoConvergence {
        /// The method.
        method: &'static str,
        /// Iterations run.
        iterations: usize,
        /// What to try (tolerance, alpha…).
        hint: String,
    },
    /// Several problems found in one input; each names its own location.
    #[error("{} problem(s):\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Error>),
    /// A tie `certainty` that is neither `stated` nor `inferred`.
    #[error("{at}: unknown certainty `{value}` (expected stated or inferred)")]
    UnknownCertainty {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
}

impl Error {
    /// The individual problems: the list inside [`Error::Invalid`], or `self` alone.
    pub fn problems(&self) -> Vec<&Error> {
        match self {
            Error::Invalid(v) => v.iter().flat_map(|e| e.problems()).collect(),
            e => vec![e],
        }
    }

    /// Turn a list of problems into `Ok(())` if empty, one error if one, else [`Error::Invalid`].
    pub(crate) fn collect(mut errors: Vec<Error>) -> Result<()> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.pop().expect("one error")),
            _ => Err(Error::Invalid(errors)),
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

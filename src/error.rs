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
            write!(f, " (column `{}`)", shown(&self.column))?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in coprod.
///
/// New variants may be added in any release (`#[non_exhaustive]`): match the
/// ones you handle and keep a catch-all arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
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
    /// A file in none of the encodings the loaders read: not valid UTF-8 and
    /// not GB18030 either, or a UTF-16 file (by its byte-order mark) with a
    /// broken code unit.
    #[error("{at}: not valid {expected} (byte offset {offset}); save the file as UTF-8")]
    Encoding {
        /// Where: the file and line; the column when the file was read field
        /// by field.
        at: Location,
        /// The encodings tried (`"UTF-8 or GB18030"`, `"UTF-16LE"`, `"UTF-16BE"`).
        expected: &'static str,
        /// Byte offset in the file of the first invalid byte.
        offset: u64,
    },
    /// A header column holds another delimiter than the one the file was
    /// split on (a `;` or a tab inside one comma-separated column): the file
    /// mixes delimiters, so some required columns were not found.
    #[error(
        "{at}: header column `{}` contains {} but the file is split on {}: separate every column with the same delimiter (`,`, `;` or a tab)",
        value.escape_debug(), delimiter_name(*found), delimiter_name(*used)
    )]
    MixedDelimiters {
        /// The header line.
        at: Location,
        /// The header column holding the other delimiter.
        value: String,
        /// The delimiter found inside it (`;`, `\t` or `,`).
        found: char,
        /// The delimiter the file was split on.
        used: char,
    },
    /// Ties naming actor ids that `actors.csv` does not define, when
    /// `actors.csv` itself could not be read completely (so the ids may be on
    /// its unreadable rows): one line for all of them instead of one per tie.
    #[error(
        "{at}: {count} tie(s) name actors not loaded because {} has problems (the first: `{}`); fix that file first",
        actors.display(), shown(value)
    )]
    TiesOfUnloadedActors {
        /// The first such tie (line and column of `ties.csv`).
        at: Location,
        /// The first actor id not loaded.
        value: String,
        /// How many ties name an actor not loaded.
        count: usize,
        /// The actors file that has problems.
        actors: PathBuf,
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
    #[error("{at}: missing column `{}`", shown(column))]
    MissingColumn {
        /// The header line.
        at: Location,
        /// The missing column's name.
        column: String,
    },
    /// A column name appears twice in the header.
    #[error("{at}: duplicate column `{}`", shown(column))]
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
    /// An id (of an actor or a case) that breaks the rule of
    /// [`model::is_valid_id`](crate::model::is_valid_id).
    #[error("{at}: invalid id `{}` ({})", shown(value), ID_RULE)]
    InvalidId {
        /// Where.
        at: Location,
        /// The id.
        value: String,
    },
    /// A `kind` that is not one of the seven actor kinds.
    #[error(
        "{at}: unknown kind `{}` (expected party, block, strip, market, social, resident or arena)",
        shown(value)
    )]
    UnknownKind {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A `level` that is not one of the seven levels.
    #[error(
        "{at}: unknown level `{}` (expected district, subdistrict, community, building, household, individual or external)",
        shown(value)
    )]
    UnknownLevel {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A layer name that is neither standard nor declared by the case (in a
    /// file, with its location), or not in the graph a view is asked of.
    #[error(
        "{}unknown layer `{}`; available: {available}",
        at_prefix(at),
        shown(value)
    )]
    UnknownLayer {
        /// Where, when the name came from a file.
        at: Option<Location>,
        /// The value found.
        value: String,
        /// The layers that exist.
        available: Names,
    },
    /// A layer declared twice.
    #[error("{at}: layer `{}` declared twice", shown(value))]
    DuplicateLayer {
        /// Where.
        at: Location,
        /// The layer's name.
        value: String,
    },
    /// Two actors share an id.
    #[error(
        "{at}: duplicate actor id `{}` (first defined on line {first_line})",
        shown(value)
    )]
    DuplicateActor {
        /// Where the second definition is.
        at: Location,
        /// The id.
        value: String,
        /// Line of the first definition.
        first_line: u64,
    },
    /// An actor id that is not defined: in a file (a tie naming an actor that
    /// `actors.csv` lacks, with its location), or looked up in a graph or view.
    #[error("{}unknown actor `{}`{}", at_prefix(at), shown(value), available.as_suffix())]
    UnknownActor {
        /// Where, when the id came from a file.
        at: Option<Location>,
        /// The id.
        value: String,
        /// The ids that exist (the nearest ones when there are many); empty in
        /// a file's report, where the actors file is the list.
        available: Names,
    },
    /// A tie from an actor to itself in a layer that forbids self-loops.
    #[error(
        "{at}: self-loop on `{}` in layer `{}`, which forbids self-loops",
        shown(value),
        shown(layer)
    )]
    SelfLoop {
        /// Where.
        at: Location,
        /// The actor.
        value: String,
        /// The layer.
        layer: String,
    },
    /// A weight that is not a finite number > 0 (with a hint when it looks
    /// like a number written with a decimal comma, `2,5`).
    #[error(
        "{at}: weight `{}` must be a finite number > 0{}",
        shown(value),
        decimal_comma_hint(value)
    )]
    BadWeight {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A `size` that is not a positive integer.
    #[error("{at}: size `{}` must be empty or a positive integer", shown(value))]
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
    /// A bundled case name that does not exist.
    #[error("no bundled case `{name}` (bundled: {available})")]
    UnknownCase {
        /// The name asked for.
        name: String,
        /// The bundled case names, comma separated.
        available: String,
    },
    /// A partition attribute that is neither `kind`, `sector`, `level` nor a
    /// column of the actors file.
    #[error("no attribute `{name}`; available: {available}")]
    UnknownAttribute {
        /// The name asked for.
        name: String,
        /// The attributes that exist.
        available: Names,
    },
    /// A name that is not one of a closed set (a kind, level, sector, or an
    /// option's value).
    #[error("unknown {what} `{}`; available: {available}", shown(value))]
    UnknownName {
        /// What the name names (`kind`, `level`, `sector`…).
        what: &'static str,
        /// The name given.
        value: String,
        /// The names that exist.
        available: Names,
    },
    /// A parameter outside its domain (a measure's option, a generator's size,
    /// an empty group where one member is needed).
    #[error("invalid {name}: {reason}")]
    InvalidParameter {
        /// The parameter (`alpha`, `restarts`, `group`…).
        name: &'static str,
        /// What is wrong with the value given, naming it.
        reason: String,
    },
    /// A QAP term that is neither a layer of the case nor one of the dyadic
    /// covariates (`coprod qap --help` lists them).
    #[error("unknown term `{value}`; available: {available}")]
    UnknownTerm {
        /// The term given.
        value: String,
        /// The terms that exist, with the nearest one ("did you mean").
        available: Names,
    },
    /// A logistic model whose data separate: the maximum-likelihood estimates
    /// of these terms are infinite. Fit with Firth's penalised likelihood.
    #[error(
        "the data separate on {} ({cells_at_bound} dyad(s) fitted with probability 0 or 1): the maximum-likelihood estimate does not exist; use Firth's penalised likelihood (--fit firth or auto)",
        terms.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
    )]
    Separation {
        /// The terms whose estimates diverge.
        terms: Vec<String>,
        /// Dyads fitted with probability within 1e-8 of 0 or 1.
        cells_at_bound: usize,
    },
    /// A node index outside a graph of `n` nodes.
    #[error("node {index} is not in a graph of {n} nodes")]
    NodeOutOfRange {
        /// The index.
        index: usize,
        /// The number of nodes.
        n: usize,
    },
    /// Two inputs that must have the same nodes do not (a partition, a node
    /// set or a layer of another size than the graph).
    #[error("{what} has {found} nodes, the graph has {expected}")]
    SizeMismatch {
        /// What does not fit (`partition`, `node set`, `layer 2`…).
        what: String,
        /// The graph's number of nodes.
        expected: usize,
        /// The number found.
        found: usize,
    },
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
    /// An ERGM formula (statnet syntax) that does not parse or names a term
    /// with bad arguments: the formula, the 1-based character column and what
    /// is wrong there.
    #[error("formula `{}`, column {column}: {reason}", formula_excerpt(formula, *column))]
    Formula {
        /// The formula as given.
        formula: String,
        /// 1-based character column of the problem.
        column: usize,
        /// What is wrong, naming the value and what is accepted.
        reason: String,
    },
    /// An observed tie on a dyad the model's constraints forbid (a
    /// structural zero of the codebook): the data and the constraint disagree.
    #[error("tie {from} -> {target} breaks the constraint `{rule}`")]
    StructuralZero {
        /// The tie's source actor id.
        from: String,
        /// The tie's target actor id.
        target: String,
        /// The rule it breaks.
        rule: String,
    },
    /// A two-mode (actor × arena) model of a case or view that has no arena
    /// (no actor of kind `arena`): there is no second mode.
    #[error(
        "case `{case}` has no arena (no actor of kind `arena`{detail}): the actor × arena two-mode network has no second mode; fit the one-mode network instead (leave out --arenas two-mode)"
    )]
    NoArena {
        /// The case id.
        case: String,
        /// What the view left (e.g. arenas left out by the view).
        detail: String,
    },
    /// The maximum likelihood estimate of a model does not exist: the
    /// observed statistics lie on the boundary of their convex hull (in a
    /// logistic regression, separation). Names the terms involved.
    #[error("{method}: the MLE does not exist: {detail}")]
    MleDoesNotExist {
        /// The estimator (`MPLE`, `exact MLE`, `MCMC-MLE`).
        method: &'static str,
        /// Which terms, in which direction, and why.
        detail: String,
    },
    /// An ERGM whose simulated networks run to the empty or the complete
    /// graph at the parameter tried, or whose sample loses all variation in a
    /// statistic there (model degeneracy, or a stuck chain).
    #[error("{method}: degenerate model: {detail}")]
    Degenerate {
        /// The estimator.
        method: &'static str,
        /// What the chain did (edge counts against the observed one).
        detail: String,
    },
    /// A compact binary case file (`.coprod`, written by `coprod generate` or
    /// [`io::write_compact`](crate::io::write_compact)) that is not one: a
    /// wrong magic number or version, a truncated section, a bad checksum, or
    /// a record whose value is out of range.
    #[error("{}: byte offset {offset}: {reason}", path.display())]
    BinaryFormat {
        /// The file.
        path: PathBuf,
        /// Byte offset of the section or record where the problem was found.
        offset: u64,
        /// What is wrong, naming the value.
        reason: String,
    },
    /// Several problems found in one input; each names its own location.
    #[error("{} problem(s):\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Error>),
    /// A tie `certainty` that is neither `stated` nor `inferred`.
    #[error(
        "{at}: unknown certainty `{}` (expected stated or inferred)",
        shown(value)
    )]
    UnknownCertainty {
        /// Where.
        at: Location,
        /// The value found.
        value: String,
    },
    /// A sum of tie weights that overflows to infinity: the sum of every
    /// weight of a case must be finite, so that no strength or merged tie is.
    #[error(
        "{}the weight {weight:e} of tie {tie} makes the sum of the case's weights infinite (the ties before it sum to {total:e}); scale the weights down",
        at_prefix(at)
    )]
    WeightOverflow {
        /// Where, when the tie came from a file.
        at: Option<Location>,
        /// The tie, as `` `a` -> `b` in layer `l` ``.
        tie: String,
        /// Its weight.
        weight: f64,
        /// The sum of the weights before it.
        total: f64,
    },
    /// An input path that is not a regular file (a FIFO, a device, a socket,
    /// a directory where a file is needed): refused by its type, before it is
    /// opened, so that reading can neither block nor run forever.
    #[error("{}: {what}, not a regular file; coprod reads only regular files", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is (`a FIFO`, `a character device`…).
        what: &'static str,
    },
    /// An input past one of the loaders' limits (the file's size, a field's
    /// length, the number of columns).
    #[error(
        "{at}: {what} is {found}, more than the limit of {limit}{}",
        hint_suffix(hint)
    )]
    TooLarge {
        /// Where.
        at: Location,
        /// What was measured, with its unit (`the file's size in bytes`,
        /// `the number of header columns`).
        what: &'static str,
        /// What was found.
        found: u64,
        /// The limit.
        limit: u64,
        /// What to do instead, if anything (empty when nothing).
        hint: &'static str,
    },
    /// A case that breaks one of the invariants every case holds (see
    /// [`model::case_problems`](crate::model::case_problems)): an invalid
    /// case id, a layer name that cannot be selected or is declared twice, a
    /// standard layer declared with another direction, no actors.
    #[error("{at}: {message}")]
    CaseRule {
        /// Where.
        at: Location,
        /// The rule broken, naming the value.
        message: String,
    },
    /// A text file that looks like UTF-16 without its byte-order mark (every
    /// other byte of its first line is 0).
    #[error("{}: this looks like UTF-16 without a byte-order mark (every other byte of the first line is 0); save the file as UTF-8 (or UTF-16 with its mark)", .0.display())]
    Utf16WithoutBom(PathBuf),
    /// A CSV file with a header and no row where at least one is needed.
    #[error("{}: the file has a header but no {what} below it; at least one is needed", file.display())]
    NoRows {
        /// The file.
        file: PathBuf,
        /// What a row is (`actor`).
        what: &'static str,
    },
    /// A command asked to write over one of the files it reads.
    #[error("{}: this is an input of the command ({}); write the output elsewhere", path.display(), input.display())]
    OutputIsInput {
        /// The output asked for.
        path: PathBuf,
        /// The input it would overwrite (the same file, maybe by another name).
        input: PathBuf,
    },
    /// An output directory that already holds files the command would
    /// replace, without the option that allows it.
    #[error("{}: the directory is not empty (it holds {found}); pass {flag} to replace its files", path.display())]
    OutputNotEmpty {
        /// The directory.
        path: PathBuf,
        /// Some of what it holds.
        found: String,
        /// The option that allows replacing (`--force`).
        flag: &'static str,
    },
    /// Graphviz's program was required and could not be found.
    #[error("Graphviz `{}` not found; install Graphviz (`apt-get install graphviz`) or use the pure-Rust renderer", program.display())]
    GraphvizMissing {
        /// The program looked for.
        program: PathBuf,
    },
    /// Drawing a figure or plot failed.
    #[error("{engine}: {message}")]
    Render {
        /// What was drawing (`graphviz`, `resvg`, `plotters`, `compose`, `inspect`).
        engine: &'static str,
        /// What went wrong.
        message: String,
    },
    /// Text to draw has characters that no available font covers.
    #[error("no font draws the characters `{characters}`: {hint}")]
    MissingFont {
        /// Up to twelve of the characters.
        characters: String,
        /// What to install.
        hint: String,
    },
}

/// A delimiter as a message names it: `` `;` `` or `a tab`.
fn delimiter_name(d: char) -> String {
    match d {
        '\t' => "a tab".to_string(),
        d => format!("`{d}`"),
    }
}

/// The rule of a valid id (of an actor or a case) in words, as messages give
/// it; the rule itself is [`model::is_valid_id`](crate::model::is_valid_id).
pub const ID_RULE: &str = "use 1 to 255 ascii letters, digits, `_`, `-`, `.`, not only dots";

/// `"; <hint>"`, or nothing for an empty hint.
fn hint_suffix(hint: &str) -> String {
    if hint.is_empty() {
        String::new()
    } else {
        format!("; {hint}")
    }
}

/// `; a decimal comma? write 2.5` when `value` is digits, one comma, digits
/// (`2,5`, as a spreadsheet in a comma-decimal locale saves it), else empty.
///
/// ```
/// use coprod::error::decimal_comma_hint;
/// assert_eq!(decimal_comma_hint("2,5"), "; a decimal comma? write 2.5");
/// assert_eq!(decimal_comma_hint("-2"), "");
/// assert_eq!(decimal_comma_hint("1,000,000"), "");
/// ```
pub fn decimal_comma_hint(value: &str) -> String {
    let v = value.trim();
    match v.split_once(',') {
        Some((a, b))
            if !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit()) =>
        {
            format!("; a decimal comma? write {a}.{b}")
        }
        _ => String::new(),
    }
}

/// A value as an error message shows it: control characters (a NUL, a
/// tab, a line break) escaped (`\0`, `\t`, `\n`, `\u{1b}`), so that
/// `par\0ty` does not print as `party`; every other character as is.
pub fn shown(value: &str) -> String {
    if !value.chars().any(char::is_control) {
        return value.to_string();
    }
    value
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string().replace("\\u{0}", "\\0")
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The longest formula an error shows whole, in characters.
const FORMULA_SHOWN: usize = 160;

/// A formula as an error shows it: whole when short, else the 60
/// characters either side of `column` with `…` where it was cut (a hostile
/// formula of 100 KB gives a one-line message); control characters escaped.
fn formula_excerpt(formula: &str, column: usize) -> String {
    let chars: Vec<char> = formula.chars().collect();
    if chars.len() <= FORMULA_SHOWN {
        return shown(formula);
    }
    let at = column.saturating_sub(1).min(chars.len());
    let (lo, hi) = (at.saturating_sub(60), (at + 60).min(chars.len()));
    let part: String = chars[lo..hi].iter().collect();
    format!(
        "{}{}{} ({} characters)",
        if lo > 0 { "…" } else { "" },
        shown(&part),
        if hi < chars.len() { "…" } else { "" },
        chars.len()
    )
}

/// `"<location>: "`, or nothing when there is no location.
fn at_prefix(at: &Option<Location>) -> String {
    at.as_ref().map_or(String::new(), |l| format!("{l}: "))
}

/// The names that exist, as an error lists them: all of them up to
/// [`Names::MAX_SHOWN`], else the ones nearest the name asked for (by edit
/// distance) and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names {
    /// The names shown, in order.
    pub shown: Box<[String]>,
    /// How many names exist in all (`>= shown.len()`).
    pub total: usize,
    /// The name the user probably meant ([`did_you_mean`]), shown as
    /// "did you mean `…`?" after the list.
    /// It is always one of `shown`: its index there (an index rather than a
    /// copy keeps the error enum below clippy's `result_large_err` size).
    pub suggestion: Option<u32>,
}

/// The name of `names` nearest `typed` when it is close enough to be a
/// typing slip: one edit for a name of 4 or 5 characters, two up to 9,
/// three beyond, none for a shorter one (Levenshtein distance over characters, case ignored; the
/// first of equally near names in the order given). `None` when nothing is
/// that close, or when `typed` is itself a name.
///
/// ```
/// use coprod::error::did_you_mean;
/// let kinds = ["party", "block", "strip", "market", "social", "resident", "arena"];
/// assert_eq!(did_you_mean("residnet", kinds).as_deref(), Some("resident"));
/// let layers = ["leadership", "administrative", "deliberation"];
/// assert_eq!(did_you_mean("leadershp", layers).as_deref(), Some("leadership"));
/// assert_eq!(did_you_mean("zzz", layers), None);
/// ```
pub fn did_you_mean<S: AsRef<str>>(
    typed: &str,
    names: impl IntoIterator<Item = S>,
) -> Option<String> {
    let t = typed.to_lowercase();
    let limit = match t.chars().count() {
        0..=3 => return None,
        4..=5 => 1,
        6..=9 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, String)> = None;
    for n in names {
        let n = n.as_ref();
        let d = edit_distance(&n.to_lowercase(), &t);
        if d == 0 {
            return None;
        }
        if d <= limit && best.as_ref().is_none_or(|(b, _)| d < *b) {
            best = Some((d, n.to_string()));
        }
    }
    best.map(|(_, n)| n)
}

impl Names {
    /// The most names an error lists in full.
    pub const MAX_SHOWN: usize = 60;

    /// Every name, in the order given (up to [`Names::MAX_SHOWN`]; beyond that,
    /// the ten nearest `query`).
    pub fn of<S: AsRef<str>>(names: impl IntoIterator<Item = S>, query: &str) -> Names {
        let all: Vec<String> = names.into_iter().map(|s| s.as_ref().to_string()).collect();
        let total = all.len();
        if total <= Self::MAX_SHOWN {
            let suggestion = did_you_mean(query, &all)
                .and_then(|s| all.iter().position(|n| *n == s))
                .map(|i| i as u32);
            return Names {
                shown: all.into_boxed_slice(),
                total,
                suggestion,
            };
        }
        let mut scored: Vec<(usize, String)> = all
            .into_iter()
            .map(|n| (edit_distance(&n, query), n))
            .collect();
        scored.sort();
        let suggestion = scored
            .first()
            .and_then(|(_, n)| did_you_mean(query, std::iter::once(n.as_str())))
            .map(|_| 0u32); // the nearest name comes first in `shown`
        Names {
            shown: scored.into_iter().take(10).map(|(_, n)| n).collect(),
            total,
            suggestion,
        }
    }

    /// No list (the location already says where the names are).
    pub fn none() -> Names {
        Names::default()
    }

    /// `"; available: a, b"`, or nothing when no name is listed.
    fn as_suffix(&self) -> String {
        if self.shown.is_empty() {
            String::new()
        } else {
            format!("; available: {self}")
        }
    }
}

impl fmt::Display for Names {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.shown.is_empty() {
            return f.write_str("(none)");
        }
        f.write_str(&self.shown.join(", "))?;
        if self.total > self.shown.len() {
            write!(f, " (the nearest {} of {})", self.shown.len(), self.total)?;
        }
        if let Some(s) = self.suggestion.and_then(|i| self.shown.get(i as usize)) {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

/// Levenshtein distance over chars (for the nearest names of a long list).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

impl Error {
    /// The individual problems: the list inside [`Error::Invalid`], or `self` alone.
    pub fn problems(&self) -> Vec<&Error> {
        match self {
            Error::Invalid(v) => v.iter().flat_map(|e| e.problems()).collect(),
            e => vec![e],
        }
    }

    /// Whether the error is a mistake in what was asked (an unknown name, a
    /// parameter out of its domain) rather than in the data or the system: the
    /// command line exits with 2 for these, 1 for the others.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::UnknownCase { .. }
                | Error::UnknownAttribute { .. }
                | Error::UnknownName { .. }
                | Error::InvalidParameter { .. }
                | Error::UnknownTerm { .. }
                | Error::Formula { .. }
                | Error::UnknownLayer { at: None, .. }
                | Error::UnknownActor { at: None, .. }
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lists_all_or_the_nearest() {
        let few = Names::of(["kind", "sector"], "sectr");
        assert_eq!(few.to_string(), "kind, sector; did you mean `sector`?");
        assert_eq!(
            Names::of(["kind", "sector"], "zzzz").to_string(),
            "kind, sector"
        );
        let many: Vec<String> = (0..100).map(|i| format!("actor_{i}")).collect();
        let near = Names::of(&many, "actor_7x");
        assert_eq!(near.shown.len(), 10);
        assert_eq!(near.total, 100);
        assert!(near.shown.contains(&"actor_7".to_string()));
        assert!(
            near.to_string()
                .ends_with("(the nearest 10 of 100); did you mean `actor_7`?"),
            "{near}"
        );
    }

    #[test]
    fn edit_distance_is_levenshtein() {
        assert_eq!(edit_distance("sector", "sectr"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn optional_location_prefixes_the_message() {
        let e = Error::UnknownActor {
            at: None,
            value: "x".into(),
            available: Names::of(["a", "b"], "x"),
        };
        assert_eq!(e.to_string(), "unknown actor `x`; available: a, b");
        let e = Error::UnknownActor {
            at: Some(Location::new("ties.csv", 3, "target")),
            value: "x".into(),
            available: Names::none(),
        };
        assert_eq!(
            e.to_string(),
            "ties.csv:3 (column `target`): unknown actor `x`"
        );
    }
}

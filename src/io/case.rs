//! Loading and writing case directories (`case.toml`, `actors.csv`, `ties.csv`).

use super::table::{Table, read_table};
use super::text::{Decoded, decode};
use super::{LoadNote, Loaded};
use crate::error::{Error, Location, Names, Result};
use crate::model::{
    Actor, CaseMeta, Certainty, Fact, Kind, LayerSpec, Level, MultiplexGraph, Outcome, Provenance,
    STANDARD_LAYERS, is_valid_id, is_valid_weight, layer_name_problem,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The standard columns of `actors.csv`, in the order the writer writes them;
/// any other column is a user attribute. Only [`REQUIRED_ACTOR_COLUMNS`] must
/// be in the header: an absent optional column reads as empty on every row.
pub const ACTOR_COLUMNS: [&str; 8] = [
    "id", "label", "label_zh", "kind", "level", "size", "doc", "quote",
];
/// The columns `actors.csv` must have (in any order).
pub const REQUIRED_ACTOR_COLUMNS: [&str; 3] = ["id", "kind", "level"];
/// The standard columns of `ties.csv`, in the order the writer writes them
/// (then [`CERTAINTY_COLUMN`]). Only [`REQUIRED_TIE_COLUMNS`] must be in the
/// header: an absent `weight` means 1, absent `doc`/`quote` are empty.
pub const TIE_COLUMNS: [&str; 6] = ["source", "target", "layer", "weight", "doc", "quote"];
/// The columns `ties.csv` must have (in any order).
pub const REQUIRED_TIE_COLUMNS: [&str; 3] = ["source", "target", "layer"];
/// The optional `ties.csv` column holding each tie's [`Certainty`]; a file
/// without it has only stated ties, and an empty field means `stated`. The
/// writer always writes it, after [`TIE_COLUMNS`].
pub const CERTAINTY_COLUMN: &str = "certainty";

/// The `case.toml` document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseFile {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    facts: Vec<Fact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    layers: Vec<LayerSpec>,
}

impl CaseFile {
    pub(crate) fn from_graph(g: &MultiplexGraph) -> CaseFile {
        CaseFile::from_parts(g.meta().clone(), g.extra_layers().to_vec())
    }

    /// The document of a case with metadata `m` and extra (non-standard) layers.
    pub(crate) fn from_parts(m: CaseMeta, layers: Vec<LayerSpec>) -> CaseFile {
        CaseFile {
            id: m.id,
            name: m.name,
            title: m.title,
            place: m.place,
            period: m.period,
            sources: m.sources,
            facts: m.facts,
            outcome: m.outcome,
            layers,
        }
    }

    /// The TOML text.
    pub(crate) fn to_toml(&self) -> String {
        toml::to_string(self).expect("case metadata serialises")
    }

    pub(crate) fn into_parts(self) -> (CaseMeta, Vec<LayerSpec>) {
        (
            CaseMeta {
                id: self.id,
                name: self.name,
                title: self.title,
                place: self.place,
                period: self.period,
                sources: self.sources,
                facts: self.facts,
                outcome: self.outcome,
            },
            self.layers,
        )
    }
}

fn line_of(text: &str, byte: usize) -> u64 {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

fn parse_case_toml(
    file: &Path,
    bytes: &[u8],
    errors: &mut Vec<Error>,
    notes: &mut Vec<LoadNote>,
) -> Option<CaseFile> {
    if bytes.len() as u64 > super::MAX_TOML_BYTES {
        errors.push(Error::TooLarge {
            at: Location::new(file, 0, ""),
            what: "the file's size in bytes",
            found: bytes.len() as u64,
            limit: super::MAX_TOML_BYTES,
            hint: "",
        });
        return None;
    }
    let text = match decode(bytes) {
        Decoded::Text(t, enc) => {
            if enc == super::text::TextEncoding::Gb18030 {
                notes.push(LoadNote::GuessedEncoding {
                    file: file.to_path_buf(),
                    encoding: enc.name(),
                    sample: super::text::guess_sample(bytes, &t),
                });
            } else if enc != super::text::TextEncoding::Utf8 {
                notes.push(LoadNote::Encoding {
                    file: file.to_path_buf(),
                    encoding: enc.name(),
                });
            }
            t
        }
        Decoded::Invalid {
            expected,
            offset,
            line,
        } => {
            errors.push(Error::Encoding {
                at: Location::new(file, line, ""),
                expected,
                offset: offset as u64,
            });
            return None;
        }
    };
    let text: &str = &text;
    let case: CaseFile = match toml::from_str(text) {
        Ok(c) => c,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            errors.push(Error::Toml {
                at: Location::new(file, line, ""),
                message: e.message().to_string(),
            });
            return None;
        }
    };
    if !case.id.is_empty() && !is_valid_id(&case.id) {
        errors.push(Error::InvalidId {
            at: Location::new(file, 0, "id"),
            value: case.id.clone(),
        });
    }
    let mut seen: Vec<&str> = STANDARD_LAYERS.to_vec();
    for l in &case.layers {
        if let Some(message) = layer_name_problem(&l.name) {
            errors.push(Error::CaseRule {
                at: Location::new(file, 0, "layers"),
                message,
            });
        } else if seen.contains(&l.name.as_str()) {
            errors.push(Error::DuplicateLayer {
                at: Location::new(file, 0, "layers"),
                value: l.name.clone(),
            });
        }
        seen.push(&l.name);
    }
    let mut keys: Vec<&str> = Vec::new();
    for f in &case.facts {
        if let crate::model::FactValue::Real(x) = f.value
            && !x.is_finite()
        {
            errors.push(Error::Toml {
                at: Location::new(file, 0, "facts"),
                message: format!("fact `{}` is {x}; a fact's number must be finite", f.key),
            });
        }
        if keys.contains(&f.key.as_str()) {
            errors.push(Error::Toml {
                at: Location::new(file, 0, "facts"),
                message: format!("fact `{}` given twice", f.key),
            });
        }
        keys.push(&f.key);
    }
    Some(case)
}

fn field<'a>(t: &Table, row: &'a [String], name: &str) -> &'a str {
    t.col(name).map(|i| row[i].as_str()).unwrap_or("")
}

struct ActorRow {
    line: u64,
    actor: Actor,
}

fn parse_actors(t: &Table, errors: &mut Vec<Error>) -> (Vec<ActorRow>, BTreeMap<String, u64>) {
    let mut out = Vec::new();
    let mut first: BTreeMap<String, u64> = BTreeMap::new();
    let extra: Vec<(usize, &String)> = t
        .header
        .iter()
        .enumerate()
        .filter(|(_, h)| !ACTOR_COLUMNS.contains(&h.as_str()))
        .collect();
    if t.records == 0 {
        errors.push(Error::NoRows {
            file: t.file.clone(),
            what: "actor",
        });
    }
    for (line, row) in &t.rows {
        let line = *line;
        let n0 = errors.len();
        let id = field(t, row, "id");
        if id.is_empty() {
            errors.push(Error::EmptyField {
                at: t.at(line, "id"),
            });
        } else if !is_valid_id(id) {
            errors.push(Error::InvalidId {
                at: t.at(line, "id"),
                value: id.to_string(),
            });
        } else if let Some(&l) = first.get(id) {
            errors.push(Error::DuplicateActor {
                at: t.at(line, "id"),
                value: id.to_string(),
                first_line: l,
            });
        } else {
            first.insert(id.to_string(), line);
        }
        let kind_s = field(t, row, "kind");
        let kind = kind_s.parse::<Kind>().map_err(|_| {
            errors.push(Error::UnknownKind {
                at: t.at(line, "kind"),
                value: kind_s.to_string(),
            })
        });
        let level_s = field(t, row, "level");
        let level = level_s.parse::<Level>().map_err(|_| {
            errors.push(Error::UnknownLevel {
                at: t.at(line, "level"),
                value: level_s.to_string(),
            })
        });
        let size_s = field(t, row, "size");
        let size = if size_s.is_empty() {
            None
        } else {
            match size_s.parse::<u64>() {
                Ok(s) if s > 0 => Some(s),
                _ => {
                    errors.push(Error::BadSize {
                        at: t.at(line, "size"),
                        value: size_s.to_string(),
                    });
                    None
                }
            }
        };
        if errors.len() > n0 {
            continue;
        }
        let (Ok(kind), Ok(level)) = (kind, level) else {
            continue;
        };
        let attrs = extra
            .iter()
            .filter(|(i, _)| !row[*i].is_empty())
            .map(|(i, h)| ((*h).clone(), row[*i].clone()))
            .collect();
        out.push(ActorRow {
            line,
            actor: Actor {
                id: id.to_string(),
                label: field(t, row, "label").to_string(),
                label_zh: field(t, row, "label_zh").to_string(),
                kind,
                level,
                size,
                provenance: Provenance::new(field(t, row, "doc"), field(t, row, "quote")),
                attrs,
            },
        });
    }
    (out, first)
}

struct TieRow {
    line: u64,
    source: String,
    target: String,
    layer: String,
    weight: f64,
    provenance: Provenance,
    certainty: Certainty,
}

/// What ties are checked against: the ids `actors.csv` defines (on good rows
/// or rows with other problems), and whether that list is complete.
struct KnownActors<'a> {
    ids: &'a BTreeMap<String, u64>,
    /// `None` when every record of `actors.csv` was read; else the file, whose
    /// unreadable rows may define the ids ties name.
    incomplete: Option<PathBuf>,
}

fn parse_ties(
    t: &Table,
    known: &KnownActors<'_>,
    layers: &[LayerSpec],
    errors: &mut Vec<Error>,
) -> Vec<TieRow> {
    let mut out = Vec::new();
    // The first tie naming an id that may sit on an unreadable actors row
    // (location, id, where its line goes among the errors), and how many do.
    let mut unloaded: Option<(Location, String, usize)> = None;
    let mut unloaded_count = 0;
    for (line, row) in &t.rows {
        let line = *line;
        let n0 = errors.len();
        let mut ends = [("source", ""), ("target", "")];
        let mut counted = false;
        for (col, v) in ends.iter_mut() {
            *v = field(t, row, col);
            if v.is_empty() {
                errors.push(Error::EmptyField {
                    at: t.at(line, col),
                });
            } else if known.ids.contains_key(*v) {
                continue;
            } else if known.incomplete.is_some() {
                if !counted {
                    counted = true;
                    unloaded_count += 1;
                    let at = errors.len();
                    unloaded.get_or_insert_with(|| (t.at(line, col), v.to_string(), at));
                }
            } else {
                errors.push(Error::UnknownActor {
                    at: Some(t.at(line, col)),
                    value: v.to_string(),
                    available: Names::none(),
                });
            }
        }
        let [(_, source), (_, target)] = ends;
        let layer_s = field(t, row, "layer");
        let layer = layers.iter().find(|l| l.name == layer_s);
        if layer.is_none() {
            errors.push(Error::UnknownLayer {
                at: Some(t.at(line, "layer")),
                value: layer_s.to_string(),
                available: Names::of(layers.iter().map(|l| l.name.as_str()), layer_s),
            });
        }
        if let Some(l) = layer
            && source == target
            && !source.is_empty()
            && !l.self_loops
        {
            errors.push(Error::SelfLoop {
                at: t.at(line, "target"),
                value: source.to_string(),
                layer: l.name.clone(),
            });
        }
        let w_s = field(t, row, "weight");
        let weight = if w_s.is_empty() {
            1.0
        } else {
            match w_s.parse::<f64>() {
                Ok(w) if is_valid_weight(w) => w,
                _ => {
                    errors.push(Error::BadWeight {
                        at: t.at(line, "weight"),
                        value: w_s.to_string(),
                    });
                    f64::NAN
                }
            }
        };
        let c_s = field(t, row, CERTAINTY_COLUMN);
        let certainty = if c_s.is_empty() {
            Certainty::Stated
        } else {
            c_s.parse::<Certainty>().unwrap_or_else(|()| {
                errors.push(Error::UnknownCertainty {
                    at: t.at(line, CERTAINTY_COLUMN),
                    value: c_s.to_string(),
                });
                Certainty::Stated
            })
        };
        if errors.len() > n0 || counted {
            continue;
        }
        out.push(TieRow {
            line,
            source: source.to_string(),
            target: target.to_string(),
            layer: layer_s.to_string(),
            weight,
            provenance: Provenance::new(field(t, row, "doc"), field(t, row, "quote")),
            certainty,
        });
    }
    if let (Some((at, value, pos)), Some(actors)) = (unloaded, &known.incomplete) {
        errors.insert(
            pos,
            Error::TiesOfUnloadedActors {
                at,
                value,
                count: unloaded_count,
                actors: actors.clone(),
            },
        );
    }
    out
}

/// Load a case from the bytes of its three files; `dir` only names them in errors.
///
/// Every problem of every file is reported ([`Error::Invalid`] when there are
/// several); nothing is returned unless all three files are clean. What the
/// loader had to guess (an encoding, a delimiter) is dropped: see
/// [`load_case_bytes_with_notes`].
///
/// # Errors
/// Every problem found, each naming its file, line, column and value.
pub fn load_case_bytes(
    dir: &Path,
    case_toml: &[u8],
    actors_csv: &[u8],
    ties_csv: &[u8],
) -> Result<MultiplexGraph> {
    load_case_bytes_with_notes(dir, Some(case_toml), actors_csv, ties_csv).map(|l| l.graph)
}

/// Load a case like [`load_case_bytes`], with `case.toml` optional (`None`:
/// no such file; the case id is then the last component of `dir`), and return
/// the notes on how the files were read: each file not in UTF-8 (GB18030,
/// UTF-16) or not comma-separated, and a missing `case.toml`.
///
/// ```
/// use std::path::Path;
/// let actors = "id;kind;level\np;party;community\nr;resident;building\n";
/// let ties = "source;target;layer\np;r;leadership\n";
/// let l = coprod::io::load_case_bytes_with_notes(
///     Path::new("cases/mine"), None, actors.as_bytes(), ties.as_bytes()).unwrap();
/// assert_eq!(l.graph.meta().id, "mine");
/// assert_eq!(l.graph.tie_count(), 1);
/// let notes: Vec<String> = l.notes.iter().map(|n| n.to_string()).collect();
/// assert_eq!(notes[0], "no cases/mine/case.toml: the case id is `mine`, the directory's name");
/// assert_eq!(notes[1], "read cases/mine/actors.csv with `;` between columns");
/// ```
///
/// # Errors
/// Every problem found, each naming its file, line, column and value.
pub fn load_case_bytes_with_notes(
    dir: &Path,
    case_toml: Option<&[u8]>,
    actors_csv: &[u8],
    ties_csv: &[u8],
) -> Result<Loaded> {
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let case = match case_toml {
        Some(bytes) => parse_case_toml(&dir.join("case.toml"), bytes, &mut errors, &mut notes),
        None => Some(CaseFile::default()),
    };
    let actors_file = dir.join("actors.csv");
    let actors_t = read_table(
        &actors_file,
        actors_csv,
        &REQUIRED_ACTOR_COLUMNS,
        &mut errors,
        &mut notes,
    );
    let (actors, ids) = match &actors_t {
        Some(t) => parse_actors(t, &mut errors),
        None => (Vec::new(), BTreeMap::new()),
    };
    let known = KnownActors {
        ids: &ids,
        incomplete: match &actors_t {
            Some(t) if t.complete => None,
            _ => Some(actors_file.clone()),
        },
    };
    let case = case.unwrap_or_default();
    let mut layers = LayerSpec::standard();
    layers.extend(case.layers.iter().cloned());
    let ties_t = read_table(
        &dir.join("ties.csv"),
        ties_csv,
        &REQUIRED_TIE_COLUMNS,
        &mut errors,
        &mut notes,
    );
    // Ties are checked against every id that was readable, so one bad actor row
    // does not cascade into errors on its ties; ids that may sit on an
    // unreadable row are summed up in one line.
    let ties = match &ties_t {
        Some(t) => parse_ties(t, &known, &layers, &mut errors),
        None => Vec::new(),
    };
    Error::collect(errors)?;
    let (mut meta, extra) = case.into_parts();
    if meta.id.is_empty() {
        meta.id = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_valid_id(&meta.id) {
            return Err(Error::CaseRule {
                at: Location::new(dir.join("case.toml"), 0, "id"),
                message: format!(
                    "the case has no id, and the directory's name `{}` is no valid id ({}); give one in case.toml: id = \"my_case\"",
                    crate::error::shown(&meta.id),
                    crate::error::ID_RULE
                ),
            });
        }
    }
    if case_toml.is_none() {
        notes.insert(
            0,
            LoadNote::NoCaseToml {
                file: dir.join("case.toml"),
                id: meta.id.clone(),
            },
        );
    }
    let mut g = MultiplexGraph::with_meta(meta, extra)?;
    for a in actors {
        let at = Location::new(&actors_file, a.line, "id");
        g.add_actor(a.actor).map_err(|e| Error::MalformedCsv {
            at,
            message: e.to_string(),
        })?;
    }
    let ties_file = dir.join("ties.csv");
    for t in ties {
        g.add_tie_with_certainty(
            &t.source,
            &t.target,
            &t.layer,
            t.weight,
            t.provenance,
            t.certainty,
        )
        .map_err(|e| match e {
            Error::WeightOverflow {
                at: None,
                tie,
                weight,
                total,
            } => Error::WeightOverflow {
                at: Some(Location::new(&ties_file, t.line, "weight")),
                tie,
                weight,
                total,
            },
            e => e,
        })?;
    }
    Ok(Loaded { graph: g, notes })
}

/// Load a case from the text of its three files (`name` names them in errors).
///
/// # Errors
/// Every problem found, each naming its file, line, column and value.
pub fn load_case_str(
    name: &str,
    case_toml: &str,
    actors_csv: &str,
    ties_csv: &str,
) -> Result<MultiplexGraph> {
    load_case_bytes(
        Path::new(name),
        case_toml.as_bytes(),
        actors_csv.as_bytes(),
        ties_csv.as_bytes(),
    )
}

/// Load a case directory holding `actors.csv`, `ties.csv` and, optionally,
/// `case.toml`; see [`load_case_dir_with_notes`] for how the files were read.
///
/// # Errors
/// [`Error::Io`] for a file that cannot be read; else every problem found,
/// each naming its file, line, column and value.
pub fn load_case_dir(dir: impl AsRef<Path>) -> Result<MultiplexGraph> {
    load_case_dir_with_notes(dir).map(|l| l.graph)
}

/// Load a case directory like [`load_case_dir`], with the notes on how its
/// files were read (see [`load_case_bytes_with_notes`]). Without `case.toml`
/// the case id is the directory's name.
///
/// # Errors
/// [`Error::Io`] for a file that cannot be read (a missing `case.toml` is no
/// error); else every problem found, each naming its file, line, column and value.
pub fn load_case_dir_with_notes(dir: impl AsRef<Path>) -> Result<Loaded> {
    let given = dir.as_ref();
    // `.` or `..` have no name of their own: name the case after the real directory.
    let named;
    let dir = if given.file_name().is_none() {
        named = given.canonicalize().unwrap_or_else(|_| given.to_path_buf());
        &named
    } else {
        given
    };
    let read = |f: &str| {
        let (limit, hint) = if f == "case.toml" {
            (super::MAX_TOML_BYTES, "")
        } else {
            (
                super::MAX_CSV_BYTES,
                "a case this large goes through a compact file (`coprod generate`, `coprod analyse`)",
            )
        };
        super::input::read_limited(&given.join(f), limit, hint)
    };
    let mut errors = Vec::new();
    super::input::check_directory(given)?;
    let case_toml = match read("case.toml") {
        Ok(b) => Some(b),
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let mut files = Vec::new();
    for f in ["actors.csv", "ties.csv"] {
        match read(f) {
            Ok(b) => files.push(b),
            Err(e) => {
                errors.push(e);
                files.push(Vec::new());
            }
        }
    }
    Error::collect(errors)?;
    load_case_bytes_with_notes(dir, case_toml.as_deref(), &files[0], &files[1])
}

//! Loading and writing case directories (`case.toml`, `actors.csv`, `ties.csv`).

use super::table::{Table, read_table};
use crate::error::{Error, Location, Names, Result};
use crate::model::{
    Actor, CaseMeta, Certainty, Fact, Kind, LayerSpec, Level, MultiplexGraph, Outcome, Provenance,
    STANDARD_LAYERS, is_valid_id, is_valid_weight,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Columns of `actors.csv`, in order; any other column is a user attribute.
pub const ACTOR_COLUMNS: [&str; 8] = [
    "id", "label", "label_zh", "kind", "level", "size", "doc", "quote",
];
/// Required columns of `ties.csv`, in order.
pub const TIE_COLUMNS: [&str; 6] = ["source", "target", "layer", "weight", "doc", "quote"];
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
        let m = g.meta().clone();
        CaseFile {
            id: m.id,
            name: m.name,
            title: m.title,
            place: m.place,
            period: m.period,
            sources: m.sources,
            facts: m.facts,
            outcome: m.outcome,
            layers: g.extra_layers().to_vec(),
        }
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

fn parse_case_toml(file: &Path, bytes: &[u8], errors: &mut Vec<Error>) -> Option<CaseFile> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let off = e.valid_up_to();
            errors.push(Error::Encoding {
                at: Location::new(
                    file,
                    line_of(&String::from_utf8_lossy(&bytes[..off]), off),
                    "",
                ),
                offset: off as u64,
            });
            return None;
        }
    };
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
    let mut seen: Vec<&str> = STANDARD_LAYERS.to_vec();
    for l in &case.layers {
        if seen.contains(&l.name.as_str()) {
            errors.push(Error::DuplicateLayer {
                at: Location::new(file, 0, "layers"),
                value: l.name.clone(),
            });
        }
        seen.push(&l.name);
    }
    let mut keys: Vec<&str> = Vec::new();
    for f in &case.facts {
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
        errors.push(Error::EmptyFile(t.file.clone()));
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
    source: String,
    target: String,
    layer: String,
    weight: f64,
    provenance: Provenance,
    certainty: Certainty,
}

fn parse_ties(
    t: &Table,
    known: &BTreeMap<String, u64>,
    layers: &[LayerSpec],
    errors: &mut Vec<Error>,
) -> Vec<TieRow> {
    let mut out = Vec::new();
    for (line, row) in &t.rows {
        let line = *line;
        let n0 = errors.len();
        let mut ends = [("source", ""), ("target", "")];
        for (col, v) in ends.iter_mut() {
            *v = field(t, row, col);
            if v.is_empty() {
                errors.push(Error::EmptyField {
                    at: t.at(line, col),
                });
            } else if !known.contains_key(*v) {
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
        if errors.len() > n0 {
            continue;
        }
        out.push(TieRow {
            source: source.to_string(),
            target: target.to_string(),
            layer: layer_s.to_string(),
            weight,
            provenance: Provenance::new(field(t, row, "doc"), field(t, row, "quote")),
            certainty,
        });
    }
    out
}

/// Load a case from the bytes of its three files; `dir` only names them in errors.
///
/// Every problem of every file is reported ([`Error::Invalid`] when there are
/// several); nothing is returned unless all three files are clean.
///
/// # Errors
/// [`Error::Invalid`] listing every problem when there are several, else the
/// one problem, each located by file, line and column:
/// * any file: [`Error::Encoding`] for bytes that are not UTF-8;
/// * `case.toml`: [`Error::Toml`] for a document that does not parse, an
///   unknown or mistyped key, or a fact key given twice;
///   [`Error::DuplicateLayer`] for a layer declared twice or named like a
///   standard one;
/// * either CSV: [`Error::EmptyFile`] for a file without a header (and
///   `actors.csv` without a row), [`Error::MalformedCsv`] for a header or row
///   the CSV reader rejects (a row whose field count differs from the
///   header's), [`Error::DuplicateColumn`], [`Error::MissingColumn`];
/// * `actors.csv`: [`Error::EmptyField`] or [`Error::InvalidId`] for an id,
///   [`Error::DuplicateActor`], [`Error::UnknownKind`],
///   [`Error::UnknownLevel`], [`Error::BadSize`];
/// * `ties.csv`: [`Error::EmptyField`] for a missing end, [`Error::UnknownActor`]
///   for an end `actors.csv` lacks, [`Error::UnknownLayer`] for a layer neither
///   standard nor declared (listing the layers), [`Error::SelfLoop`] in a layer
///   that forbids it, [`Error::BadWeight`].
///
/// Past these checks the graph is built; [`Error::InvalidParameter`] only for
/// a case declaring more layers than a graph holds (65,535).
pub fn load_case_bytes(
    dir: &Path,
    case_toml: &[u8],
    actors_csv: &[u8],
    ties_csv: &[u8],
) -> Result<MultiplexGraph> {
    let mut errors = Vec::new();
    let case = parse_case_toml(&dir.join("case.toml"), case_toml, &mut errors);
    let actors_t = read_table(
        &dir.join("actors.csv"),
        actors_csv,
        &ACTOR_COLUMNS,
        &mut errors,
    );
    let (actors, known) = match &actors_t {
        Some(t) => parse_actors(t, &mut errors),
        None => (Vec::new(), BTreeMap::new()),
    };
    let case = case.unwrap_or_default();
    let mut layers = LayerSpec::standard();
    layers.extend(case.layers.iter().cloned());
    let ties_t = read_table(&dir.join("ties.csv"), ties_csv, &TIE_COLUMNS, &mut errors);
    // Ties are checked against every id that was readable, so one bad actor row
    // does not cascade into errors on its ties.
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
    }
    let mut g = MultiplexGraph::with_meta(meta, extra)?;
    for a in actors {
        let at = Location::new(dir.join("actors.csv"), a.line, "id");
        g.add_actor(a.actor).map_err(|e| Error::MalformedCsv {
            at,
            message: e.to_string(),
        })?;
    }
    for t in ties {
        g.add_tie_with_certainty(
            &t.source,
            &t.target,
            &t.layer,
            t.weight,
            t.provenance,
            t.certainty,
        )?;
    }
    Ok(g)
}

/// Load a case from the text of its three files (`name` names them in errors).
///
/// # Errors
/// As [`load_case_bytes`] (text is UTF-8, so never [`Error::Encoding`]).
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

/// Load a case directory holding `case.toml`, `actors.csv` and `ties.csv`.
///
/// # Errors
/// [`Error::Io`] for each of the three files that cannot be read
/// ([`Error::Invalid`] if several), before any is parsed; then as
/// [`load_case_bytes`].
pub fn load_case_dir(dir: impl AsRef<Path>) -> Result<MultiplexGraph> {
    let dir = dir.as_ref();
    let read = |f: &str| {
        let p = dir.join(f);
        std::fs::read(&p).map_err(|source| Error::Io { path: p, source })
    };
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for f in ["case.toml", "actors.csv", "ties.csv"] {
        match read(f) {
            Ok(b) => files.push(b),
            Err(e) => {
                errors.push(e);
                files.push(Vec::new());
            }
        }
    }
    Error::collect(errors)?;
    load_case_bytes(dir, &files[0], &files[1], &files[2])
}

/// `actors.csv` of a graph: the standard columns, then user attributes (sorted by name).
pub fn actors_csv(g: &MultiplexGraph) -> String {
    let mut extra: Vec<&String> = g.actors().flat_map(|a| a.attrs.keys()).collect();
    extra.sort();
    extra.dedup();
    let header: Vec<&str> = ACTOR_COLUMNS
        .iter()
        .copied()
        .chain(extra.iter().map(|s| s.as_str()))
        .collect();
    // Every record has the header's length, so no write fails.
    super::csv_string(|w| {
        w.write_record(&header)?;
        for a in g.actors() {
            let size = a.size.map(|s| s.to_string()).unwrap_or_default();
            let mut rec: Vec<&str> = vec![
                &a.id,
                &a.label,
                &a.label_zh,
                a.kind.as_str(),
                a.level.as_str(),
                &size,
                &a.provenance.doc,
                &a.provenance.quote,
            ];
            rec.extend(
                extra
                    .iter()
                    .map(|k| a.attrs.get(*k).map(|s| s.as_str()).unwrap_or("")),
            );
            w.write_record(&rec)?;
        }
        Ok(())
    })
}

/// `ties.csv` of a graph, ties in order; weights in shortest round-trip form;
/// the [`CERTAINTY_COLUMN`] last.
pub fn ties_csv(g: &MultiplexGraph) -> String {
    let header: Vec<&str> = TIE_COLUMNS.into_iter().chain([CERTAINTY_COLUMN]).collect();
    // Every record has the header's length, so no write fails.
    super::csv_string(|w| {
        w.write_record(&header)?;
        for t in g.ties() {
            let weight = t.weight.to_string();
            w.write_record([
                g.actor(t.source).id.as_str(),
                g.actor(t.target).id.as_str(),
                g.layer(t.layer).name.as_str(),
                weight.as_str(),
                t.provenance.doc.as_str(),
                t.provenance.quote.as_str(),
                t.certainty.as_str(),
            ])?;
        }
        Ok(())
    })
}

/// `case.toml` of a graph: its metadata and its extra layers.
///
/// # Panics
/// Never: the metadata is strings, numbers and arrays of tables, all of
/// which TOML can write.
pub fn case_toml(g: &MultiplexGraph) -> String {
    toml::to_string(&CaseFile::from_graph(g)).expect("case metadata serialises")
}

/// Write a case directory (created if missing); loading it back gives an equal graph.
///
/// # Errors
/// [`Error::Io`] naming the directory that cannot be created or the first
/// file that cannot be written (files before it are left written).
pub fn write_case_dir(g: &MultiplexGraph, dir: impl AsRef<Path>) -> Result<()> {
    let dir = dir.as_ref();
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for (f, text) in [
        ("case.toml", case_toml(g)),
        ("actors.csv", actors_csv(g)),
        ("ties.csv", ties_csv(g)),
    ] {
        let p = dir.join(f);
        std::fs::write(&p, text).map_err(|source| Error::Io { path: p, source })?;
    }
    Ok(())
}

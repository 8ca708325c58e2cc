//! `Case`: a loaded multiplex graph (bundled, a case directory, a compact
//! file, or the text of the three files), its actors, ties and layers.

use crate::errors::IntoPy;
use crate::view::View;
use coprod::model::{Aggregation, ArenaProjection, MultiplexGraph};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::path::Path;
use std::sync::Arc;

/// A case: actors of seven kinds, ties in named layers, the case's metadata.
#[pyclass(frozen, module = "coprod._native")]
pub struct Case {
    pub(crate) g: Arc<MultiplexGraph>,
    /// Loaded by a bundled case's name (its bundled second coding applies).
    pub(crate) bundled: bool,
}

/// Whether `case` is meant as a path rather than a bundled case's name (the
/// rule of the command line: a path separator, a leading `.` or `~`, or the
/// compact extension).
fn looks_like_path(case: &str) -> bool {
    case.contains('/')
        || case.contains(std::path::MAIN_SEPARATOR)
        || case.starts_with('.')
        || case.starts_with('~')
        || case.ends_with(".coprod")
}

/// A loaded graph, the notes on how its files were read (warning or not,
/// text) and whether it is a bundled case loaded by name.
type Loaded = (MultiplexGraph, Vec<(bool, String)>, bool);

/// Load as the command line does: a compact file, a case directory (with the
/// notes on how its files were read), else a bundled case by name.
fn load_graph(source: &str) -> coprod::Result<Loaded> {
    let p = Path::new(source);
    if p.is_file() {
        return Ok((
            coprod::io::read_compact(p)?.to_multiplex()?,
            Vec::new(),
            false,
        ));
    }
    if p.is_dir() {
        let loaded = coprod::io::load_case_dir_with_notes(p)?;
        let notes = loaded
            .notes
            .iter()
            .map(|n| (n.is_warning(), n.to_string()))
            .collect();
        return Ok((loaded.graph, notes, false));
    }
    if p.exists() || looks_like_path(source) {
        // Names what the path is (a FIFO, a device) or that it is missing.
        coprod::io::read_compact(p)?;
    }
    Ok((coprod::cases::load(source)?, Vec::new(), true))
}

/// Load a bundled case by name, a case directory or a compact file
/// (`graph.coprod`). How a directory's files were read (an encoding, a
/// delimiter) is reported as a Python warning.
#[pyfunction]
pub fn load(py: Python<'_>, source: &str) -> PyResult<Case> {
    let (g, notes, bundled) = py.allow_threads(|| load_graph(source)).py_err(py)?;
    if !notes.is_empty() {
        let warnings = py.import("warnings")?;
        for (is_warning, text) in notes {
            let category = if is_warning {
                py.get_type::<pyo3::exceptions::PyUserWarning>()
            } else {
                py.get_type::<pyo3::exceptions::PyRuntimeWarning>()
            };
            warnings.call_method1("warn", (format!("coprod: {text}"), category, 2))?;
        }
    }
    Ok(Case {
        g: Arc::new(g),
        bundled,
    })
}

/// A case from the text of its three files; `name` names them in errors
/// (`name/actors.csv:3 (column `kind`): …`).
#[pyfunction]
pub fn load_case_str(
    py: Python<'_>,
    name: &str,
    case_toml: &str,
    actors_csv: &str,
    ties_csv: &str,
) -> PyResult<Case> {
    let g = coprod::io::load_case_str(name, case_toml, actors_csv, ties_csv).py_err(py)?;
    Ok(Case {
        g: Arc::new(g),
        bundled: false,
    })
}

/// The bundled cases' names.
#[pyfunction]
pub fn case_names() -> Vec<&'static str> {
    coprod::cases::names()
}

fn aggregation(name: &str) -> coprod::Result<Aggregation> {
    match name {
        "sum" => Ok(Aggregation::Sum),
        "count" => Ok(Aggregation::Count),
        "max" => Ok(Aggregation::Max),
        other => Err(coprod::Error::UnknownName {
            what: "aggregation",
            value: other.to_string(),
            available: coprod::Names::of(["sum", "count", "max"], other),
        }),
    }
}

#[pymethods]
impl Case {
    /// The case id.
    #[getter]
    fn id(&self) -> String {
        self.g.meta().id.clone()
    }

    /// Number of actors.
    fn __len__(&self) -> usize {
        self.g.actor_count()
    }

    fn __repr__(&self) -> String {
        format!(
            "<coprod.Case {}: {}>",
            self.g.meta().id,
            self.g.summary_line()
        )
    }

    /// `35 actors (party 12, …); 88 ties (…)`.
    fn summary_line(&self) -> String {
        self.g.summary_line()
    }

    /// The case's `case.toml` (metadata and extra layers), as the writer
    /// of case directories writes it.
    fn case_toml(&self) -> String {
        coprod::io::case_toml(&self.g)
    }

    /// The case's `actors.csv`.
    fn actors_csv(&self) -> String {
        coprod::io::actors_csv(&self.g)
    }

    /// The case's `ties.csv`.
    fn ties_csv(&self) -> String {
        coprod::io::ties_csv(&self.g)
    }

    /// Write the case as a directory (`case.toml`, `actors.csv`, `ties.csv`).
    fn write_dir(&self, py: Python<'_>, path: &str) -> PyResult<()> {
        coprod::io::write_case_dir(&self.g, path).py_err(py)
    }

    /// The metadata: id, name, title, place, period, sources.
    fn meta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let m = self.g.meta();
        let d = PyDict::new(py);
        d.set_item("id", &m.id)?;
        d.set_item("name", &m.name)?;
        d.set_item("title", &m.title)?;
        d.set_item("place", &m.place)?;
        d.set_item("period", &m.period)?;
        d.set_item("sources", m.sources.clone())?;
        Ok(d)
    }

    /// The layers: name, directed, sign, self_loops, in declaration order.
    fn layers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for l in self.g.layers() {
            let d = PyDict::new(py);
            d.set_item("name", &l.name)?;
            d.set_item("directed", l.directed)?;
            d.set_item("sign", format!("{:?}", l.sign).to_lowercase())?;
            d.set_item("self_loops", l.self_loops)?;
            out.append(d)?;
        }
        Ok(out)
    }

    /// One dict per actor, in the case's order: id, label, label_zh, kind,
    /// sector, level, size, doc, quote, then the user attributes.
    fn actors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for a in self.g.actors() {
            let d = PyDict::new(py);
            d.set_item("id", &a.id)?;
            d.set_item("label", &a.label)?;
            d.set_item("label_zh", &a.label_zh)?;
            d.set_item("kind", a.kind.as_str())?;
            d.set_item("sector", a.sector().to_string())?;
            d.set_item("level", a.level.as_str())?;
            d.set_item("size", a.size)?;
            d.set_item("doc", &a.provenance.doc)?;
            d.set_item("quote", &a.provenance.quote)?;
            let attrs = PyDict::new(py);
            for (k, v) in &a.attrs {
                attrs.set_item(k, v)?;
            }
            d.set_item("attrs", attrs)?;
            out.append(d)?;
        }
        Ok(out)
    }

    /// One dict per tie, in the case's order: source, target, layer,
    /// weight, doc, quote, certainty.
    fn ties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for t in self.g.ties() {
            let d = PyDict::new(py);
            d.set_item("source", &self.g.actor(t.source).id)?;
            d.set_item("target", &self.g.actor(t.target).id)?;
            d.set_item("layer", &self.g.layer(t.layer).name)?;
            d.set_item("weight", t.weight)?;
            d.set_item("doc", &t.provenance.doc)?;
            d.set_item("quote", &t.provenance.quote)?;
            d.set_item("certainty", t.certainty.as_str())?;
            out.append(d)?;
        }
        Ok(out)
    }

    /// A view: which layers (None: the positive ones; `"all"`, `"positive"`
    /// or layer names), read as undirected or not, how parallel ties merge
    /// (`sum`, `count`, `max`), actors left out, arenas projected into
    /// co-membership ties.
    #[pyo3(signature = (layers=None, symmetric=false, aggregation="sum", without=Vec::new(), project_arenas=false))]
    fn view(
        &self,
        py: Python<'_>,
        layers: Option<Vec<String>>,
        symmetric: bool,
        aggregation: &str,
        without: Vec<String>,
        project_arenas: bool,
    ) -> PyResult<View> {
        let agg = self::aggregation(aggregation).py_err(py)?;
        let g = if project_arenas {
            Arc::new(
                self.g
                    .project_arenas(&ArenaProjection::default())
                    .py_err(py)?,
            )
        } else {
            Arc::clone(&self.g)
        };
        View::new(
            g,
            layers.unwrap_or_default(),
            symmetric,
            agg,
            without,
            project_arenas,
        )
        .py_err(py)
    }
}

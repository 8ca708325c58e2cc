//! `coprod::Error` as a Python exception of the hierarchy in
//! `coprod/errors.py`, carrying the same message (file, line, column,
//! value) and the fields a program reads.

use coprod::Error;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::path::Path;

/// The Python class a variant raises (a name in `coprod.errors`).
fn class_of(e: &Error) -> &'static str {
    match e {
        Error::Io { .. }
        | Error::NotAFile { .. }
        | Error::OutputIsInput { .. }
        | Error::OutputNotEmpty { .. } => "FileError",
        Error::NoConvergence { .. }
        | Error::Separation { .. }
        | Error::MleDoesNotExist { .. }
        | Error::Degenerate { .. } => "ModelError",
        Error::GraphvizMissing { .. } | Error::Render { .. } | Error::MissingFont { .. } => {
            "RenderError"
        }
        e if e.is_usage() => "UsageError",
        Error::Invalid(v) if v.iter().all(Error::is_usage) => "UsageError",
        _ => "DataError",
    }
}

/// The variant's name (`UnknownKind`, `Invalid`, …), from its `Debug` form.
fn kind_of(e: &Error) -> String {
    let d = format!("{e:?}");
    d.split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Where: (file, line, column) of a variant that knows it.
fn location_of(e: &Error) -> (Option<String>, Option<u64>, Option<String>) {
    let at = match e {
        Error::Encoding { at, .. }
        | Error::MixedDelimiters { at, .. }
        | Error::TiesOfUnloadedActors { at, .. }
        | Error::MalformedCsv { at, .. }
        | Error::MissingColumn { at, .. }
        | Error::DuplicateColumn { at, .. }
        | Error::EmptyField { at }
        | Error::InvalidId { at, .. }
        | Error::UnknownKind { at, .. }
        | Error::UnknownLevel { at, .. }
        | Error::DuplicateLayer { at, .. }
        | Error::DuplicateActor { at, .. }
        | Error::SelfLoop { at, .. }
        | Error::BadWeight { at, .. }
        | Error::BadSize { at, .. }
        | Error::Toml { at, .. }
        | Error::Json { at, .. }
        | Error::UnknownCertainty { at, .. }
        | Error::TooLarge { at, .. }
        | Error::CaseRule { at, .. } => Some(at),
        Error::UnknownLayer { at, .. }
        | Error::UnknownActor { at, .. }
        | Error::WeightOverflow { at, .. } => at.as_ref(),
        Error::Io { path, .. }
        | Error::BinaryFormat { path, .. }
        | Error::NotAFile { path, .. }
        | Error::OutputIsInput { path, .. }
        | Error::OutputNotEmpty { path, .. } => return (Some(shown(path)), None, None),
        Error::EmptyFile(path) | Error::Utf16WithoutBom(path) => {
            return (Some(shown(path)), None, None);
        }
        Error::NoRows { file, .. } => return (Some(shown(file)), None, None),
        _ => None,
    };
    match at {
        Some(l) => (
            Some(shown(&l.file)),
            (l.line > 0).then_some(l.line),
            (!l.column.is_empty()).then(|| l.column.clone()),
        ),
        None => (None, None, None),
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// The offending value of a variant that names one.
fn value_of(e: &Error) -> Option<String> {
    match e {
        Error::MixedDelimiters { value, .. }
        | Error::TiesOfUnloadedActors { value, .. }
        | Error::InvalidId { value, .. }
        | Error::UnknownKind { value, .. }
        | Error::UnknownLevel { value, .. }
        | Error::UnknownLayer { value, .. }
        | Error::DuplicateLayer { value, .. }
        | Error::DuplicateActor { value, .. }
        | Error::UnknownActor { value, .. }
        | Error::SelfLoop { value, .. }
        | Error::BadWeight { value, .. }
        | Error::BadSize { value, .. }
        | Error::UnknownName { value, .. }
        | Error::UnknownTerm { value, .. }
        | Error::UnknownCertainty { value, .. } => Some(value.clone()),
        Error::UnknownCase { name, .. } | Error::UnknownAttribute { name, .. } => {
            Some(name.clone())
        }
        Error::MissingColumn { column, .. } | Error::DuplicateColumn { column, .. } => {
            Some(column.clone())
        }
        _ => None,
    }
}

/// One problem as a dict: message, kind, file, line, column, value.
fn problem<'py>(py: Python<'py>, e: &Error) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let (file, line, column) = location_of(e);
    d.set_item("message", e.to_string())?;
    d.set_item("kind", kind_of(e))?;
    d.set_item("file", file)?;
    d.set_item("line", line)?;
    d.set_item("column", column)?;
    d.set_item("value", value_of(e))?;
    Ok(d)
}

/// The exception of `e`: `coprod.errors.<Class>(message, details)`, where
/// details holds the fields of the first problem and every problem.
pub fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    match build(py, e) {
        Ok(err) => err,
        Err(err) => err,
    }
}

fn build(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let module = py.import("coprod.errors")?;
    let class = module.getattr(class_of(e))?;
    let details = problem(py, e)?;
    let problems = PyList::empty(py);
    for p in e.problems() {
        problems.append(problem(py, p)?)?;
    }
    details.set_item("problems", problems)?;
    let value = class.call1((e.to_string(), details))?;
    Ok(PyErr::from_value(value))
}

/// `Result<T, coprod::Error>` into `PyResult<T>`.
pub trait IntoPy<T> {
    /// The value, or the Python exception of the error.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for coprod::Result<T> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, &e))
    }
}

//! `coprod._native`: the PyO3 layer under the `coprod` Python package.
//!
//! Thin by design: each function reads its options as the command line
//! reads its flags, calls the library with the GIL released, and hands back
//! plain Python values (lists, dicts, strings, floats); the Python package
//! (`python/python/coprod/`) turns them into pandas and NetworkX objects.
//! Every `coprod::Error` becomes an exception of `coprod.errors`.

mod case;
mod errors;
mod figure;
mod models;
mod progress;
mod view;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<case::Case>()?;
    m.add_class::<view::View>()?;
    m.add_function(wrap_pyfunction!(case::load, m)?)?;
    m.add_function(wrap_pyfunction!(case::load_case_str, m)?)?;
    m.add_function(wrap_pyfunction!(case::case_names, m)?)?;
    m.add_function(wrap_pyfunction!(models::compare, m)?)?;
    m.add_function(wrap_pyfunction!(models::qap, m)?)?;
    m.add_function(wrap_pyfunction!(models::qap_correlations, m)?)?;
    m.add_function(wrap_pyfunction!(graph_rows, m)?)?;
    m.add_function(wrap_pyfunction!(progress::_progress, m)?)?;
    m.add_function(wrap_pyfunction!(progress::_progress_take, m)?)?;
    m.add_function(wrap_pyfunction!(progress::_progress_last, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// Every row of the graph summary: (name, what it measures, reference).
#[pyfunction]
fn graph_rows() -> Vec<(&'static str, &'static str, &'static str)> {
    coprod::report::GRAPH_ROWS
        .iter()
        .map(|r| (r.name, r.doc, r.reference))
        .chain(
            coprod::report::HYPOTHESIS_ROWS
                .iter()
                .map(|r| (r.name, r.doc, r.reference)),
        )
        .collect()
}

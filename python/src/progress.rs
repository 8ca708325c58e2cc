//! Progress bars in a notebook: the library's bars drawn into a
//! [`LineSink`] that keeps the latest line; a Python thread polls it
//! (`coprod.progress`) and writes it to the cell's standard error. The sink
//! never takes the GIL, so a bar drawn from a worker thread cannot deadlock
//! with a caller that holds it.

use coprod::progress::{LineSink, set_line_sink};
use pyo3::prelude::*;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// The latest event of the bars: a line (`Some(text)`), a clear
/// (`Some("")`), or nothing new (`None`); and the last line ever drawn.
#[derive(Debug, Default)]
struct Latest {
    pending: Mutex<Option<String>>,
    last: Mutex<String>,
}

impl LineSink for Latest {
    fn line(&self, text: &str) {
        *self.pending.lock().unwrap_or_else(PoisonError::into_inner) = Some(text.to_string());
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = text.to_string();
    }
    fn clear(&self) {
        *self.pending.lock().unwrap_or_else(PoisonError::into_inner) = Some(String::new());
    }
}

fn latest() -> &'static Arc<Latest> {
    static LATEST: OnceLock<Arc<Latest>> = OnceLock::new();
    LATEST.get_or_init(|| Arc::new(Latest::default()))
}

/// Draw the library's progress bars into the notebook sink (`True`) or as
/// the command line does (`False`: on a terminal's standard error only).
#[pyfunction]
pub fn _progress(on: bool) {
    set_line_sink(on.then(|| Arc::clone(latest()) as Arc<dyn LineSink>));
}

/// The bars' event since the last call: a line, `""` for a clear, `None`
/// for nothing new.
#[pyfunction]
pub fn _progress_take() -> Option<String> {
    latest()
        .pending
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
}

/// The last line any bar drew (`""` if none).
#[pyfunction]
pub fn _progress_last() -> String {
    latest()
        .last
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

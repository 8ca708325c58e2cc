//! Progress bars on long runs (ensembles, generation, betweenness): shown on
//! standard error when it is a terminal, silent otherwise (pipes, files, CI),
//! or drawn as text lines into a [`LineSink`] when one is installed (the
//! Python bindings install one in a Jupyter kernel). A bar never changes a
//! result: it only counts steps.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};
use std::io::IsTerminal;
use std::sync::{Arc, Mutex, RwLock};

/// A receiver of rendered progress lines, for front ends without a terminal
/// (a notebook cell). Installed with [`set_line_sink`]; while one is
/// installed, every [`Progress::Auto`] bar draws into it (at most 4 times a
/// second) instead of standard error.
pub trait LineSink: Send + Sync + std::fmt::Debug {
    /// The bar's current state, one rendered line (`what [===>  ] 3/10 draws (2s left)`).
    fn line(&self, text: &str);
    /// The bar is finished and cleared: remove its line.
    fn clear(&self);
}

static SINK: RwLock<Option<Arc<dyn LineSink>>> = RwLock::new(None);

/// Install (`Some`) or remove (`None`) the process-wide [`LineSink`].
///
/// ```
/// use coprod::progress::{LineSink, Progress, set_line_sink};
/// use std::sync::{Arc, Mutex};
/// #[derive(Debug, Default)]
/// struct Lines(Mutex<Vec<String>>);
/// impl LineSink for Lines {
///     fn line(&self, text: &str) { self.0.lock().unwrap().push(text.to_string()); }
///     fn clear(&self) {}
/// }
/// let lines = Arc::new(Lines::default());
/// set_line_sink(Some(lines.clone()));
/// let bar = Progress::Auto.bar(10, "jinsong", "draws");
/// bar.inc(10);
/// bar.finish();
/// set_line_sink(None);
/// assert!(lines.0.lock().unwrap().iter().any(|l| l.contains("10/10 draws")));
/// ```
pub fn set_line_sink(sink: Option<Arc<dyn LineSink>>) {
    let mut s = SINK
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *s = sink;
}

/// indicatif's terminal, as lines into a [`LineSink`]: what a draw writes
/// is buffered and sent on flush; a clear with nothing written clears.
#[derive(Debug)]
struct SinkTerm {
    sink: Arc<dyn LineSink>,
    buffer: Mutex<String>,
}

impl SinkTerm {
    fn push(&self, s: &str) {
        self.buffer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push_str(s);
    }
}

impl TermLike for SinkTerm {
    fn width(&self) -> u16 {
        100
    }
    fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn write_line(&self, s: &str) -> std::io::Result<()> {
        self.push(s);
        Ok(())
    }
    fn write_str(&self, s: &str) -> std::io::Result<()> {
        self.push(s);
        Ok(())
    }
    fn clear_line(&self) -> std::io::Result<()> {
        Ok(())
    }
    fn flush(&self) -> std::io::Result<()> {
        let text = std::mem::take(
            &mut *self
                .buffer
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let text = text.trim_end();
        if text.is_empty() {
            self.sink.clear();
        } else {
            self.sink.line(text);
        }
        Ok(())
    }
}

/// Whether a long run shows a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Progress {
    /// A bar on standard error when it is a terminal; silence otherwise (pipes, files, CI).
    #[default]
    Auto,
    /// Never.
    Hidden,
}

impl Progress {
    /// A bar of `total` steps counted in `unit` (e.g. `"draws"`, `"samples"`)
    /// with `what` before it; hidden unless [`Progress::Auto`] on a terminal.
    ///
    /// ```
    /// use coprod::progress::Progress;
    /// let bar = Progress::Hidden.bar(10, "jinsong", "draws");
    /// bar.inc(3);
    /// assert!(bar.is_hidden());
    /// ```
    pub fn bar(self, total: u64, what: &str, unit: &str) -> ProgressBar {
        if self == Progress::Hidden {
            return ProgressBar::hidden();
        }
        let sink = SINK
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        let bar = match sink {
            Some(sink) => ProgressBar::with_draw_target(
                Some(total),
                ProgressDrawTarget::term_like_with_hz(
                    Box::new(SinkTerm {
                        sink,
                        buffer: Mutex::new(String::new()),
                    }),
                    4,
                ),
            ),
            None if std::io::stderr().is_terminal() => ProgressBar::new(total),
            None => return ProgressBar::hidden(),
        };
        let template = format!("{{msg}} [{{bar:40}}] {{pos}}/{{len}} {unit} ({{eta}} left)");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        bar
    }
}

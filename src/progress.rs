//! Progress bars on long runs (ensembles, generation, betweenness, ERGM
//! fits, SBM searches, QAP permutations): shown on standard error when it is
//! a terminal, silent otherwise (pipes, files, CI) and silent everywhere in a
//! process that called [`set_quiet`] (the command line's `--quiet`); drawn
//! as text lines into a [`LineSink`] when one is installed (the Python
//! bindings install one in a Jupyter kernel). A bar never changes a result:
//! it only counts steps.

use indicatif::{
    MultiProgress, ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle, TermLike,
};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

/// Set by [`set_quiet`]: every bar of this process is hidden.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Hide (`true`) or allow (`false`) every progress bar of this process,
/// [`Progress::Auto`] ones included: what `coprod --quiet` sets. Warnings
/// and errors are not bars and still print.
///
/// ```
/// use coprod::progress::{Progress, set_quiet};
/// set_quiet(true);
/// assert!(Progress::Auto.bar(10, "quiet", "steps").is_hidden());
/// set_quiet(false);
/// ```
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Every bar of the process is drawn through this one, so that bars of
/// steps running at the same time (the answer's ERGM fits on several codings)
/// stack on their own lines instead of overwriting each other.
fn multi() -> &'static MultiProgress {
    static MULTI: OnceLock<MultiProgress> = OnceLock::new();
    MULTI.get_or_init(MultiProgress::new)
}

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
    /// A bar on standard error when it is a terminal; silence otherwise
    /// (pipes, files, CI), or after [`set_quiet`].
    #[default]
    Auto,
    /// Never.
    Hidden,
}

impl Progress {
    /// Whether a bar would be drawn now.
    fn shown(self) -> bool {
        self == Progress::Auto
            && !QUIET.load(Ordering::Relaxed)
            && (sink().is_some() || std::io::stderr().is_terminal())
    }

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
        if !self.shown() {
            return ProgressBar::hidden();
        }
        // Cleared when dropped, so a run that stops on an error leaves no bar.
        let bar = ProgressBar::new(total).with_finish(ProgressFinish::AndClear);
        let template = format!("{{msg}} [{{bar:40}}] {{pos}}/{{len}} {unit} ({{eta}} left)");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        attach(bar)
    }

    /// A spinner for a step whose number of steps is not known in advance
    /// (an estimation that stops when it converges): `what`, the steps
    /// counted so far in `unit` and the time elapsed, redrawn every 200 ms
    /// until it is dropped or finished; hidden unless [`Progress::Auto`] on
    /// a terminal.
    ///
    /// ```
    /// use coprod::progress::Progress;
    /// let s = Progress::Hidden.spinner("ERGM MCMC-MLE", "iterations");
    /// s.inc(1);
    /// assert!(s.is_hidden());
    /// ```
    pub fn spinner(self, what: &str, unit: &str) -> ProgressBar {
        if !self.shown() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new_spinner().with_finish(ProgressFinish::AndClear);
        let template = format!("{{spinner}} {{msg}}: {{pos}} {unit} ({{elapsed}})");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        bar.set_message(what.to_string());
        let bar = attach(bar);
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    }
}

/// The installed [`LineSink`], if any.
fn sink() -> Option<Arc<dyn LineSink>> {
    SINK.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}

/// Draw `bar` into the installed [`LineSink`] (at most 4 times a second),
/// else on standard error through the one [`MultiProgress`].
fn attach(bar: ProgressBar) -> ProgressBar {
    match sink() {
        Some(sink) => {
            bar.set_draw_target(ProgressDrawTarget::term_like_with_hz(
                Box::new(SinkTerm {
                    sink,
                    buffer: Mutex::new(String::new()),
                }),
                4,
            ));
            bar
        }
        None => multi().add(bar),
    }
}

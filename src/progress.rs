//! Progress bars on long runs (ensembles, generation, betweenness, ERGM
//! fits, SBM searches, QAP permutations): shown on standard error when it is
//! a terminal, silent otherwise (pipes, files, CI, notebooks) and silent
//! everywhere in a process that called [`set_quiet`] (the command line's
//! `--quiet`). A bar never changes a result: it only counts steps.

use indicatif::{MultiProgress, ProgressBar, ProgressFinish, ProgressStyle};
use std::io::IsTerminal;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
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
        self == Progress::Auto && !QUIET.load(Ordering::Relaxed) && std::io::stderr().is_terminal()
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
        multi().add(bar)
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
        let bar = multi().add(bar);
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    }
}

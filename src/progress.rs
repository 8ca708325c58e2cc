//! Progress bars on long runs (ensembles, generation, betweenness): shown on
//! standard error when it is a terminal, silent otherwise (pipes, files, CI,
//! notebooks). A bar never changes a result: it only counts steps.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

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
        if self == Progress::Hidden || !std::io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(total);
        let template = format!("{{msg}} [{{bar:40}}] {{pos}}/{{len}} {unit} ({{eta}} left)");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        bar
    }
}

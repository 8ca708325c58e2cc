//! Reports: the tables a researcher reads, keyed by actor id, and the main
//! job that writes them for every bundled case.
//!
//! * [`actor_table`]: one row per actor, every actor-level measure a column
//!   ([`ACTOR_COLUMNS`]);
//! * [`graph_summary`]: the graph-level measures ([`GRAPH_ROWS`]) and the
//!   hypothesis rows about a core set ([`HYPOTHESIS_ROWS`], by default the
//!   party actors: "one core, many actors");
//! * [`compare_codings`]: two codings of one case, their agreement and the
//!   headline statistics about the core on A, B, A ∩ B and A ∪ B
//!   ([`agreement_markdown`], [`agreement_csv`], [`agreement_json`]);
//! * [`comparison_markdown`], [`cross_case_markdown`]: a [`Comparison`](crate::compare::Comparison)
//!   written for a reader (verdict lines, the robustness table, the tied cores);
//! * [`write_bundled_report`]: the main job (`cargo run --release`), with
//!   the comparison [`main_job_compare_options`] sets; its page
//!   ([`index_html`]) is built from [`PageTable`]s and [`Block`]s, each
//!   table written beside it as CSV and JSON;
//! * `to_html` on [`ActorTable`], [`GraphSummary`], [`Scores`](crate::model::Scores)
//!   and [`Comparison`](crate::compare::Comparison), and `evcxr_display`
//!   (feature `notebook`) showing it in an evcxr notebook.
//!
//! Every column and row is one table entry holding its name, its meaning,
//! the reference call it equals and the function that computes it, so names
//! and values cannot drift apart. The measures themselves know nothing of
//! this module.

mod actors;
mod agreement;
mod agreement_files;
mod answer;
mod bundled;
mod compare;
mod dial;
mod ergm;
mod graph;
mod html;
mod hypothesis;
mod inputs;
mod notebook;
mod page;
mod qap;
mod scale;

pub use actors::{ACTOR_COLUMNS, ActorColumn, ActorTable, actor_column, actor_table};
pub use agreement::{
    ANSWER_ROWS, AgreementTable, AnswerRow, AnswerValues, CodingComparison, READINGS,
    agreement_csv, agreement_json, agreement_markdown, compare_codings, compare_codings_answered,
};
pub use answer::{
    answer_card, answer_markdown, codings_line, e1_line, e2_line, e3_line, e4_line, power_json,
    power_line, power_markdown,
};
pub use bundled::{BROKERAGE_ROLES, REPORT_ROWS, main_job_compare_options, write_bundled_report};
pub use compare::{
    CROSS_CASE_STATISTICS, ROBUSTNESS_LEGEND, comparison_csv, comparison_json, comparison_markdown,
    cross_case_markdown, robustness_markdown, verdict_lines, verdict_tally,
};
pub use dial::{dial_cell, dial_markdown, dial_reading};
pub use ergm::{ergm_csv, ergm_json, ergm_markdown, gof_csv, gof_json, gof_markdown};
pub use graph::{GRAPH_ROWS, GraphRow, GraphSummary, graph_summary};
pub use html::{
    ANSWER_NOT_RUN, CasePage, PageBlock, TOP_K, TOP_MEASURES, escape_html, index_html,
    index_markdown, inline_svg, write_index,
};
pub use hypothesis::{CoreSet, HYPOTHESIS_ROWS, HypothesisRow};
pub use page::{Block, Cell, Files, PageTable, markdown_blocks, slug};
pub use qap::{LayerCorrelationTable, REPORT_QAP_REPS, correlation_text, layer_correlation_table};
pub use scale::{ScaleMeasure, ScaleOptions, ScaleResult, analyse, write_scale_csv};

use crate::model::Attribute;

/// What a report is computed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// The partition for brokerage roles and the E-I index (default: sector).
    pub partition: Attribute,
    /// The core set of the hypothesis rows (default: the party actors).
    pub core: CoreSet,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            partition: Attribute::Sector,
            core: CoreSet::default(),
        }
    }
}

/// Rows of cells as text columns, each as wide as its widest cell (chars),
/// the first row a header underlined with dashes.
pub(crate) fn write_aligned(
    f: &mut std::fmt::Formatter<'_>,
    rows: &[Vec<String>],
) -> std::fmt::Result {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (i, r) in rows.iter().enumerate() {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, s)| format!("{s}{}", " ".repeat(width[c] - s.chars().count())))
            .collect();
        writeln!(f, "{}", line.join("  ").trim_end())?;
        if i == 0 {
            let rule: Vec<String> = width.iter().map(|&w| "-".repeat(w)).collect();
            writeln!(f, "{}", rule.join("  "))?;
        }
    }
    Ok(())
}

/// A table that writes itself as CSV and JSON.
pub trait Table {
    /// The table as CSV; undefined values empty.
    fn to_csv(&self) -> String;
    /// The table as JSON; undefined values `null`.
    fn to_json(&self) -> String;
}

/// The documentation of every column of the actor table and every row of the
/// summary, with the reference convention each equals (`coprod columns`).
pub fn columns_text() -> String {
    let mut out = String::from(
        "coprod measures: one row per actor\n  id, kind, sector, level: the actor\n  group: its class in --partition\n",
    );
    for c in ACTOR_COLUMNS {
        out.push_str(&format!("  {}: {} [{}]\n", c.name, c.doc, c.reference));
    }
    out.push_str("\ncoprod summary: one row per graph-level measure\n");
    for r in GRAPH_ROWS {
        out.push_str(&format!("  {}: {} [{}]\n", r.name, r.doc, r.reference));
    }
    out.push_str("\nhypothesis rows, about the core set of --core (default kind:party)\n");
    for r in HYPOTHESIS_ROWS {
        out.push_str(&format!("  {}: {} [{}]\n", r.name, r.doc, r.reference));
    }
    out.push_str("  core: the core set\n  best_core: ids of the best core found, `;`-separated\n");
    out
}

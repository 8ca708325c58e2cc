//! The QAP tables a reader sees: the layer-by-layer correlation table of a
//! case (page, CSV, JSON, Markdown, notebook) and a QAP regression in a
//! notebook.

use super::notebook::table_html;
use super::page::{Cell, PageTable};
use crate::error::Result;
use crate::inference::qap::{
    DyadOptions, Dyads, LayerCorrelation, QapOptions, QapRegression, layer_correlations,
};
use crate::model::MultiplexGraph;

/// Replicates of the layer-correlation table in the report.
pub const REPORT_QAP_REPS: usize = 10_000;

/// The layer-by-layer QAP correlation table of a case.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerCorrelationTable {
    /// The case id.
    pub case: String,
    /// Modelled actors (arenas projected out).
    pub actors: usize,
    /// Replicates per pair.
    pub reps: usize,
    /// Seed.
    pub seed: u64,
    /// One row per pair of layers with ties.
    pub rows: Vec<LayerCorrelation>,
}

/// The correlation of every pair of layers of `g` (arenas as co-membership,
/// binary matrices; [`layer_correlations`]) with QAP p-values.
///
/// ```
/// use coprod::report::layer_correlation_table;
/// use coprod::inference::qap::QapOptions;
/// let g = coprod::cases::load("ly").unwrap();
/// let t = layer_correlation_table(&g, &QapOptions { reps: 100, ..Default::default() }).unwrap();
/// assert!(t.to_markdown().contains("| leadership |"));
/// ```
///
/// # Errors
/// As [`layer_correlations`] (a case with fewer than 3 non-arena actors).
pub fn layer_correlation_table(
    g: &MultiplexGraph,
    opts: &QapOptions,
) -> Result<LayerCorrelationTable> {
    let d = Dyads::new(g, &DyadOptions::default())?;
    Ok(LayerCorrelationTable {
        case: g.meta().id.clone(),
        actors: d.n(),
        reps: opts.reps,
        seed: opts.seed,
        rows: layer_correlations(&d, opts)?,
    })
}

const HEADER: [&str; 7] = [
    "layer_a",
    "layer_b",
    "dyads",
    "r",
    "p_greater",
    "p_less",
    "p_abs",
];

fn cells(c: &LayerCorrelation) -> Vec<Cell> {
    vec![
        c.a.as_str().into(),
        c.b.as_str().into(),
        c.test.mode.as_str().into(),
        c.test.observed.into(),
        Cell::Num(Some(c.test.p_greater).filter(|v| v.is_finite())),
        Cell::Num(Some(c.test.p_less).filter(|v| v.is_finite())),
        Cell::Num(Some(c.test.p_abs).filter(|v| v.is_finite())),
    ]
}

impl LayerCorrelationTable {
    /// A sentence saying what the table holds.
    pub fn note(&self) -> String {
        format!(
            "Correlation of the binary layer matrices over the dyads of {} actors (arenas as co-membership; diagonal excluded; `graph` dyads when both layers are undirected), sna::gcor; p-values from {} QAP relabellings (seed {}): p_greater = P(r' ≥ r), p_less = P(r' ≤ r), p_abs = P(|r'| ≥ |r|). `-`: a layer constant on the dyads. `coprod qap {} --correlations` reproduces it.",
            self.actors, self.reps, self.seed, self.case
        )
    }

    /// The table for the report page (`<case>/layer_correlations.csv` / `.json` beside it).
    pub fn page_table(&self) -> PageTable {
        let mut p = PageTable::new(
            format!("{}/layer_correlations", self.case),
            "Layer correlations (QAP)",
            &HEADER,
        );
        p.note = self.note();
        p.rows = self.rows.iter().map(cells).collect();
        p
    }

    /// CSV, one row per pair (numbers exact, undefined empty).
    pub fn to_csv(&self) -> String {
        self.page_table().to_csv()
    }

    /// JSON, one object per pair.
    pub fn to_json(&self) -> String {
        self.page_table().to_json()
    }

    /// A Markdown table with its note.
    pub fn to_markdown(&self) -> String {
        let mut s = format!(
            "# Layer correlations (QAP): {}\n\n{}\n\n| {} |\n|{}\n",
            self.case,
            self.note(),
            HEADER.join(" | "),
            "---|".repeat(HEADER.len())
        );
        for r in &self.rows {
            let row: Vec<String> = cells(r).iter().map(Cell::shown).collect();
            s.push_str(&format!("| {} |\n", row.join(" | ")));
        }
        s
    }

    /// An HTML table for a notebook.
    pub fn to_html(&self) -> String {
        let t = self.page_table();
        table_html(&t.header, &t.rows)
    }

    /// Shows the table in an evcxr notebook.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("text/html", &self.to_html())
        );
    }
}

impl QapRegression {
    /// An HTML table of the coefficients (term, estimate, std. error, t/z,
    /// the three p-values), with a caption naming the estimator and null and,
    /// when a logit separated, the terms and the switch to Firth.
    pub fn to_html(&self) -> String {
        let header: Vec<String> = [
            "term",
            "estimate",
            "std_error",
            "statistic",
            "p_abs",
            "p_greater",
            "p_less",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let rows: Vec<Vec<Cell>> = self
            .coefficients
            .iter()
            .map(|c| {
                vec![
                    c.term.as_str().into(),
                    c.estimate.into(),
                    c.std_error.into(),
                    c.statistic.into(),
                    c.p_abs.into(),
                    c.p_greater.into(),
                    c.p_less.into(),
                ]
            })
            .collect();
        let mut caption = format!(
            "<p>outcome <code>{}</code>: {} dyads ({}), estimator {}, null {}, {} replicates, seed {}</p>",
            super::escape_html(&self.outcome),
            self.n_dyads,
            self.mode.as_str(),
            self.estimator.as_str(),
            self.null.as_str(),
            self.reps,
            self.seed
        );
        if let Some(s) = &self.separation {
            caption.push_str(&format!(
                "<p><b>Separation</b> on {}: maximum-likelihood estimates infinite; fitted with Firth's penalised likelihood.</p>",
                super::escape_html(&s.terms.join(", "))
            ));
        }
        caption + &table_html(&header, &rows)
    }

    /// Shows the regression in an evcxr notebook.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("text/html", &self.to_html())
        );
    }
}

/// The layer-correlation table of a graph as the CLI prints it: Markdown, CSV or JSON.
///
/// # Errors
/// As [`layer_correlation_table`].
pub fn correlation_text(g: &MultiplexGraph, opts: &QapOptions, format: &str) -> Result<String> {
    let t = layer_correlation_table(g, opts)?;
    Ok(match format {
        "csv" => t.to_csv(),
        "json" => t.to_json() + "\n",
        _ => t.to_markdown(),
    })
}

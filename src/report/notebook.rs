//! HTML for a notebook: the actor table, the graph summary, a score column
//! ([`Scores`]) and a [`Comparison`] as HTML tables (`to_html`, always
//! there), shown as rich output in an evcxr notebook by `evcxr_display`
//! (feature `notebook`; see the crate's `examples/notebook.ipynb`).
//!
//! ```
//! use coprod::prelude::*;
//! let g = cases::load("ly")?;
//! let t = actor_table(&View::aggregate(&g), &ReportOptions::default())?;
//! let html = t.scores("liaison")?.to_html();
//! assert!(html.starts_with("<table") && html.contains("<td>community_party_branch</td>"));
//! # Ok::<(), coprod::Error>(())
//! ```

use super::html::blocks_html;
use super::page::{Block, Cell, PageTable, markdown_blocks};
use super::{ACTOR_COLUMNS, ActorTable, GraphSummary, comparison_markdown, escape_html};
use crate::compare::Comparison;
use crate::model::{Ranking, Scores};

/// A plain HTML table (no file links, no sorting script), numbers right-aligned.
pub(crate) fn table_html(header: &[String], rows: &[Vec<Cell>]) -> String {
    let mut t = PageTable::new("", "", &[]);
    t.header = header.to_vec();
    t.rows = rows.to_vec();
    let html = blocks_html(&[Block::Table(t)]);
    // A notebook styles tables itself; drop the page's wrapper and class.
    html.replace(
        "<div class=\"scroll\"><table class=\"sortable\">",
        "<table>",
    )
    .replace("</table></div>", "</table>")
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| (*s).to_string()).collect()
}

impl Ranking {
    /// Columns `#`, `id`, `label` and the measure, highest first;
    /// undefined values `-`.
    pub fn to_html(&self) -> String {
        let rows: Vec<Vec<Cell>> = self
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    ((i + 1) as f64).into(),
                    r.id.as_str().into(),
                    r.label.as_str().into(),
                    r.value.into(),
                ]
            })
            .collect();
        table_html(&strings(&["#", "id", "label", self.name()]), &rows)
    }

    /// Shows the ranking as an HTML table in an evcxr notebook.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("text/html", &self.to_html())
        );
    }
}

impl Scores {
    /// The scores sorted, as [`Ranking::to_html`]: `#`, `id`, `label` and
    /// the measure, highest first; undefined values `-` (last).
    pub fn to_html(&self) -> String {
        self.sorted().to_html()
    }

    /// Shows the scores as an HTML table in an evcxr notebook.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("text/html", &self.to_html())
        );
    }
}

impl ActorTable {
    /// One row per actor: id, kind, sector, level, group, then every column
    /// of [`ACTOR_COLUMNS`]; undefined values `-`.
    pub fn to_html(&self) -> String {
        let mut header = strings(&["id", "kind", "sector", "level", "group"]);
        header.extend(ACTOR_COLUMNS.iter().map(|c| c.name.to_string()));
        let rows: Vec<Vec<Cell>> = self
            .ids
            .iter()
            .zip(&self.attrs)
            .zip(&self.values)
            .map(|((id, a), vs)| {
                let mut r: Vec<Cell> = vec![id.as_str().into()];
                r.extend(a.iter().map(|x| Cell::from(x.as_str())));
                r.extend(vs.iter().map(|&v| Cell::from(v)));
                r
            })
            .collect();
        table_html(&header, &rows)
    }

    /// Shows the table as HTML in an evcxr notebook.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("text/html", &self.to_html())
        );
    }
}

impl GraphSummary {
    /// `measure`, `value` (undefined `-`), then the core set and the best core.
    pub fn to_html(&self) -> String {
        let mut rows: Vec<Vec<Cell>> = self
            .rows
            .iter()
            .map(|(n, v)| vec![(*n).into(), (*v).into()])
            .collect();
        rows.push(vec!["core".into(), self.core.as_str().into()]);
        rows.push(vec!["best_core".into(), self.best_core.join(", ").into()]);
        table_html(&strings(&["measure", "value"]), &rows)
    }

    /// Shows the summary as HTML in an evcxr notebook.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("text/html", &self.to_html())
        );
    }
}

impl Comparison {
    /// [`comparison_markdown`] as HTML: the title, the verdict lines, the
    /// panel against each baseline, the robustness table, the tied cores.
    pub fn to_html(&self) -> String {
        let mut blocks = markdown_blocks(&comparison_markdown(self), "");
        for b in &mut blocks {
            if let Block::Table(t) = b {
                t.stem.clear();
            }
        }
        let html = blocks_html(&blocks)
            .replace("<table class=\"sortable\">", "<table>")
            .replace("<details>", "<details open=\"open\">");
        format!(
            "<h3>{}: one core or many centres?</h3>\n{html}",
            escape_html(&self.case)
        )
    }

    /// Shows the comparison as HTML in an evcxr notebook.
    #[cfg(feature = "notebook")]
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            crate::model::evcxr_content("text/html", &self.to_html())
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::{CompareOptions, Progress, baselines_named, compare};
    use crate::model::View;
    use crate::report::{ReportOptions, actor_table, graph_summary};

    #[test]
    fn tables_are_html_keyed_by_id() {
        let g = crate::cases::load("elevator_tx11").unwrap();
        let v = View::aggregate(&g);
        let t = actor_table(&v, &ReportOptions::default()).unwrap();
        let h = t.to_html();
        assert_eq!(h.matches("<tr>").count(), 1 + g.actor_count());
        assert!(h.contains("<th>betweenness</th>") && h.contains("<td>building_head</td>"));
        let s = graph_summary(&v, &ReportOptions::default())
            .unwrap()
            .to_html();
        assert!(s.contains("<td>actors</td><td class=\"n\">4</td>"), "{s}");
        let b = t.scores("degree").unwrap().to_html();
        assert!(
            b.contains("<th>#</th><th>id</th><th>label</th><th>degree</th>"),
            "{b}"
        );
        assert!(!b.contains("sortable") && !b.contains(".csv"));
        // Sorted: the first row is the highest degree, with its label.
        let top = t.scores("degree").unwrap().top(1);
        let first = format!(
            "<td class=\"n\">1</td><td>{}</td><td>{}</td>",
            top[0].id, top[0].label
        );
        assert!(b.contains(&first), "{b}");
        assert_eq!(top.to_html().matches("<tr>").count(), 2);
    }

    #[test]
    fn a_comparison_is_html() {
        let g = crate::cases::load("elevator_tx11").unwrap();
        let c = compare(
            &g,
            &CompareOptions {
                baselines: baselines_named(&["gnm"]).unwrap(),
                draws: 3,
                progress: Progress::Hidden,
                ..CompareOptions::default()
            },
        )
        .unwrap();
        let h = c.to_html();
        assert!(h.starts_with("<h3>elevator_tx11: one core or many centres?</h3>"));
        assert!(h.contains("<h3>Robustness to coding</h3>") && h.contains("<th>gnm</th>"));
        assert!(h.contains("<details open=\"open\">") && !h.contains(".csv"));
        // XML-ish, as the page.
        roxmltree::Document::parse(&format!("<div>{h}</div>")).unwrap();
    }
}

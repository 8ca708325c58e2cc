//! The main job: every bundled case measured and written to a directory.

use super::{ReportOptions, Table, actor_table, graph_summary};
use crate::error::Result;
use crate::io::{csv_number, write_file};
use crate::model::View;
use std::io::Write;
use std::path::Path;

/// Summary rows that go into the cross-case table `cases.csv`.
pub const REPORT_ROWS: &[&str] = &[
    "actors",
    "ties",
    "density",
    "degree_centralization",
    "betweenness_centralization",
    "core_actors",
    "core_group_degree",
    "core_group_betweenness",
    "core_fit",
    "best_core_fit",
    "best_core_core_share",
    "fragmentation_without_core",
    "distance_fragmentation_without_core",
];

fn fmt(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.3}"))
}

fn log_err(e: std::io::Error) -> crate::Error {
    crate::io::write_error(Path::new("-"), e)
}

/// The main job: every bundled case measured on the aggregate of its positive
/// layers with the default options (partition by sector, core = the party
/// actors); the findings printed to `log`, and written to `out`: per case
/// `actors.csv` and `summary.csv`, and `cases.csv` across cases; `index.html`
/// and `index.md` show it all, with each case's `aggregate.svg` inline when
/// it is already in `out/<case>/` (the binary draws the figures first).
/// Running it twice writes the same bytes.
///
/// # Errors
/// [`Error::Io`](crate::Error::Io) naming a file that cannot be written, or
/// an error of a measure (none on the bundled cases).
pub fn write_bundled_report(out: &Path, log: &mut impl Write) -> Result<()> {
    let opts = ReportOptions::default();
    let mut cases = format!("case,{}\n", REPORT_ROWS.join(","));
    let mut pages = Vec::new();
    for name in crate::cases::names() {
        let g = crate::cases::load(name)?;
        let view = View::aggregate(&g);
        let t = actor_table(&view, &opts)?;
        let s = graph_summary(&view, &opts)?;
        let mut brokers: Vec<(f64, &str, &str)> = t
            .column("brokerage")?
            .into_iter()
            .zip(&t.attrs)
            .filter(|((_, v), _)| *v > 0.0)
            .map(|((id, v), a)| (v, id, a[1].as_str()))
            .collect();
        brokers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let top: Vec<String> = brokers
            .iter()
            .take(5)
            .map(|(v, id, sector)| format!("{id} ({sector}) {v}"))
            .collect();
        writeln!(log, "{name}: {}", g.summary_line()).map_err(log_err)?;
        writeln!(
            log,
            "  centralization: degree {}, betweenness {}; party actors {}: group degree {}, group betweenness {}, core fit {}",
            fmt(s.get("degree_centralization")),
            fmt(s.get("betweenness_centralization")),
            s.get("core_actors").unwrap_or(0.0),
            fmt(s.get("core_group_degree")),
            fmt(s.get("core_group_betweenness")),
            fmt(s.get("core_fit")),
        )
        .map_err(log_err)?;
        writeln!(
            log,
            "  best core (fit {}, party share {}): {}",
            fmt(s.get("best_core_fit")),
            fmt(s.get("best_core_core_share")),
            s.best_core.join(", ")
        )
        .map_err(log_err)?;
        writeln!(
            log,
            "  without the party: fragmentation F {}, distance-weighted {}",
            fmt(s.get("fragmentation_without_core")),
            fmt(s.get("distance_fragmentation_without_core")),
        )
        .map_err(log_err)?;
        writeln!(
            log,
            "  top cross-sector brokers (Gould-Fernandez total by sector): {}",
            top.join(", ")
        )
        .map_err(log_err)?;
        let dir = out.join(name);
        std::fs::create_dir_all(&dir).map_err(|e| crate::io::write_error(&dir, e))?;
        write_file(&dir.join("actors.csv"), &t.to_csv())?;
        write_file(&dir.join("summary.csv"), &s.to_csv())?;
        let row: Vec<String> = REPORT_ROWS
            .iter()
            .map(|r| s.get(r).map_or(String::new(), csv_number))
            .collect();
        cases.push_str(&format!("{name},{}\n", row.join(",")));
        let mut top = Vec::new();
        for m in super::TOP_MEASURES {
            let scores = t.scores(m)?;
            let rows = scores
                .top(super::TOP_K)
                .into_iter()
                .map(|(id, v)| {
                    let label = g.actor_by_id(id).map_or(String::new(), |a| {
                        if a.label_zh.is_empty() {
                            a.label.clone()
                        } else {
                            format!("{} / {}", a.label, a.label_zh)
                        }
                    });
                    (id.to_string(), label, v)
                })
                .collect();
            top.push(((*m).to_string(), rows));
        }
        pages.push(super::CasePage {
            name: name.to_string(),
            title: g.meta().title.clone(),
            summary_line: g.summary_line(),
            svg: std::fs::read_to_string(dir.join("aggregate.svg")).ok(),
            graph_rows: s.rows.iter().map(|(n, v)| ((*n).to_string(), *v)).collect(),
            top,
        });
    }
    write_file(&out.join("cases.csv"), &cases)?;
    super::write_index(out, &pages, &cases)?;
    writeln!(
        log,
        "report written to {}/ (index.html, index.md, cases.csv; <case>/actors.csv, <case>/summary.csv; columns: coprod columns); the comparison is not part of the main job yet (coprod compare <case>)",
        out.display()
    )
    .map_err(log_err)?;
    Ok(())
}

//! The main job: every bundled case measured and written to a directory.

use super::html::PageBlock;
use super::page::{Block, Cell, Files, PageTable, markdown_blocks};
use super::{
    ActorTable, ReportOptions, Table, actor_table, comparison_csv, comparison_json,
    comparison_markdown, cross_case_markdown, graph_summary,
};
use crate::compare::{CompareOptions, Comparison};
use crate::error::Result;
use crate::io::{csv_number, write_file};
use crate::model::{MultiplexGraph, View};
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

/// The Gould–Fernandez roles of the brokerage table, in `sna::brokerage`'s
/// order, then the total.
pub const BROKERAGE_ROLES: &[&str] = &[
    "coordinator",
    "itinerant",
    "representative",
    "gatekeeper",
    "liaison",
    "brokerage",
];

/// The comparison the main job runs: [`compare::main_job_options`](crate::compare::main_job_options)
/// (every baseline, seed 0, the party actors as the core, every coding, the
/// dial fit) with `draws` draws per random baseline (the main job passes
/// [`DEFAULT_DRAWS`](crate::compare::DEFAULT_DRAWS); a test a few) and
/// `⌈draws / 10⌉` draws per grid point of the dial fit, within `[2, 100]`
/// (100, the fit's default, at 1,000 draws).
///
/// ```
/// let o = coprod::report::main_job_compare_options(1000);
/// assert_eq!(o.dial.unwrap().draws, coprod::compare::DEFAULT_DIAL_DRAWS);
/// assert_eq!(coprod::report::main_job_compare_options(4).dial.unwrap().draws, 2);
/// let quick = coprod::report::main_job_compare_options(4).answer.unwrap();
/// assert_eq!((quick.pairs.randomisations, quick.model.counterfactual_draws), (20, 20));
/// assert_eq!(quick.posterior.unwrap().samples, 200);
/// let full = coprod::report::main_job_compare_options(1000).answer.unwrap();
/// assert_eq!((full.pairs.randomisations, full.model.counterfactual_draws), (500, 1000));
/// ```
pub fn main_job_compare_options(draws: usize) -> CompareOptions {
    let base = crate::compare::main_job_options();
    let answer = base.answer.clone().map(|mut a| {
        // Fewer draws than the default: the answer's Monte-Carlo parts scale
        // down with them (a quick look, never a paper's numbers; the card
        // prints how many were drawn).
        if draws < crate::compare::DEFAULT_DRAWS {
            a.pairs.randomisations = (draws / 2).clamp(20, a.pairs.randomisations);
            a.model.counterfactual_draws = draws.clamp(20, a.model.counterfactual_draws);
            a.model.gof.draws = (draws / 10).clamp(20, a.model.gof.draws);
            // E1's posterior chains shorten too; the card says when they did not mix.
            if let Some(p) = a.posterior.as_mut() {
                p.samples =
                    (p.samples * draws / crate::compare::DEFAULT_DRAWS).clamp(200, p.samples);
            }
        }
        a
    });
    CompareOptions {
        draws,
        answer,
        dial: base.dial.clone().map(|d| crate::compare::DialFitOptions {
            draws: draws
                .div_ceil(10)
                .clamp(2, crate::compare::DEFAULT_DIAL_DRAWS),
            ..d
        }),
        ..base
    }
}

fn fmt(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.3}"))
}

fn log_err(e: std::io::Error) -> crate::Error {
    crate::io::write_error(Path::new("-"), e)
}

/// `label / label_zh`, or the label alone.
fn label(g: &MultiplexGraph, id: &str) -> String {
    g.actor_by_id(id).map_or(String::new(), |a| {
        if a.label_zh.is_empty() {
            a.label.clone()
        } else {
            format!("{} / {}", a.label, a.label_zh)
        }
    })
}

/// The top [`TOP_K`](super::TOP_K) actors by `measure`, only those with a
/// positive score (a zero is no rank), saying so when fewer remain.
fn top_table(g: &MultiplexGraph, t: &ActorTable, case: &str, measure: &str) -> Result<PageTable> {
    let scores = t.scores(measure)?;
    let positive: Vec<(String, f64)> = scores
        .sorted()
        .into_iter()
        .filter(|r| r.value > 0.0)
        .map(|r| (r.id, r.value))
        .collect();
    let mut p = PageTable::new(
        format!("{case}/top_{measure}"),
        measure,
        &["#", "id", "label", measure],
    );
    for (i, (id, v)) in positive.iter().take(super::TOP_K).enumerate() {
        p.rows.push(vec![
            ((i + 1) as f64).into(),
            id.as_str().into(),
            label(g, id).into(),
            (*v).into(),
        ]);
    }
    if positive.len() < super::TOP_K {
        p.note = match positive.len() {
            0 => format!("No actor has a positive {measure}."),
            1 => format!("Only 1 actor has a positive {measure}."),
            k => format!("Only {k} actors have a positive {measure}."),
        };
    }
    Ok(p)
}

/// The Gould–Fernandez roles by actor, brokers only, by total then id.
fn brokerage_table(g: &MultiplexGraph, t: &ActorTable, case: &str) -> Result<PageTable> {
    let cols: Vec<Vec<(&str, f64)>> = BROKERAGE_ROLES
        .iter()
        .map(|r| t.column(r))
        .collect::<Result<_>>()?;
    let mut header = vec!["id", "label", "sector"];
    header.extend(BROKERAGE_ROLES);
    let mut p = PageTable::new(
        format!("{case}/brokerage"),
        format!(
            "Gould–Fernandez brokerage roles by {} (sna::brokerage raw counts)",
            t.partition
        ),
        &header,
    );
    let total = BROKERAGE_ROLES.len() - 1;
    let mut order: Vec<usize> = (0..t.ids.len())
        .filter(|&i| cols[total][i].1 > 0.0)
        .collect();
    order.sort_by(|&a, &b| {
        cols[total][b]
            .1
            .total_cmp(&cols[total][a].1)
            .then(t.ids[a].cmp(&t.ids[b]))
    });
    for &i in &order {
        let mut row: Vec<Cell> = vec![
            t.ids[i].as_str().into(),
            label(g, &t.ids[i]).into(),
            t.attrs[i][1].as_str().into(),
        ];
        row.extend(cols.iter().map(|c| Cell::from(c[i].1)));
        p.rows.push(row);
    }
    let rest = t.ids.len() - order.len();
    p.note = format!(
        "{} of {} actors broker between groups; the {rest} others have no brokerage role and are left out.",
        order.len(),
        t.ids.len()
    );
    Ok(p)
}

/// The graph summary as the page shows it (its files are `summary.csv` and
/// `summary.json`, the [`Table`] of [`GraphSummary`](super::GraphSummary)).
fn summary_table(s: &super::GraphSummary, case: &str) -> PageTable {
    let mut p = PageTable::new(
        format!("{case}/summary"),
        "Graph summary",
        &["measure", "value"],
    );
    p.files = Files::Beside;
    for (n, v) in &s.rows {
        p.rows.push(vec![(*n).into(), (*v).into()]);
    }
    p.rows.push(vec!["core".into(), s.core.clone().into()]);
    p.rows
        .push(vec!["best_core".into(), s.best_core.join(", ").into()]);
    p
}

/// The figures already drawn in `dir` (`<name>/*.svg`, `*.png`, sorted),
/// and the folder of the case's plots (drawn after the page, so linked as a
/// folder: listing them here would make a second run write other bytes).
fn figure_files(dir: &Path, name: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|f| f.ends_with(".svg") || f.ends_with(".png"))
                .map(|f| format!("{name}/{f}"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files.push(format!("plots/{name}/"));
    files
}

/// The main job: every bundled case measured on the aggregate of its positive
/// layers with the default options (partition by sector, core = the party
/// actors) and compared with the baselines of `compare` (the binary passes
/// [`main_job_compare_options`]`(`[`DEFAULT_DRAWS`](crate::compare::DEFAULT_DRAWS)`)`);
/// the findings printed to `log`, and written to `out`:
///
/// * per case `actors.{csv,json}`, `summary.{csv,json}`, `brokerage.{csv,json}`
///   (Gould–Fernandez roles by actor), `top_<measure>.{csv,json}`, the
///   comparison `comparison.{md,csv,json}` and the CSV and JSON of each of
///   its tables (`comparison_<table>.{csv,json}`);
/// * across cases `cases.{csv,json}`, `comparison.md` (every case side by
///   side), `comparison.{csv,json}` (every case's comparison);
/// * `index.html` and `index.md` showing it all, each table linked to its
///   files, with each case's `aggregate.svg` inline when it is already in
///   `out/<case>/` (the binary draws the figures first).
///
/// Running it twice writes the same bytes. Returns the comparisons, in the
/// bundled cases' order (the binary draws their plots from them).
///
/// # Errors
/// [`Error::Io`](crate::Error::Io) naming a file that cannot be written, an
/// error of a measure (none on the bundled cases), or of the comparison
/// (e.g. 0 draws).
pub fn write_bundled_report(
    out: &Path,
    compare: &CompareOptions,
    log: &mut impl Write,
) -> Result<Vec<Comparison>> {
    let opts = ReportOptions::default();
    let mut cases = format!("case,{}\n", REPORT_ROWS.join(","));
    let mut cases_table = PageTable::new("cases", "Every case side by side", &["case"]);
    cases_table
        .header
        .extend(REPORT_ROWS.iter().map(|s| s.to_string()));
    let mut pages = Vec::new();
    let mut comparisons = Vec::new();
    for name in crate::cases::names() {
        let g = crate::cases::load(name)?;
        let view = View::aggregate(&g);
        let t = actor_table(&view, &opts)?;
        let s = graph_summary(&view, &opts)?;
        let brokers = brokerage_table(&g, &t, name)?;
        let top: Vec<String> = brokers
            .rows
            .iter()
            .take(5)
            .map(|r| {
                format!(
                    "{} ({}) {}",
                    r[0].shown(),
                    r[2].shown(),
                    r[r.len() - 1].shown()
                )
            })
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
            if top.is_empty() {
                "none".to_string()
            } else {
                top.join(", ")
            }
        )
        .map_err(log_err)?;
        let second = crate::cases::load_coding_b(name)?;
        let mapping = crate::cases::coding_b_mapping(name)?;
        let c = crate::compare::compare_with(
            &g,
            second.as_ref().map(|graph| crate::compare::SecondCoding {
                graph,
                mapping: mapping.as_ref(),
            }),
            compare,
        )?;
        match &c.answer {
            Some(a) => writeln!(
                log,
                "  answer (pre-registered rule): {} — {}; {}",
                a.outcome.phrase(),
                a.codings[0].decision.because,
                super::answer::codings_line(a)
            ),
            None => writeln!(
                log,
                "  comparison ({} draws per baseline): the answer rule was not run",
                c.draws
            ),
        }
        .map_err(log_err)?;
        let dir = out.join(name);
        std::fs::create_dir_all(&dir).map_err(|e| crate::io::write_error(&dir, e))?;
        write_file(&dir.join("actors.csv"), &t.to_csv())?;
        write_file(&dir.join("actors.json"), &t.to_json())?;
        write_file(&dir.join("summary.csv"), &s.to_csv())?;
        write_file(&dir.join("summary.json"), &s.to_json())?;
        let md = comparison_markdown(&c);
        write_file(&dir.join("comparison.md"), &md)?;
        write_file(
            &dir.join("comparison.csv"),
            &comparison_csv(std::slice::from_ref(&c)),
        )?;
        write_file(
            &dir.join("comparison.json"),
            &comparison_json(std::slice::from_ref(&c)),
        )?;
        let row: Vec<String> = REPORT_ROWS
            .iter()
            .map(|r| s.get(r).map_or(String::new(), csv_number))
            .collect();
        cases.push_str(&format!("{name},{}\n", row.join(",")));
        let mut cells: Vec<Cell> = vec![name.into()];
        cells.extend(REPORT_ROWS.iter().map(|r| Cell::from(s.get(r))));
        cases_table.rows.push(cells);
        let tops = super::TOP_MEASURES
            .iter()
            .map(|m| top_table(&g, &t, name, m).map(Block::Table))
            .collect::<Result<Vec<_>>>()?;
        let mut blocks = vec![
            PageBlock::One(Block::Para(format!(
                "Every actor's measures: [actors.csv]({name}/actors.csv), [actors.json]({name}/actors.json) (`coprod columns` says what each column is)."
            ))),
            PageBlock::Columns(vec![vec![Block::Table(summary_table(&s, name))], {
                let mut right = vec![
                    Block::Heading(format!("Top {} actors", super::TOP_K)),
                    Block::Para("Only actors with a positive score are ranked.".into()),
                ];
                right.extend(tops);
                right
            }]),
            PageBlock::One(Block::Heading("Brokerage".into())),
            PageBlock::One(Block::Table(brokers)),
            PageBlock::One(Block::Heading("Layer correlations (QAP)".into())),
            PageBlock::One(Block::Table(
                super::layer_correlation_table(
                    &g,
                    &crate::inference::qap::QapOptions {
                        reps: super::REPORT_QAP_REPS,
                        ..Default::default()
                    },
                )?
                .page_table(),
            )),
            PageBlock::One(Block::Heading("Comparison with the baselines".into())),
            PageBlock::One(Block::Para(format!(
                "The whole comparison: [comparison.md]({name}/comparison.md), [comparison.csv]({name}/comparison.csv), [comparison.json]({name}/comparison.json)."
            ))),
        ];
        blocks.extend(
            markdown_blocks(&md, &format!("{name}/comparison"))
                .into_iter()
                .map(PageBlock::One),
        );
        if let Some(section) =
            super::agreement::agreement_section(name, &g, c.answer.as_ref(), &dir)?
        {
            blocks.extend(section.into_iter().map(PageBlock::One));
        }
        let power = crate::cases::power_json(name)?
            .map(|t| {
                serde_json::from_str::<crate::compare::answer::PowerStudy>(t).map_err(|e| {
                    crate::Error::Json {
                        at: crate::error::Location::new(
                            format!("docs/power/{name}.json"),
                            e.line() as u64,
                            "",
                        ),
                        message: e.to_string(),
                    }
                })
            })
            .transpose()?;
        pages.push(super::CasePage {
            name: name.to_string(),
            title: g.meta().title.clone(),
            summary_line: g.summary_line(),
            svg: std::fs::read_to_string(dir.join("aggregate.svg")).ok(),
            blocks,
            headline: vec![
                format!(
                    "Party actors ({}) as a group: degree {}, betweenness {}; core–periphery fit {}.",
                    s.get("core_actors").unwrap_or(0.0),
                    fmt(s.get("core_group_degree")),
                    fmt(s.get("core_group_betweenness")),
                    fmt(s.get("core_fit"))
                ),
                format!(
                    "Best core found (fit {}): party share {}.",
                    fmt(s.get("best_core_fit")),
                    fmt(s.get("best_core_core_share"))
                ),
                format!(
                    "Without the party, fragmentation {}.",
                    fmt(s.get("fragmentation_without_core"))
                ),
            ],
            answer: c.answer.as_ref().map(|a| {
                let (title, mut lines) = super::answer::answer_card(a);
                lines.push(match &power {
                    Some(p) => super::answer::power_line(p),
                    None => "What the rule detects at this size: not measured for this case (run `coprod power <case>`).".into(),
                });
                (title, lines)
            }),
            files: figure_files(&dir, name),
        });
        comparisons.push(c);
    }
    write_file(&out.join("cases.csv"), &cases)?;
    cases_table.files = Files::Beside;
    write_file(&out.join("cases.json"), &cases_table.to_json())?;
    let cross_md = cross_case_markdown(&comparisons);
    write_file(&out.join("comparison.md"), &cross_md)?;
    write_file(&out.join("comparison.csv"), &comparison_csv(&comparisons))?;
    write_file(&out.join("comparison.json"), &comparison_json(&comparisons))?;
    let mut cross = vec![PageBlock::One(Block::Table(cases_table))];
    cross.push(PageBlock::One(Block::Para(
        "The comparisons of every case: [comparison.md](comparison.md), [comparison.csv](comparison.csv), [comparison.json](comparison.json).".into(),
    )));
    cross.extend(
        markdown_blocks(&cross_md, "comparison_cases")
            .into_iter()
            .map(PageBlock::One),
    );
    // The cases the rule can decide (not under its size limit on the
    // headline coding) first, each group in name order.
    let decidable: Vec<bool> = comparisons
        .iter()
        .map(|c| c.answer.as_ref().is_some_and(|a| !a.codings[0].size_limit))
        .collect();
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by_key(|&i| (!decidable.get(i).copied().unwrap_or(false), i));
    let pages: Vec<super::CasePage> = order.into_iter().map(|i| pages[i].clone()).collect();
    super::write_index(out, &pages, &cross)?;
    writeln!(
        log,
        "report written to {}/: index.html and index.md (open index.html in a browser), cases.csv, comparison.md (every case side by side), comparison.csv, comparison.json; per case <case>/actors.csv, summary.csv, brokerage.csv, top_<measure>.csv, comparison.md, comparison.csv (each table also as JSON); columns: coprod columns",
        out.display()
    )
    .map_err(log_err)?;
    Ok(comparisons)
}

//! The comparison plots of Jinsong, from a real comparison: one figure per
//! statistic with a panel per baseline, betweenness by kind from the report's
//! actor table, and the cross-case z panel of Jinsong and LY; SVG and PNG.
//!
//! ```sh
//! cargo run --release --example plots -- [OUT_DIR] [en|zh]
//! ```
//!
//! The dial plot waits for `compare`'s dial fit: until then it is drawn on
//! made-up numbers (`dial_synthetic.svg`), to show the layout only.

use coprod::compare::{Coding, CompareOptions, Progress, baselines_named, compare};
use coprod::model::View;
use coprod::report::{ReportOptions, actor_table};
use coprod::viz::plots::Estimate;
use coprod::viz::{
    DialCurve, PlotFormat, PlotOptions, write_by_kind_plot, write_comparison_plots,
    write_cross_case_plot, write_dial_plot,
};
use std::path::PathBuf;

fn main() -> coprod::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "figures/plots".into()));
    let lang = args.next().unwrap_or_else(|| "en".into()).parse()?;
    let opts = PlotOptions {
        lang,
        format: PlotFormat::Png,
    };
    let compare_opts = CompareOptions {
        baselines: baselines_named(&["gnm", "rewire", "polycentric", "one-core"])?,
        draws: 300,
        codings: vec![Coding::Directed],
        progress: Progress::Hidden,
        ..CompareOptions::default()
    };
    let mut comparisons = Vec::new();
    for case in ["jinsong", "ly"] {
        let g = coprod::cases::load(case)?;
        let c = compare(&g, &compare_opts)?;
        let dir = out.join(case);
        let mut files = write_comparison_plots(&c, &dir, &opts)?;
        // Betweenness by kind: the report computes, viz draws plain columns.
        let table = actor_table(&View::aggregate(&g), &ReportOptions::default())?;
        let values = table
            .column("betweenness")?
            .into_iter()
            .map(|(id, v)| Ok((g.actor(g.actor_index(id)?).kind, v)))
            .collect::<coprod::Result<Vec<_>>>()?;
        files.extend(write_by_kind_plot(
            case,
            "betweenness",
            &values,
            &dir.join("betweenness_by_kind"),
            &opts,
        )?);
        println!("{case}: {} files in {}", files.len(), dir.display());
        comparisons.push(c);
    }
    for f in write_cross_case_plot(&comparisons, &out.join("cross_case"), &opts)? {
        println!("{}", f.display());
    }
    // Made-up numbers: the layout of the dial plot, until the dial fit lands.
    let lambda: Vec<f64> = (2..=10).map(|i| f64::from(i) / 10.0).collect();
    let curve = DialCurve {
        statistic: "betweenness_centralization".into(),
        mean: lambda.iter().map(|l| 0.1 + 0.4 * l * l).collect(),
        sd: lambda.iter().map(|l| 0.03 + 0.03 * l).collect(),
        lambda,
        observed: Some(0.3),
        estimate: Some(Estimate {
            value: 0.78,
            low: 0.68,
            high: 0.88,
        }),
    };
    for f in write_dial_plot("synthetic", &curve, &out.join("dial_synthetic"), &opts)? {
        println!("{}", f.display());
    }
    Ok(())
}

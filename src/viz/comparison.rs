//! The comparison plots fed with a [`Comparison`]: the adapter from
//! `compare`'s results to the plain inputs of [`plots`](super::plots).
//!
//! * [`write_comparison_plots`]: per statistic of the headline coding, one
//!   figure with a panel per baseline ([`BaselineGrid`]): the histogram of
//!   its draws ([`BaselineSummary::values`](crate::compare::BaselineSummary::values)), the case's value, `z` and the
//!   Monte-Carlo p-value in the tail the one-core claim predicts
//!   ([`Summary::p_claimed`](crate::compare::Summary::p_claimed)); a
//!   counterfactual baseline ([`Draws::Once`]) is its single value.
//! * [`write_by_kind_plot`]: an actor-level measure by kind, from columns the
//!   caller computed (the report's actor table; viz never measures).
//! * [`write_cross_case_plot`]: cases × [`CROSS_CASE_STATISTICS`], each
//!   case's z against the [`CROSS_CASE_BASELINES`], recorded outcomes marked.
//! * [`write_dial_plot`]: the dial curve of a statistic with the case's λ̂,
//!   from a [`DialCurve`] (the grid means and sds and the estimate that
//!   `compare`'s dial fit returns).
//!
//! Words come from [`names`](super::names) in English or Chinese; a
//! statistic or baseline without an entry there is an error naming the ones
//! that have one. Every SVG carries a `<title>` naming the case, the
//! statistic and the baselines by their identifiers (`degree_centralization`,
//! `gnm`), whatever the language. The same comparison gives the same bytes.

use super::Lang;
use super::names::{baseline_name, plot_words, statistic_name};
use super::plots::{
    BaselineGrid, BaselinePanel, ByKind, Dial, Estimate, Plot, ZCase, ZScores, png_fonts,
};
use super::png::{PngOptions, svg_to_png};
use crate::compare::{Claim, Comparison, DialFit, Draws, StatisticResult, baseline};
use crate::error::{Error, Names, Result};
use crate::model::Kind;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// What a plot is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlotFormat {
    /// SVG only.
    #[default]
    Svg,
    /// SVG and, beside it, PNG at twice the size (for slides).
    Png,
}

impl FromStr for PlotFormat {
    type Err = Error;
    /// `svg` or `png`.
    fn from_str(s: &str) -> Result<PlotFormat> {
        match s {
            "svg" => Ok(PlotFormat::Svg),
            "png" => Ok(PlotFormat::Png),
            other => Err(Error::UnknownName {
                what: "plot format",
                value: other.to_string(),
                available: Names::of(["svg", "png"], other),
            }),
        }
    }
}

/// Options of the comparison plots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlotOptions {
    /// The language of titles, axis labels, statistics and baselines.
    /// Chinese needs a CJK font of the system ([`font_family`](super::plots::font_family)).
    pub lang: Lang,
    /// SVG, or SVG and PNG.
    pub format: PlotFormat,
}

/// The statistics of the cross-case panel: centralization, the core's
/// brokerage and betweenness, the number of centres and the hierarchy.
pub const CROSS_CASE_STATISTICS: &[&str] = &[
    "degree_centralization",
    "betweenness_centralization",
    "core_group_betweenness",
    "core_brokerage_share",
    "effective_centres",
    "krackhardt_hierarchy",
];

/// The baselines of the cross-case panel: the matched polycentric model
/// (the hypothesis' rival) and G(n, m) (density only).
pub const CROSS_CASE_BASELINES: &[&str] = &["polycentric", "gnm"];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `svg` with a `<title>` as the root element's first child.
fn titled(svg: &str, title: &str) -> String {
    match svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
    {
        Some(at) => format!(
            "{}\n<title>{}</title>{}",
            &svg[..at],
            escape(title),
            &svg[at..]
        ),
        None => svg.to_string(),
    }
}

/// Write `plot` as `<stem>.svg` (with `title`) and, for PNG, `<stem>.png`.
fn write(plot: &impl Plot, stem: &Path, title: &str, opts: &PlotOptions) -> Result<Vec<PathBuf>> {
    let svg = super::script::svg(&titled(&plot.to_svg()?, title), opts.lang)?;
    let mut out: Vec<(&str, Vec<u8>)> = Vec::new();
    if opts.format == PlotFormat::Png {
        let png = svg_to_png(
            &svg,
            &PngOptions {
                fonts: png_fonts(opts.lang),
                ..PngOptions::default()
            },
        )?;
        out.push(("png", png));
    }
    out.insert(0, ("svg", svg.into_bytes()));
    let mut files = Vec::new();
    for (ext, bytes) in out {
        let path = stem.with_extension(ext);
        std::fs::write(&path, &bytes).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        files.push(path);
    }
    Ok(files)
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })
}

/// The headline coding of `c`.
fn headline(c: &Comparison) -> Result<&crate::compare::CodingResult> {
    c.codings.first().ok_or_else(|| Error::InvalidParameter {
        name: "comparison",
        reason: format!("the comparison of {} has no coding", c.case),
    })
}

/// The panels of one statistic, one per baseline in the comparison's order.
///
/// # Errors
/// [`Error::UnknownName`] for a baseline that has no entry in
/// [`BASELINES`](crate::compare::BASELINES) or no name in `lang`.
pub fn baseline_panels(s: &StatisticResult, lang: Lang) -> Result<Vec<BaselinePanel<'_>>> {
    s.baselines
        .iter()
        .map(|b| {
            Ok(BaselinePanel {
                baseline: baseline_name(b.baseline, lang)?,
                draws: &b.values,
                z: b.summary.z,
                p: b.summary.p_claimed(s.claim),
                once: baseline(b.baseline)?.draws == Draws::Once,
                // The reason is English text of `compare`; in Chinese the
                // grid's own words say it.
                undefined: b.undefined.as_deref().filter(|_| lang == Lang::En),
            })
        })
        .collect()
}

/// The identifier-only title of a statistic's figure.
fn statistic_title(c: &Comparison, coding: &str, s: &StatisticResult) -> String {
    let names: Vec<&str> = s.baselines.iter().map(|b| b.baseline).collect();
    format!(
        "coprod comparison: case {}, coding {coding}, statistic {}, baselines {}, {} draws, seed {}",
        c.case,
        s.name,
        names.join(" "),
        c.draws,
        c.seed
    )
}

/// Write one figure per statistic of the headline coding of `c` into `dir`
/// (created if missing): `<dir>/<statistic>.svg` (and `.png`), each with one
/// panel per baseline of the comparison. Returns the files in [`PANEL`](crate::compare::PANEL) order.
///
/// ```no_run
/// use coprod::compare::{CompareOptions, Coding, baselines_named, compare};
/// use coprod::viz::{PlotOptions, write_comparison_plots};
/// let g = coprod::cases::load("jinsong")?;
/// let opts = CompareOptions {
///     baselines: baselines_named(&["gnm", "polycentric"])?,
///     draws: 200,
///     codings: vec![Coding::Directed],
///     ..CompareOptions::default()
/// };
/// let c = compare(&g, &opts)?;
/// let files = write_comparison_plots(&c, "plots/jinsong".as_ref(), &PlotOptions::default())?;
/// assert!(files.iter().any(|f| f.ends_with("degree_centralization.svg")));
/// # Ok::<(), coprod::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a comparison without a coding;
/// [`Error::UnknownName`] for a statistic or baseline without a name in
/// [`names`](super::names); [`Error::MissingFont`] for Chinese without a CJK
/// font; [`Error::Io`] naming a file that could not be written.
pub fn write_comparison_plots(
    c: &Comparison,
    dir: &Path,
    opts: &PlotOptions,
) -> Result<Vec<PathBuf>> {
    let coding = headline(c)?;
    create_dir(dir)?;
    let words = plot_words(opts.lang);
    let mut files = Vec::new();
    for s in &coding.statistics {
        let label = statistic_name(s.name, opts.lang)?;
        let observed = s.observed.get();
        let claim = match s.claim {
            Claim::Higher => words.claims[0],
            Claim::Lower => words.claims[1],
            Claim::None => words.claims[2],
        };
        let title = format!(
            "{} ({}): {label} = {}  ({claim})",
            c.case,
            coding.coding,
            observed.map_or(words.undefined.to_string(), super::plots::num)
        );
        let panels = baseline_panels(s, opts.lang)?;
        let grid = BaselineGrid {
            title: &title,
            key: words.distribution_key,
            statistic: label,
            observed,
            panels: &panels,
            lang: opts.lang,
        };
        files.extend(write(
            &grid,
            &dir.join(s.name),
            &statistic_title(c, &coding.coding.to_string(), s),
            opts,
        )?);
    }
    if let Some(fit) = &c.dial {
        for curve in dial_curves(fit) {
            let stem = dir.join(format!("dial_{}", curve.statistic));
            files.extend(write_dial_plot(&c.case, &curve, &stem, opts)?);
        }
    }
    Ok(files)
}

/// The dial curves of a fit: one per statistic the fit's distance used
/// (defined at every grid point), with the case's value and λ̂ with its
/// interval when estimated and reproduced (posterior predictive check). Empty when the fit drew nothing (e.g. `K ≤ 1`).
///
/// The means and sds are the fit's own (`DialPoint::statistics`); nothing
/// is recomputed here.
pub fn dial_curves(fit: &DialFit) -> Vec<DialCurve> {
    // Only a fit the posterior predictive check accepts is marked.
    let estimate = match (fit.lambda_hat(), fit.interval()) {
        (Some(value), Some([low, high])) => Some(Estimate { value, low, high }),
        _ => None,
    };
    let lambda: Vec<f64> = fit.grid.iter().map(|p| p.lambda).collect();
    fit.statistics
        .iter()
        .filter(|st| st.left_out.is_none())
        .filter_map(|st| {
            let at = |p: &crate::compare::DialPoint| {
                p.statistics.iter().find(|x| x.name == st.name).cloned()
            };
            let points: Option<Vec<_>> = fit.grid.iter().map(at).collect();
            let points = points?;
            let mean: Option<Vec<f64>> = points.iter().map(|x| x.mean).collect();
            let sd: Option<Vec<f64>> = points.iter().map(|x| x.sd).collect();
            Some(DialCurve {
                statistic: st.name.to_string(),
                lambda: lambda.clone(),
                mean: mean?,
                sd: sd?,
                observed: st.observed,
                estimate,
            })
        })
        .filter(|c| !c.lambda.is_empty())
        .collect()
}

/// Write a measure by kind of the case `case` as `<stem>.svg` (and `.png`):
/// `values` holds one `(kind, value)` per actor, computed by the caller
/// (e.g. a column of [`report::actor_table`](crate::report::actor_table)
/// joined to the actors' kinds); `measure` is the column's name, shown as
/// [`measure_name`](super::names::measure_name) gives it.
///
/// # Errors
/// [`Error::UnknownName`] for a measure without a name in
/// [`MEASURE_NAMES`](super::names::MEASURE_NAMES); [`Error::InvalidParameter`]
/// when no value is finite; [`Error::MissingFont`] for Chinese without a CJK
/// font; [`Error::Io`].
pub fn write_by_kind_plot(
    case: &str,
    measure: &str,
    values: &[(Kind, f64)],
    stem: &Path,
    opts: &PlotOptions,
) -> Result<Vec<PathBuf>> {
    let plot = ByKind {
        measure: super::names::measure_name(measure, opts.lang)?,
        case,
        values,
        lang: opts.lang,
    };
    if let Some(dir) = stem.parent() {
        create_dir(dir)?;
    }
    write(
        &plot,
        stem,
        &format!("coprod by kind: case {case}, measure {measure}"),
        opts,
    )
}

/// Write the cross-case panel of `cs` as `<stem>.svg` (and `.png`): one row
/// per comparison (its case, with its recorded outcome marked), one column
/// per [`CROSS_CASE_STATISTICS`] entry, the z of the headline coding against
/// each of the [`CROSS_CASE_BASELINES`] that every comparison ran (the legend
/// names them).
///
/// # Errors
/// [`Error::InvalidParameter`] for no comparison, a comparison without a
/// coding, or comparisons that ran none of the [`CROSS_CASE_BASELINES`]
/// (naming the baselines they ran); [`Error::MissingFont`]; [`Error::Io`].
pub fn write_cross_case_plot(
    cs: &[Comparison],
    stem: &Path,
    opts: &PlotOptions,
) -> Result<Vec<PathBuf>> {
    let Some(first) = cs.first() else {
        return Err(Error::InvalidParameter {
            name: "comparisons",
            reason: "no comparison to put in a cross-case panel".into(),
        });
    };
    let ran = |c: &Comparison, b: &str| -> Result<bool> {
        Ok(headline(c)?
            .statistics
            .first()
            .is_some_and(|s| s.baselines.iter().any(|x| x.baseline == b)))
    };
    let mut baselines = Vec::new();
    for &b in CROSS_CASE_BASELINES {
        let mut all = true;
        for c in cs {
            all &= ran(c, b)?;
        }
        if all {
            baselines.push(b);
        }
    }
    if baselines.is_empty() {
        let had: Vec<&str> = headline(first)?
            .statistics
            .first()
            .map(|s| s.baselines.iter().map(|b| b.baseline).collect())
            .unwrap_or_default();
        return Err(Error::InvalidParameter {
            name: "baseline",
            reason: format!(
                "the cross-case panel compares with {}; the comparisons ran {}",
                CROSS_CASE_BASELINES.join(" and "),
                had.join(", ")
            ),
        });
    }
    let statistics = CROSS_CASE_STATISTICS
        .iter()
        .map(|s| statistic_name(s, opts.lang))
        .collect::<Result<Vec<_>>>()?;
    let shown = baselines
        .iter()
        .map(|b| baseline_name(b, opts.lang))
        .collect::<Result<Vec<_>>>()?;
    let mut rows = Vec::new();
    for c in cs {
        let coding = headline(c)?;
        let z = CROSS_CASE_STATISTICS
            .iter()
            .map(|name| {
                let s = coding.statistic(name).ok_or_else(|| Error::UnknownName {
                    what: "statistic",
                    value: name.to_string(),
                    available: Names::of(coding.statistics.iter().map(|s| s.name), name),
                })?;
                Ok(baselines
                    .iter()
                    .map(|b| {
                        s.baselines
                            .iter()
                            .find(|x| x.baseline == *b)
                            .and_then(|x| x.summary.z)
                    })
                    .collect())
            })
            .collect::<Result<Vec<_>>>()?;
        rows.push(ZCase {
            label: c.case.clone(),
            outcome: c.outcome,
            z,
        });
    }
    let words = plot_words(opts.lang);
    let plot = ZScores {
        title: words.cross_case_title,
        key: words.cross_case_key,
        statistics: &statistics,
        baselines: &shown,
        cases: &rows,
        lang: opts.lang,
    };
    if let Some(dir) = stem.parent() {
        create_dir(dir)?;
    }
    let cases: Vec<&str> = cs.iter().map(|c| c.case.as_str()).collect();
    write(
        &plot,
        stem,
        &format!(
            "coprod cross-case z-scores: cases {}, statistics {}, baselines {}",
            cases.join(" "),
            CROSS_CASE_STATISTICS.join(" "),
            baselines.join(" ")
        ),
        opts,
    )
}

/// A dial curve as plain columns: for each λ of the grid the mean and sd of
/// a statistic over the dial's draws, the case's value and its λ̂ with an
/// interval — what `compare`'s dial fit returns, ready for [`write_dial_plot`].
#[derive(Debug, Clone, PartialEq)]
pub struct DialCurve {
    /// The statistic (a [`PANEL`](crate::compare::PANEL) name).
    pub statistic: String,
    /// The grid, ascending.
    pub lambda: Vec<f64>,
    /// The statistic's mean at each λ.
    pub mean: Vec<f64>,
    /// Its standard deviation at each λ.
    pub sd: Vec<f64>,
    /// The statistic on the case.
    pub observed: Option<f64>,
    /// λ̂ and its interval.
    pub estimate: Option<Estimate>,
}

/// Write the dial curve of `case` as `<stem>.svg` (and `.png`).
///
/// # Errors
/// [`Error::UnknownName`] for a statistic without a name in
/// [`names`](super::names); [`Error::SizeMismatch`] or
/// [`Error::InvalidParameter`] for columns the plot cannot show (see
/// [`Dial`]); [`Error::MissingFont`]; [`Error::Io`].
pub fn write_dial_plot(
    case: &str,
    curve: &DialCurve,
    stem: &Path,
    opts: &PlotOptions,
) -> Result<Vec<PathBuf>> {
    let label = statistic_name(&curve.statistic, opts.lang)?;
    let dial = match opts.lang {
        Lang::En => "λ (1/K = polycentric, 1 = one core)",
        _ => "λ(1/K = 多中心,1 = 一核)",
    };
    let plot = Dial {
        statistic: label,
        dial,
        lambda: &curve.lambda,
        mean: &curve.mean,
        sd: &curve.sd,
        observed: curve.observed,
        estimate: curve.estimate,
        lang: opts.lang,
    };
    if let Some(dir) = stem.parent() {
        create_dir(dir)?;
    }
    write(
        &plot,
        stem,
        &format!(
            "coprod dial: case {case}, statistic {}, {} grid points",
            curve.statistic,
            curve.lambda.len()
        ),
        opts,
    )
}

//! The comparison plots fed with real comparisons (issue 11): one figure per
//! statistic with a panel per baseline, the cross-case z panel, the by-kind
//! and dial plots, in English and Chinese.

use coprod::compare::{
    BASELINES, Coding, CompareOptions, Comparison, PANEL, Progress, baselines_named, compare,
};
use coprod::model::Kind;
use coprod::viz::comparison::{CROSS_CASE_BASELINES, CROSS_CASE_STATISTICS};
use coprod::viz::names::{baseline_name, statistic_name};
use coprod::viz::plots::{BaselineGrid, BaselinePanel, Estimate, Plot};
use coprod::viz::png::Fonts;
use coprod::viz::{
    DialCurve, Lang, PlotFormat, PlotOptions, write_by_kind_plot, write_comparison_plots,
    write_cross_case_plot, write_dial_plot,
};
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("coprod-viz-compare-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn comparison(case: &str, baselines: &[&str], draws: usize) -> Comparison {
    let g = coprod::cases::load(case).unwrap();
    let opts = CompareOptions {
        baselines: baselines_named(baselines).unwrap(),
        draws,
        codings: vec![Coding::Directed],
        progress: Progress::Hidden,
        ..CompareOptions::default()
    };
    compare(&g, &opts).unwrap()
}

/// The SVG parsed, its `<title>` and every text node.
fn parse(path: &std::path::Path) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .trim()
        .to_string();
    let texts = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect();
    (title, texts)
}

#[test]
fn every_statistic_and_baseline_has_a_name_in_both_languages() {
    for s in PANEL {
        let en = statistic_name(s.name, Lang::En).unwrap();
        let zh = statistic_name(s.name, Lang::Zh).unwrap();
        assert!(!en.is_empty() && en != zh, "{}", s.name);
        assert!(zh.chars().any(coprod::viz::png::is_cjk), "{}: {zh}", s.name);
    }
    for b in BASELINES {
        let en = baseline_name(b.name, Lang::En).unwrap();
        let zh = baseline_name(b.name, Lang::Zh).unwrap();
        assert!(!en.is_empty() && en != zh, "{}", b.name);
    }
    let e = statistic_name("centralisation", Lang::En)
        .unwrap_err()
        .to_string();
    assert!(e.contains("degree_centralization"), "{e}");
}

#[test]
fn one_figure_per_statistic_with_a_panel_per_baseline_and_the_same_bytes_twice() {
    let c = comparison("elevator_sp", &["gnm", "rewire", "polycentric"], 60);
    let (a, b) = (scratch("det-a"), scratch("det-b"));
    let opts = PlotOptions::default();
    let files = write_comparison_plots(&c, &a, &opts).unwrap();
    assert_eq!(files.len(), PANEL.len(), "{files:?}");
    for (f, s) in files.iter().zip(PANEL) {
        assert_eq!(f, &a.join(format!("{}.svg", s.name)));
        let (title, texts) = parse(f);
        assert!(title.contains(&format!("statistic {}", s.name)), "{title}");
        assert!(title.contains("case elevator_sp"), "{title}");
        let label = statistic_name(s.name, Lang::En).unwrap();
        assert!(texts[0].contains(label), "{:?}", texts[0]);
        for base in ["gnm", "rewire", "polycentric"] {
            let shown = baseline_name(base, Lang::En).unwrap();
            let n = texts
                .iter()
                .filter(|t| t.starts_with(&format!("{shown}: z = ")))
                .count();
            assert_eq!(n, 1, "{}: panel of {base} in {texts:?}", s.name);
        }
        // The case's line in each panel whose statistic is defined on the case.
        let svg = std::fs::read_to_string(f).unwrap();
        let observed = c.codings[0].statistic(s.name).unwrap().observed.get();
        let lines = svg.matches(r##"stroke="#D55E00""##).count();
        assert_eq!(lines, if observed.is_some() { 3 } else { 0 }, "{}", s.name);
    }
    let again = write_comparison_plots(&c, &b, &opts).unwrap();
    for (x, y) in files.iter().zip(&again) {
        assert_eq!(
            std::fs::read(x).unwrap(),
            std::fs::read(y).unwrap(),
            "{x:?}"
        );
    }
    // The z and p of the title are the summary's.
    let s = c.codings[0].statistic("degree_centralization").unwrap();
    let g = &s.baselines[0];
    let (_, texts) = parse(&a.join("degree_centralization.svg"));
    let want = format!(
        "G(n, m): z = {}, p = {}",
        fmt(g.summary.z.unwrap()),
        fmt(g.summary.p_claimed(s.claim).unwrap())
    );
    assert!(texts.contains(&want), "{want} in {texts:?}");
    std::fs::remove_dir_all(&a).unwrap();
    std::fs::remove_dir_all(&b).unwrap();
}

/// The plots' number format: 3 significant digits (2 decimals from 1 to
/// 10, 1 from 10 to 100, none from 100), no trailing zeros.
fn fmt(v: f64) -> String {
    let a = v.abs();
    let s = if a >= 100.0 || v == v.trunc() {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else if a >= 1.0 {
        format!("{v:.2}")
    } else if a >= 0.1 {
        format!("{v:.3}")
    } else if a >= 0.01 {
        format!("{v:.4}")
    } else {
        format!("{v:.5}")
    };
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[test]
fn a_counterfactual_drawn_once_is_a_value_and_an_undefined_case_has_no_line() {
    let draws = [0.1, 0.2, 0.2, 0.3];
    let once = [0.25];
    let panels = [
        BaselinePanel {
            baseline: "random",
            draws: &draws,
            z: Some(1.5),
            p: Some(0.2),
            once: false,
            undefined: None,
        },
        BaselinePanel {
            baseline: "without the core",
            draws: &once,
            z: None,
            p: None,
            once: true,
            undefined: None,
        },
        BaselinePanel {
            baseline: "empty",
            draws: &[],
            z: None,
            p: None,
            once: false,
            undefined: None,
        },
        BaselinePanel {
            baseline: "no core",
            draws: &[],
            z: None,
            p: None,
            once: true,
            undefined: Some("the counterfactual has no core actor"),
        },
    ];
    let grid = BaselineGrid {
        title: "t",
        key: "k",
        statistic: "s",
        observed: Some(0.4),
        panels: &panels,
        lang: Lang::En,
    };
    let svg = grid.to_svg().unwrap();
    roxmltree::Document::parse(&svg).unwrap();
    assert!(svg.contains("without the core: value 0.25"), "{svg}");
    assert!(svg.contains("random: z = 1.5, p = 0.2"), "{svg}");
    // A baseline without a defined draw has no (empty) panel: a line under
    // the key says which and why.
    assert!(!svg.contains("empty: z ="), "{svg}");
    assert!(
        svg.contains("Not shown, no defined value: empty: no defined draw"),
        "{svg}"
    );
    assert!(
        svg.contains("Not shown, no defined value: no core: the counterfactual has no core actor"),
        "{svg}"
    );
    // Two panels drawn, each with the case's line.
    assert_eq!(svg.matches(r##"stroke="#D55E00""##).count(), 2);
    assert_eq!(grid.size(), (2 * 310 + 20, 230 + 64 + 2 * 17 + 10));
    let undefined = BaselineGrid {
        observed: None,
        ..grid
    };
    assert_eq!(
        undefined
            .to_svg()
            .unwrap()
            .matches(r##"stroke="#D55E00""##)
            .count(),
        0
    );
}

#[test]
fn chinese_plots_name_a_cjk_font_or_say_there_is_none() {
    let c = comparison("elevator_sp", &["gnm", "polycentric"], 30);
    let dir = scratch("zh");
    let opts = PlotOptions {
        lang: Lang::Zh,
        format: PlotFormat::Png,
    };
    let r = write_comparison_plots(&c, &dir, &opts);
    match Fonts::system().cjk_font() {
        Some((family, _)) => {
            let files = r.unwrap();
            assert_eq!(files.len(), 2 * PANEL.len());
            let svg = std::fs::read_to_string(dir.join("degree_centralization.svg")).unwrap();
            assert!(
                svg.contains("度數中心勢") && svg.contains("匹配多中心"),
                "{svg}"
            );
            assert!(
                svg.contains(&format!(r#"font-family="{family},"#)),
                "{family}"
            );
            let png = std::fs::read(dir.join("degree_centralization.png")).unwrap();
            assert_eq!(&png[1..4], b"PNG");
        }
        None => {
            let e = r.unwrap_err();
            assert!(matches!(e, coprod::Error::MissingFont { .. }), "{e}");
            assert!(e.to_string().contains("fonts-noto-cjk"), "{e}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_cross_case_panel_shows_every_case_and_marks_outcomes() {
    let cs = [
        comparison("elevator_sp", &["gnm", "polycentric"], 30),
        comparison("ly", &["gnm", "polycentric"], 30),
    ];
    let dir = scratch("cross");
    let files =
        write_cross_case_plot(&cs, &dir.join("cross_case"), &PlotOptions::default()).unwrap();
    assert_eq!(files, [dir.join("cross_case.svg")]);
    let (title, texts) = parse(&files[0]);
    for s in CROSS_CASE_STATISTICS {
        assert!(title.contains(s), "{title}");
    }
    assert!(title.ends_with(&format!("baselines {}", CROSS_CASE_BASELINES.join(" "))));
    for t in ["elevator_sp", "ly", "matched polycentric", "G(n, m)"] {
        assert!(texts.iter().any(|x| x == t), "{t} in {texts:?}");
    }
    // elevator_sp records a success; ly records no outcome.
    assert_eq!(cs[0].outcome, Some(coprod::model::OutcomeStatus::Succeeded));
    assert_eq!(cs[1].outcome, None);
    assert_eq!(texts.iter().filter(|x| *x == "succeeded").count(), 1);
    let rewired = [comparison("elevator_sp", &["rewire"], 10)];
    let e = write_cross_case_plot(&rewired, &dir.join("x"), &PlotOptions::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("polycentric") && e.contains("rewire"), "{e}");
    assert!(write_cross_case_plot(&[], &dir.join("x"), &PlotOptions::default()).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn by_kind_and_dial_plots_take_plain_columns() {
    let dir = scratch("kind-dial");
    let values = [
        (Kind::Party, 0.4),
        (Kind::Party, 0.1),
        (Kind::Resident, 0.0),
        (Kind::Resident, 0.0),
    ];
    let files = write_by_kind_plot(
        "c",
        "betweenness",
        &values,
        &dir.join("b"),
        &PlotOptions::default(),
    )
    .unwrap();
    let (title, texts) = parse(&files[0]);
    assert!(title.contains("measure betweenness"), "{title}");
    assert!(
        texts.iter().any(|t| t == "c: betweenness by kind"),
        "{texts:?}"
    );
    let e = write_by_kind_plot(
        "c",
        "nonsense",
        &values,
        &dir.join("b"),
        &PlotOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("betweenness"), "{e}");
    let curve = DialCurve {
        statistic: "betweenness_centralization".into(),
        lambda: vec![0.25, 0.5, 0.75, 1.0],
        mean: vec![0.1, 0.2, 0.3, 0.5],
        sd: vec![0.02, 0.03, 0.03, 0.04],
        observed: Some(0.28),
        estimate: Some(Estimate {
            value: 0.7,
            low: 0.62,
            high: 0.8,
        }),
    };
    let files = write_dial_plot("c", &curve, &dir.join("dial"), &PlotOptions::default()).unwrap();
    let (title, texts) = parse(&files[0]);
    assert!(
        title.contains("statistic betweenness_centralization"),
        "{title}"
    );
    assert!(
        texts.iter().any(|t| t == "estimate 0.7 [0.62, 0.8]"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "observed 0.28"), "{texts:?}");
    let bad = DialCurve {
        statistic: "betweenness".into(),
        ..curve
    };
    assert!(matches!(
        write_dial_plot("c", &bad, &dir.join("dial"), &PlotOptions::default()),
        Err(coprod::Error::UnknownName { .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

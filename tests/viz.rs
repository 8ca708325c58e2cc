//! Figures: deterministic DOT, SVG that parses and names every actor, the
//! pure-Rust fallback without Graphviz, PNG with and without a CJK font.
//!
//! Tests that need Graphviz (`dot`) or a CJK font say so and return early
//! when the machine lacks them; `.ci/run` installs both.

use coprod::model::{Layers, MultiplexGraph, Provenance};
use coprod::viz::png::{Fonts, PngOptions, svg_to_png};
use coprod::viz::render::{Drawn, Engine, Renderer, render};
use coprod::viz::{
    ClusterBy, Column, Figure, FigureOptions, Format, Lang, side_by_side, write_case_figures,
};
use std::path::{Path, PathBuf};

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny");
const SNAPSHOT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/viz/tiny_aggregate.dot"
);

fn tiny() -> MultiplexGraph {
    coprod::io::load_case_dir(TINY).unwrap()
}

fn sized() -> Column {
    Column::new(
        "degree",
        vec![
            ("sub_party".into(), 2.0),
            ("community_party".into(), 5.0),
            ("residents".into(), 4.0),
            ("platform".into(), f64::NAN),
        ],
    )
}

fn has_dot() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A renderer whose Graphviz program does not exist: the same as a machine without Graphviz.
fn no_dot(engine: Engine) -> Renderer {
    Renderer {
        engine,
        dot: PathBuf::from("/nonexistent/coprod-test/dot"),
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("coprod-viz-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Every line of every drawn label appears in the SVG's text.
fn assert_svg_names_every_actor(svg: &str, fig: &Figure) {
    let doc = roxmltree::Document::parse(svg).expect("the SVG parses as XML");
    let text: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n");
    for n in &fig.nodes {
        for line in n.label.lines() {
            assert!(
                text.contains(line),
                "label line `{line}` of `{}` missing from the SVG",
                n.id
            );
        }
    }
}

#[test]
fn dot_of_the_tiny_case_matches_the_snapshot() {
    let opts = FigureOptions {
        size_by: Some(sized()),
        ..FigureOptions::default()
    };
    let dot = Figure::case(&tiny(), &opts).unwrap().dot_text();
    assert_eq!(
        dot,
        Figure::case(&tiny(), &opts).unwrap().dot_text(),
        "deterministic"
    );
    if std::env::var_os("COPROD_BLESS").is_some() {
        std::fs::write(SNAPSHOT, &dot).unwrap();
    }
    let expected = std::fs::read_to_string(SNAPSHOT)
        .expect("the snapshot (write it with COPROD_BLESS=1 and review the diff)");
    assert_eq!(
        dot, expected,
        "the DOT of tests/data/tiny changed; review, then rerun with COPROD_BLESS=1"
    );
    graphviz_rust::parse(&dot).expect("the DOT text parses back");
}

#[test]
fn figures_follow_the_codebook_styles() {
    let g = tiny();
    let fig = Figure::case(&g, &FigureOptions::default()).unwrap();
    assert_eq!(fig.nodes.len(), g.actor_count());
    assert_eq!(
        fig.edges.len(),
        g.tie_count(),
        "the aggregate figure draws every layer"
    );
    let dot = fig.dot_text();
    assert!(dot.contains(r##""residents" -> "firm" [color="#D55E00" style="dashed" tooltip="tension" dir="none""##), "{dot}");
    assert!(dot.contains(r##""firm" -> "platform" [color="#CC79A7" style="solid" tooltip="deliberation" dir="none""##), "{dot}");
    assert!(dot.contains("subgraph cluster_0"), "clusters by level");
    let by_sector = FigureOptions {
        cluster_by: ClusterBy::Sector,
        ..FigureOptions::default()
    };
    let fig = Figure::case(&g, &by_sector).unwrap();
    assert_eq!(
        fig.clusters,
        ["Party", "State", "Market", "Society", "Arenas"]
    );
    let zh = FigureOptions {
        lang: Lang::Zh,
        ..FigureOptions::default()
    };
    let fig = Figure::case(&g, &zh).unwrap();
    assert!(fig.nodes.iter().any(|n| n.label == "業委會"));
    assert_eq!(fig.clusters[0], "區");
}

#[test]
fn unknown_names_are_errors_listing_what_exists() {
    let g = tiny();
    let bad_layer = FigureOptions {
        layers: Layers::only(&["leadershp"]),
        ..FigureOptions::default()
    };
    let e = Figure::case(&g, &bad_layer).unwrap_err().to_string();
    assert!(
        e.contains("leadershp") && e.contains("leadership, administrative"),
        "{e}"
    );
    let e = Figure::layer(&g, "nope", &FigureOptions::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("nope") && e.contains("kinship"), "{e}");
    let bad_id = FigureOptions {
        size_by: Some(Column::new("x", vec![("ghost".into(), 1.0)])),
        ..FigureOptions::default()
    };
    let e = Figure::case(&g, &bad_id).unwrap_err().to_string();
    assert!(e.contains("ghost") && e.contains("sub_party"), "{e}");
    for (e, what) in [
        ("fr".parse::<Lang>().unwrap_err(), "en, zh"),
        ("pdf".parse::<Format>().unwrap_err(), "dot, svg, png"),
        (
            "kind".parse::<ClusterBy>().unwrap_err(),
            "none, level, sector",
        ),
    ] {
        assert!(e.to_string().contains(what), "{e}");
        assert!(e.is_usage());
    }
}

#[test]
fn without_graphviz_the_pure_rust_renderer_still_writes_svg() {
    let g = tiny();
    let opts = FigureOptions {
        size_by: Some(sized()),
        renderer: no_dot(Engine::Auto),
        ..FigureOptions::default()
    };
    let fig = Figure::case(&g, &opts).unwrap();
    let r = render(&fig, &opts.renderer).unwrap();
    assert_eq!(r.engine, Drawn::PureRust);
    assert_svg_names_every_actor(&r.svg, &fig);
    assert_eq!(
        r.svg,
        render(&fig, &opts.renderer).unwrap().svg,
        "deterministic"
    );
    let e = render(&fig, &no_dot(Engine::Graphviz)).unwrap_err();
    assert!(matches!(e, coprod::Error::GraphvizMissing { .. }), "{e}");
    assert!(e.to_string().contains("apt-get install graphviz"), "{e}");
    let pure = render(&fig, &Renderer::pure_rust()).unwrap();
    assert_eq!(pure.svg, r.svg);
}

#[test]
fn graphviz_svg_parses_and_names_every_actor() {
    if !has_dot() {
        eprintln!("skipped: Graphviz `dot` is not installed (apt-get install graphviz)");
        return;
    }
    let g = tiny();
    for lang in [Lang::En, Lang::Zh] {
        let opts = FigureOptions {
            lang,
            renderer: Renderer {
                engine: Engine::Graphviz,
                ..Renderer::default()
            },
            ..FigureOptions::default()
        };
        let fig = Figure::case(&g, &opts).unwrap();
        let r = render(&fig, &opts.renderer).unwrap();
        assert_eq!(r.engine, Drawn::Graphviz);
        assert_svg_names_every_actor(&r.svg, &fig);
    }
}

#[test]
fn png_needs_a_font_for_every_character() {
    let g = tiny();
    let opts = FigureOptions {
        lang: Lang::Zh,
        renderer: Renderer::pure_rust(),
        ..FigureOptions::default()
    };
    let svg = render(&Figure::case(&g, &opts).unwrap(), &opts.renderer)
        .unwrap()
        .svg;
    let latin_only = PngOptions {
        fonts: Fonts::bundled(),
        ..PngOptions::default()
    };
    let e = svg_to_png(&svg, &latin_only).unwrap_err();
    assert!(matches!(e, coprod::Error::MissingFont { .. }), "{e}");
    assert!(e.to_string().contains("fonts-noto-cjk"), "{e}");
    let en = FigureOptions {
        renderer: Renderer::pure_rust(),
        ..FigureOptions::default()
    };
    let svg_en = render(&Figure::case(&g, &en).unwrap(), &en.renderer)
        .unwrap()
        .svg;
    let png = svg_to_png(&svg_en, &latin_only).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let system = PngOptions::default();
    if system.fonts.uncovered(&['黨', '業']).is_empty() {
        assert_eq!(&svg_to_png(&svg, &system).unwrap()[..4], b"\x89PNG");
    } else {
        eprintln!("skipped the Chinese PNG: no CJK font (apt-get install fonts-noto-cjk)");
    }
}

#[test]
fn side_by_side_needs_the_same_actors() {
    let g = tiny();
    let mut rewired =
        MultiplexGraph::with_meta(g.meta().clone(), g.extra_layers().to_vec()).unwrap();
    for a in g.actors() {
        rewired.add_actor(a.clone()).unwrap();
    }
    for (s, t) in [
        ("office", "firm"),
        ("owners", "housing"),
        ("residents", "platform"),
    ] {
        rewired
            .add_tie(s, t, "resource", 1.0, Provenance::default())
            .unwrap();
    }
    let opts = FigureOptions {
        renderer: Renderer::pure_rust(),
        ..FigureOptions::default()
    };
    let r = side_by_side(&g, &rewired, ("case", "baseline"), &opts).unwrap();
    let doc = roxmltree::Document::parse(&r.svg).unwrap();
    let text: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(text.contains(&"case") && text.contains(&"baseline"));
    if has_dot() {
        let gv = FigureOptions {
            renderer: Renderer {
                engine: Engine::Graphviz,
                ..Renderer::default()
            },
            ..FigureOptions::default()
        };
        let r = side_by_side(&g, &rewired, ("case", "baseline"), &gv).unwrap();
        assert_eq!(r.engine, Drawn::Graphviz);
        assert_svg_names_every_actor(&r.svg, &Figure::case(&rewired, &gv).unwrap());
        let at =
            coprod::viz::render::positions(&Figure::case(&g, &gv).unwrap(), &gv.renderer).unwrap();
        assert_eq!(
            at.len(),
            g.actor_count(),
            "every actor has a position to pin"
        );
    }
    let mut fewer = MultiplexGraph::with_meta(g.meta().clone(), vec![]).unwrap();
    fewer.add_actor(g.actor(0).clone()).unwrap();
    let e = side_by_side(&g, &fewer, ("a", "b"), &opts)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("same actors") && e.contains("community_party"),
        "{e}"
    );
}

#[test]
fn write_case_figures_writes_dot_beside_every_svg() {
    let dir = scratch("tiny");
    let opts = FigureOptions {
        renderer: no_dot(Engine::Auto),
        size_by: Some(sized()),
        ..FigureOptions::default()
    };
    let w = write_case_figures(&tiny(), &opts, Format::Svg, &dir).unwrap();
    assert_eq!(w.engine, Some(Drawn::PureRust));
    let names: Vec<String> = w
        .files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for f in [
        "aggregate.dot",
        "aggregate.svg",
        "layer_tension.dot",
        "layer_kinship.svg",
        "layers.svg",
        "arenas.dot",
        "arenas.svg",
    ] {
        assert!(names.iter().any(|n| n == f), "{f} not in {names:?}");
    }
    for svg in w
        .files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "svg"))
    {
        let text = std::fs::read_to_string(svg).unwrap();
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", svg.display()));
        if !svg.ends_with("layers.svg") {
            assert!(Path::new(&svg.with_extension("dot")).exists());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_bundled_case_renders_aggregate_and_layers() {
    let dir = scratch("bundled");
    for name in coprod::cases::names() {
        let g = coprod::cases::load(name).unwrap();
        let w = write_case_figures(&g, &FigureOptions::default(), Format::Svg, &dir.join(name))
            .unwrap();
        assert!(w.files.len() >= 4, "{name}: {:?}", w.files);
        let agg = std::fs::read_to_string(dir.join(name).join("aggregate.svg")).unwrap();
        assert_svg_names_every_actor(&agg, &Figure::case(&g, &FigureOptions::default()).unwrap());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

mod plots {
    use coprod::model::Kind;
    use coprod::viz::Lang;
    use coprod::viz::plots::{
        ByKind, CrossCase, CrossCaseCell, Dial, Distribution, Estimate, Interval, Plot,
    };

    fn parses(svg: &str) {
        roxmltree::Document::parse(svg).expect("the plot's SVG parses");
    }

    fn texts(svg: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(svg).unwrap();
        doc.descendants()
            .filter_map(|n| n.text())
            .map(|t| t.trim().to_string())
            .collect()
    }

    #[test]
    fn a_distribution_marks_the_observed_value_and_is_the_same_every_time() {
        let draws: Vec<f64> = (0..200)
            .map(|i| ((i * 37) % 101) as f64 / 100.0)
            .chain([f64::NAN])
            .collect();
        let p = Distribution {
            statistic: "density",
            baseline: "null",
            draws: &draws,
            observed: 0.9,
        };
        let svg = p.to_svg().unwrap();
        parses(&svg);
        assert!(
            svg.contains("observed 0.9") && svg.contains("1 undefined draws left out"),
            "{svg}"
        );
        assert_eq!(
            p.to_png().unwrap(),
            p.to_png().unwrap(),
            "PNG pixels are deterministic"
        );
        let none = Distribution {
            draws: &[f64::NAN],
            ..p.clone()
        };
        assert!(matches!(
            none.to_svg(),
            Err(coprod::Error::InvalidParameter { .. })
        ));
        let nan = Distribution {
            observed: f64::NAN,
            ..p
        };
        assert!(nan.to_svg().unwrap_err().to_string().contains("observed"));
    }

    #[test]
    fn a_dial_needs_columns_of_one_length() {
        let lambda = [0.0, 0.5, 1.0];
        let p = Dial {
            statistic: "centralization",
            dial: "λ",
            lambda: &lambda,
            mean: &[0.1, 0.2, 0.4],
            sd: &[0.01, 0.02, 0.03],
            observed: Some(0.3),
            estimate: Some(Estimate {
                value: 0.7,
                low: 0.6,
                high: 0.8,
            }),
            lang: Lang::En,
        };
        let svg = p.to_svg().unwrap();
        parses(&svg);
        assert!(svg.contains("estimate 0.7 [0.6, 0.8]"), "{svg}");
        let short = Dial {
            sd: &[0.1],
            ..p.clone()
        };
        assert!(matches!(
            short.to_svg(),
            Err(coprod::Error::SizeMismatch { .. })
        ));
        let unsorted = Dial {
            lambda: &[1.0, 0.5, 0.0],
            ..p
        };
        assert!(matches!(
            unsorted.to_svg(),
            Err(coprod::Error::InvalidParameter { .. })
        ));
    }

    #[test]
    fn by_kind_and_cross_case_panels_draw_plain_columns() {
        let values = [
            (Kind::Party, 0.5),
            (Kind::Party, 0.3),
            (Kind::Party, 0.2),
            (Kind::Party, 0.1),
            (Kind::Resident, 0.05),
            (Kind::Arena, f64::NAN),
        ];
        let svg = ByKind {
            measure: "betweenness",
            case: "tiny",
            values: &values,
            lang: Lang::En,
        }
        .to_svg()
        .unwrap();
        parses(&svg);
        assert!(
            svg.contains("party") && svg.contains("arena (1 NaN)"),
            "{svg}"
        );
        assert!(
            ByKind {
                measure: "x",
                case: "c",
                values: &[(Kind::Party, f64::NAN)],
                lang: Lang::En,
            }
            .to_svg()
            .is_err()
        );
        let cells: Vec<CrossCaseCell> = ["a", "b"]
            .iter()
            .flat_map(|c| {
                ["s1", "s2"].iter().map(move |s| CrossCaseCell {
                    case: c.to_string(),
                    statistic: s.to_string(),
                    observed: 0.4,
                    baseline: Some(Interval {
                        low: 0.1,
                        mid: 0.2,
                        high: 0.3,
                    }),
                })
            })
            .collect();
        let svg = CrossCase {
            title: "panel",
            cells: &cells,
        }
        .to_svg()
        .unwrap();
        parses(&svg);
        let t = texts(&svg);
        for name in ["s1", "s2", "a", "b", "panel"] {
            assert!(t.iter().any(|x| x == name), "{name} not in {t:?}");
        }
        assert!(
            CrossCase {
                title: "empty",
                cells: &[]
            }
            .to_svg()
            .is_err()
        );
    }
}

mod cli {
    use std::process::Command;

    #[test]
    fn figure_without_graphviz_on_path_falls_back_and_says_so() {
        let out = super::scratch("cli");
        let empty = super::scratch("empty-path");
        std::fs::create_dir_all(&empty).unwrap();
        let run = Command::new(env!("CARGO_BIN_EXE_coprod"))
            .args(["figure", super::TINY, "--size-by", "betweenness", "--out"])
            .arg(&out)
            .env("PATH", &empty)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{stderr}");
        assert!(stderr.contains("apt-get install graphviz"), "{stderr}");
        let svg = std::fs::read_to_string(out.join("tiny").join("aggregate.svg")).unwrap();
        roxmltree::Document::parse(&svg).unwrap();
        assert!(out.join("tiny").join("aggregate.dot").exists());
        let _ = std::fs::remove_dir_all(&out);
        let _ = std::fs::remove_dir_all(&empty);
    }

    #[test]
    fn figure_rejects_unknown_names_with_exit_2() {
        for args in [
            ["--size-by", "betweenes"],
            ["--layer", "leadershp"],
            ["--lang", "fr"],
            ["--format", "pdf"],
            ["--by", "kind"],
            ["--renderer", "neato"],
        ] {
            let out = super::scratch("never-written");
            let run = Command::new(env!("CARGO_BIN_EXE_coprod"))
                .args(["figure", super::TINY, "--out"])
                .arg(&out)
                .args(args)
                .output()
                .unwrap();
            assert!(
                !out.exists(),
                "{args:?}: nothing is written on a usage error"
            );
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert_eq!(run.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains("available"), "{args:?}: {stderr}");
        }
    }
}

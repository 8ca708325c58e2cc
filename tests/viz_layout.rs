//! The pure-Rust layout (`COPROD_ENGINE=pure-rust`, or no Graphviz): the
//! legend's shapes, one band per level, every label inside its box in both
//! languages, and its edge crossings against Graphviz's on the 37-actor
//! Jinsong case.

use coprod::model::{Kind, Level};
use coprod::viz::inspect::{COLUMN_WIDTH_PT, edge_crossings, svg_width_pt};
use coprod::viz::names::level_name;
use coprod::viz::render::{Engine, Renderer, render};
use coprod::viz::style::kind_style;
use coprod::viz::text::line_width;
use coprod::viz::{Figure, FigureOptions, Lang};

fn pure(lang: Lang) -> FigureOptions {
    FigureOptions {
        lang,
        renderer: Renderer::pure_rust(),
        ..FigureOptions::default()
    }
}

/// The numbers of the `points` attribute of a polygon, or the box of a rect / ellipse: `(x0, x1)`.
fn horizontal_extent(node: roxmltree::Node<'_, '_>) -> (f64, f64) {
    let shape = node
        .children()
        .find(|c| matches!(c.tag_name().name(), "polygon" | "rect" | "ellipse"))
        .expect("a shape");
    let f = |a: &str| shape.attribute(a).unwrap().parse::<f64>().unwrap();
    match shape.tag_name().name() {
        "rect" => (f("x"), f("x") + f("width")),
        "ellipse" => (f("cx") - f("rx"), f("cx") + f("rx")),
        _ => {
            let xs: Vec<f64> = shape
                .attribute("points")
                .unwrap()
                .split_whitespace()
                .map(|p| p.split(',').next().unwrap().parse().unwrap())
                .collect();
            (
                xs.iter().copied().fold(f64::INFINITY, f64::min),
                xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            )
        }
    }
}

fn expected_element(k: Kind) -> &'static str {
    match kind_style(k).shape {
        "box" => "rect",
        "ellipse" => "ellipse",
        _ => "polygon",
    }
}

#[test]
fn every_bundled_case_draws_the_legends_shapes_in_level_bands_with_labels_inside() {
    for name in coprod::cases::names() {
        let g = coprod::cases::load(name).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let fig = Figure::case(&g, &pure(lang)).unwrap();
            let svg = render(&fig, &Renderer::pure_rust()).unwrap().svg;
            let doc = roxmltree::Document::parse(&svg).expect("the SVG parses");
            let nodes: Vec<_> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("node"))
                .collect();
            assert_eq!(nodes.len(), fig.nodes.len(), "{name}");
            for (n, f) in nodes.iter().zip(&fig.nodes) {
                let shape = n
                    .children()
                    .find(|c| matches!(c.tag_name().name(), "polygon" | "rect" | "ellipse"))
                    .unwrap();
                assert_eq!(
                    shape.tag_name().name(),
                    expected_element(f.kind),
                    "{name} {}",
                    f.id
                );
                assert_eq!(shape.attribute("fill"), Some(f.style.fill));
                let (x0, x1) = horizontal_extent(*n);
                let text = n.children().find(|c| c.has_tag_name("text")).unwrap();
                let size: f64 = text.attribute("font-size").unwrap().parse().unwrap();
                for span in text.children().filter(|c| c.has_tag_name("tspan")) {
                    let line = span.text().unwrap_or("");
                    let w = line_width(line, size);
                    assert!(
                        w + 4.0 <= x1 - x0,
                        "{name} {lang:?}: `{line}` is {w:.1} pt wide in a {:.1} pt box",
                        x1 - x0
                    );
                }
            }
            // One band per level present, in level order, named in the figure's language.
            let bands: Vec<String> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("cluster"))
                .map(|n| {
                    n.descendants()
                        .find(|c| c.has_tag_name("text"))
                        .and_then(|t| t.text())
                        .unwrap_or("")
                        .to_string()
                })
                .collect();
            let levels: Vec<String> = Level::ALL
                .iter()
                .filter(|l| g.actors().any(|a| a.level == **l))
                .map(|l| coprod::viz::script::convert(level_name(*l, lang), fig.lang).unwrap())
                .collect();
            assert_eq!(bands, levels, "{name} {lang:?}");
        }
    }
}

/// Crossings of the Jinsong aggregate (37 actors) in both layouts, counted
/// on the drawn paths by the same reader. Printed for the README; the
/// pure-Rust layout must not cross more than Graphviz's by more than half.
#[test]
fn jinsong_crossings_pure_rust_against_graphviz() {
    let g = coprod::cases::load("jinsong").unwrap();
    let fig = Figure::case(&g, &pure(Lang::En)).unwrap();
    let svg = render(&fig, &Renderer::pure_rust()).unwrap().svg;
    let ours = edge_crossings(&svg);
    let width = svg_width_pt(&svg).unwrap();
    println!(
        "pure-rust: {} ties, {ours} crossings, {width:.0} pt wide (labels print at {:.1} pt in an 8.5 cm column)",
        fig.edges.len(),
        10.0 * COLUMN_WIDTH_PT / width
    );
    let graphviz = Renderer {
        engine: Engine::Graphviz,
        ..Renderer::default()
    };
    match render(&fig, &graphviz) {
        Ok(r) => {
            let theirs = edge_crossings(&r.svg);
            let w = svg_width_pt(&r.svg).unwrap();
            println!(
                "graphviz:  {theirs} crossings, {w:.0} pt wide (labels print at {:.1} pt)",
                10.0 * COLUMN_WIDTH_PT / w
            );
            assert!(
                ours as f64 <= 1.5 * theirs as f64,
                "pure-rust {ours} crossings, Graphviz {theirs}"
            );
        }
        Err(coprod::Error::GraphvizMissing { .. }) => {
            println!("skipped the comparison: Graphviz (`dot`) is not installed")
        }
        Err(e) => panic!("{e}"),
    }
}

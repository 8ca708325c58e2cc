//! Chinese in one script: `zh-Hans` figures are all Simplified, `zh-Hant`
//! all Traditional, `zh` follows the case's own labels (Jinsong's are
//! Traditional, X district's Simplified).

use coprod::viz::render::{Renderer, render};
use coprod::viz::script::{convert, script_of};
use coprod::viz::{Figure, FigureOptions, Lang};

/// The text content of an SVG document (between tags).
fn text_of(svg: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in svg.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

fn drawn(case: &str, lang: Lang) -> String {
    let g = coprod::cases::load(case).unwrap();
    let opts = FigureOptions {
        lang,
        renderer: Renderer::pure_rust(),
        ..FigureOptions::default()
    };
    render(&Figure::case(&g, &opts).unwrap(), &opts.renderer)
        .unwrap()
        .svg
}

#[test]
fn every_bundled_figure_is_in_one_script() {
    for case in coprod::cases::names() {
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            let text = text_of(&drawn(case, lang));
            assert!(
                text.chars().any(|c| c as u32 >= 0x4E00),
                "{case}: no Chinese"
            );
            assert_eq!(
                convert(&text, lang).unwrap(),
                text,
                "{case} {lang:?}: some text is in the other script"
            );
        }
    }
}

#[test]
fn zh_follows_the_script_of_the_cases_labels() {
    let jinsong = coprod::cases::load("jinsong").unwrap();
    let x = coprod::cases::load("x_district").unwrap();
    assert_eq!(script_of(&jinsong).unwrap(), Lang::ZhHant);
    assert_eq!(script_of(&x).unwrap(), Lang::ZhHans);
    let svg = drawn("x_district", Lang::Zh);
    assert!(
        svg.contains("行动者") && svg.contains("关系层"),
        "legend in Simplified"
    );
    assert!(!svg.contains("行動者"));
    let svg = drawn("jinsong", Lang::Zh);
    assert!(svg.contains("行動者") && svg.contains("黨組織"));
    assert_eq!(
        Figure::case(
            &x,
            &FigureOptions {
                lang: Lang::Zh,
                ..FigureOptions::default()
            }
        )
        .unwrap()
        .lang,
        Lang::ZhHans
    );
}

//! The report page as a reader sees it: headless Chromium screenshots of the
//! top of the page (the answer cards and the cross-case table) and of one
//! case section. Skips, saying why, only when Chromium is not installed
//! (`.ci/run` installs it). The screenshots are kept in
//! `target/report-screenshots/` to look at.

use coprod::report::{
    ANSWER_NOT_RUN, Block, CasePage, PageBlock, PageTable, index_html, write_index,
};
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(PathBuf::from)
        .find(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

fn page(dir: &Path) -> Vec<CasePage> {
    let g = coprod::cases::load("elevator_sy").unwrap();
    let opts = coprod::viz::FigureOptions {
        renderer: coprod::viz::Renderer::pure_rust(),
        ..Default::default()
    };
    let fig = coprod::viz::Figure::case(&g, &opts).unwrap();
    let svg = coprod::viz::render::render(&fig, &opts.renderer)
        .unwrap()
        .svg;
    let mut wide = PageTable::new("sy/wide", "A table wider than the window", &["statistic"]);
    wide.header.extend((0..30).map(|i| format!("baseline_{i}")));
    wide.rows.push(
        std::iter::once("degree_centralization".into())
            .chain((0..30).map(|i| (i as f64 / 7.0).into()))
            .collect(),
    );
    std::fs::create_dir_all(dir.join("sy")).unwrap();
    vec![CasePage {
        name: "sy".into(),
        title: g.meta().title.clone(),
        summary_line: g.summary_line(),
        svg: Some(svg),
        blocks: vec![PageBlock::One(Block::Table(wide))],
        headline: vec!["Party actors (1) as a group: degree 0.5.".into()],
        files: vec!["sy/aggregate.svg".into(), "plots/sy/".into()],
        answer: None,
    }]
}

fn shoot(browser: &Path, url: &str, png: &Path) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1400,900",
            &format!("--screenshot={}", png.display()),
            url,
        ])
        .output()
        .expect("chromium runs");
    assert!(
        png.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    // 1400 x 900 pixels (the PNG header's width and height).
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((w, h), (1400, 900));
    assert!(bytes.len() > 10_000, "an almost empty screenshot");
}

#[test]
fn the_page_opens_with_the_answer_cards_and_a_case_section_shows_its_figure() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-screenshots");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cases = page(&dir);
    let cross = vec![PageBlock::One(Block::Para("Across cases.".into()))];
    write_index(&dir, &cases, &cross).unwrap();
    let html = index_html(&cases, &cross);
    // The cards come before the first case section, and say the answer has not run.
    let cards = html.find("id=\"answers\"").unwrap();
    let case = html.find("<section id=\"sy\"").unwrap();
    assert!(cards < case);
    assert!(html[cards..case].contains(ANSWER_NOT_RUN));
    assert!(html.contains("<a href=\"plots/sy/\">"));
    // The wide table scrolls inside its box instead of being cut.
    assert!(html.contains("<div class=\"scroll\"><table"));
    let Some(browser) = chromium() else {
        println!("skipped the screenshots: Chromium is not installed (apt-get install chromium)");
        return;
    };
    let index = dir.join("index.html");
    shoot(
        &browser,
        &format!("file://{}", index.display()),
        &dir.join("top.png"),
    );
    shoot(
        &browser,
        &format!("file://{}#sy", index.display()),
        &dir.join("case.png"),
    );
    println!("screenshots: {}/top.png, case.png", dir.display());
}

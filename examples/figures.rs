//! Draw a bundled case (default Jinsong): the aggregate, each layer, the arena projection,
//! nodes sized by betweenness (computed here, passed to viz as a column).
//!
//! ```sh
//! cargo run --release --example figures -- [OUT_DIR] [en|zh] [svg|png|dot] [auto|pure-rust] [CASE]
//! ```

use coprod::measures::centrality::{BetweennessOptions, betweenness};
use coprod::model::View;
use coprod::viz::{Column, FigureOptions, Format, Renderer, write_case_figures};

fn main() -> coprod::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args.first().map_or("figures", |s| s.as_str());
    let lang = args.get(1).map_or("en", |s| s.as_str()).parse()?;
    let format: Format = args.get(2).map_or("svg", |s| s.as_str()).parse()?;
    let g = coprod::cases::load(args.get(4).map_or("jinsong", |s| s.as_str()))?;
    let view = View::aggregate(&g);
    let scores = betweenness(&view.csr(), &BetweennessOptions::default());
    let column = Column::new(
        "betweenness",
        view.ids()
            .iter()
            .map(|s| s.to_string())
            .zip(scores)
            .collect(),
    );
    let renderer = match args.get(3).map(|s| s.as_str()) {
        Some("pure-rust") => Renderer::pure_rust(),
        _ => Renderer::default(),
    };
    let opts = FigureOptions {
        lang,
        renderer,
        size_by: Some(column),
        ..FigureOptions::default()
    };
    let written = write_case_figures(&g, &opts, format, std::path::Path::new(out))?;
    for f in &written.files {
        println!("{}", f.display());
    }
    println!("drawn by {:?}", written.engine);
    Ok(())
}

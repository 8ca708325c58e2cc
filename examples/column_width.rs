//! A figure as it prints in one column of a paper (8.5 cm wide): an SVG
//! rendered to a PNG 8.5 cm wide at `DPI` (default 200), and the size its
//! smallest label then prints at.
//!
//! ```sh
//! cargo run --release --example column_width -- report/jinsong/aggregate.svg column.png [DPI]
//! ```

use coprod::viz::png::{PngOptions, svg_to_png};

fn main() -> coprod::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: column_width IN.svg OUT.png [DPI]");
        std::process::exit(2);
    };
    let dpi: f32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200.0);
    let svg = std::fs::read_to_string(input).map_err(|e| coprod::Error::Io {
        path: input.into(),
        source: e,
    })?;
    let width_pt = coprod::viz::inspect::svg_width_pt(&svg)?;
    let column_pt = 8.5 / 2.54 * 72.0;
    let px = (8.5 / 2.54 * dpi).round();
    let png = svg_to_png(
        &svg,
        &PngOptions {
            scale: px / width_pt as f32,
            max_side: 8192,
            ..PngOptions::default()
        },
    )?;
    std::fs::write(output, png).map_err(|e| coprod::Error::Io {
        path: output.into(),
        source: e,
    })?;
    let smallest = coprod::viz::inspect::smallest_font_pt(&svg);
    println!(
        "{input}: {width_pt:.0} pt wide, printed at {:.2} of its size; smallest text {smallest:.1} pt prints at {:.1} pt",
        column_pt / width_pt,
        smallest * column_pt / width_pt
    );
    Ok(())
}

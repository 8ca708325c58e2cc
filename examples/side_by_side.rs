//! Jinsong beside one polycentric-style baseline draw with the same actors
//! and, layer by layer, the same number of ties (G(n, m), seed 1): the
//! figure the comparison will draw for its baselines.
//!
//! ```sh
//! cargo run --release --example side_by_side -- [OUT_STEM] [svg|png]
//! ```

use coprod::baselines::{GnmOptions, gnm};
use coprod::viz::{FigureOptions, Format, write_side_by_side};
use std::path::Path;

fn main() -> coprod::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stem = args
        .first()
        .map_or("figures/jinsong_vs_gnm", |s| s.as_str());
    let format: Format = args.get(1).map_or("svg", |s| s.as_str()).parse()?;
    let case = coprod::cases::load("jinsong")?;
    let baseline = gnm(&case, &GnmOptions::default(), 1)?;
    let opts = FigureOptions {
        title: Some("Jinsong and a G(n, m) draw with the same actors and ties per layer".into()),
        ..FigureOptions::default()
    };
    if let Some(dir) = Path::new(stem).parent() {
        std::fs::create_dir_all(dir).map_err(|source| coprod::Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let files = write_side_by_side(
        &case,
        &baseline,
        ("case", "G(n, m) draw"),
        &opts,
        format,
        Path::new(stem),
    )?;
    for f in files {
        println!("{}", f.display());
    }
    Ok(())
}

//! The comparison plots on synthetic inputs (the comparison module will
//! supply real ones): a baseline distribution, a dial curve, a measure by
//! kind and a cross-case panel, written as SVG and PNG.
//!
//! ```sh
//! cargo run --release --example plots -- [OUT_DIR]
//! ```

use coprod::model::Kind;
use coprod::viz::Lang;
use coprod::viz::plots::{
    ByKind, CrossCase, CrossCaseCell, Dial, Distribution, Estimate, Interval, write_plot,
};
use std::path::Path;

/// Deterministic pseudo-normal draws (an LCG and Box–Muller): synthetic data only.
fn normals(n: usize, mean: f64, sd: f64, seed: u64) -> Vec<f64> {
    let mut s = seed;
    let mut next = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((s >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| {
            let (u, v) = (next(), next());
            mean + sd * (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
        })
        .collect()
}

fn main() -> coprod::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "figures/plots".into());
    let out = Path::new(&out);
    std::fs::create_dir_all(out).map_err(|source| coprod::Error::Io {
        path: out.to_path_buf(),
        source,
    })?;
    let draws = normals(1000, 0.21, 0.05, 7);
    let dist = Distribution {
        statistic: "betweenness centralization",
        baseline: "Jinsong vs polycentric baseline",
        draws: &draws,
        observed: 0.48,
    };
    let lambda: Vec<f64> = (0..=10).map(|i| i as f64 / 10.0).collect();
    let mean: Vec<f64> = lambda.iter().map(|l| 0.2 + 0.4 * l * l).collect();
    let sd: Vec<f64> = lambda.iter().map(|l| 0.05 + 0.03 * l).collect();
    let dial = Dial {
        statistic: "betweenness centralization",
        dial: "λ (0 = polycentric, 1 = party-led)",
        lambda: &lambda,
        mean: &mean,
        sd: &sd,
        observed: Some(0.48),
        estimate: Some(Estimate {
            value: 0.84,
            low: 0.7,
            high: 0.95,
        }),
        lang: Lang::En,
    };
    let values: Vec<(Kind, f64)> = [
        (Kind::Party, normals(12, 0.12, 0.08, 1)),
        (Kind::Block, normals(6, 0.06, 0.04, 2)),
        (Kind::Strip, normals(3, 0.02, 0.01, 3)),
        (Kind::Market, normals(5, 0.04, 0.03, 4)),
        (Kind::Social, normals(3, 0.01, 0.01, 5)),
        (Kind::Resident, normals(5, 0.05, 0.05, 6)),
        (Kind::Arena, normals(6, 0.08, 0.05, 8)),
    ]
    .into_iter()
    .flat_map(|(k, v)| v.into_iter().map(move |x| (k, x.max(0.0))))
    .collect();
    let by_kind = ByKind {
        measure: "betweenness",
        case: "Jinsong",
        values: &values,
        lang: Lang::En,
    };
    let stats = [
        "degree centralization",
        "betweenness centralization",
        "core share of party",
    ];
    let cases = ["jinsong", "ly", "x_district", "elevator_td", "elevator_ss"];
    let mut cells = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        for (j, stat) in stats.iter().enumerate() {
            let mid = 0.2 + 0.05 * j as f64;
            cells.push(CrossCaseCell {
                case: case.to_string(),
                statistic: stat.to_string(),
                observed: mid + 0.08 * (i as f64 - 1.5) + 0.1 * j as f64,
                baseline: Some(Interval {
                    low: mid - 0.07,
                    mid,
                    high: mid + 0.07,
                }),
            });
        }
    }
    let panel = CrossCase {
        title: "Cases against their polycentric baselines",
        cells: &cells,
    };
    for f in write_plot(&dist, &out.join("distribution"))?
        .into_iter()
        .chain(write_plot(&dial, &out.join("dial"))?)
        .chain(write_plot(&by_kind, &out.join("by_kind"))?)
        .chain(write_plot(&panel, &out.join("cross_case"))?)
    {
        println!("{}", f.display());
    }
    Ok(())
}

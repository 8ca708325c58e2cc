//! The coprod side of `scripts/bench/compare.sh`.
//!
//! ```text
//! bench_compare generate --n N --m M --seed S [--directed] --out FILE
//!     write a seeded G(n, m) edge list (`source,target,weight`, 0-based ids)
//! bench_compare time FILE --n N [--directed] --measures a,b,...
//!     load FILE, then print `measure seconds` for each measure (load not timed)
//! ```
//! Measures: betweenness, closeness, harmonic, pagerank, core_number,
//! components, transitivity — the conventions of the NetworkX functions the
//! script times (normalised betweenness; closeness to the node; etc.).

use coprod::measures::Direction;
use coprod::measures::centrality::{self, PageRankOptions};
use coprod::measures::cohesion::{self, CoreOptions};
use coprod::model::{Aggregation, Csr};
use std::hint::black_box;
use std::time::Instant;

fn arg<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(|s| s.as_str())
}

fn num(args: &[String], name: &str) -> usize {
    arg(args, name)
        .unwrap_or_else(|| panic!("missing {name}"))
        .parse()
        .unwrap_or_else(|_| panic!("{name} must be a number"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let directed = args.iter().any(|a| a == "--directed");
    match args.first().map(|s| s.as_str()) {
        Some("generate") => {
            let g = coprod::generate::gnm(
                num(&args, "--n"),
                num(&args, "--m"),
                directed,
                num(&args, "--seed") as u64,
            )
            .expect("valid G(n, m)");
            let mut out = String::from("source,target,weight\n");
            for (u, v, _) in g.edges() {
                out.push_str(&format!("{u},{v},1\n"));
            }
            std::fs::write(arg(&args, "--out").expect("missing --out"), out).expect("write");
        }
        Some("time") => {
            let path = args.get(1).expect("missing FILE");
            let text = std::fs::read_to_string(path).expect("read FILE");
            let edges: Vec<(u32, u32, f64)> = text
                .lines()
                .skip(1)
                .map(|l| {
                    let mut f = l.split(',');
                    let u = f.next().unwrap().parse().unwrap();
                    let v = f.next().unwrap().parse().unwrap();
                    (u, v, 1.0)
                })
                .collect();
            let g = Csr::from_edges(num(&args, "--n"), directed, &edges, Aggregation::Sum);
            // The undirected version for transitivity is built before timing, as the script
            // does for NetworKit.
            let u = g.to_undirected(Aggregation::Sum);
            for m in arg(&args, "--measures")
                .expect("missing --measures")
                .split(',')
            {
                let t = Instant::now();
                match m {
                    "betweenness" => {
                        drop(black_box(centrality::betweenness(&g, &Default::default())))
                    }
                    "closeness" => drop(black_box(centrality::closeness(&g, &Default::default()))),
                    "harmonic" => drop(black_box(centrality::harmonic(&g, &Default::default()))),
                    "pagerank" => drop(black_box(
                        centrality::pagerank(
                            &g,
                            &PageRankOptions {
                                tol: 1e-10,
                                ..Default::default()
                            },
                        )
                        .unwrap(),
                    )),
                    "core_number" => drop(black_box(cohesion::core_number(
                        &g,
                        &CoreOptions {
                            direction: Direction::All,
                        },
                    ))),
                    "components" => drop(black_box(cohesion::weak_components(&g))),
                    "transitivity" => {
                        black_box(cohesion::transitivity(&u));
                    }
                    other => panic!("unknown measure {other}"),
                }
                println!("{m} {:.6}", t.elapsed().as_secs_f64());
            }
        }
        _ => eprintln!("usage: bench_compare generate|time ... (see the source's doc)"),
    }
}

//! Fuzz `case.toml`: any bytes beside a small valid actors.csv and ties.csv
//! must give a graph or a located error, never a panic; a graph that loads
//! holds the case invariants (its id and layers) and round-trips through the
//! writers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

const ACTORS: &[u8] = b"id,kind,level\np,party,community\nr,resident,individual\n";
const TIES: &[u8] = b"source,target,layer\np,r,leadership\n";

fuzz_target!(|data: &[u8]| {
    let Ok(g) = coprod::io::load_case_bytes(Path::new("fuzz"), data, ACTORS, TIES) else {
        return;
    };
    let problems = coprod::model::case_problems(&g.meta().id, g.layers(), g.actor_count());
    assert!(problems.is_empty(), "{problems:?}");
    let again = coprod::io::load_case_str(
        "fuzz",
        &coprod::io::case_toml(&g),
        &coprod::io::actors_csv(&g),
        &coprod::io::ties_csv(&g),
    )
    .expect("what was written loads");
    assert_eq!(g, again);
});

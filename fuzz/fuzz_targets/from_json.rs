//! Fuzz the JSON reader: any text must give a graph or a located error,
//! never a panic; a graph that reads holds the case invariants and
//! round-trips through `to_json`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(g) = coprod::io::from_json(text) else {
        return;
    };
    let problems = coprod::model::case_problems(&g.meta().id, g.layers(), g.actor_count());
    assert!(problems.is_empty(), "{problems:?}");
    let again = coprod::io::from_json(&coprod::io::to_json(&g)).expect("what was written reads");
    assert_eq!(g, again);
});

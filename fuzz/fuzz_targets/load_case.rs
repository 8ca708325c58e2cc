//! Fuzz the case loader: any bytes as case.toml, actors.csv and ties.csv must
//! give a graph or a located error, never a panic; a graph that loads must
//! round-trip through the writers and export in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // Split the input at the first two 0xFF bytes: case.toml, actors.csv, ties.csv.
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let (a, b, c) = match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), Some(c)) => (a, b, c),
        (Some(a), Some(b), None) => (&b"id = \"f\"\n"[..], a, b),
        (Some(a), None, None) => (
            &b"id = \"f\"\n"[..],
            a,
            &b"source,target,layer,weight,doc,quote\n"[..],
        ),
        _ => return,
    };
    if let Ok(g) = coprod::io::load_case_bytes(Path::new("fuzz"), a, b, c) {
        let again = coprod::io::load_case_str(
            "fuzz",
            &coprod::io::case_toml(&g),
            &coprod::io::actors_csv(&g),
            &coprod::io::ties_csv(&g),
        )
        .expect("what was written loads");
        assert_eq!(g, again);
        let all = coprod::model::View::new(&g, &coprod::model::Layers::All).expect("all layers");
        for &f in coprod::io::ExportFormat::ALL {
            let _ = coprod::io::export(&all, f);
            let _ = coprod::io::export(&all.clone().symmetrized(), f);
        }
    }
});

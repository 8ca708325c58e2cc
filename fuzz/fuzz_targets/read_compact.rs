//! Fuzz the compact binary reader. The input's last 8 bytes are replaced by
//! the FNV-1a checksum of the rest (when it is long enough), so mutations get
//! past the checksum and reach the header, section, id, kind, level, layer
//! and tie checks. Any input must give a case or a located error, never a
//! panic or an allocation the file's bytes do not justify; a case that reads
//! must pass the case invariants, write back byte for byte, and snapshot.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fuzz_target!(|data: &[u8]| {
    let mut file = data.to_vec();
    if file.len() >= 16 {
        let body = file.len() - 8;
        let sum = fnv(&file[..body]);
        file[body..].copy_from_slice(&sum.to_le_bytes());
    }
    let Ok(case) = coprod::io::read_compact_bytes(&file, Path::new("fuzz.coprod")) else {
        return;
    };
    let problems = coprod::model::case_problems(&case.meta().id, case.layers(), case.actor_count());
    assert!(problems.is_empty(), "{problems:?}");
    for i in 0..case.actor_count() {
        assert!(coprod::model::is_valid_id(case.id(i)));
    }
    let mask = case.layer_mask(&["all"]).expect("all layers");
    let csr = case
        .csr(&mask, false, coprod::model::Aggregation::Sum)
        .expect("a snapshot");
    assert_eq!(csr.node_count(), case.actor_count());
    // What was read converts to a full graph (the same invariants hold there).
    let g = case.to_multiplex().expect("a case that reads is a graph");
    assert_eq!(g.tie_count(), case.tie_count());
});

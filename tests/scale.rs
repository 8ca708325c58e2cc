//! The large-graph path: the compact case and its binary file, the streaming
//! CSV writer, the community generator's variants, and `analyse`, each
//! checked against the full multiplex path it stands in for.

use coprod::generate::{COMMUNITY_LAYERS, Community, CommunitySpec, Variant, community};
use coprod::io::{read_compact, write_case_csv, write_compact};
use coprod::measures::centrality::{self, DegreeOptions, DegreeScale, PageRankOptions};
use coprod::measures::cohesion::{self, ClusteringOptions, CoreOptions};
use coprod::model::{Aggregation, CaseSource, CompactCase, Kind, Layers, MultiplexGraph, View};
use coprod::progress::Progress;
use coprod::report::{ScaleMeasure, ScaleOptions, analyse};
use coprod::{Error, cases};
use std::path::{Path, PathBuf};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("coprod-scale-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Actors (id, kind, level) and ties (source, target, layer name, weight) of a graph.
type Flat = (
    Vec<(String, Kind, String)>,
    Vec<(usize, usize, String, f64)>,
);

fn flat(g: &MultiplexGraph) -> Flat {
    (
        g.actors()
            .map(|a| (a.id.clone(), a.kind, a.level.to_string()))
            .collect(),
        g.ties()
            .map(|t| (t.source, t.target, g.layer(t.layer).name.clone(), t.weight))
            .collect(),
    )
}

#[test]
fn every_bundled_case_round_trips_through_the_binary_file() {
    let dir = tmp("roundtrip");
    for name in cases::names() {
        let g = cases::load(name).unwrap();
        let path = dir.join(format!("{name}.coprod"));
        write_compact(&g, &path, Progress::Hidden).unwrap();
        let back = read_compact(&path).unwrap();
        assert_eq!(back, CompactCase::from_source(&g).unwrap(), "{name}");
        let m = back.to_multiplex().unwrap();
        assert_eq!(flat(&m), flat(&g), "{name}");
        assert_eq!(m.meta(), g.meta(), "{name}");
        // Same bytes when written again from what was read.
        let again = dir.join(format!("{name}.again.coprod"));
        write_compact(&back, &again, Progress::Hidden).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&again).unwrap()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn compact_snapshots_equal_the_views_snapshots() {
    for name in cases::names() {
        let g = cases::load(name).unwrap();
        let c = CompactCase::from_source(&g).unwrap();
        for layers in [
            Layers::Positive,
            Layers::All,
            Layers::only(&["leadership"]),
            Layers::only(&["deliberation", "information"]),
        ] {
            let names: Vec<String> = match &layers {
                Layers::Positive => vec!["positive".into()],
                Layers::All => vec!["all".into()],
                Layers::Only(v) => v.clone(),
            };
            let mask = c.layer_mask(&names).unwrap();
            for symmetric in [false, true] {
                for agg in [Aggregation::Sum, Aggregation::Count, Aggregation::Max] {
                    let mut v = View::new(&g, &layers).unwrap().with_aggregation(agg);
                    if symmetric {
                        v = v.symmetrized();
                    }
                    assert_eq!(
                        c.csr(&mask, symmetric, agg).unwrap(),
                        v.csr(),
                        "{name} {names:?} symmetric {symmetric} {agg:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn unknown_layers_and_bad_masks_are_errors_that_list_the_layers() {
    let c = CompactCase::from_source(&cases::load("jinsong").unwrap()).unwrap();
    let e = c.layer_mask(&["leadrship"]).unwrap_err();
    assert!(matches!(e, Error::UnknownLayer { .. }), "{e}");
    assert!(e.to_string().contains("leadership"), "{e}");
    assert!(matches!(
        c.csr(&[true], false, Aggregation::Sum),
        Err(Error::SizeMismatch { .. })
    ));
    assert!(matches!(
        c.index_of("nobody"),
        Err(Error::UnknownActor { .. })
    ));
    assert_eq!(
        c.id(c.index_of("community_party_committee").unwrap()),
        "community_party_committee"
    );
}

/// FNV-1a 64, written here independently of the library's.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// A valid file's bytes with `edit` applied and the checksum recomputed.
fn edited(bytes: &[u8], edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut b = bytes[..bytes.len() - 8].to_vec();
    edit(&mut b);
    let h = fnv(&b);
    b.extend_from_slice(&h.to_le_bytes());
    b
}

/// Offsets of a version-1 file's sections: (ids, id lengths, kinds, levels, ties).
fn sections(b: &[u8]) -> (usize, usize, usize, usize, usize) {
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap()) as usize;
    let n = word(8);
    let meta_len = word(32);
    let layers_at = 40 + meta_len;
    let ids_at = layers_at + 8 + word(layers_at);
    let lens_at = ids_at + 8 + word(ids_at);
    let kinds_at = lens_at + 4 * n;
    (
        ids_at + 8,
        lens_at,
        kinds_at,
        kinds_at + n,
        kinds_at + 2 * n,
    )
}

fn read_err(dir: &Path, name: &str, bytes: &[u8]) -> (u64, String) {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    match read_compact(&p) {
        Err(Error::BinaryFormat {
            path,
            offset,
            reason,
        }) => {
            assert_eq!(path, p);
            let shown = Error::BinaryFormat {
                path,
                offset,
                reason: reason.clone(),
            }
            .to_string();
            assert!(
                shown.contains(name) && shown.contains(&format!("byte offset {offset}")),
                "{shown}"
            );
            (offset, reason)
        }
        other => panic!("{name}: expected a BinaryFormat error, got {other:?}"),
    }
}

#[test]
fn damaged_files_are_typed_errors_naming_the_offset_and_the_value() {
    let dir = tmp("damaged");
    let g = cases::load("jinsong").unwrap();
    let good = dir.join("good.coprod");
    write_compact(&g, &good, Progress::Hidden).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let (ids_at, _lens_at, kinds_at, levels_at, ties_at) = sections(&bytes);

    // Every truncation is an error, never a panic, and never a graph.
    for cut in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
        let p = dir.join("cut.coprod");
        std::fs::write(&p, &bytes[..cut]).unwrap();
        assert!(
            matches!(read_compact(&p), Err(Error::BinaryFormat { .. })),
            "cut at {cut}"
        );
    }
    let (_, why) = read_err(&dir, "short.coprod", &bytes[..ties_at + 4]);
    assert!(
        why.contains("truncated") || why.contains("more than the"),
        "{why}"
    );
    // A truncation with a checksum that fits what is left: the ties section ends early.
    let (_, why) = read_err(
        &dir,
        "cut-ties.coprod",
        &edited(&bytes[..ties_at + 12 + 8], |_| {}),
    );
    assert!(
        why.contains("truncated") && why.contains("the ties"),
        "{why}"
    );

    let (off, why) = read_err(&dir, "magic.coprod", &edited(&bytes, |b| b[0] = b'C'));
    assert!(
        off == 0 && why.contains("not a coprod compact file"),
        "{why}"
    );
    let (off, why) = read_err(&dir, "version.coprod", &edited(&bytes, |b| b[7] = 2));
    assert!(off == 7 && why.contains("version 2"), "{why}");

    let mut flipped = bytes.clone();
    flipped[ties_at + 1] ^= 0x10;
    let (_, why) = read_err(&dir, "flipped.coprod", &flipped);
    assert!(why.contains("checksum"), "{why}");

    let mut longer = bytes.clone();
    longer.push(0);
    let (_, why) = read_err(&dir, "longer.coprod", &longer);
    assert!(why.contains("checksum"), "{why}");
    let (_, why) = read_err(
        &dir,
        "extra.coprod",
        &edited(&longer[..longer.len() - 1], |b| b.push(0)),
    );
    assert!(why.contains("bytes after the ties"), "{why}");

    let n = g.actor_count() as u32;
    let (off, why) = read_err(
        &dir,
        "end.coprod",
        &edited(&bytes, |b| {
            b[ties_at + 9 * 3..ties_at + 9 * 3 + 4].copy_from_slice(&(n + 5).to_le_bytes())
        }),
    );
    assert!(
        off == (ties_at + 27) as u64 && why.contains(&format!("tie 3: end {}", n + 5)),
        "{why}"
    );
    let (_, why) = read_err(
        &dir,
        "layer.coprod",
        &edited(&bytes, |b| b[ties_at + 8] = 40),
    );
    assert!(why.contains("tie 0: layer 40"), "{why}");
    let (_, why) = read_err(
        &dir,
        "loop.coprod",
        &edited(&bytes, |b| {
            let src: [u8; 4] = b[ties_at..ties_at + 4].try_into().unwrap();
            b[ties_at + 4..ties_at + 8].copy_from_slice(&src);
        }),
    );
    assert!(why.contains("self-loop"), "{why}");
    let (off, why) = read_err(
        &dir,
        "kind.coprod",
        &edited(&bytes, |b| b[kinds_at + 2] = 9),
    );
    assert!(
        off == (kinds_at + 2) as u64 && why.contains("kind code 9"),
        "{why}"
    );
    let (_, why) = read_err(&dir, "level.coprod", &edited(&bytes, |b| b[levels_at] = 7));
    assert!(
        why.contains("actor 0") && why.contains("level code 7"),
        "{why}"
    );
    // Ids are checked byte by byte as they are read (issue 19: before a lying
    // length is held in memory), so the message names the byte and its offset.
    let (_, why) = read_err(&dir, "id.coprod", &edited(&bytes, |b| b[ids_at] = b' '));
    assert!(
        why.contains("byte 0x20 in the ids, which no valid id holds"),
        "{why}"
    );
    // Two ids made equal: the first pair of ids of one length, the later one overwritten.
    let c = CompactCase::from_source(&g).unwrap();
    let (i, j) = (0..c.actor_count())
        .flat_map(|i| (i + 1..c.actor_count()).map(move |j| (i, j)))
        .find(|&(i, j)| c.id(i).len() == c.id(j).len())
        .expect("two ids of one length");
    let at = ids_at + (0..j).map(|k| c.id(k).len()).sum::<usize>();
    let first = c.id(i).to_string();
    let (_, why) = read_err(
        &dir,
        "dup.coprod",
        &edited(&bytes, |b| {
            b[at..at + first.len()].copy_from_slice(first.as_bytes())
        }),
    );
    assert!(
        why.contains(&format!(
            "actor {j}: duplicate id `{first}` (also actor {i})"
        )),
        "{why}"
    );
    let (_, why) = read_err(
        &dir,
        "size.coprod",
        &edited(&bytes, |b| {
            b[16..24].copy_from_slice(&u64::MAX.to_le_bytes())
        }),
    );
    assert!(why.contains("more than the"), "{why}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn weights_are_kept_and_a_nan_weight_is_refused() {
    // A case with a tie of weight 2.5, written weighted.
    let mut g = cases::load("ly").unwrap();
    let t = g.ties().next().unwrap().clone();
    g.add_tie_at(t.source, t.target, t.layer, 2.5, Default::default())
        .unwrap();
    assert!(CaseSource::weighted(&g));
    let dir = tmp("weights");
    let p = dir.join("w.coprod");
    write_compact(&g, &p, Progress::Hidden).unwrap();
    let c = read_compact(&p).unwrap();
    assert_eq!(c.tie(c.tie_count() - 1).3, 2.5);
    let bytes = std::fs::read(&p).unwrap();
    let (.., ties_at) = sections(&bytes);
    let (_, why) = read_err(
        &dir,
        "nan.coprod",
        &edited(&bytes, |b| {
            b[ties_at + 9..ties_at + 17].copy_from_slice(&f64::NAN.to_le_bytes())
        }),
    );
    assert!(why.contains("weight NaN"), "{why}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_streamed_csv_directory_loads_as_the_same_case() {
    let spec = CommunitySpec {
        residents: 3_000,
        ..Default::default()
    };
    let c = community(&spec, 4).unwrap();
    let dir = tmp("csv");
    write_case_csv(&c, &dir, Progress::Hidden).unwrap();
    let bin = dir.join("graph.coprod");
    write_compact(&c, &bin, Progress::Hidden).unwrap();
    let from_csv = coprod::io::load_case_dir(&dir).unwrap();
    let from_bin = read_compact(&bin).unwrap().to_multiplex().unwrap();
    assert_eq!(flat(&from_csv), flat(&from_bin));
    assert_eq!(from_csv.meta(), from_bin.meta());
    assert_eq!(from_bin.actor_count(), c.node_count());
    assert_eq!(from_bin.tie_count(), c.ties().count());
    // The generated figures make a spec again (the case's own facts).
    let again = CommunitySpec::like(&from_csv, 3_000).unwrap();
    assert_eq!(again.name, from_csv.meta().id);
    std::fs::remove_dir_all(&dir).ok();
}

fn leadership_by_sector(c: &Community) -> (usize, usize) {
    let kinds = c.kinds();
    let (mut party_to_other, mut other_led) = (0, 0);
    for (u, v, l) in c.ties() {
        if COMMUNITY_LAYERS[l as usize].0 != "leadership" {
            continue;
        }
        let (ku, kv) = (kinds[u as usize], kinds[v as usize]);
        if ku == Kind::Party && kv != Kind::Party {
            party_to_other += 1;
        }
        if ku != Kind::Party {
            other_led += 1;
        }
    }
    (party_to_other, other_led)
}

fn layer_counts(c: &Community) -> [usize; 7] {
    let mut n = [0; 7];
    for (_, _, l) in c.ties() {
        n[l as usize] += 1;
    }
    n
}

#[test]
fn the_variants_share_actors_and_tie_counts_and_differ_in_who_leads() {
    let base = CommunitySpec {
        residents: 60_000,
        ..Default::default()
    };
    let one = community(&base, 9).unwrap();
    let poly = community(
        &CommunitySpec {
            variant: Variant::Polycentric,
            ..base.clone()
        },
        9,
    )
    .unwrap();
    let dial1 = community(
        &CommunitySpec {
            variant: Variant::Dial(1.0),
            ..base.clone()
        },
        9,
    )
    .unwrap();
    let half = community(
        &CommunitySpec {
            variant: Variant::Dial(0.5),
            ..base.clone()
        },
        9,
    )
    .unwrap();
    assert_eq!(one.kinds(), poly.kinds());
    assert_eq!(one.levels(), half.levels());
    assert_eq!(layer_counts(&one), layer_counts(&poly));
    assert_eq!(layer_counts(&one), layer_counts(&half));
    // Dial(1) is the one-core community, tie for tie.
    assert!(one.ties().eq(dial1.ties()));
    // Only leadership ties differ.
    let differ = one.ties().zip(poly.ties()).filter(|(a, b)| a != b).count();
    let (s, k) = (one.subdistricts(), one.communities());
    let candidates = s + 3 * k;
    assert_eq!(differ, candidates);
    assert!(
        one.ties()
            .zip(poly.ties())
            .all(|(a, b)| a == b || (a.2 == 0 && b.2 == 0))
    );
    // One core: the party leads every re-sourceable organisation; polycentric: none.
    assert_eq!(leadership_by_sector(&one), (candidates, 0));
    assert_eq!(leadership_by_sector(&poly), (0, candidates));
    // Halfway: a Binomial(candidates, 1/2) number kept, within 4 sd.
    let (kept, moved) = leadership_by_sector(&half);
    assert_eq!(kept + moved, candidates);
    let sd = (candidates as f64 * 0.25).sqrt();
    assert!(
        (kept as f64 - candidates as f64 / 2.0).abs() < 4.0 * sd,
        "{kept} of {candidates}"
    );
}

#[test]
fn bad_variants_and_names_are_errors() {
    assert!(matches!(
        "polycentic".parse::<Variant>(),
        Err(Error::UnknownName { .. })
    ));
    assert!(matches!(
        "dial:1.5".parse::<Variant>(),
        Err(Error::InvalidParameter { .. })
    ));
    assert!(matches!(
        "dial:x".parse::<Variant>(),
        Err(Error::InvalidParameter { .. })
    ));
    let bad = CommunitySpec {
        variant: Variant::Dial(f64::NAN),
        ..Default::default()
    };
    assert!(matches!(
        community(&bad, 0),
        Err(Error::InvalidParameter {
            name: "variant",
            ..
        })
    ));
    let bad = CommunitySpec {
        name: "a b".into(),
        ..Default::default()
    };
    assert!(matches!(
        community(&bad, 0),
        Err(Error::InvalidParameter { name: "name", .. })
    ));
    assert!(matches!(
        "pagernk".parse::<ScaleMeasure>(),
        Err(Error::UnknownName { .. })
    ));
}

#[test]
fn analyse_equals_the_measures_on_the_same_view() {
    for name in ["jinsong", "ly", "elevator_sy"] {
        let g = cases::load(name).unwrap();
        let c = CompactCase::from_source(&g).unwrap();
        for symmetric in [false, true] {
            let csr = c
                .csr(&c.positive_layers(), symmetric, Aggregation::Sum)
                .unwrap();
            let mut v = View::aggregate(&g);
            if symmetric {
                v = v.symmetrized();
            }
            let direct = v.csr();
            let core = c.core_set(&"kind:party".parse().unwrap()).unwrap();
            let opts = ScaleOptions {
                measures: ScaleMeasure::ALL.to_vec(),
                progress: Progress::Hidden,
                core: Some(core.clone()),
                ..Default::default()
            };
            let r = analyse(&csr, &opts).unwrap();
            let col = |k: &str| &r.columns.iter().find(|c| c.0 == k).unwrap().1;
            let deg = centrality::degree(
                &direct,
                &DegreeOptions {
                    scale: DegreeScale::Raw,
                    ..Default::default()
                },
            );
            assert_eq!(col("degree"), &deg);
            assert_eq!(
                col("pagerank"),
                &centrality::pagerank(&direct, &PageRankOptions::default()).unwrap()
            );
            assert_eq!(
                col("core_number"),
                &cohesion::core_number(&direct, &CoreOptions::default())
            );
            assert_eq!(
                col("clustering"),
                &cohesion::local_clustering(&direct, &ClusteringOptions::default()).unwrap()
            );
            assert_eq!(
                col("betweenness"),
                &centrality::betweenness(&direct, &Default::default())
            );
            let t = r.graph.iter().find(|x| x.0 == "transitivity").unwrap().1;
            assert_eq!(t.to_bits(), cohesion::transitivity(&direct).to_bits());
            // The sampled betweenness is within ε of the exact (δ = 0.1 per run; seed fixed).
            let exact = col("betweenness");
            for k in ["approx_betweenness", "kadabra"] {
                let err = col(k)
                    .iter()
                    .zip(exact)
                    .map(|(a, b)| (a - b).abs())
                    .fold(0.0, f64::max);
                assert!(err <= 0.01, "{name} {k}: {err}");
            }
            assert_eq!(r.columns.len(), ScaleMeasure::ALL.len() - 2);
            // Group betweenness of the party within ε of the exact value.
            let gb = r
                .graph
                .iter()
                .find(|x| x.0 == "group_betweenness")
                .unwrap()
                .1;
            let exact = centrality::group_betweenness(&direct, &core, &Default::default())
                .unwrap()
                .unwrap();
            assert!((gb - exact).abs() <= 0.01, "{name}: {gb} against {exact}");
        }
    }
    let g = cases::load("ly").unwrap();
    let c = CompactCase::from_source(&g).unwrap();
    let csr = c.csr(&c.positive_layers(), true, Aggregation::Sum).unwrap();
    let twice = ScaleOptions {
        measures: vec![ScaleMeasure::Degree, ScaleMeasure::Degree],
        ..Default::default()
    };
    assert!(matches!(
        analyse(&csr, &twice),
        Err(Error::InvalidParameter {
            name: "measures",
            ..
        })
    ));
}

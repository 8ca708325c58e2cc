//! `coprod generate` and `coprod analyse` as a user runs them, and the
//! generated files read back by the other commands.
#[path = "common/cli.rs"]
mod cli;
use cli::{coprod, coprod_env};

use std::path::{Path, PathBuf};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("coprod-cli-scale-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn generate_writes_a_case_every_command_reads_back() {
    let dir = tmp("gen");
    let out = dir.join("poly");
    let (code, stdout, err) = coprod(&[
        "generate",
        "--like",
        "jinsong",
        "--residents",
        "4000",
        "--variant",
        "polycentric",
        "--seed",
        "3",
        "--out",
        s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.contains("4000 residents") && stdout.contains("variant polycentric, seed 3"),
        "{stdout}"
    );
    for f in ["case.toml", "actors.csv", "ties.csv", "graph.coprod"] {
        assert!(out.join(f).is_file(), "{f}");
    }
    let bin = out.join("graph.coprod");
    // validate: the directory (CSV) and the binary file say the same.
    let (c1, v1, e1) = coprod(&["validate", s(&out)]);
    let (c2, v2, e2) = coprod(&["validate", s(&bin)]);
    assert_eq!((c1, c2), (0, 0), "{e1} {e2}");
    assert_eq!(v1.split(": ").nth(1), v2.split(": ").nth(1), "{v1} {v2}");
    // Other commands take the binary file as a case, and agree with the CSV directory.
    for cmd in [
        vec!["nodes"],
        vec!["edges", "--layers", "leadership"],
        vec!["export", "--format", "pajek"],
    ] {
        let mut a = cmd.clone();
        a.push(s(&bin));
        let mut b = cmd.clone();
        b.push(s(&out));
        let (ca, oa, ea) = coprod(&a);
        let (cb, ob, eb) = coprod(&b);
        assert_eq!((ca, cb), (0, 0), "{cmd:?}: {ea} {eb}");
        assert_eq!(oa, ob, "{cmd:?}");
    }
    // The same seed gives the same bytes; another seed, others.
    let again = dir.join("again");
    assert_eq!(
        coprod(&[
            "generate",
            "--residents",
            "4000",
            "--variant",
            "polycentric",
            "--seed",
            "3",
            "--out",
            s(&again),
            "--binary-only"
        ])
        .0,
        0
    );
    assert_eq!(
        std::fs::read(&bin).unwrap(),
        std::fs::read(again.join("graph.coprod")).unwrap()
    );
    assert!(!again.join("ties.csv").exists());
    let other = dir.join("other");
    assert_eq!(
        coprod(&[
            "generate",
            "--residents",
            "4000",
            "--variant",
            "polycentric",
            "--seed",
            "4",
            "--out",
            s(&other),
            "--binary-only"
        ])
        .0,
        0
    );
    assert_ne!(
        std::fs::read(&bin).unwrap(),
        std::fs::read(other.join("graph.coprod")).unwrap()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn analyse_writes_one_row_per_actor_the_same_on_one_and_two_threads() {
    let dir = tmp("analyse");
    let out = dir.join("c");
    assert_eq!(
        coprod(&[
            "generate",
            "--residents",
            "6000",
            "--seed",
            "1",
            "--out",
            s(&out),
            "--binary-only"
        ])
        .0,
        0
    );
    let (a1, a2, sum) = (dir.join("a1.csv"), dir.join("a2.csv"), dir.join("s.json"));
    let (c, _, e) = coprod_env(
        &[
            "analyse",
            s(&out),
            "--symmetric",
            "-o",
            s(&a1),
            "--summary",
            s(&sum),
        ],
        &[("RAYON_NUM_THREADS", "1")],
    );
    assert_eq!(c, 0, "{e}");
    let (c, _, e) = coprod_env(
        &[
            "analyse",
            s(&out.join("graph.coprod")),
            "--symmetric",
            "-o",
            s(&a2),
        ],
        &[("RAYON_NUM_THREADS", "2")],
    );
    assert_eq!(c, 0, "{e}");
    let t1 = std::fs::read_to_string(&a1).unwrap();
    assert_eq!(t1, std::fs::read_to_string(&a2).unwrap());
    let mut lines = t1.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,kind,level,degree,pagerank,core_number,component,clustering,approx_betweenness"
    );
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sum).unwrap()).unwrap();
    assert_eq!(lines.count() as u64, j["nodes"].as_u64().unwrap());
    assert!(j["graph"]["transitivity"].as_f64().unwrap() > 0.0);
    assert!(j["seconds"]["approx_betweenness"].as_f64().is_some());
    // A bundled case and a chosen list of measures.
    let (c, o, e) = coprod(&["analyse", "jinsong", "--measures", "degree,closeness"]);
    assert_eq!(c, 0, "{e}");
    assert!(
        o.starts_with(
            "id,kind,level,degree,closeness\nstreet_party_working_committee,party,subdistrict,"
        ),
        "{o}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn mistakes_exit_2_and_damaged_files_exit_1_naming_the_file() {
    let (c, _, e) = coprod(&[
        "generate",
        "--residents",
        "100",
        "--variant",
        "polycentrik",
        "--out",
        "/tmp/never",
    ]);
    assert_eq!(c, 2);
    assert!(e.contains("polycentric") && e.contains("one-core"), "{e}");
    let (c, _, e) = coprod(&["generate", "--residents", "0", "--out", "/tmp/never"]);
    assert_eq!(c, 2, "{e}");
    let (c, _, e) = coprod(&[
        "generate",
        "--like",
        "nowhere",
        "--residents",
        "10",
        "--out",
        "/tmp/never",
    ]);
    assert_eq!(c, 2, "{e}");
    let (c, _, e) = coprod(&["analyse", "jinsong", "--measures", "degre"]);
    assert_eq!(c, 2);
    assert!(e.contains("degree"), "{e}");
    let (c, _, e) = coprod(&["analyse", "jinsong", "--layers", "leadrship"]);
    assert_eq!(c, 2);
    assert!(e.contains("leadership"), "{e}");
    let dir = tmp("bad");
    let out = dir.join("c");
    assert_eq!(
        coprod(&[
            "generate",
            "--residents",
            "500",
            "--out",
            s(&out),
            "--binary-only"
        ])
        .0,
        0
    );
    let bin = out.join("graph.coprod");
    let mut bytes = std::fs::read(&bin).unwrap();
    let at = bytes.len() - 20;
    bytes[at] ^= 1;
    let bad = dir.join("bad.coprod");
    std::fs::write(&bad, &bytes).unwrap();
    for cmd in ["analyse", "summary", "validate"] {
        let (c, o, e) = coprod(&[cmd, s(&bad)]);
        assert_eq!(c, 1, "{cmd}");
        let said = format!("{o}{e}");
        assert!(
            said.contains("bad.coprod") && said.contains("checksum"),
            "{cmd}: {said}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

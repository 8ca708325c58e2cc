//! Bundles every case directory of `data/` (one holding `actors.csv`) into the
//! library, except `data/template` (the empty case to copy, which has no actors),
//! and each case's second coding `data/<case>/coding_b/` when it has one.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut names: Vec<String> = std::fs::read_dir(&data)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().join("actors.csv").is_file())
                .filter(|e| e.file_name() != "template")
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// `(name, case.toml, actors.csv, ties.csv)` of each bundled case, sorted by name.\n\
         const BUNDLED: &[(&str, &str, &str, &str)] = &[\n",
    );
    for n in &names {
        let d = data.join(n);
        for f in ["case.toml", "actors.csv", "ties.csv"] {
            println!("cargo:rerun-if-changed={}", d.join(f).display());
        }
        let p = |f: &str| format!("{:?}", d.join(f).display().to_string());
        writeln!(
            out,
            "    ({n:?}, include_str!({}), include_str!({}), include_str!({})),",
            p("case.toml"),
            p("actors.csv"),
            p("ties.csv")
        )
        .unwrap();
    }
    out.push_str("];\n");
    // Second codings (`data/<case>/coding_b/`, the blind recoding of issue 22).
    out.push_str(
        "/// `(name, case.toml, actors.csv, ties.csv)` of each bundled case's second coding\n\
         /// (`data/<case>/coding_b/`; an absent `case.toml` is empty), sorted by name.\n\
         const BUNDLED_B: &[(&str, &str, &str, &str)] = &[\n",
    );
    for n in &names {
        let d = data.join(n).join("coding_b");
        println!("cargo:rerun-if-changed={}", d.display());
        if !d.join("actors.csv").is_file() {
            continue;
        }
        let mut files = Vec::new();
        for f in ["case.toml", "actors.csv", "ties.csv"] {
            println!("cargo:rerun-if-changed={}", d.join(f).display());
            files.push(if d.join(f).is_file() {
                format!("include_str!({:?})", d.join(f).display().to_string())
            } else {
                "\"\"".to_string()
            });
        }
        writeln!(
            out,
            "    ({n:?}, {}, {}, {}),",
            files[0], files[1], files[2]
        )
        .unwrap();
    }
    out.push_str("];\n");
    // The actor maps between the two codings (`data/<case>/coding_b_map.csv`).
    bundle_optional(
        &mut out,
        "/// `(name, coding_b_map.csv)` of each bundled case with an actor map between its codings.",
        "BUNDLED_B_MAP",
        &names,
        |n| data.join(n).join("coding_b_map.csv"),
    );
    // The measured power of the answer rule (`docs/power/<case>.json`, written by `coprod power`).
    let power = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("docs/power");
    println!("cargo:rerun-if-changed={}", power.display());
    bundle_optional(
        &mut out,
        "/// `(name, power.json)` of each bundled case whose power study is committed in `docs/power/`.",
        "BUNDLED_POWER",
        &names,
        |n| power.join(format!("{n}.json")),
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_cases.rs");
    std::fs::write(dest, out).unwrap();
}

/// A `const NAME: &[(&str, &str)]` of `(case, include_str!(file))` for every
/// case whose optional file (`file_of(case)`) exists, watched for changes.
fn bundle_optional(
    out: &mut String,
    doc: &str,
    name: &str,
    names: &[String],
    file_of: impl Fn(&str) -> std::path::PathBuf,
) {
    writeln!(out, "{doc}\nconst {name}: &[(&str, &str)] = &[").unwrap();
    for n in names {
        let f = file_of(n);
        println!("cargo:rerun-if-changed={}", f.display());
        if f.is_file() {
            writeln!(
                out,
                "    ({n:?}, include_str!({:?})),",
                f.display().to_string()
            )
            .unwrap();
        }
    }
    out.push_str("];\n");
}

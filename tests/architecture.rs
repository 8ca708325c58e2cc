//! The crate's dependency order, checked on the source: modules import only
//! modules before them in
//! `error, random, progress <- model <- {io, measures, generate, agreement} <- cases <- inference <- baselines <- compare <- {report, viz} <- cli`,
//! and the measure families import each other without a cycle. Test modules
//! (everything from a file's `#[cfg(test)]` on) may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Rank of each top-level module: an import must go to a strictly lower rank.
const RANKS: &[(&str, u32)] = &[
    ("error", 0),
    ("random", 0),
    ("progress", 0),
    ("model", 1),
    ("io", 2),
    ("measures", 2),
    ("generate", 2),
    ("agreement", 2),
    ("cases", 3),
    ("inference", 4),
    ("baselines", 5),
    ("compare", 6),
    ("report", 7),
    ("viz", 7),
    ("cli", 8),
];

fn rank(m: &str) -> u32 {
    RANKS
        .iter()
        .find(|r| r.0 == m)
        .unwrap_or_else(|| panic!("module `{m}` has no rank: add it to RANKS"))
        .1
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file before its test module, without comments.
fn code(p: &Path) -> String {
    let text = std::fs::read_to_string(p).unwrap();
    let body = text.split("#[cfg(test)]").next().unwrap();
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b` path in `code`, as `(a, b)` (`b` empty when absent).
fn crate_paths(code: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + 7..];
        let ident = |s: &str| -> String {
            s.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        let a = ident(rest);
        let after = &rest[a.len()..];
        let b = after.strip_prefix("::").map(ident).unwrap_or_default();
        out.push((a, b));
    }
    out
}

#[test]
fn modules_import_only_modules_before_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut bad = Vec::new();
    let mut checked = 0;
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let module = match first {
            "lib.rs" => continue,
            "bin" => "cli",
            m => m.trim_end_matches(".rs"),
        };
        let text = code(f);
        // The binary reaches the library as `coprod::`, modules as `crate::`.
        let paths = if module == "cli" {
            text.replace("crate::", "bin::")
                .replace("coprod::", "crate::")
        } else {
            text
        };
        for (to, _) in crate_paths(&paths) {
            // `crate::Error`, `crate::Result`, `crate::Names`: the error module's re-exports.
            let to = match to.as_str() {
                "Error" | "Result" | "Names" | "Location" => "error".to_string(),
                _ => to,
            };
            if to == module || to.is_empty() {
                continue;
            }
            checked += 1;
            if rank(&to) >= rank(module) {
                bad.push(format!("{}: {module} -> {to}", rel.display()));
            }
        }
    }
    bad.sort();
    bad.dedup();
    assert!(
        bad.is_empty(),
        "imports against the order:\n{}",
        bad.join("\n")
    );
    assert!(checked > 100, "only {checked} imports seen");
}

#[test]
fn measure_families_import_each_other_without_a_cycle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/measures");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&dir).unwrap();
        let family = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        for (a, b) in crate_paths(&code(f)) {
            if a == "measures"
                && !b.is_empty()
                && b != family
                && b.chars().next().unwrap().is_lowercase()
            {
                edges.entry(family.clone()).or_default().insert(b);
            }
        }
    }
    // Depth-first search for a cycle.
    fn visit(
        u: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(u) {
            Some(1) => {
                let i = path.iter().position(|x| x == u).unwrap();
                let mut c = path[i..].to_vec();
                c.push(u.to_string());
                return Some(c);
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(u.to_string(), 1);
        path.push(u.to_string());
        for v in edges.get(u).into_iter().flatten() {
            if let Some(c) = visit(v, edges, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(u.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for u in edges.keys() {
        let cycle = visit(u, &edges, &mut state, &mut Vec::new());
        assert!(cycle.is_none(), "family import cycle: {:?}", cycle.unwrap());
    }
    assert!(edges.len() >= 4, "{edges:?}");
}

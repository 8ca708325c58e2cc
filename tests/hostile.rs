//! The hostile corpus (`tests/hostile/`, binary files from
//! `tests/hostile/make_binary.py`): every failure of issue 19, run as a user
//! would. `COPROD_BIN=/path/to/coprod cargo test --release --test hostile`
//! runs the same checks against another build (the one before the fixes
//! fails every item).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> PathBuf {
    std::env::var_os("COPROD_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_coprod")))
}

struct Run {
    code: Option<i32>,
    out: String,
    err: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.out, self.err)
    }
}

fn done(o: Output) -> Run {
    Run {
        code: o.status.code(),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn coprod<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    done(Command::new(bin()).args(args).output().unwrap())
}

/// Run under `sh` with a resource limit (`ulimit -f` / `-v`) set first.
fn limited(limit: &str, args: &[&str]) -> Run {
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!("{limit}; exec '{}' {}", bin().display(), quoted.join(" "));
    done(Command::new("sh").arg("-c").arg(script).output().unwrap())
}

fn corpus(name: &str) -> String {
    format!("{}/tests/hostile/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("coprod-hostile-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&d).ok();
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn copy_dir(from: &str, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Refused, exit 1, with `needle` in the message and no panic.
fn refused(r: &Run, needle: &str) {
    assert_eq!(r.code, Some(1), "{}", r.all());
    assert!(
        r.all().contains(needle),
        "wanted `{needle}` in:\n{}",
        r.all()
    );
    assert!(!r.all().contains("panicked"), "{}", r.all());
}

#[test]
fn item1_a_length_that_cuts_a_character_is_an_error_not_a_panic() {
    let f = corpus("1_id_cuts_a_character.coprod");
    for cmd in ["validate", "analyse", "measures"] {
        refused(&coprod(&[cmd, &f]), "which no valid id holds");
    }
}

#[test]
fn item2_a_case_id_never_leads_outside_the_output() {
    let d = scratch("traversal");
    let out = d.join("a/b/out");
    for case in [
        "2_case_id_traversal.coprod",
        "2_case_id_absolute.coprod",
        "2_toml_id_traversal",
        "2_toml_id_absolute",
    ] {
        let r = coprod(&["figure", &corpus(case), "--out", s(&out), "--format", "dot"]);
        refused(&r, "escaped` (use 1 to 255 ascii letters");
        assert!(r.all().contains("invalid"), "{}", r.all());
        assert!(!d.join("a/escaped").exists(), "{case}");
        assert!(!out.exists(), "{case}: nothing is written");
        // compare --plots writes per-case SVGs the same way.
        let plots = d.join("a/b/plots");
        let r = coprod(&[
            "compare",
            &corpus(case),
            "--draws",
            "2",
            "--plots",
            s(&plots),
        ]);
        refused(&r, "escaped` (use 1 to 255 ascii letters");
        assert!(!d.join("a/escaped").exists() && !plots.exists(), "{case}");
    }
}

#[test]
fn item2_a_layer_name_never_leads_outside_the_output() {
    // A layer's figure is `layer_<name>.dot`: with `x/../../../escaped` and a
    // directory `layer_x` already there, the name climbed three levels up.
    for case in ["2_layer_name_traversal.coprod", "2_toml_layer_traversal"] {
        let d = scratch("layer-traversal");
        let out = d.join("a/b/out");
        std::fs::create_dir_all(out.join("slash/layer_x")).unwrap();
        let r = coprod(&["figure", &corpus(case), "--out", s(&out), "--format", "dot"]);
        refused(&r, "layer `x/../../../escaped` holds `/`, a path separator");
        assert!(!d.join("a/escaped.dot").exists(), "{case}");
        assert!(
            !out.join("slash/aggregate.dot").exists(),
            "{case}: nothing is written"
        );
        for cmd in ["validate", "measures"] {
            refused(&coprod(&[cmd, &corpus(case)]), "a path separator");
        }
    }
}

#[test]
fn item3_no_command_writes_over_its_input() {
    let d = scratch("overwrite");
    let case = d.join("case");
    copy_dir(&corpus("../data/tiny"), &case);
    let actors = std::fs::read(case.join("actors.csv")).unwrap();
    let r = coprod(&["measures", s(&case), "-o", s(&case.join("actors.csv"))]);
    refused(&r, "is an input of the command");
    assert_eq!(std::fs::read(case.join("actors.csv")).unwrap(), actors);

    // generate into a directory that holds files: only with --force.
    let r = coprod(&["generate", "--residents", "50", "--out", s(&case)]);
    refused(&r, "pass --force");
    assert_eq!(std::fs::read(case.join("actors.csv")).unwrap(), actors);
    // ... and never over the case it follows, even with --force.
    let r = coprod(&[
        "generate",
        "--like",
        s(&case),
        "--residents",
        "50",
        "--out",
        s(&case),
        "--force",
    ]);
    refused(&r, "is an input of the command");
    assert_eq!(std::fs::read(case.join("actors.csv")).unwrap(), actors);

    // analyse g.coprod -o g.coprod, by its name or a hard link.
    let gdir = d.join("gen");
    let r = coprod(&["generate", "--residents", "50", "--out", s(&gdir)]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    let g = gdir.join("graph.coprod");
    let bytes = std::fs::read(&g).unwrap();
    let link = d.join("link.coprod");
    std::fs::hard_link(&g, &link).unwrap();
    for out in [&g, &link] {
        let r = coprod(&["analyse", s(&g), "-o", s(out)]);
        refused(&r, "is an input of the command");
    }
    let r = coprod(&["analyse", s(&gdir), "--summary", s(&g)]);
    refused(&r, "is an input of the command");
    assert_eq!(std::fs::read(&g).unwrap(), bytes);
}

#[test]
fn item3_a_killed_write_leaves_the_old_files_whole() {
    let d = scratch("killed");
    let gdir = d.join("gen");
    let r = coprod(&["generate", "--residents", "50", "--out", s(&gdir)]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    let old: Vec<Vec<u8>> = ["graph.coprod", "actors.csv", "ties.csv"]
        .iter()
        .map(|f| std::fs::read(gdir.join(f)).unwrap())
        .collect();
    // 20,000 residents write megabytes; `ulimit -f 200` stops the process at 100-200 KB.
    let r = limited(
        "ulimit -f 200",
        &[
            "generate",
            "--residents",
            "20000",
            "--out",
            s(&gdir),
            "--force",
        ],
    );
    assert_ne!(r.code, Some(0), "{}", r.all());
    for (f, bytes) in ["graph.coprod", "actors.csv", "ties.csv"].iter().zip(&old) {
        assert_eq!(&std::fs::read(gdir.join(f)).unwrap(), bytes, "{f}");
    }
    assert_eq!(
        coprod(&["validate", s(&gdir.join("graph.coprod"))]).code,
        Some(0)
    );

    // An output file (-o) is the old one or the whole new one.
    let out = d.join("table.csv");
    std::fs::write(&out, "old\n").unwrap();
    let r = limited("ulimit -f 1", &["measures", "jinsong", "-o", s(&out)]);
    assert_ne!(r.code, Some(0), "{}", r.all());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old\n");
    let r = limited("ulimit -f 1", &["analyse", s(&gdir), "-o", s(&out)]);
    assert_ne!(r.code, Some(0), "{}", r.all());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old\n");
}

#[test]
fn item4_an_unclosed_quote_is_an_error_on_its_line() {
    let r = coprod(&["validate", &corpus("4_unclosed_quote")]);
    refused(
        &r,
        "actors.csv:3: malformed CSV: a quoted field opens on this line",
    );
    // The ties of the swallowed actors blame actors.csv, not ties.csv.
    assert!(
        r.out.contains("because") && r.out.contains("actors.csv has problems"),
        "{}",
        r.out
    );
    let r = coprod(&["validate", &corpus("4_cut_inside_quote")]);
    refused(
        &r,
        "actors.csv:3: malformed CSV: the file ends inside the quoted field",
    );
}

#[test]
fn item4_a_value_spanning_lines_in_the_last_column_still_loads() {
    // What the writers write: a quote of two lines in the last column. The
    // unclosed-quote check refused it (the line alone has the header's
    // fields), so a case written by coprod did not load again (found by
    // scripts/fuzz-csv); the check now waits for the row's end.
    let toml = "id = \"t\"\n";
    let actors = "id,kind,level,quote\np,party,community,\"first line\nsecond line\"\nr,resident,individual,q\n";
    let ties = "source,target,layer,quote\np,r,leadership,\"one\ntwo\"\n";
    let g = coprod::io::load_case_str("t", toml, actors, ties).unwrap();
    assert_eq!(g.actor_count(), 2);
    assert_eq!(g.actor(0).provenance.quote, "first line\nsecond line");
    let again = coprod::io::load_case_str(
        "t",
        &coprod::io::case_toml(&g),
        &coprod::io::actors_csv(&g),
        &coprod::io::ties_csv(&g),
    )
    .unwrap();
    assert_eq!(g, again);
    // A closing quote left out in the last column is still an error on its
    // line: the quote that closes it is the next row's opening one.
    let actors = "id,kind,level,label\np,party,community,\"Party\nr,resident,individual,\"Resident\"\nq,resident,individual,x\n";
    let e = coprod::io::load_case_str("t", toml, actors, "source,target,layer\n")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("actors.csv:2: malformed CSV: a quoted field opens on this line"),
        "{e}"
    );
}

#[test]
fn item4_binary_only_never_leaves_stale_csv_files() {
    let d = scratch("stale");
    let gdir = d.join("gen");
    assert_eq!(
        coprod(&["generate", "--residents", "50", "--out", s(&gdir)]).code,
        Some(0)
    );
    let r = coprod(&[
        "generate",
        "--residents",
        "400",
        "--out",
        s(&gdir),
        "--force",
        "--binary-only",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    for f in ["actors.csv", "ties.csv", "case.toml"] {
        assert!(!gdir.join(f).exists(), "{f} is stale");
    }
    // Nothing but the binary is left (no staging directory).
    let left: Vec<_> = std::fs::read_dir(&gdir).unwrap().collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn item5_the_binary_reader_holds_the_same_invariants() {
    for (file, needle) in [
        (
            "5_layer_declared_twice.coprod",
            "layer `leadership` declared twice",
        ),
        (
            "5_leadership_undirected.coprod",
            "`leadership` is a standard layer (directed, positive) but is declared undirected",
        ),
        ("5_layer_named_all.coprod", "`all` is a selection word"),
        ("5_no_actors.coprod", "the case has no actors"),
    ] {
        for cmd in ["validate", "analyse"] {
            refused(&coprod(&[cmd, &corpus(file)]), needle);
        }
    }
    for (dir, needle) in [
        ("5_toml_layer_all", "`all` is a selection word"),
        ("5_toml_layer_positive", "`positive` is a selection word"),
        ("5_toml_layer_acb", "layer `a,b` holds `,`"),
        ("5_toml_layer_apb", "layer `a+b` holds `+`"),
        ("5_toml_layer_empty", "a layer name must not be empty"),
    ] {
        refused(&coprod(&["validate", &corpus(dir)]), needle);
    }
}

#[test]
fn item6_huge_headers_special_files_and_lying_sizes_are_refused_quickly() {
    let d = scratch("bounded");
    // 10^6 header columns: refused by the column limit, not a quadratic scan.
    let wide = d.join("wide");
    std::fs::create_dir_all(&wide).unwrap();
    let header: Vec<String> = (0..1_000_000).map(|i| format!("c{i}")).collect();
    std::fs::write(wide.join("actors.csv"), header.join(",") + "\n").unwrap();
    std::fs::write(wide.join("ties.csv"), "source,target,layer\n").unwrap();
    let t = std::time::Instant::now();
    refused(
        &coprod(&["validate", s(&wide)]),
        "the number of header columns is 1000000, more than the limit of 10000",
    );
    assert!(t.elapsed().as_secs() < 30, "{:?}", t.elapsed());

    // actors.csv -> /dev/zero, and a FIFO: refused by their type.
    let zero = d.join("zero");
    copy_dir(&corpus("../data/tiny"), &zero);
    std::fs::remove_file(zero.join("actors.csv")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", zero.join("actors.csv")).unwrap();
    refused(
        &coprod(&["validate", s(&zero)]),
        "a character device, not a regular file",
    );
    let fifo = d.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    refused(
        &coprod(&["measures", s(&fifo)]),
        "a FIFO (named pipe), not a regular file",
    );
    refused(
        &coprod(&["validate", s(&fifo)]),
        "a FIFO (named pipe), not a regular file",
    );

    // A sparse 1 GiB compact file, checksum valid, whose id section claims
    // almost all of it: refused at its first byte under a 512 MB address
    // space (the reader used to allocate the whole claimed length first).
    let big = d.join("sparse.coprod");
    sparse_compact(&big, 1 << 30);
    let r = limited("ulimit -v 524288", &["validate", s(&big)]);
    refused(&r, "byte 0x00 in the ids");
}

/// A compact file of `len` bytes: a header for 1 actor, empty metadata and
/// layers sections of valid JSON, an id section claiming the rest, zeros,
/// and the right checksum.
fn sparse_compact(path: &Path, len: u64) {
    use std::io::{Seek, SeekFrom, Write};
    let meta = br#"{"id":"sparse"}"#;
    let layers = br#"[{"name":"leadership","directed":true}]"#;
    let mut head = b"coprod\0\x01".to_vec();
    for x in [1u64, 0, 0] {
        head.extend(x.to_le_bytes());
    }
    for sec in [&meta[..], &layers[..]] {
        head.extend((sec.len() as u64).to_le_bytes());
        head.extend(sec);
    }
    // The ids claim everything up to the 4-byte length, kind, level and checksum.
    let pool = len - head.len() as u64 - 8 - 4 - 2 - 8;
    head.extend(pool.to_le_bytes());
    // FNV-1a of the head, then of `len - 8 - head` zero bytes: a zero byte
    // multiplies by the prime (the xor changes nothing).
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in &head {
        h = (h ^ u64::from(b)).wrapping_mul(PRIME);
    }
    let zeros = len - 8 - head.len() as u64;
    // PRIME^zeros by squaring.
    let (mut base, mut e, mut pow) = (PRIME, zeros, 1u64);
    while e > 0 {
        if e & 1 == 1 {
            pow = pow.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        e >>= 1;
    }
    h = h.wrapping_mul(pow);
    let mut f = std::fs::File::create(path).unwrap();
    f.write_all(&head).unwrap();
    f.set_len(len - 8).unwrap();
    f.seek(SeekFrom::Start(len - 8)).unwrap();
    f.write_all(&h.to_le_bytes()).unwrap();
}

#[test]
fn item6_measures_warns_up_front_past_minutes_of_work() {
    let d = scratch("cost");
    let gdir = d.join("gen");
    let r = coprod(&["generate", "--residents", "60000", "--out", s(&gdir)]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    // The warning comes before any measure runs: read it, then stop the run.
    let mut child = Command::new(bin())
        .args(["measures", s(&gdir), "-o", s(&d.join("m.csv"))])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    use std::io::BufRead;
    let mut warning = String::new();
    while err.read_line(&mut line).unwrap() > 0 {
        if line.contains("warning:") {
            warning = line.clone();
            break;
        }
        line.clear();
    }
    child.kill().ok();
    child.wait().ok();
    assert!(
        warning.contains("minute(s)") && warning.contains("coprod analyse"),
        "{warning}"
    );
}

#[test]
fn item7_messages_say_what_is_wrong() {
    refused(
        &coprod(&["validate", &corpus("7_nul_in_kind")]),
        "unknown kind `par\\0ty`",
    );
    refused(
        &coprod(&["validate", &corpus("7_utf16_without_bom")]),
        "UTF-16 without a byte-order mark",
    );
    refused(
        &coprod(&["validate", &corpus("7_header_only")]),
        "has a header but no actor below it",
    );
    let r = coprod(&["measures", "/missing/dir"]);
    refused(&r, "/missing/dir: No such file");
    assert!(!r.err.contains("no bundled case"), "{}", r.err);
    let r = coprod(&["validate", &corpus("7_windows_1252")]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    assert!(
        r.out.contains("warning:") && r.out.contains("a guess") && r.out.contains("Windows-1252"),
        "{}",
        r.out
    );
    assert!(r.out.contains("Müller Bäckerei"), "{}", r.out);
    let r = coprod(&["measures", &corpus("7_windows_1252")]);
    assert!(r.err.contains("coprod: warning:"), "{}", r.err);
    for case in ["7_weights_1e308", "7_weights_sum_to_inf.coprod"] {
        let r = coprod(&["edges", &corpus(case)]);
        refused(&r, "makes the sum of the case's weights infinite");
        assert!(r.all().contains("1e308"), "{}", r.all());
        assert!(!r.out.contains("inf"), "{}", r.out);
    }
}

#[test]
fn the_json_reader_holds_the_same_invariants() {
    let good = coprod::io::to_json(&coprod::cases::load("ly").unwrap());
    assert!(coprod::io::from_json(&good).is_ok());
    let v: serde_json::Value = serde_json::from_str(&good).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = v.clone();
        f(&mut v);
        coprod::io::from_json(&v.to_string())
            .unwrap_err()
            .to_string()
    };
    let e = with(&|v| v["case"]["id"] = "../x".into());
    assert!(e.contains("invalid id `../x`"), "{e}");
    let e = with(&|v| v["actors"] = serde_json::json!([]));
    assert!(e.contains("the case has no actors"), "{e}");
    let e = with(&|v| {
        v["case"]["layers"] = serde_json::json!([{"name": "positive", "directed": true}])
    });
    assert!(e.contains("`positive` is a selection word"), "{e}");
}

#[test]
fn item1_a_deeply_nested_formula_is_an_error_not_a_stack_overflow() {
    // 60,000 nested `c(` (120 KB, under the kernel's 128 KB per argument)
    // overflowed the main thread's stack: abort, exit 134.
    let formula = format!("edges + nodefactor('kind', levels={}", "c(".repeat(60_000));
    let r = coprod(&["ergm", "ly", "--formula", &formula]);
    // A formula is what was asked: exit 2, as every formula error.
    assert_eq!(r.code, Some(2), "{}", r.all());
    assert!(
        r.err.contains("`c(…)` nested more than 16 deep"),
        "{}",
        r.err
    );
    assert!(!r.all().contains("overflow"), "{}", r.err);
    // ... in one short line: the formula is shown around the column only.
    assert!(
        r.err.len() < 400 && r.err.contains("(120034 characters)"),
        "{}",
        r.err.len()
    );
    // R's c() flattens: the nested form selects the same level.
    let flat = coprod(&[
        "ergm",
        "ly",
        "--method",
        "mple",
        "--format",
        "csv",
        "--formula",
        "edges + nodefactor('kind', levels=c(c('party')))",
    ]);
    let plain = coprod(&[
        "ergm",
        "ly",
        "--method",
        "mple",
        "--format",
        "csv",
        "--formula",
        "edges + nodefactor('kind', levels=c('party'))",
    ]);
    assert_eq!(flat.code, Some(0), "{}", flat.all());
    assert_eq!(flat.out, plain.out);
}

#[test]
fn ergm_terms_stay_finite_on_hostile_parameters() {
    use coprod::inference::ergm::network::{ErgmData, Network};
    use coprod::inference::ergm::terms::Model;
    let edges = [(0, 1), (1, 2), (2, 0), (0, 3), (3, 4), (4, 0), (1, 3)];
    let mut d = ErgmData::new(Network::from_edges(5, false, &edges).unwrap());
    d.set_attribute("x", &[-2.0, 0.5, 3.0, 0.5, 7.25]).unwrap();
    // gwesp / gwdegree at a huge decay: e^α (1 − r^k) was ∞ · 0 = NaN past
    // α ≈ 709 (and 0, every digit lost, past α ≈ 37); its limit is k, so
    // gwesp tends to the sum of the ties' shared partners and gwdegree to
    // the sum of the degrees.
    let m = Model::parse(
        "gwesp(800, fixed=TRUE) + gwdegree(1e300, fixed=TRUE) + gwesp(40, fixed=TRUE)",
        &d,
    )
    .unwrap();
    let s = m.statistics(&d.network);
    let net = &d.network;
    let esp: usize = net
        .edges()
        .iter()
        .map(|&(i, j)| {
            (0..5)
                .filter(|&k| k != i && k != j && net.has(i, k) && net.has(j, k))
                .count()
        })
        .sum();
    let degrees: usize = (0..5).map(|i| net.out_degree(i)).sum();
    assert_eq!(s[0], esp as f64);
    assert_eq!(s[1], degrees as f64);
    assert!((s[2] - esp as f64).abs() < 1e-9, "{}", s[2]);
    // absdiff: a power ≤ 0 is infinite or edges; one that overflows is refused.
    for (f, want) in [
        ("absdiff(\"x\", pow=-1)", "is not > 0"),
        ("absdiff(\"x\", pow=0)", "is not > 0"),
        (
            "absdiff(\"x\", pow=400)",
            "the statistic would overflow a double",
        ),
    ] {
        let e = Model::parse(f, &d).unwrap_err().to_string();
        assert!(e.contains(want), "{f}: {e}");
    }
    let mut w = vec![1.0; 25];
    w[7] = f64::NAN;
    assert!(
        d.set_dyadic("w", w)
            .unwrap_err()
            .to_string()
            .contains("not a finite number")
    );
    let mut w = vec![0.0; 25];
    w[7] = 1e308;
    d.set_dyadic("w", w).unwrap();
    let e = Model::parse("edgecov(\"w\")", &d).unwrap_err().to_string();
    assert!(e.contains("would overflow"), "{e}");
}

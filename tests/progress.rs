//! Progress bars (issue 19: "a progress bar on every long step"): drawn on
//! standard error when it is a terminal, never in a pipe, never with
//! `--quiet`. A terminal is given to the command by util-linux's `script`
//! (in Debian's essential `bsdutils`), which records what the terminal
//! showed.

use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_coprod")
}

/// What a terminal shows while `coprod args` runs (stdout discarded).
fn on_a_terminal(args: &[&str]) -> String {
    let cmd = format!("'{}' {} > /dev/null", bin(), args.join(" "));
    let out = Command::new("script")
        .args(["-qfec", &cmd, "/dev/null"])
        .output()
        .expect("util-linux `script` (bsdutils) runs the command on a terminal");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What standard error holds when it is a pipe.
fn in_a_pipe(args: &[&str]) -> String {
    let out = Command::new(bin()).args(args).output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Each long step, with the words its bar shows.
const STEPS: &[(&[&str], &str)] = &[
    (
        &["sbm", "ly", "--posterior-samples", "200"],
        "SBM search (least description length)",
    ),
    (
        &["sbm", "ly", "--posterior-samples", "200"],
        "SBM posterior over the number of blocks",
    ),
    (
        &[
            "ergm",
            "ly",
            "--method",
            "mcmle",
            "--formula",
            "'edges + mutual + gwesp(0.5, fixed=TRUE)'",
        ],
        "ERGM MCMC-MLE (at most 40)",
    ),
    (
        &[
            "ergm",
            "ly",
            "--method",
            "mcmle",
            "--formula",
            "'edges + mutual + gwesp(0.5, fixed=TRUE)'",
        ],
        "ERGM log-likelihood (bridge sampling)",
    ),
    (
        &[
            "qap",
            "ly",
            "--model",
            "lm",
            "--y",
            "resource",
            "--x",
            "leadership",
            "--reps",
            "500",
        ],
        "QAP (500 per predictor)",
    ),
    (
        &["qap", "ly", "--correlations", "--reps", "200"],
        "QAP layer correlations",
    ),
    (&["measures", "ly"], "measures: "),
    (&["summary", "ly"], "summary: "),
    (
        &[
            "compare",
            "ly",
            "--draws",
            "20",
            "--no-dial",
            "--no-answer",
            "--views",
            "directed",
        ],
        "draws",
    ),
];

#[test]
fn every_long_step_draws_a_bar_on_a_terminal_only() {
    let mut runs: Vec<(&[&str], String)> = Vec::new();
    for (args, words) in STEPS {
        let shown = match runs.iter().find(|(a, _)| a == args) {
            Some((_, s)) => s.clone(),
            None => {
                let s = on_a_terminal(args);
                runs.push((args, s.clone()));
                s
            }
        };
        assert!(shown.contains(words), "{args:?}: no `{words}` in\n{shown}");
    }
    // The same runs in a pipe, and on a terminal with --quiet: no bar.
    for (args, _) in &runs {
        let piped: Vec<&str> = args
            .iter()
            .map(|a| a.trim_matches('\''))
            .collect::<Vec<_>>();
        let err = in_a_pipe(&piped);
        assert!(!err.contains("[="), "{args:?}: a bar in a pipe:\n{err}");
        let mut quiet = vec!["--quiet"];
        quiet.extend(args.iter());
        let shown = on_a_terminal(&quiet);
        for (_, words) in STEPS {
            assert!(
                !shown.contains(words),
                "{args:?} --quiet shows `{words}`:\n{shown}"
            );
        }
    }
}

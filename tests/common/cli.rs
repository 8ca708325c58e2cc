//! Running the `coprod` binary from a test: the one runner the command-line
//! tests share. Included by path (`#[path = "common/cli.rs"] mod cli;`) only
//! by tests that run the binary, because `CARGO_BIN_EXE_coprod` exists only
//! when the `cli` feature builds it; `tests/common/mod.rs` stays usable
//! without it.
#![allow(dead_code)]

use std::process::Command;

/// `coprod args` from the package root: (exit code, or −1 if killed by a
/// signal; stdout; stderr), the streams decoded as UTF-8 (invalid bytes
/// replaced, so a test sees them instead of panicking on them).
pub fn coprod(args: &[&str]) -> (i32, String, String) {
    coprod_env(args, &[])
}

/// [`coprod`] with extra environment variables (e.g. `RAYON_NUM_THREADS`).
pub fn coprod_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_coprod"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run the coprod binary");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

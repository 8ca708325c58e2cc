"""ERGM peers comparison: coprod ergm against ergmx (PyPI, a Rust core) on the same graphs.

For each graph (faux.mesa.high; synthetic communities from `coprod generate`) and each thread
count, both tools get the same undirected network and formula
`edges + nodefactor(A) + nodematch(A) + gwesp(0.5, fixed=TRUE)`:

* fit: the MCMC-MLE with each tool's defaults (both: MPLE start, Hummel stepping, bridge-sampled
  log-likelihood), wall-clock seconds of the whole fit (coprod: the process, case loading included;
  ergmx: the `ergmx.ergm` call); a fit that passes `--timeout` seconds is reported as such;
* sampler: tie/no-tie Metropolis-Hastings at the same coefficients (ergmx's MPLE), steps per
  second = (S - S/10) / (t(S) - t(S/10)), so that set-up (loading, the dyad list) cancels. ergmx:
  one `simulate` call (one chain of S steps); coprod: one chain per thread (`--steps S --chains T`,
  T chains of S steps in parallel), its rate counting the steps of every chain (T x the above).

The observed statistics of both tools are compared first (equal, or the run stops): the same input.
Threads: RAYON_NUM_THREADS for both (both parallelise chains with rayon).
Usage: see benches/peers/ergm.sh.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "scripts" / "reference" / "ergm"))

POSITIVE = {"leadership", "administrative", "deliberation", "resource", "service", "information"}


def formula(attr: str) -> str:
    return f'edges + nodefactor("{attr}") + nodematch("{attr}") + gwesp(0.5, fixed=TRUE)'


def mesa_case(out: Path) -> dict:
    """faux.mesa.high as a coprod case directory (every student a resident) and as an edge list."""
    from networks import faux_mesa_high

    g, names, _ = faux_mesa_high()
    out.mkdir(parents=True, exist_ok=True)
    grade = [str(int(x)) for x in g.attrs["Grade"]]
    with open(out / "actors.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "kind", "level", "Grade"])
        for i, n in enumerate(names):
            w.writerow([f"s{n}", "resident", "individual", grade[i]])
    edges = [(i, j) for i in range(g.n) for j in range(i + 1, g.n) if g.A[i, j]]
    with open(out / "ties.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "layer"])
        for i, j in edges:
            w.writerow([f"s{names[i]}", f"s{names[j]}", "information"])
    return {"n": g.n, "edges": edges, "attrs": {"Grade": [int(x) for x in grade]}, "attr": "Grade"}


def generated_case(coprod: str, residents: int, out: Path, seed: int) -> dict:
    """A synthetic community, read back as coprod's --symmetric view of the positive layers reads it."""
    subprocess.run([coprod, "generate", "--residents", str(residents), "--seed", str(seed),
                    "--out", str(out), "--force"], check=True, capture_output=True)
    with open(out / "actors.csv", newline="") as f:
        actors = list(csv.DictReader(f))
    idx = {a["id"]: k for k, a in enumerate(actors)}
    edges = set()
    with open(out / "ties.csv", newline="") as f:
        for t in csv.DictReader(f):
            if t["layer"] in POSITIVE and t["source"] != t["target"]:
                i, j = idx[t["source"]], idx[t["target"]]
                edges.add((min(i, j), max(i, j)))
    return {"n": len(actors), "edges": sorted(edges), "attrs": {"kind": [a["kind"] for a in actors]},
            "attr": "kind"}


def ergmx_worker(spec_path: str) -> None:
    """Runs in a child process (so that a timeout can stop it): prints one JSON line."""
    import igraph as ig
    import ergmx

    spec = json.loads(Path(spec_path).read_text())
    h = ig.Graph(n=spec["n"], edges=[tuple(e) for e in spec["edges"]], directed=False)
    for k, v in spec["attrs"].items():
        h.vs[k] = v
    f = spec["formula"]
    if spec["job"] == "summary":
        print(json.dumps({"stats": {k: float(v) for k, v in ergmx.summary_stats(h, f).items()}}))
    elif spec["job"] == "mple":
        fit = ergmx.ergm(h, f, estimate="MPLE", seed=spec["seed"])
        print(json.dumps({"names": list(fit.names), "coef": [float(fit.coef[k]) for k in fit.names]}))
    elif spec["job"] == "fit":
        t = time.perf_counter()
        fit = ergmx.ergm(h, f, seed=spec["seed"])
        el = time.perf_counter() - t
        print(json.dumps({"seconds": el, "converged": bool(fit.converged), "names": list(fit.names),
                          "coef": [float(fit.coef[k]) for k in fit.names],
                          "se": [float(fit.stderr[k]) for k in fit.names]}))
    elif spec["job"] == "steps":
        t = time.perf_counter()
        ergmx.simulate(h, f, spec["coef"], nsim=1, seed=spec["seed"], burnin=spec["steps"], interval=1,
                       output="stats")
        print(json.dumps({"seconds": time.perf_counter() - t}))


def run(cmd, env, timeout):
    t = time.perf_counter()
    try:
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, timeout
    el = time.perf_counter() - t
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed: {r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1]), el


def ergmx_job(tmp: Path, g: dict, job: str, env, timeout, **kw):
    spec = dict(g, formula=formula(g["attr"]), job=job, **kw)
    p = tmp / f"spec_{job}.json"
    p.write_text(json.dumps(spec))
    return run([sys.executable, __file__, "--worker", str(p)], env, timeout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker")
    ap.add_argument("--coprod")
    ap.add_argument("--tmp")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--steps", type=int, default=1_000_000)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.worker:
        ergmx_worker(a.worker)
        return
    import ergmx

    tmp = Path(a.tmp)
    graphs = [("faux.mesa.high", tmp / "mesa", mesa_case(tmp / "mesa"))]
    for n in [int(x) for x in a.sizes.split(",") if x]:
        d = tmp / f"gen{n}"
        graphs.append((f"generated {n} residents", d, generated_case(a.coprod, n, d, a.seed)))
    print(f"ergmx {ergmx.__version__}; "
          f"steps={a.steps}; timeout={a.timeout:.0f}s; seed={a.seed}", file=sys.stderr)
    rows = []
    for label, d, g in graphs:
        f = formula(g["attr"])
        base = [a.coprod, "ergm", str(d), "--symmetric", "--layers", "positive", "--constraints", "none",
                "--formula", f, "--seed", str(a.seed), "--format", "json"]
        env1 = dict(os.environ, RAYON_NUM_THREADS="1")
        theirs, _ = ergmx_job(tmp, g, "summary", env1, None)
        # coprod's observed statistics, from a zero-step run at θ = 0 (p is known from ergmx).
        p = len(theirs["stats"])
        mine, _ = run(base + ["--steps", "0", "--coef", ",".join(["0"] * p)], env1, None)
        ours = dict(zip(mine["names"], mine["observed"]))
        if ours.keys() != theirs["stats"].keys() or any(
                abs(ours[k] - theirs["stats"][k]) > 1e-9 * max(1.0, abs(ours[k])) for k in ours):
            raise SystemExit(f"{label}: observed statistics differ: coprod {mine['observed']} "
                             f"ergmx {theirs['stats']}")
        mple, _ = ergmx_job(tmp, g, "mple", env1, None, seed=a.seed)
        # ergmx's MPLE in coprod's statistic order (the same names).
        by_name = dict(zip(mple["names"], mple["coef"]))
        coef = ",".join(f"{by_name[k]:.12g}" for k in mine["names"])
        for th in [int(x) for x in a.threads.split(",")]:
            env = dict(os.environ, RAYON_NUM_THREADS=str(th))
            try:
                cfit, ct = run(base, env, a.timeout)
                cerr = None
            except RuntimeError as e:  # a fit that stops with an error (e.g. no convergence): reported
                cfit, cerr = None, str(e).strip().splitlines()[-1][:300]
                ct = None
            xfit, _ = ergmx_job(tmp, g, "fit", env, a.timeout, seed=a.seed)
            s_hi, s_lo = a.steps, a.steps // 10
            # coprod: `th` independent chains in parallel (one per thread), every chain's steps counted.
            chains = ["--chains", str(th)]
            c_hi, _ = run(base + ["--steps", str(s_hi), "--coef", coef] + chains, env, None)
            c_lo, _ = run(base + ["--steps", str(s_lo), "--coef", coef] + chains, env, None)
            x_hi, _ = ergmx_job(tmp, g, "steps", env, None, seed=a.seed, steps=s_hi, coef=mple["coef"])
            x_lo, _ = ergmx_job(tmp, g, "steps", env, None, seed=a.seed, steps=s_lo, coef=mple["coef"])
            rate = lambda hi, lo: (s_hi - s_lo) / max(hi - lo, 1e-9)
            rows.append({
                "graph": label, "actors": g["n"], "ties": len(g["edges"]), "threads": th,
                "coprod_fit_s": ct if cfit else None,
                "coprod_fit_error": cerr,
                "coprod_gwesp": {t["term"]: t["estimate"] for t in cfit["terms"]}["gwesp.fixed.0.5"] if cfit else None,
                "ergmx_fit_s": xfit["seconds"] if xfit else None,
                "ergmx_gwesp": dict(zip(xfit["names"], xfit["coef"]))["gwesp.fixed.0.5"] if xfit else None,
                "coprod_steps_per_s": th * rate(c_hi["seconds"], c_lo["seconds"]),
                "ergmx_steps_per_s": rate(x_hi["seconds"], x_lo["seconds"]),
            })
            print(json.dumps(rows[-1]), file=sys.stderr)
    fmt = lambda x, d: "timeout" if x is None else f"{x:.{d}f}"
    cfmt = lambda r: "error" if r["coprod_fit_error"] else fmt(r["coprod_fit_s"], 1)
    print(f"| graph | actors | ties | threads | coprod fit (s) | ergmx fit (s) | gwesp coprod | gwesp ergmx "
          f"| coprod steps/s | ergmx steps/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['graph']} | {r['actors']} | {r['ties']} | {r['threads']} | {cfmt(r)} "
              f"| {fmt(r['ergmx_fit_s'], 1)} | {fmt(r['coprod_gwesp'], 3)} | {fmt(r['ergmx_gwesp'], 3)} "
              f"| {r['coprod_steps_per_s']:.3g} | {r['ergmx_steps_per_s']:.3g} |")


if __name__ == "__main__":
    main()

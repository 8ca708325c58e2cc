#!/usr/bin/env python3
"""coprod against its peers (NetworkX, igraph, NetworKit, rustworkx) on the same
synthetic community: times, ratio to coprod, peak memory, and agreement.

    benches/peers/run.sh [--sizes 10000,100000,1000000] [--big] [--seed 1]
                         [--tools coprod,igraph,networkit,rustworkx,networkx]
                         [--epsilon 0.01] [--delta 0.1] [--measures kadabra,...]

For each size, coprod's generator (examples/peers.rs) writes one binary edge
list (a community like Jinsong, ties read as undirected edges). Each tool then
runs in its own process (`peers.py worker TOOL FILE ...`) on that file: it
loads the graph (not timed), and for each measure resets the process's peak
resident memory (/proc/self/clear_refs), times the call (wall clock), and reads
the peak back (VmHWM), so peak memory includes the graph the tool holds. coprod
runs single-threaded (RAYON_NUM_THREADS=1) and on all cores; the ratio is the
tool's time over coprod's single-threaded time (> 1: coprod faster). NetworkX
runs at 10^4 and 10^5 only (it needs minutes and gigabytes beyond), closeness,
harmonic and betweenness run at 10^4 only (all pairs).

Approximate betweenness with a guarantee (`kadabra`, `approx_betweenness` =
Riondato–Kornaropoulos) runs at every size with ε = --epsilon, δ = --delta,
against NetworKit's `KadabraBetweenness(G, ε, δ)` and
`ApproxBetweenness(G, ε, δ, 0.5)` (universal constant 0.5, coprod's; its
default 1.0 draws twice the samples). Both NetworKit calls run on one thread
(`networkit.setNumberOfThreads(1)` around the call, seed 1), like coprod's
single-threaded column; NetworKit's ApproxBetweenness runs a full BFS per
sample (no bidirectional search), so only up to 20,000 nodes. Scales (read in
NetworKit's KadabraBetweenness.cpp and checked on the 10^4 community against the
exact values): KADABRA's scores are twice the pair fraction b on an undirected
graph, ApproxBetweenness's are b; coprod reports B_N = n/(n−2)·b, NetworkX's
normalisation, so the peer's scores are converted to B_N before comparing.
Both tools give an estimate with a guarantee, not the same estimate: coprod's
is within ε of the exact B_N with probability ≥ 1 − δ; NetworKit's ε is on the
b scale, so its B_N is within ε·n/(n−2). Whenever both hold (probability
≥ 1 − 2δ) the triangle inequality gives |coprod − peer| ≤ ε (1 + n/(n−2))
≈ 2ε; that is the check (a single failure at δ = 0.1 is possible, if rare:
the bounds are loose in practice). Where the exact betweenness was computed
in the same run (10^4), each estimate is also checked against it (coprod ≤ ε,
the peer ≤ ε·n/(n−2)); the agreement column then shows both distances.

Every tool's values are checked against coprod's single-threaded values:
  degree, core_number: equal;  components: the same partition;
  transitivity, clustering, closeness, harmonic, betweenness: max |diff| <= 1e-9;
  pagerank: L1 distance <= 1e-4 (the tools stop their power iterations at
  different points; igraph solves exactly with PRPACK).
The table marks a value that disagrees with "DIFF" and the run exits 1.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

LINEAR = ["degree", "pagerank", "core_number", "components", "transitivity", "clustering"]
APPROX = ["kadabra", "approx_betweenness"]
NETWORKIT_RK_MAX_N = 20_000
ALL_PAIRS = ["closeness", "harmonic", "betweenness"]
ALL_PAIRS_MAX_N = 20_000
NETWORKX_MAX_RESIDENTS = 100_000
TOOLS = ["coprod", "coprod (2 threads)", "igraph", "networkit", "rustworkx", "networkx"]


# ---------------------------------------------------------------- the worker side

def peak_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return None


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def read_edges(path):
    n, m = (int(x) for x in np.fromfile(path, dtype="<u8", count=2))
    e = np.fromfile(path, dtype="<u4", offset=16).reshape(-1, 2)
    assert len(e) == m, f"{path}: {len(e)} edges, header says {m}"
    return n, e


def igraph_measures(n, e):
    import igraph as ig
    g = ig.Graph(n=n, edges=e, directed=False)
    scale = 2.0 / ((n - 1) * (n - 2))
    return {
        "degree": lambda: g.degree(),
        "pagerank": lambda: g.pagerank(damping=0.85),
        "core_number": lambda: g.coreness(),
        "components": lambda: g.connected_components().membership,
        "transitivity": lambda: [g.transitivity_undirected()],
        "clustering": lambda: g.transitivity_local_undirected(mode="zero"),
        "closeness": lambda: g.closeness(),
        "harmonic": lambda: g.harmonic_centrality(normalized=False),
        "betweenness": lambda: np.asarray(g.betweenness()) * scale,
    }


def networkit_single(nk, fn):
    """fn() on one NetworKit thread (the previous count restored)."""
    def run():
        threads = nk.getMaxNumberOfThreads()
        nk.setNumberOfThreads(1)
        try:
            return fn()
        finally:
            nk.setNumberOfThreads(threads)
    return run


def networkit_measures(n, e, eps, delta, info):
    """NetworKit's calls; the sampling ones leave their sample counts in `info`."""
    import networkit as nk
    nk.setSeed(1, True)
    rows, cols = (np.ascontiguousarray(e[:, k], dtype=np.uint64) for k in (0, 1))
    g = nk.GraphFromCoo((np.ones(len(e)), (rows, cols)), n=n, directed=False, weighted=False)
    g.indexEdges()
    c = nk.centrality

    def kadabra():
        k = c.KadabraBetweenness(g, eps, delta).run()
        info["kadabra"] = f"{k.getNumberOfIterations():,} of {int(k.getOmega()):,} samples"
        return np.asarray(k.scores()) / 2.0 * n / (n - 2)

    def rk():
        a = c.ApproxBetweenness(g, eps, delta, 0.5).run()
        info["approx_betweenness"] = f"{a.numberOfSamples():,} samples"
        return np.asarray(a.scores()) * n / (n - 2)

    return {
        "degree": lambda: c.DegreeCentrality(g).run().scores(),
        "pagerank": lambda: c.PageRank(g, 0.85, 1e-10).run().scores(),
        "core_number": lambda: c.CoreDecomposition(g).run().scores(),
        "components": lambda: nk.components.ConnectedComponents(g).run().getPartition().getVector(),
        "transitivity": lambda: [nk.globals.ClusteringCoefficient.exactGlobal(g)],
        "clustering": lambda: c.LocalClusteringCoefficient(g, turbo=True).run().scores(),
        "closeness": lambda: c.Closeness(g, True, c.ClosenessVariant.GENERALIZED).run().scores(),
        "harmonic": lambda: c.HarmonicCloseness(g, False).run().scores(),
        "betweenness": lambda: np.asarray(c.Betweenness(g, normalized=True).run().scores()),
        # KADABRA reports 2b on an undirected graph, ApproxBetweenness b (module doc)
        "kadabra": networkit_single(nk, lambda: kadabra()),
        "approx_betweenness": networkit_single(nk, lambda: rk()),
    }


def rustworkx_measures(n, e):
    import rustworkx as rx
    g = rx.PyGraph(multigraph=False)
    g.add_nodes_from(range(n))
    g.add_edges_from_no_data([(int(u), int(v)) for u, v in e])

    def comps():
        label = np.empty(n)
        for k, c in enumerate(rx.connected_components(g)):
            label[list(c)] = k
        return label

    def by_node(d):
        return [d[i] for i in range(n)]

    return {
        "degree": lambda: [g.degree(i) for i in range(n)],
        "core_number": lambda: by_node(rx.core_number(g)),
        "components": comps,
        "transitivity": lambda: [rx.transitivity(g)],
        "closeness": lambda: by_node(rx.closeness_centrality(g, wf_improved=True)),
        "betweenness": lambda: by_node(rx.betweenness_centrality(g, normalized=True)),
    }


def networkx_measures(n, e):
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(e.tolist())

    def by_node(d):
        return [d[i] for i in range(n)]

    def comps():
        label = np.empty(n)
        for k, c in enumerate(nx.connected_components(g)):
            label[list(c)] = k
        return label

    return {
        "degree": lambda: [d for _, d in sorted(g.degree())],
        "pagerank": lambda: by_node(nx.pagerank(g, alpha=0.85, tol=1e-10)),
        "core_number": lambda: by_node(nx.core_number(g)),
        "components": comps,
        "transitivity": lambda: [nx.transitivity(g)],
        "clustering": lambda: by_node(nx.clustering(g)),
        "closeness": lambda: by_node(nx.closeness_centrality(g)),
        "harmonic": lambda: by_node(nx.harmonic_centrality(g)),
        "betweenness": lambda: by_node(nx.betweenness_centrality(g)),
    }


def same_partition(a, b):
    """Whether two labelings split the nodes the same way."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    pairs = np.unique(np.stack([a, b]), axis=1)
    return pairs.shape[1] == len(np.unique(a)) == len(np.unique(b))


def approx_agreement(got, want, exact, eps):
    """(ok, shown) for an estimate `got` of another tool's B_N against coprod's
    estimate `want` (within ε (1 + n/(n−2))) and, when given, the exact values
    (within ε n/(n−2)); see the module doc."""
    n = len(want)
    d = float(np.abs(got - want).max()) if n else 0.0
    ok, shown = d <= eps * (1 + n / (n - 2)), f"max {d:.4f} vs coprod"
    if exact is not None:
        x = float(np.abs(got - exact).max()) if n else 0.0
        ok, shown = ok and x <= eps * n / (n - 2), shown + f", {x:.4f} vs exact"
    return ok, shown


def agreement(measure, got, want, exact=None, eps=None):
    """(ok, the number shown): the check of the module doc."""
    got = np.asarray(got, dtype=np.float64)
    if got.shape != want.shape:
        return False, f"shape {got.shape} != {want.shape}"
    if measure in APPROX:
        return approx_agreement(got, want, exact, eps)
    if measure == "components":
        return same_partition(got, want), "partition"
    diff = np.abs(got - want)
    if measure == "pagerank":
        d = float(diff.sum())
        return d <= 1e-4, f"L1 {d:.1e}"
    d = float(diff.max()) if len(diff) else 0.0
    if measure in ("degree", "core_number"):
        return d == 0, f"max {d:g}"
    return d <= 1e-9, f"max {d:.1e}"


def exact_betweenness(coprod_dir):
    """coprod's exact betweenness when this run computed it, else None."""
    f = os.path.join(coprod_dir, "coprod.betweenness.f64")
    return np.fromfile(f, dtype="<f8") if os.path.exists(f) else None


def worker(tool, path, measures, coprod_dir, eps, delta):
    n, e = read_edges(path)
    info = {}
    if tool == "networkit":
        fns = networkit_measures(n, e, eps, delta, info)
    else:
        fns = {"igraph": igraph_measures, "rustworkx": rustworkx_measures,
               "networkx": networkx_measures}[tool](n, e)
    if tool == "networkit" and n > NETWORKIT_RK_MAX_N:
        fns.pop("approx_betweenness")
    del e
    for m in measures:
        if m not in fns:
            continue
        reset_peak()
        t = time.perf_counter()
        values = fns[m]()
        secs = time.perf_counter() - t
        peak = peak_mb()
        want = np.fromfile(os.path.join(coprod_dir, f"coprod.{m}.f64"), dtype="<f8")
        exact = exact_betweenness(coprod_dir) if m in APPROX else None
        ok, shown = agreement(m, values, want, exact, eps)
        if m in info:
            shown += "; " + info[m]
        print(json.dumps({"measure": m, "seconds": secs, "peak_mb": peak, "ok": bool(ok),
                          "agreement": shown}), flush=True)


# ---------------------------------------------------------------- the driver side

def run_lines(cmd, env=None):
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    return {r["measure"]: r for r in map(json.loads, filter(None, out.stdout.splitlines()))}


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, Linux {os.uname().release}"


def versions():
    import importlib.metadata as md
    v = []
    for p in ["igraph", "networkit", "rustworkx", "networkx"]:
        try:
            v.append(f"{p} {md.version(p)}")
        except md.PackageNotFoundError:
            pass
    return ", ".join(v)


def table(size, n, m, measures, results, notes):
    """Markdown: one row per measure and tool."""
    lines = [f"\n#### {size:,} residents (n = {n:,}, m = {m:,})\n",
             "| measure | tool | seconds | ratio to coprod | peak MB | agrees |",
             "|---|---|---:|---:|---:|---|"]
    bad = 0
    for meas in measures:
        base = results.get("coprod", {}).get(meas, {}).get("seconds")
        for tool in TOOLS:
            r = results.get(tool, {}).get(meas)
            if r is None:
                continue
            ratio = "1" if tool == "coprod" else (f"{r['seconds'] / base:.2f}" if base else "-")
            if tool.startswith("coprod"):
                agrees = "(reference)" if tool == "coprod" else "yes (same bits)"
                if tool == "coprod" and meas in notes:
                    agrees = notes[meas]
                    bad += agrees.startswith("DIFF")
            else:
                agrees = ("yes" if r["ok"] else "DIFF") + f" ({r['agreement']})"
                bad += not r["ok"]
            peak = "-" if r["peak_mb"] is None else f"{r['peak_mb']:.0f}"
            lines.append(f"| {meas} | {tool} | {r['seconds']:.4f} | {ratio} | {peak} | {agrees} |")
    return "\n".join(lines), bad


def driver(a):
    here = os.path.dirname(os.path.abspath(__file__))
    sizes = [int(s) for s in a.sizes.split(",") if s]
    if a.big:
        sizes.append(10_000_000)
    tools = [t for t in a.tools.split(",") if t]
    work = a.work
    os.makedirs(work, exist_ok=True)
    print(f"# coprod and its peers on {machine()}")
    print(f"# {versions()}; one run each, wall clock, graph loading not timed", flush=True)
    bad = 0
    for size in sizes:
        path = os.path.join(work, f"community-{size}-{a.seed}.el32")
        if not os.path.exists(path):
            subprocess.run([a.binary, "generate", "--residents", str(size), "--seed", str(a.seed),
                            "--out", path], check=True)
        n, m = (int(x) for x in np.fromfile(path, dtype="<u8", count=2))
        measures = LINEAR + (ALL_PAIRS if n <= ALL_PAIRS_MAX_N else []) + APPROX
        if a.measures:
            measures = [x for x in measures if x in a.measures.split(",")]
        results = {}
        approx_args = ["--epsilon", str(a.epsilon), "--delta", str(a.delta), "--seed", str(a.seed)]
        for label, threads, out in [("coprod", "1", "coprod-1"), ("coprod (2 threads)", "2", "coprod-2")]:
            env = dict(os.environ, RAYON_NUM_THREADS=threads)
            d = os.path.join(work, f"{size}-{out}")
            results[label] = run_lines([a.binary, "run", path, "--measures", ",".join(measures),
                                        "--out", d] + approx_args, env=env)
        d1, d2 = (os.path.join(work, f"{size}-coprod-{t}") for t in (1, 2))
        notes = {}  # coprod's estimates against its exact betweenness, where computed
        exact = exact_betweenness(d1)
        for meas in APPROX:
            r = results["coprod"].get(meas)
            if r is None:
                continue
            shown = f"{r['samples']:,} of {r['max_samples']:,} samples"
            if exact is not None:
                est = np.fromfile(os.path.join(d1, f"coprod.{meas}.f64"), dtype="<f8")
                x = float(np.abs(est - exact).max())
                shown = ("" if x <= a.epsilon else "DIFF ") + shown + f", max {x:.4f} vs exact"
            notes[meas] = shown
        for meas in measures:  # deterministic: two threads give the same bits
            x1, x2 = (open(os.path.join(d, f"coprod.{meas}.f64"), "rb").read() for d in (d1, d2))
            if x1 != x2:
                print(f"# DIFF: coprod {meas} differs between 1 and 2 threads", file=sys.stderr)
                bad += 1
        for tool in tools:
            if tool == "coprod":
                continue
            if tool == "networkx" and size > NETWORKX_MAX_RESIDENTS:
                continue
            print(f"# {size}: {tool}", file=sys.stderr, flush=True)
            try:
                results[tool] = run_lines([sys.executable, os.path.join(here, "peers.py"), "worker",
                                           tool, path, ",".join(measures), d1,
                                           str(a.epsilon), str(a.delta)])
            except subprocess.CalledProcessError as err:
                print(f"# {tool} failed at {size}: {err.stderr[-2000:]}", file=sys.stderr)
                bad += 1
        text, b = table(size, n, m, measures, results, notes)
        bad += b
        print(text, flush=True)
    return 1 if bad else 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        tool, path, measures, coprod_dir, eps, delta = sys.argv[2:8]
        worker(tool, path, measures.split(","), coprod_dir, float(eps), float(delta))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True, help="the `peers` example binary")
    ap.add_argument("--sizes", default="10000,100000,1000000", help="residents, comma-separated")
    ap.add_argument("--big", action="store_true", help="also 10^7 residents (minutes, ~10 GB for the peers)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tools", default="coprod,igraph,networkit,rustworkx,networkx")
    ap.add_argument("--work", default="/tmp/coprod-peers", help="edge lists and coprod's values")
    ap.add_argument("--measures", default="", help="only these (comma-separated; default all)")
    ap.add_argument("--epsilon", type=float, default=0.01, help="ε of the approximate betweenness")
    ap.add_argument("--delta", type=float, default=0.1, help="δ of the approximate betweenness")
    return driver(ap.parse_args())


if __name__ == "__main__":
    sys.exit(main())

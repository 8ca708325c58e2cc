#!/usr/bin/env python3
"""Time the same measures on the same edge list with coprod, NetworkX, igraph and
NetworKit, and print the ratios (tool time / coprod time; > 1 means coprod is faster).

    scripts/bench/compare.sh [--n 10000] [--m 40000] [--seed 42] [--directed]
                             [--measures betweenness,closeness,...] [--skip networkx]

The edge list is written by coprod's generator (seeded G(n, m), ChaCha8), so
every tool reads the same graph. Each measure is timed once per tool, after
loading (graph construction is not timed), wall clock. coprod runs with all
cores (rayon) and again with RAYON_NUM_THREADS=1; NetworKit uses its OpenMP
threads; NetworkX and igraph are single-threaded.
"""
import argparse
import os
import subprocess
import sys
import time

MEASURES = ["betweenness", "closeness", "harmonic", "pagerank", "core_number",
            "components", "transitivity"]


def timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def read_edges(path):
    edges = []
    with open(path) as fh:
        next(fh)
        for line in fh:
            u, v, _ = line.split(",")
            edges.append((int(u), int(v)))
    return edges


def run_networkx(n, edges, directed, measures):
    import networkx as nx
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    fns = {
        "betweenness": lambda: nx.betweenness_centrality(G),
        "closeness": lambda: nx.closeness_centrality(G),
        "harmonic": lambda: nx.harmonic_centrality(G),
        "pagerank": lambda: nx.pagerank(G, tol=1e-10),
        "core_number": lambda: nx.core_number(G),
        "components": lambda: (nx.number_weakly_connected_components(G) if directed
                               else nx.number_connected_components(G)),
        "transitivity": lambda: nx.transitivity(G.to_undirected() if directed else G),
    }
    return {m: timed(fns[m]) for m in measures if m in fns}


def run_igraph(n, edges, directed, measures):
    import igraph as ig
    g = ig.Graph(n=n, edges=edges, directed=directed)
    fns = {
        "betweenness": lambda: g.betweenness(),
        "closeness": lambda: g.closeness(mode="in" if directed else "all"),
        "harmonic": lambda: g.harmonic_centrality(mode="in" if directed else "all"),
        "pagerank": lambda: g.pagerank(),
        "core_number": lambda: g.coreness(),
        "components": lambda: g.connected_components(mode="weak"),
        "transitivity": lambda: g.transitivity_undirected(),
    }
    return {m: timed(fns[m]) for m in measures if m in fns}


def run_networkit(n, edges, directed, measures):
    import networkit as nk
    G = nk.Graph(n, weighted=False, directed=directed)
    for u, v in edges:
        G.addEdge(u, v)
    U = nk.graphtools.toUndirected(G) if directed else G
    fns = {
        "betweenness": lambda: nk.centrality.Betweenness(G, normalized=True).run(),
        "closeness": lambda: nk.centrality.Closeness(
            G, True, nk.centrality.ClosenessVariant.GENERALIZED).run(),
        "harmonic": lambda: nk.centrality.HarmonicCloseness(G, True).run(),
        "pagerank": lambda: nk.centrality.PageRank(G, 0.85, 1e-10).run(),
        "core_number": lambda: nk.centrality.CoreDecomposition(U).run(),
        "components": lambda: (nk.components.WeaklyConnectedComponents(G).run() if directed
                               else nk.components.ConnectedComponents(G).run()),
        "transitivity": lambda: nk.globals.ClusteringCoefficient.exactGlobal(U),
    }
    return {m: timed(fns[m]) for m in measures if m in fns}


def run_coprod(binary, edges_path, n, directed, measures, threads=None):
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    args = [binary, "time", edges_path, "--n", str(n), "--measures", ",".join(measures)]
    if directed:
        args.append("--directed")
    out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        name, secs = line.split()
        res[name] = float(secs)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True, help="the bench_compare example binary")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--m", type=int, default=40_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--directed", action="store_true")
    ap.add_argument("--measures", default=",".join(MEASURES))
    ap.add_argument("--skip", default="", help="comma-separated tools to skip (networkx, igraph, networkit)")
    a = ap.parse_args()
    measures = [m for m in a.measures.split(",") if m]
    skip = set(filter(None, a.skip.split(",")))
    path = f"/tmp/coprod-bench-{a.n}-{a.m}-{a.seed}-{'d' if a.directed else 'u'}.csv"
    subprocess.run([a.binary, "generate", "--n", str(a.n), "--m", str(a.m), "--seed", str(a.seed),
                    *(["--directed"] if a.directed else []), "--out", path], check=True)
    edges = read_edges(path)
    results = {"coprod": run_coprod(a.binary, path, a.n, a.directed, measures),
               "coprod(1 thread)": run_coprod(a.binary, path, a.n, a.directed, measures, threads=1)}
    for tool, fn in [("igraph", run_igraph), ("networkit", run_networkit), ("networkx", run_networkx)]:
        if tool in skip:
            continue
        try:
            results[tool] = fn(a.n, edges, a.directed, measures)
        except ImportError as e:
            print(f"# {tool} not available: {e}", file=sys.stderr)
    tools = list(results)
    print(f"# G(n={a.n}, m={a.m}, seed={a.seed}, {'directed' if a.directed else 'undirected'}); "
          f"seconds, and ratio = tool / coprod (> 1: coprod faster)")
    print("measure".ljust(14) + "".join(t.rjust(18) for t in tools))
    for m in measures:
        base = results["coprod"].get(m)
        row = m.ljust(14)
        for t in tools:
            s = results[t].get(m)
            if s is None:
                row += "-".rjust(18)
            elif t == "coprod" or not base:
                row += f"{s:.4f}s".rjust(18)
            else:
                row += f"{s:.4f}s ({s / base:.1f}x)".rjust(18)
        print(row)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference description lengths of stochastic block models (graph-tool).

Writes tests/fixtures/sbm/<graph>.json: for each graph (the bundled cases'
aggregate views exported by sbm.sh, and seeded random graphs made here), the
value of graph_tool's BlockState(g, b=..., deg_corr=...).entropy(...) for
several partitions under several sets of switches, and the best description
length minimize_blockmodel_dl reached over five seeds, degree-corrected and
plain.

Run with Debian's python3-graph-tool: scripts/reference/sbm.sh (it installs the
package if missing, exports the cases and calls this script).
"""
import argparse
import csv
import json
import os
import platform
import random
import sys

import numpy as np
import graph_tool
import graph_tool.all as gt
from graph_tool.inference import blockmodel

# The switch sets compared, by name (the Rust test maps each to SbmOptions).
VARIANTS = {
    "dc": dict(deg_corr=True),
    "ndc": dict(deg_corr=False),
    "dc_uniform": dict(deg_corr=True, degree_dl_kind="uniform"),
    "dc_entropy": dict(deg_corr=True, degree_dl_kind="entropy"),
    "dc_stirling": dict(deg_corr=True, exact=False),
    "ndc_stirling": dict(deg_corr=False, exact=False),
    "dc_simple": dict(deg_corr=True, multigraph=False),
    "ndc_simple": dict(deg_corr=False, multigraph=False),
    "ndc_dense": dict(deg_corr=False, dense=True),
    "ndc_dense_simple": dict(deg_corr=False, dense=True, multigraph=False),
    "dc_adjacency_only": dict(deg_corr=True, dl=False),
    "dc_no_deg_entropy": dict(deg_corr=True, deg_entropy=False),
    "dc_no_partition_dl": dict(deg_corr=True, partition_dl=False),
    "dc_no_edges_dl": dict(deg_corr=True, edges_dl=False),
    "dc_no_degree_dl": dict(deg_corr=True, degree_dl=False),
}

MINIMIZE_SEEDS = [0, 1, 2, 3, 4]


def build(n, directed, edges):
    g = gt.Graph(directed=directed)
    g.add_vertex(n)
    g.add_edge_list(edges)
    return g


def entropies(g, b):
    bp = g.new_vp("int", vals=b)
    out = {}
    for name, v in VARIANTS.items():
        v = dict(v)
        dc = v.pop("deg_corr")
        state = gt.BlockState(g, b=bp, deg_corr=dc)
        out[name] = state.entropy(**v)
    return out


def minimize(g, dc):
    runs = []
    best = None
    for seed in MINIMIZE_SEEDS:
        gt.seed_rng(seed)
        np.random.seed(seed)
        state = gt.minimize_blockmodel_dl(g, state_args=dict(deg_corr=dc))
        s = state.entropy()
        runs.append(s)
        if best is None or s < best[0]:
            best = (s, [int(x) for x in state.get_blocks().a], int(state.get_nonempty_B()))
    return {"runs": runs, "best": best[0], "b": best[1], "blocks": best[2],
            "seeds": MINIMIZE_SEEDS, "call": "minimize_blockmodel_dl(g, state_args=dict(deg_corr=%s))" % dc}


def random_partitions(n, seed, sizes=(2, 3, 5)):
    rng = np.random.RandomState(seed)
    return [(f"random_{k}", [int(x) for x in rng.randint(0, k, n)]) for k in sizes]


def write(out_dir, name, n, directed, edges, partitions, ids=None, do_minimize=True):
    g = build(n, directed, edges)
    # graph-tool's table of q(n, k) at its largest (10^4): the value of
    # log q then does not depend on the graphs measured before in this process.
    blockmodel.init_q_cache(10_000)
    doc = {
        "name": name,
        "tool": "graph-tool",
        "version": graph_tool.__version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "reference_call": "graph_tool.inference.BlockState(g, b=b, deg_corr=dc).entropy(**switches)",
        "variants": {k: {kk: vv for kk, vv in v.items()} for k, v in VARIANTS.items()},
        "directed": directed,
        "n": n,
        "edges": [list(e) for e in edges],
        "partitions": [],
    }
    if ids is not None:
        doc["ids"] = ids
    for pname, b in partitions:
        doc["partitions"].append({"name": pname, "b": b, "entropy": entropies(g, b)})
    if do_minimize:
        doc["minimize"] = {"dc": minimize(g, True), "ndc": minimize(g, False)}
    path = os.path.join(out_dir, name + ".json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
    print(f"sbm.py: {path}: n {n}, {len(edges)} edges, {len(partitions)} partitions", file=sys.stderr)


def gnm(n, m, directed, seed, multi=False, loops=0):
    r = random.Random(seed)
    edges = set() if not multi else []
    while len(edges) < m:
        u, v = r.randrange(n), r.randrange(n)
        if u == v:
            continue
        if not directed and u > v:
            u, v = v, u
        if multi:
            edges.append((u, v))
        else:
            edges.add((u, v))
    edges = sorted(edges)
    for _ in range(loops):
        u = r.randrange(n)
        edges.append((u, u))
    if multi:
        # a few pairs repeated
        for _ in range(m // 5):
            edges.append(edges[r.randrange(m)])
    return edges


def planted(sizes, p_in, p_out, directed, seed):
    r = random.Random(seed)
    b = [k for k, s in enumerate(sizes) for _ in range(s)]
    n = len(b)
    edges = []
    for u in range(n):
        for v in range(n):
            if u == v or (not directed and v < u):
                continue
            p = p_in if b[u] == b[v] else p_out
            if r.random() < p:
                edges.append((u, v))
    return n, edges, b


def case_graphs(case_dir):
    """(name, n, directed, edges, partitions, ids) for each exported case view."""
    out = []
    for entry in sorted(os.listdir(case_dir)):
        if not entry.endswith(".nodes.csv"):
            continue
        stem = entry[: -len(".nodes.csv")]
        case, view = stem.rsplit("_", 1)
        with open(os.path.join(case_dir, entry)) as f:
            nodes = list(csv.DictReader(f))
        ids = [row["id"] for row in nodes]
        index = {x: i for i, x in enumerate(ids)}
        with open(os.path.join(case_dir, stem + ".edges.csv")) as f:
            edges = [(index[row["source"]], index[row["target"]]) for row in csv.DictReader(f)]
        n = len(ids)

        def by(attr):
            labels = sorted({row[attr] for row in nodes})
            return [labels.index(row[attr]) for row in nodes]

        parts = [("one_block", [0] * n),
                 ("party_vs_rest", [1 if row["kind"] == "party" else 0 for row in nodes]),
                 ("kind", by("kind")),
                 ("sector", by("sector"))]
        parts += random_partitions(n, seed=len(ids) * 7 + (view == "sym"))
        out.append((f"case_{case}_{view}", n, view == "agg", edges, parts, ids))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", help="directory of <case>_<agg|sym>.{nodes,edges}.csv from sbm.sh")
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    jobs = []
    if args.cases:
        jobs += [(c[0], c) for c in case_graphs(args.cases)]
    for name, n, m, directed, seed, multi, loops in [
        ("u_gnm_30", 30, 60, False, 11, False, 0),
        ("d_gnm_30", 30, 80, True, 12, False, 0),
        ("u_multi_25", 25, 50, False, 13, True, 4),
        ("d_multi_25", 25, 60, True, 14, True, 4),
        ("u_gnm_3000", 3000, 6000, False, 15, False, 0),
        ("d_gnm_3000", 3000, 12000, True, 16, False, 0),
    ]:
        edges = gnm(n, m, directed, seed, multi, loops)
        parts = [("one_block", [0] * n)] + random_partitions(n, seed)
        jobs.append((name, (name, n, directed, edges, parts, None)))
    for name, sizes, p_in, p_out, directed, seed in [
        ("u_planted_120", [40, 40, 40], 0.15, 0.01, False, 21),
        ("d_planted_90", [30, 30, 30], 0.12, 0.01, True, 22),
        ("u_hubs_80", [5, 75], 0.6, 0.08, False, 23),
    ]:
        n, edges, b = planted(sizes, p_in, p_out, directed, seed)
        parts = [("one_block", [0] * n), ("planted", b)] + random_partitions(n, seed)
        jobs.append((name, (name, n, directed, edges, parts, None)))
    for name, (gname, n, directed, edges, parts, ids) in jobs:
        if args.only and name not in args.only:
            continue
        write(args.out, gname, n, directed, edges, parts, ids, do_minimize=n <= 1000)


if __name__ == "__main__":
    main()

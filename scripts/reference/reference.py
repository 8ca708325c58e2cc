#!/usr/bin/env python3
"""Reference values from NetworkX, python-igraph and R sna for coprod's tests.

Usage (with the venv python, see setup.sh / run.sh):

    reference.py [--out DIR] [--only NAME ...]
        all built-in graphs of graphs.py -> DIR/<name>.json
        (default DIR: tests/fixtures/reference at the repo root)

    reference.py --edge-list FILE.csv --name NAME [--directed | --undirected]
                 [--nodes FILE] [--partition FILE] [--group ID,ID,...]
                 [--weighted | --unweighted] [--out DIR]
        one case graph -> DIR/NAME.json (default DIR: tests/fixtures/reference/cases)

    Common: --no-sna (skip R). Cross-tool consistency checks always run; each
    mismatch is printed as a WARN line and recorded in the fixture's "notes".

See README.md for the key table and conventions.
"""

import argparse
import csv
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in scripts/reference

import graphs  # noqa: E402
from graphs import nx_graph  # noqa: E402

import networkx as nx  # noqa: E402
import igraph as ig  # noqa: E402


class Skip(Exception):
    """The measure does not apply to this graph: the key is omitted."""


# ---------------------------------------------------------------------------
# value helpers
# ---------------------------------------------------------------------------


def clean(x):
    """JSON-ready: numpy -> python, NaN/inf -> None, tuples -> lists."""
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        return (x + 0.0) if math.isfinite(x) else None  # + 0.0 turns -0.0 into 0.0
    if x is None:
        return None
    raise TypeError(f"unexpected value type {type(x)}")


class Collector:
    def __init__(self):
        self.values = {}
        self.notes = {}

    def put(self, key, fn):
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                v = fn()
            msgs = sorted({str(w.message).split(" Location:")[0] for w in caught})
            if msgs:
                self.note(key, "warning: " + " | ".join(msgs))
        except Skip:
            return
        except nx.NetworkXNotImplemented:
            return
        except Exception as e:  # applies but failed: null + note
            self.values[key] = None
            self.notes[key] = f"{type(e).__name__}: {e}".strip()
            return
        self.values[key] = clean(v)

    def null(self, key, why):
        self.values[key] = None
        self.notes[key] = why

    def note(self, key, text):
        self.notes[key] = self.notes[key] + " | " + text if key in self.notes else text


def node_list(d, n):
    return [d[v] for v in range(n)]


def membership(components, n):
    """Canonical component labelling: components ordered by their smallest
    node; each node gets the index of its component."""
    comps = sorted((sorted(c) for c in components), key=lambda c: c[0])
    lab = [None] * n
    for i, c in enumerate(comps):
        for v in c:
            lab[v] = i
    return lab


# ---------------------------------------------------------------------------
# eigenvector well-posedness
# ---------------------------------------------------------------------------


def adjacency(spec, weighted):
    n = spec["n"]
    M = np.zeros((n, n))
    for u, v, w in spec["edges"]:
        M[u, v] = w if weighted else 1.0
        if not spec["directed"]:
            M[v, u] = M[u, v]
    return M


def spectral_issue(M, shifted):
    """Why the principal eigenvector of M is not a well-defined power-iteration
    result, or None. shifted=True: iteration on (M + I) (NetworkX) -- only
    uniqueness matters; shifted=False: iteration on M itself (sna) -- also
    other eigenvalues of the same modulus (periodic / bipartite) break it."""
    if M.shape[0] == 0:
        return "empty graph"
    vals = np.linalg.eigvals(M)
    rho = float(max(abs(vals)))
    if rho < 1e-9:
        return "spectral radius is 0 (acyclic digraph / no edges): no eigenvector centrality"
    tol = 1e-6 * max(1.0, rho)
    mult = int(np.sum(abs(vals - rho) < tol))
    if mult > 1:
        return (f"dominant eigenvalue {rho:.6g} has multiplicity {mult}: eigenvector not "
                f"unique (result depends on the start vector)")
    if not shifted:
        same_mod = int(np.sum(abs(abs(vals) - rho) < tol))
        if same_mod > mult:
            return (f"{same_mod - mult} other eigenvalue(s) of modulus {rho:.6g} "
                    f"(periodic, e.g. bipartite): unshifted power iteration does not converge")
    return None


def spectral_radius(M):
    return float(max(abs(np.linalg.eigvals(M)))) if M.shape[0] else 0.0


# ---------------------------------------------------------------------------
# NetworkX
# ---------------------------------------------------------------------------


def compute_networkx(spec, C):
    n, D, W = spec["n"], spec["directed"], spec["weighted"]
    G = nx_graph(spec)
    group = spec["group"]
    nl = lambda d: node_list(d, n)  # noqa: E731
    P = "networkx."

    C.put(P + "degree_centrality", lambda: nl(nx.degree_centrality(G)))
    if D:
        C.put(P + "in_degree_centrality", lambda: nl(nx.in_degree_centrality(G)))
        C.put(P + "out_degree_centrality", lambda: nl(nx.out_degree_centrality(G)))

    # closeness / harmonic (directed: NetworkX uses incoming distances)
    C.put(P + "closeness_centrality", lambda: nl(nx.closeness_centrality(G)))
    C.put(P + "closeness_centrality.wf_false", lambda: nl(nx.closeness_centrality(G, wf_improved=False)))
    if D:
        C.put(P + "closeness_centrality.reverse", lambda: nl(nx.closeness_centrality(G.reverse(copy=True))))
    if W:
        C.put(P + "closeness_centrality.distance_weight",
              lambda: nl(nx.closeness_centrality(G, distance="weight")))
    C.put(P + "harmonic_centrality", lambda: nl(nx.harmonic_centrality(G)))
    if D:
        C.put(P + "harmonic_centrality.reverse", lambda: nl(nx.harmonic_centrality(G.reverse(copy=True))))
    if W:
        C.put(P + "harmonic_centrality.distance_weight",
              lambda: nl(nx.harmonic_centrality(G, distance="weight")))

    # betweenness
    C.put(P + "betweenness_centrality", lambda: nl(nx.betweenness_centrality(G, normalized=True)))
    C.put(P + "betweenness_centrality.raw", lambda: nl(nx.betweenness_centrality(G, normalized=False)))
    C.put(P + "betweenness_centrality.endpoints",
          lambda: nl(nx.betweenness_centrality(G, normalized=True, endpoints=True)))
    if W:
        C.put(P + "betweenness_centrality.weight",
              lambda: nl(nx.betweenness_centrality(G, normalized=True, weight="weight")))

    def edge_aligned(d):
        out = []
        for u, v, _ in spec["edges"]:
            out.append(d[(u, v)] if (u, v) in d else d[(v, u)])
        return out

    C.put(P + "edge_betweenness_centrality",
          lambda: edge_aligned(nx.edge_betweenness_centrality(G, normalized=True)))
    if W:
        C.put(P + "edge_betweenness_centrality.weight",
              lambda: edge_aligned(nx.edge_betweenness_centrality(G, normalized=True, weight="weight")))

    # eigenvector / katz / pagerank
    A1 = adjacency(spec, False)
    issue = spectral_issue(A1, shifted=True)
    if issue:
        C.null(P + "eigenvector_centrality", issue)
    else:
        C.put(P + "eigenvector_centrality",
              lambda: nl(nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight=None)))
    if W:
        Aw = adjacency(spec, True)
        issue = spectral_issue(Aw, shifted=True)
        if issue:
            C.null(P + "eigenvector_centrality.weight", issue)
        else:
            C.put(P + "eigenvector_centrality.weight",
                  lambda: nl(nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight="weight")))

    C.put(P + "pagerank", lambda: nl(nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=10000, weight=None)))
    if W:
        C.put(P + "pagerank.weight",
              lambda: nl(nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=10000, weight="weight")))

    # Katz: alpha=0.1 unweighted; the weighted variant uses alpha=0.02 because
    # weights up to 5 push the spectral radius past 10
    for key, wt, M, alpha in [("katz_centrality", None, A1, 0.1)] + (
            [("katz_centrality.weight", "weight", adjacency(spec, True), 0.02)] if W else []):
        rho = spectral_radius(M)
        if rho >= 1 / alpha:
            C.null(P + key, f"alpha={alpha} >= 1/spectral radius (rho={rho:.6g}): Katz series diverges")
        else:
            C.put(P + key, lambda wt=wt, alpha=alpha: nl(nx.katz_centrality(
                G, alpha=alpha, beta=1.0, max_iter=10000, tol=1e-13, normalized=True, weight=wt)))

    # group centralities of spec["group"]
    C.put(P + "group_degree_centrality", lambda: nx.group_degree_centrality(G, group))
    if D:
        C.put(P + "group_in_degree_centrality", lambda: nx.group_in_degree_centrality(G, group))
        C.put(P + "group_out_degree_centrality", lambda: nx.group_out_degree_centrality(G, group))
    C.put(P + "group_closeness_centrality", lambda: nx.group_closeness_centrality(G, group))
    C.put(P + "group_betweenness_centrality",
          lambda: nx.group_betweenness_centrality(G, group, normalized=True, endpoints=False))
    C.put(P + "group_betweenness_centrality.raw",
          lambda: nx.group_betweenness_centrality(G, group, normalized=False, endpoints=False))

    # structural holes (Burt); alters = all neighbours (in or out)
    alters = [set(nx.all_neighbors(G, v)) if D else set(G[v]) for v in range(n)]
    for suffix, wt in [("", None)] + ([(".weight", "weight")] if W else []):
        es = nx.effective_size(G, weight=wt)
        C.put(P + "effective_size" + suffix, lambda es=es: nl(es))
        C.put(P + "efficiency" + suffix,
              lambda es=es: [es[v] / len(alters[v]) if alters[v] else None for v in range(n)])
        C.put(P + "constraint" + suffix, lambda wt=wt: nl(nx.constraint(G, weight=wt)))

        def lc(wt=wt):
            return [[nx.local_constraint(G, u, v, weight=wt) if v in alters[u] else None
                     for v in range(n)] for u in range(n)]
        C.put(P + "local_constraint" + suffix, lc)

    # cohesion
    C.put(P + "density", lambda: nx.density(G))
    if D:
        C.put(P + "reciprocity", lambda: nx.overall_reciprocity(G))
    if not D:  # on a DiGraph nx.transitivity silently uses successor sets: not computed
        C.put(P + "transitivity", lambda: nx.transitivity(G))
    C.put(P + "average_clustering", lambda: nx.average_clustering(G, count_zeros=True))
    C.put(P + "clustering", lambda: nl(nx.clustering(G)))
    if W:
        C.put(P + "average_clustering.weight",
              lambda: nx.average_clustering(G, weight="weight", count_zeros=True))
        C.put(P + "clustering.weight", lambda: nl(nx.clustering(G, weight="weight")))
    if D:
        C.put(P + "triadic_census", lambda: nx.triadic_census(G))
    C.put(P + "core_number", lambda: nl(nx.core_number(G)))
    if not D:
        C.put(P + "articulation_points", lambda: sorted(nx.articulation_points(G)))
        C.put(P + "bridges", lambda: sorted([min(u, v), max(u, v)] for u, v in nx.bridges(G)))
    C.put(P + "node_connectivity", lambda: nx.node_connectivity(G))
    C.put(P + "edge_connectivity", lambda: nx.edge_connectivity(G))

    # components
    if D:
        C.put(P + "number_weakly_connected_components", lambda: nx.number_weakly_connected_components(G))
        C.put(P + "number_strongly_connected_components", lambda: nx.number_strongly_connected_components(G))
        C.put(P + "weakly_connected_components.membership",
              lambda: membership(nx.weakly_connected_components(G), n))
        C.put(P + "strongly_connected_components.membership",
              lambda: membership(nx.strongly_connected_components(G), n))
        connected = nx.is_strongly_connected(G)
        why = "not strongly connected"
    else:
        C.put(P + "number_connected_components", lambda: nx.number_connected_components(G))
        C.put(P + "connected_components.membership", lambda: membership(nx.connected_components(G), n))
        connected = nx.is_connected(G)
        why = "not connected"
    for key, fn in [("average_shortest_path_length", lambda: nx.average_shortest_path_length(G)),
                    ("diameter", lambda: nx.diameter(G))] + (
            [("average_shortest_path_length.weight",
              lambda: nx.average_shortest_path_length(G, weight="weight")),
             ("diameter.weight", lambda: nx.diameter(G, weight="weight"))] if W else []):
        if connected:
            C.put(P + key, fn)
        else:
            C.null(P + key, why)
    if not D:
        C.put(P + "global_efficiency", lambda: nx.global_efficiency(G))
        C.put(P + "local_efficiency", lambda: nx.local_efficiency(G))


def _bfs_sigma(G, s, banned):
    """Unweighted single-source distances and shortest-path counts in G - banned."""
    dist, sigma = {s: 0}, {s: 1}
    frontier = [s]
    while frontier:
        nxt = []
        for u in frontier:
            for w in G.successors(u) if G.is_directed() else G.neighbors(u):
                if w in banned:
                    continue
                if w not in dist:
                    dist[w] = dist[u] + 1
                    sigma[w] = 0
                    nxt.append(w)
                if dist[w] == dist[u] + 1:
                    sigma[w] += sigma[u]
        frontier = nxt
    return dist, sigma


def bruteforce_group_betweenness(G, group):
    """Everett-Borgatti group betweenness by definition (unweighted): sum over
    ordered pairs s != t, both outside C, t reachable from s, of the fraction of
    shortest s-t paths that meet C. Returns (normalized, raw) with NetworkX's
    conventions: normalized = ordered sum / ((n-c)(n-c-1)); raw = ordered sum,
    halved for undirected graphs (i.e. the sum over unordered pairs)."""
    n, C = G.number_of_nodes(), set(group)
    total = 0.0
    for s in G:
        if s in C:
            continue
        d, sg = _bfs_sigma(G, s, set())
        d2, sg2 = _bfs_sigma(G, s, C)
        for t in d:
            if t == s or t in C:
                continue
            avoid = sg2[t] if d2.get(t) == d[t] else 0
            total += 1.0 - avoid / sg[t]
    c = len(C)
    norm = total / ((n - c) * (n - c - 1)) if n - c > 1 else None
    raw = total if G.is_directed() else total / 2
    return norm, raw


def compute_bruteforce(spec, C):
    G = nx_graph(spec)
    res = bruteforce_group_betweenness(G, spec["group"])
    C.put("bruteforce.group_betweenness_centrality", lambda: res[0])
    C.put("bruteforce.group_betweenness_centrality.raw", lambda: res[1])


# ---------------------------------------------------------------------------
# python-igraph
# ---------------------------------------------------------------------------


def compute_igraph(spec, C):
    n, D, W = spec["n"], spec["directed"], spec["weighted"]
    g = ig.Graph(n=n, edges=[(u, v) for u, v, _ in spec["edges"]], directed=D)
    g.es["weight"] = [w for _, _, w in spec["edges"]]
    P = "igraph."
    mode = "out" if D else "all"
    wvars = [("", None)] + ([(".weight", "weight")] if W else [])

    for sfx, wt in wvars:
        C.put(P + "closeness" + sfx, lambda wt=wt: g.closeness(mode=mode, normalized=True, weights=wt))
        C.put(P + "harmonic_centrality" + sfx,
              lambda wt=wt: g.harmonic_centrality(mode=mode, normalized=True, weights=wt))
        if D:
            C.put(P + "closeness.in" + sfx, lambda wt=wt: g.closeness(mode="in", normalized=True, weights=wt))
            C.put(P + "harmonic_centrality.in" + sfx,
                  lambda wt=wt: g.harmonic_centrality(mode="in", normalized=True, weights=wt))
        C.put(P + "betweenness" + sfx, lambda wt=wt: g.betweenness(directed=True, weights=wt))
        C.put(P + "edge_betweenness" + sfx, lambda wt=wt: g.edge_betweenness(directed=True, weights=wt))
        C.put(P + "pagerank" + sfx, lambda wt=wt: g.pagerank(directed=True, damping=0.85, weights=wt))
        C.put(P + "constraint" + sfx, lambda wt=wt: g.constraint(weights=wt))
        C.put(P + "average_path_length" + sfx,
              lambda wt=wt: g.average_path_length(directed=True, unconn=True, weights=wt))
        C.put(P + "diameter" + sfx, lambda wt=wt: g.diameter(directed=True, unconn=True, weights=wt))

        issue = spectral_issue(adjacency(spec, wt is not None), shifted=True)
        if issue:
            C.null(P + "eigenvector_centrality" + sfx, issue)
        else:
            # python-igraph's RNG is Python's `random`: seed it so ARPACK's start vector
            # (and hence the last bits of the result) is reproducible
            C.put(P + "eigenvector_centrality" + sfx,
                  lambda wt=wt: (random.seed(20240101),
                                 g.eigenvector_centrality(directed=True, scale=True, weights=wt))[1])

    if D:
        for m in ("in", "out", "all"):
            C.put(P + "coreness." + m, lambda m=m: g.coreness(mode=m))
    else:
        C.put(P + "coreness.all", lambda: g.coreness(mode="all"))

    # igraph's transitivity functions ignore edge directions (mutual pairs collapse)
    C.put(P + "transitivity_undirected", lambda: g.transitivity_undirected())
    C.put(P + "transitivity_avglocal_undirected.zero", lambda: g.transitivity_avglocal_undirected(mode="zero"))
    C.put(P + "transitivity_avglocal_undirected.nan", lambda: g.transitivity_avglocal_undirected(mode="nan"))
    C.put(P + "transitivity_local_undirected", lambda: g.transitivity_local_undirected(mode="nan"))
    C.put(P + "transitivity_local_undirected.zero", lambda: g.transitivity_local_undirected(mode="zero"))
    if W and not D:
        C.put(P + "transitivity_local_undirected.weight",
              lambda: g.transitivity_local_undirected(mode="nan", weights="weight"))

    if D:
        C.put(P + "reciprocity", lambda: g.reciprocity(ignore_loops=True, mode="default"))
        C.put(P + "reciprocity.ratio", lambda: g.reciprocity(ignore_loops=True, mode="ratio"))
        C.put(P + "triad_census",
              lambda: {k: int(g_tc[k]) for k in ig.datatypes.TriadCensus._remap
                       for g_tc in [g.triad_census()]})
    C.put(P + "density", lambda: g.density(loops=False))


# ---------------------------------------------------------------------------
# R sna (one Rscript run for all graphs)
# ---------------------------------------------------------------------------


def parse_num(s):
    if s in ("NA", "NaN", "Inf", "-Inf"):
        return None
    return float(s)


def compute_sna(specs, workdir):
    man = ["name\tn\tdirected\tweighted\tpartition"]
    for s in specs:
        man.append("\t".join([s["name"], str(s["n"]), "1" if s["directed"] else "0",
                              "1" if s["weighted"] else "0", ",".join(map(str, s["partition"]))]))
        with open(os.path.join(workdir, s["name"] + ".edges.csv"), "w") as f:
            f.write("u,v,w\n")
            for u, v, w in s["edges"]:
                f.write(f"{u + 1},{v + 1},{w!r}\n")
    with open(os.path.join(workdir, "manifest.tsv"), "w") as f:
        f.write("\n".join(man) + "\n")
    subprocess.run(["Rscript", "--vanilla", os.path.join(HERE, "sna_reference.R"), workdir], check=True)
    versions = dict(line.rstrip("\n").split("\t") for line in open(os.path.join(workdir, "versions.tsv")))
    results = {}
    for s in specs:
        vals, notes = {}, {}
        for line in open(os.path.join(workdir, s["name"] + ".out.tsv"), encoding="utf-8"):
            line = line.rstrip("\n")
            if not line:
                continue
            key, typ, body = line.split("\t", 2)
            if typ == "S":
                vals[key] = parse_num(body)
            elif typ == "V":
                vals[key] = [parse_num(x) for x in body.split(",")] if body else []
            elif typ == "D":
                d = {}
                for item in body.split(","):
                    k, x = item.split("=")
                    x = parse_num(x)
                    d[k] = int(x) if x is not None and x == int(x) else x
                vals[key] = d
            elif typ == "E":
                vals[key] = None
                notes[key] = "R error: " + body
            elif typ == "W":
                notes[key] = (notes.get(key, "") + " | " if key in notes else "") + "R warning: " + body
        results[s["name"]] = (vals, notes)
    return results, versions


def check_sna_evcent(spec, vals, notes):
    """sna's evcent is an unshifted power iteration on A (x_i ~ sum_j A_ij x_j,
    i.e. OUT-edges), tol 1e-10: null it when the problem is ill-posed or the
    result is not an eigenvector (residual check)."""
    for key, weighted in [("sna.evcent", False), ("sna.evcent.valued", True)]:
        if key not in vals or vals[key] is None:
            continue
        M = adjacency(spec, weighted)
        issue = spectral_issue(M, shifted=False)
        if issue is None:
            x = np.array(vals[key], dtype=float)
            y = M @ x
            lam = float(x @ y)
            res = float(np.linalg.norm(y - lam * x))
            if res > 1e-6 * max(1.0, lam):
                issue = f"sna power iteration did not converge (residual {res:.3g})"
        if issue:
            vals[key] = None
            notes[key] = issue
            if not weighted and "sna.centralization.evcent" in vals:
                vals["sna.centralization.evcent"] = None
                notes["sna.centralization.evcent"] = "evcent ill-posed: " + issue


# ---------------------------------------------------------------------------
# cross-tool consistency (sanity check of the pipeline, printed only)
# ---------------------------------------------------------------------------


def crosscheck(spec, v):
    """Compare overlapping measures between tools (and brute force). Returns
    [(key_to_annotate, message)]. A mismatch is a fact about the tools, kept
    in the fixture's notes; it does not stop the run."""
    n, D, W = spec["n"], spec["directed"], spec["weighted"]
    warns = []

    def close(a, b, tol=1e-8):
        if a is None or b is None:
            return a is None and b is None
        if isinstance(a, list):
            return len(a) == len(b) and all(close(x, y, tol) for x, y in zip(a, b))
        if isinstance(a, dict):
            return a.keys() == b.keys() and all(close(a[k], b[k], tol) for k in a)
        return abs(a - b) <= tol * max(1.0, abs(a), abs(b))

    def short(x):
        if isinstance(x, float):
            return f"{x:.10g}"
        if isinstance(x, list):
            return "[" + ",".join(short(y) for y in x) + "]"
        return str(x)

    def cmp(k1, k2, f1=lambda x: x, f2=lambda x: x, tol=1e-8, on=None, what=None):
        if k1 in v and k2 in v and v[k1] is not None and v[k2] is not None:
            a, b = f1(v[k1]), f2(v[k2])
            if not close(a, b, tol):
                this = on or k2
                other = k1 if this == k2 else k2
                if this == k2:
                    a, b = b, a  # now a: the annotated key's value, b: the other key's
                if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
                    idx = [i for i, (x, y) in enumerate(zip(a, b)) if not close(x, y, tol)]
                    detail = "; ".join(f"[{i}] {short(a[i])} here vs {short(b[i])}" for i in idx[:6])
                    detail += f" ({len(idx)} entries differ)" if len(idx) > 6 else ""
                else:
                    detail = f"{short(a)} here vs {short(b)}"
                warns.append((this, f"differs from {other}"
                              f"{' (' + what + ')' if what else ''}: {detail}"))

    nm1 = lambda xs: [x * (n - 1) if x is not None else None for x in xs]  # noqa: E731
    zero_nan = lambda xs: [0.0 if x is None else x for x in xs]  # noqa: E731
    pairs = (n - 1) * (n - 2) / (1 if D else 2)
    cmp("networkx.betweenness_centrality.raw", "igraph.betweenness")
    cmp("networkx.betweenness_centrality.raw", "sna.betweenness")
    if W:
        cmp("networkx.betweenness_centrality.weight", "igraph.betweenness.weight",
            f2=lambda xs: [x / pairs for x in xs])
        cmp("networkx.betweenness_centrality.weight", "sna.betweenness.valued",
            f2=lambda xs: [x / pairs for x in xs], what="both rescaled to networkx normalisation")
        cmp("networkx.edge_betweenness_centrality.weight", "igraph.edge_betweenness.weight",
            f2=lambda xs: [x / (n * (n - 1) / (1 if D else 2)) for x in xs])
    cmp("bruteforce.group_betweenness_centrality", "networkx.group_betweenness_centrality",
        on="networkx.group_betweenness_centrality")
    cmp("bruteforce.group_betweenness_centrality.raw", "networkx.group_betweenness_centrality.raw",
        on="networkx.group_betweenness_centrality.raw")
    cmp("networkx.density", "igraph.density")
    cmp("networkx.density", "sna.gden")
    cmp("networkx.core_number", "igraph.coreness.all")
    cmp("networkx.constraint", "igraph.constraint")
    if W:
        cmp("networkx.constraint.weight", "igraph.constraint.weight")
    cmp("networkx.edge_betweenness_centrality", "igraph.edge_betweenness",
        f2=lambda xs: [x / (n * (n - 1) / (1 if D else 2)) for x in xs])
    cmp("networkx.pagerank", "igraph.pagerank", tol=1e-9)
    if W:
        cmp("networkx.pagerank.weight", "igraph.pagerank.weight", tol=1e-9)
    cmp("networkx.eigenvector_centrality", "igraph.eigenvector_centrality",
        f1=lambda xs: [x / max(xs) for x in xs], tol=1e-6)
    cmp("networkx.degree_centrality", "sna.degree" if not D else "sna.degree.freeman", f1=nm1)
    connected = nx_strong(spec)
    if D:
        U = nx_graph(spec).to_undirected()
        v["_u.transitivity"] = nx.transitivity(U)
        v["_u.clustering"] = [nx.clustering(U)[i] for i in range(n)]
        cmp("_u.transitivity", "igraph.transitivity_undirected", what="networkx on the undirected version")
        cmp("_u.clustering", "igraph.transitivity_local_undirected.zero",
            what="networkx on the undirected version")
        del v["_u.transitivity"], v["_u.clustering"]
        cmp("networkx.in_degree_centrality", "sna.degree.indegree", f1=nm1)
        cmp("networkx.reciprocity", "igraph.reciprocity")
        cmp("networkx.reciprocity", "sna.grecip.edgewise")
        cmp("networkx.triadic_census", "igraph.triad_census")
        cmp("networkx.triadic_census", "sna.triad.census")
        cmp("networkx.harmonic_centrality", "igraph.harmonic_centrality.in", f2=nm1)
        cmp("networkx.harmonic_centrality.reverse", "igraph.harmonic_centrality", f2=nm1)
        cmp("networkx.harmonic_centrality.reverse", "sna.closeness.suminvdir", f2=nm1)
        cmp("networkx.closeness_centrality.wf_false", "igraph.closeness.in", f2=zero_nan)
        if connected:
            cmp("networkx.closeness_centrality.reverse", "sna.closeness.directed")
    else:
        cmp("networkx.transitivity", "igraph.transitivity_undirected")
        cmp("networkx.transitivity", "sna.gtrans")
        cmp("networkx.clustering", "igraph.transitivity_local_undirected.zero")
        cmp("networkx.average_clustering", "igraph.transitivity_avglocal_undirected.zero")
        cmp("networkx.harmonic_centrality", "igraph.harmonic_centrality", f2=nm1)
        cmp("networkx.harmonic_centrality", "sna.closeness.suminvundir", f2=nm1)
        cmp("networkx.closeness_centrality.wf_false", "igraph.closeness", f2=zero_nan)
        if W:
            cmp("networkx.harmonic_centrality.distance_weight", "igraph.harmonic_centrality.weight", f2=nm1)
            cmp("networkx.harmonic_centrality.distance_weight", "sna.closeness.suminvundir.valued", f2=nm1)
        if connected:
            if W:
                cmp("networkx.closeness_centrality.distance_weight", "igraph.closeness.weight")
            cmp("networkx.closeness_centrality", "sna.closeness.undirected")
            cmp("networkx.average_shortest_path_length", "igraph.average_path_length")
            cmp("networkx.diameter", "igraph.diameter")
            if W:
                cmp("networkx.closeness_centrality.distance_weight", "sna.closeness.undirected.valued")
                cmp("networkx.average_shortest_path_length.weight", "igraph.average_path_length.weight")
                cmp("networkx.diameter.weight", "igraph.diameter.weight")
        cmp("networkx.eigenvector_centrality", "sna.evcent",
            f1=lambda xs: [x / math.sqrt(sum(y * y for y in xs)) for x in xs], tol=1e-6)
    return warns


def nx_strong(spec):
    G = nx_graph(spec)
    return nx.is_strongly_connected(G) if spec["directed"] else nx.is_connected(G)


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------


def tool_versions(sna_versions):
    return {
        "networkx": nx.__version__,
        "python-igraph": ig.__version__,
        "igraph-c": ig._igraph.__igraph_version__,
        "R": sna_versions.get("R") if sna_versions else None,
        "sna": sna_versions.get("sna") if sna_versions else None,
        "bruteforce": "reference.py (group betweenness by definition)",
        "numpy": np.__version__,
        "scipy": __import__("scipy").__version__,
    }


def dump(obj):
    """Compact JSON, one top-level field and one value key per line."""
    lines = ["{"]
    top = [k for k in obj if k != "values"]
    for k in top:
        lines.append(f" {json.dumps(k)}: {json.dumps(obj[k], allow_nan=False, separators=(',', ':'))},")
    lines.append(' "values": {')
    items = list(obj["values"].items())
    for i, (k, val) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"  {json.dumps(k)}: {json.dumps(val, allow_nan=False, separators=(',', ':'))}{comma}")
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def build_fixture(spec, values, notes, versions):
    return {
        "name": spec["name"],
        "directed": spec["directed"],
        "weighted": spec["weighted"],
        "n": spec["n"],
        "labels": spec["labels"],
        "edges": spec["edges"],
        "partition": spec["partition"],
        "group": spec["group"],
        "tools": versions,
        "notes": dict(sorted(notes.items())),
        "values": dict(sorted(values.items())),
    }


def process(specs, outdir, use_sna=True):
    os.makedirs(outdir, exist_ok=True)
    t0 = time.time()
    sna_res, sna_versions = {}, {}
    if use_sna:
        work = tempfile.mkdtemp(prefix="coprod-sna-")
        try:
            sna_res, sna_versions = compute_sna(specs, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"sna: {len(specs)} graphs in {time.time() - t0:.1f}s", file=sys.stderr)
    versions = tool_versions(sna_versions)
    total_warn = 0
    for spec in specs:
        t1 = time.time()
        C = Collector()
        compute_networkx(spec, C)
        compute_igraph(spec, C)
        compute_bruteforce(spec, C)
        if use_sna:
            vals, notes = sna_res[spec["name"]]
            check_sna_evcent(spec, vals, notes)
            C.values.update(vals)
            C.notes.update(notes)
        warns = crosscheck(spec, C.values)
        total_warn += len(warns)
        for key, msg in warns:
            C.note(key, "cross-check: " + msg)
            print(f"WARN {spec['name']}: {key} {msg}", file=sys.stderr)
        path = os.path.join(outdir, spec["name"] + ".json")
        with open(path, "w") as f:
            f.write(dump(build_fixture(spec, C.values, C.notes, versions)))
        print(f"{spec['name']:20s} {len(C.values):4d} keys {len(C.notes):3d} notes "
              f"{os.path.getsize(path):8d} B {time.time() - t1:6.2f}s", file=sys.stderr)
    size = sum(os.path.getsize(os.path.join(outdir, s["name"] + ".json")) for s in specs)
    print(f"done: {len(specs)} fixtures in {outdir} ({size / 1e6:.2f} MB), {total_warn} cross-check "
          f"notes, {time.time() - t0:.1f}s", file=sys.stderr)
    return size


# ---------------------------------------------------------------------------
# case graphs from an edge-list CSV
# ---------------------------------------------------------------------------


def read_case(args):
    directed = None
    rows = []
    with open(args.edge_list, encoding="utf-8-sig", newline="") as f:
        lines = []
        for line in f:
            s = line.strip()
            if s.startswith("#"):
                low = s.lstrip("#").strip().lower().replace(" ", "")
                if low.startswith("directed:") or low.startswith("directed="):
                    val = low.split(":" if ":" in low else "=", 1)[1]
                    directed = val in ("true", "1", "yes")
                continue
            if s:
                lines.append(line)
        reader = csv.reader(lines, skipinitialspace=True)
        for rec in reader:
            rec = [x.strip() for x in rec]
            if [x.lower() for x in rec[:2]] == ["source", "target"]:
                continue
            if len(rec) < 2:
                raise SystemExit(f"{args.edge_list}: bad line {rec}")
            w = rec[2] if len(rec) > 2 and rec[2] != "" else "1"
            rows.append((rec[0], rec[1], w))
    if args.directed is not None:
        directed = args.directed
    if directed is None:
        raise SystemExit("direction unknown: give --directed/--undirected or a '# directed: true|false' line")

    ids = []
    if args.nodes:
        with open(args.nodes, encoding="utf-8-sig") as f:
            for line in f:
                s = line.strip()
                if s and not s.startswith("#"):
                    if s in ids:
                        raise SystemExit(f"{args.nodes}: duplicate node id {s}")
                    ids.append(s)
    index = {s: i for i, s in enumerate(ids)}
    for u, v, _ in rows:
        for x in (u, v):
            if x not in index:
                if args.nodes:
                    raise SystemExit(f"edge endpoint {x!r} not in {args.nodes}")
                index[x] = len(ids)
                ids.append(x)

    def num(w):
        x = float(w)
        if not math.isfinite(x) or x <= 0:
            raise SystemExit(f"weight must be finite and > 0, got {w}")
        return int(x) if x == int(x) and "." not in w and "e" not in w.lower() else x

    seen = set()
    for u, v, _ in rows:
        if u == v:
            raise SystemExit(f"self-loop on {u!r} (not supported)")
        key = (u, v) if directed else tuple(sorted((u, v)))
        if key in seen:
            raise SystemExit(f"duplicate edge {u!r} -> {v!r}: merge parallel ties before export")
        seen.add(key)
    edges = [(index[u], index[v], num(w)) for u, v, w in rows]
    weighted = any(w != 1 for _, _, w in edges)
    if args.weighted is not None:
        weighted = args.weighted
    n = len(ids)
    seed = zlib.crc32(args.name.encode())
    spec = graphs.make_spec(args.name, directed, weighted, n, edges, seed, labels=ids)

    if args.partition:
        cls_of = {}
        with open(args.partition, encoding="utf-8-sig", newline="") as f:
            for rec in csv.reader(f, skipinitialspace=True):
                rec = [x.strip() for x in rec]
                if not rec or rec[0].startswith("#") or [x.lower() for x in rec[:2]] == ["node", "class"]:
                    continue
                cls_of[rec[0]] = rec[1]
        missing = [s for s in ids if s not in cls_of]
        if missing:
            raise SystemExit(f"{args.partition}: no class for {missing}")
        canon = {}
        for s in ids:  # classes numbered by first appearance in node order
            canon.setdefault(cls_of[s], len(canon))
        spec["partition"] = [canon[cls_of[s]] for s in ids]
    if args.group:
        grp = [x.strip() for x in args.group.split(",") if x.strip()]
        bad = [x for x in grp if x not in index]
        if bad:
            raise SystemExit(f"--group: unknown node ids {bad}")
        spec["group"] = sorted(index[x] for x in grp)
    return spec


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="output directory")
    ap.add_argument("--only", nargs="*", help="built-in graphs to (re)generate (default: all)")
    ap.add_argument("--no-sna", action="store_true", help="skip R sna")
    ap.add_argument("--edge-list", help="case mode: CSV source,target[,weight]")
    ap.add_argument("--name", help="case mode: fixture name")
    ap.add_argument("--nodes", help="case mode: node ids, one per line (fixes node order, allows isolates)")
    ap.add_argument("--partition", help="case mode: CSV node,class")
    ap.add_argument("--group", help="case mode: comma-separated node ids (default: top-3 degree)")
    d = ap.add_mutually_exclusive_group()
    d.add_argument("--directed", dest="directed", action="store_true", default=None)
    d.add_argument("--undirected", dest="directed", action="store_false")
    w = ap.add_mutually_exclusive_group()
    w.add_argument("--weighted", dest="weighted", action="store_true", default=None)
    w.add_argument("--unweighted", dest="weighted", action="store_false")
    args = ap.parse_args()

    if args.edge_list:
        if not args.name:
            ap.error("--edge-list needs --name")
        spec = read_case(args)
        outdir = args.out or os.path.join(ROOT, "tests", "fixtures", "reference", "cases")
        process([spec], outdir, use_sna=not args.no_sna)
        return
    specs = graphs.all_graphs()
    if args.only:
        unknown = set(args.only) - {s["name"] for s in specs}
        if unknown:
            ap.error(f"unknown graphs {sorted(unknown)}")
        specs = [s for s in specs if s["name"] in args.only]
    outdir = args.out or os.path.join(ROOT, "tests", "fixtures", "reference")
    size = process(specs, outdir, use_sna=not args.no_sna)
    if not args.only:
        # drop fixtures of graphs no longer in graphs.py (top level only; cases/ untouched)
        keep = {s["name"] + ".json" for s in specs}
        for f in sorted(os.listdir(outdir)):
            if f.endswith(".json") and f not in keep:
                os.remove(os.path.join(outdir, f))
                print(f"removed stale fixture {f}", file=sys.stderr)
        if size > 5e6:
            sys.exit(f"fixtures total {size / 1e6:.2f} MB > 5 MB budget")


if __name__ == "__main__":
    main()

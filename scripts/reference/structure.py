"""Reference values for the `structure` families (multiplex, core).

Run:  python scripts/reference/structure.py   (from the repository root)
Needs: networkx, numpy, scipy, uunet (multinet's Python port) from PyPI
(`pip install networkx numpy scipy uunet`), and optionally R with `sna`
(Debian `r-cran-sna`) for `sna::gcor`.

Writes tests/fixtures/structure/<name>.json:

* single-graph fixtures, one per graph of graphs.py, same format as
  tests/fixtures/reference (name, directed, weighted, n, labels, edges,
  partition, group, tools, values) with these keys:
    networkx.fragmentation.none / .group
        Key-player F of G / of G without `group`: undirected,
        1 - sum(s(s-1) for s in connected_components) / (n(n-1)); directed,
        1 - (#ordered pairs (i, j), i != j, j in nx.descendants(H, i)) / (n(n-1)).
    networkx.distance_fragmentation.none / .group
        1 - sum_{i != j} 1/d_ij / (n(n-1)), d from nx.shortest_path_length(H)
        (hops), 1/inf = 0.
    networkx.distance_fragmentation.weighted.none / .group  (weighted graphs)
        the same with nx.shortest_path_length(H, weight="weight").
    networkx.global_efficiency.none / .group  (undirected graphs)
        nx.global_efficiency(H)  (so DF = 1 - this).
    networkx.attribute_mixing_matrix
        nx.attribute_mixing_matrix(G, "part", mapping={k: k}, normalized=False)
        with "part" = the fixture's partition.
* multiplex fixtures mx_*.json: name, directed, n, layers (one edge list
  [[u, v, w]] per layer, all layers on nodes 0..n-1), tools, values:
    uunet.degree.<mode>                  ml.degree(net, actors, all layers, mode) per node
    uunet.relevance.<mode>.L<a..>        ml.relevance(net, actors, [layers a..], mode)
    uunet.xrelevance.<mode>.L<a..>       ml.xrelevance(...)
    uunet.connective_redundancy.<mode>   ml.connective_redundancy(net, actors, all layers, mode)
    uunet.layer_comparison.jaccard.edges           L x L matrix
    uunet.layer_comparison.<pearson|rho>.degree.<mode>  L x L matrix
    scipy.pearsonr.degree.<mode> / scipy.spearmanr.degree.<mode>
        L x L matrix of scipy.stats.pearsonr / spearmanr of the layers'
        degree vectors (null where undefined)
    formula.participation.<mode>
        Battiston et al. eq. 9, M/(M-1) (1 - sum_a (k_a/o)^2), null for o = 0
    numpy.corrcoef.offdiag.<binary|weighted>
        L x L matrix, np.corrcoef of the off-diagonal adjacency entries
    sna.gcor.<binary|weighted>
        sna::gcor(list(A1, ..., AL), mode = "graph" | "digraph") (if R+sna present)
  <mode> is all | out | in for directed fixtures and all for undirected ones
  (uunet: every actor is added as a vertex of every layer).
"""

import json
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx
import numpy as np
import scipy
import scipy.stats
import uunet.multinet as ml
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import graphs  # noqa: E402

OUT = os.path.join("tests", "fixtures", "structure")


def nan_none(x):
    x = float(x)
    return None if x != x else x


def build(n, directed, edges):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    for u, v, w in edges:
        G.add_edge(u, v, weight=w)
    return G


def frag(H):
    n = H.number_of_nodes()
    if n < 2:
        return None
    if H.is_directed():
        reach = sum(len(nx.descendants(H, i)) for i in H.nodes())
    else:
        reach = sum(len(c) * (len(c) - 1) for c in nx.connected_components(H))
    return 1 - reach / (n * (n - 1))


def dfrag(H, weight=None):
    n = H.number_of_nodes()
    if n < 2:
        return None
    tot = 0.0
    for s, d in nx.shortest_path_length(H, weight=weight):
        tot += sum(1.0 / x for t, x in d.items() if t != s)
    return 1 - tot / (n * (n - 1))


def single(spec):
    G = build(spec["n"], spec["directed"], spec["edges"])
    keep = [u for u in G.nodes() if u not in set(spec["group"])]
    vals = {}
    for tag, H in [("none", G), ("group", G.subgraph(keep).copy())]:
        vals[f"networkx.fragmentation.{tag}"] = frag(H)
        vals[f"networkx.distance_fragmentation.{tag}"] = dfrag(H)
        if spec["weighted"]:
            vals[f"networkx.distance_fragmentation.weighted.{tag}"] = dfrag(H, "weight")
        if not spec["directed"]:
            vals[f"networkx.global_efficiency.{tag}"] = nx.global_efficiency(H)
    nx.set_node_attributes(G, dict(enumerate(spec["partition"])), "part")
    k = max(spec["partition"]) + 1
    M = nx.attribute_mixing_matrix(G, "part", mapping={i: i for i in range(k)}, normalized=False)
    vals["networkx.attribute_mixing_matrix"] = M.tolist()
    out = {key: spec[key] for key in
           ["name", "directed", "weighted", "n", "labels", "edges", "partition", "group"]}
    out["tools"] = {"networkx": nx.__version__, "numpy": np.__version__}
    out["values"] = vals
    return out


# --------------------------------------------------------------------------
# multiplex fixtures
# --------------------------------------------------------------------------


def multiplex_specs():
    specs = []

    def add(name, directed, n, seed, build_layers):
        r = random.Random(seed)
        layers = [graphs.canonical_edges(e, directed) for e in build_layers(r)]
        specs.append({"name": name, "directed": directed, "n": n, "layers": layers})

    add("mx_u_12", False, 12, 501, lambda r: [graphs.weigh(r, graphs.gnp(r, 12, p, False), "int")
                                             for p in (0.3, 0.25, 0.4)])
    add("mx_d_15", True, 15, 502, lambda r: [graphs.weigh(r, graphs.gnp(r, 15, p, True), "int")
                                            for p in (0.2, 0.15, 0.25)])
    add("mx_u_30_iso", False, 30, 503,
        lambda r: [graphs.weigh(r, graphs.isolate(r, 30, graphs.gnp(r, 30, p, False), 4), "float")
                   for p in (0.12, 0.1)])
    add("mx_d_25", True, 25, 504, lambda r: [graphs.weigh(r, graphs.gnp(r, 25, p, True), "int")
                                            for p in (0.1, 0.12, 0.08, 0.15)])
    # Karate split by interaction count: weak ties (w <= 2), strong ties
    # (w >= 3), and all ties: three correlated layers.
    g = nx.karate_club_graph()
    e = [(u, v, int(d["weight"])) for u, v, d in g.edges(data=True)]
    add("mx_karate", False, 34, 505, lambda r: [[x for x in e if x[2] <= 2],
                                                [x for x in e if x[2] >= 3], e])
    return specs


def uunet_net(spec):
    net = ml.empty()
    L = len(spec["layers"])
    names = [f"L{a}" for a in range(L)]
    ml.add_layers(net, names, [spec["directed"]] * L)
    acts = [str(i) for i in range(spec["n"])]
    ml.add_vertices(net, {"actor": acts * L, "layer": [x for x in names for _ in acts]})
    fa, fl, ta, tl = [], [], [], []
    for a, edges in enumerate(spec["layers"]):
        for u, v, _ in edges:
            fa.append(str(u)); fl.append(names[a]); ta.append(str(v)); tl.append(names[a])
    ml.add_edges(net, {"from_actor": fa, "from_layer": fl, "to_actor": ta, "to_layer": tl})
    return net, acts, names


def degrees(spec, mode):
    n = spec["n"]
    out = []
    for edges in spec["layers"]:
        k = np.zeros(n)
        for u, v, _ in edges:
            if not spec["directed"] or mode in ("all", "out"):
                k[u] += 1
            if not spec["directed"] or mode in ("all", "in"):
                k[v] += 1
        out.append(k)
    return out


def adjacency(spec, edges, weighted):
    A = np.zeros((spec["n"], spec["n"]))
    for u, v, w in edges:
        A[u, v] = w if weighted else 1
        if not spec["directed"]:
            A[v, u] = A[u, v]
    return A


def gcor_r(spec, mats):
    """sna::gcor of the matrices, via Rscript; None if R/sna is missing."""
    try:
        with tempfile.TemporaryDirectory() as d:
            files = []
            for a, A in enumerate(mats):
                f = os.path.join(d, f"L{a}.csv")
                np.savetxt(f, A, delimiter=",")
                files.append(f)
            mode = "digraph" if spec["directed"] else "graph"
            code = ("suppressMessages(library(sna));"
                    f"fs <- c({','.join(repr(f) for f in files)});"
                    "g <- lapply(fs, function(f) as.matrix(read.csv(f, header = FALSE)));"
                    f"r <- gcor(g, mode = '{mode}');"
                    "write.table(r, sep = ',', row.names = FALSE, col.names = FALSE);"
                    "cat('VERSION', as.character(packageVersion('sna')), '\\n')")
            res = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None, None
    lines = res.stdout.strip().splitlines()
    ver = lines[-1].split()[1]
    rows = [[None if x.strip() == "NA" else float(x) for x in ln.split(",")] for ln in lines[:-1]]
    return rows, ver


def multiplex(spec):
    net, acts, names = uunet_net(spec)
    L = len(names)
    modes = ["all", "out", "in"] if spec["directed"] else ["all"]
    vals = {}
    subsets = [[a] for a in range(L)] + [[0, 1]]
    for mode in modes:
        vals[f"uunet.degree.{mode}"] = [float(x) for x in ml.degree(net, acts, names, mode)]
        for S in subsets:
            tag = "L" + "".join(str(a) for a in S)
            lay = [names[a] for a in S]
            vals[f"uunet.relevance.{mode}.{tag}"] = [nan_none(x) for x in ml.relevance(net, acts, lay, mode)]
            vals[f"uunet.xrelevance.{mode}.{tag}"] = [nan_none(x) for x in ml.xrelevance(net, acts, lay, mode)]
        vals[f"uunet.connective_redundancy.{mode}"] = [
            nan_none(x) for x in ml.connective_redundancy(net, acts, names, mode)]
        for m in ("pearson", "rho"):
            vals[f"uunet.layer_comparison.{m}.degree.{mode}"] = [
                [nan_none(x) for x in row]
                for row in ml.layer_comparison(net, names, f"{m}.degree", mode)]
        k = degrees(spec, mode)
        for fn, key in ((scipy.stats.pearsonr, "pearsonr"), (scipy.stats.spearmanr, "spearmanr")):
            mat = [[None] * L for _ in range(L)]
            for a in range(L):
                for b in range(L):
                    if np.ptp(k[a]) > 0 and np.ptp(k[b]) > 0:
                        mat[a][b] = float(fn(k[a], k[b])[0])
            vals[f"scipy.{key}.degree.{mode}"] = mat
        o = sum(k)
        part = []
        for i in range(spec["n"]):
            if o[i] == 0:
                part.append(None)
            else:
                part.append(L / (L - 1) * (1 - sum((k[a][i] / o[i]) ** 2 for a in range(L))))
        vals[f"formula.participation.{mode}"] = part
    vals["uunet.layer_comparison.jaccard.edges"] = [
        [nan_none(x) for x in row] for row in ml.layer_comparison(net, names, "jaccard.edges")]
    tools = {"uunet": version("uunet"), "numpy": np.__version__, "scipy": scipy.__version__}
    off = ~np.eye(spec["n"], dtype=bool)
    for weighted, tag in ((False, "binary"), (True, "weighted")):
        mats = [adjacency(spec, e, weighted) for e in spec["layers"]]
        X = np.array([A[off] for A in mats])
        with np.errstate(invalid="ignore", divide="ignore"):
            C = np.corrcoef(X)
        vals[f"numpy.corrcoef.offdiag.{tag}"] = [[nan_none(x) for x in row] for row in C]
        g, ver = gcor_r(spec, mats)
        if g is not None:
            vals[f"sna.gcor.{tag}"] = g
            tools["sna"] = ver
    return {"name": spec["name"], "directed": spec["directed"], "n": spec["n"],
            "layers": spec["layers"], "tools": tools, "values": vals}


def write(obj):
    with open(os.path.join(OUT, obj["name"] + ".json"), "w") as f:
        json.dump(obj, f, sort_keys=True)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for spec in graphs.all_graphs():
        write(single(spec))
    for spec in multiplex_specs():
        write(multiplex(spec))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference values for coprod's cohesion family that the shared fixtures lack.

Usage (the venv of setup.sh):  cohesion.py [--out DIR]
Writes DIR/<name>.json (default tests/fixtures/cohesion) for every graph of
graphs.py, in the shared fixture format, with these keys:

  networkx.transitivity.digraph      nx.transitivity(G) on a DiGraph (NetworkX
                                     reads successor sets as neighbourhoods)
  networkx.triangles                 nx.triangles(G) (undirected graphs)
  networkx.node_connectivity.exact   min over ordered pairs (s, t), s != t, with
                                     no arc s -> t, of nx.node_connectivity(G, s, t);
                                     n - 1 if there is no such pair (digraphs:
                                     the exact kappa, which the global
                                     nx.node_connectivity(G) only bounds)
"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import graphs  # noqa: E402
from graphs import nx_graph  # noqa: E402
import networkx as nx  # noqa: E402


def exact_kappa(G):
    n = G.number_of_nodes()
    best = n - 1
    for s in G:
        for t in G:
            if s == t or G.has_edge(s, t) or (not G.is_directed() and t < s):
                continue
            best = min(best, nx.node_connectivity(G, s, t))
            if best == 0:
                return 0
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fixtures", "cohesion"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for spec in graphs.all_graphs():
        G = nx_graph(spec)
        values = {}
        if spec["directed"]:
            values["networkx.transitivity.digraph"] = nx.transitivity(G)
        else:
            values["networkx.triangles"] = [nx.triangles(G)[v] for v in range(spec["n"])]
        values["networkx.node_connectivity.exact"] = exact_kappa(G)
        out = {k: spec[k] for k in ("name", "directed", "weighted", "n", "labels", "edges",
                                    "partition", "group")}
        out["tools"] = {"networkx": nx.__version__, "script": "scripts/reference/cohesion.py"}
        out["values"] = values
        with open(os.path.join(a.out, spec["name"] + ".json"), "w") as fh:
            json.dump(out, fh, separators=(",", ":"))
            fh.write("\n")


if __name__ == "__main__":
    main()

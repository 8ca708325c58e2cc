#!/usr/bin/env python3
"""Read every export of every bundled case back with NetworkX and igraph.

Usage (with the venv python of setup.sh):

    exports.py [--coprod PATH] [--out DIR]

For each bundled case (`coprod cases`) and two views -- `all` (`--layers all`,
directed) and `sym` (`--layers all --symmetric`) -- runs `coprod export` in
every format, reads each file back with every tool that reads the format, and
writes what the tool found to DIR/<case>.json (default
tests/fixtures/exports/): the nodes with their attributes and the edges with
theirs. tests/exports.rs compares each with the graph the library builds.

Readers (tool, call):
    graphml  networkx  nx.read_graphml(path)
    graphml  igraph    ig.Graph.Read_GraphML(path)   (node ids in vertex attribute "id")
    gexf     networkx  nx.read_gexf(path)
    pajek    networkx  nx.read_pajek(path)            (layer in edge attribute "l")
    pajek    igraph    ig.Graph.Read_Pajek(path)      (ids in vertex attribute "name", layer in edge "label")
    dl       networkx  nx.from_numpy_array(M, create_using=nx.DiGraph) on each matrix M,
                       the DL text parsed by read_dl() below (neither tool reads
                       multi-matrix DL files)
    json     networkx  nx.node_link_graph(json.load(f))  (edges="edges", NetworkX >= 3.4)
DOT is not read back: no reader of it is in the venv (pydot and pygraphviz
are not).

Fixture format:
    {"case": ..., "tools": {"networkx": ..., "python-igraph": ..., "igraph-c": ...},
     "views": {"all": {"<format>/<tool>": {"directed": bool,
                                           "nodes": [[id, {attr: value}], ...],
                                           "edges": [[source, target, layer, weight, certainty], ...]}}}}
Nodes sorted by id; attribute values "" where a reader found none; edges sorted,
the two ends of an undirected edge in id order; certainty null where the format
has none (pajek, dl); for dl one edge per non-zero cell, the layer its matrix label.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import networkx as nx
import igraph as ig

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NODE_ATTRS = ["label", "label_zh", "kind", "sector", "level"]
VIEWS = {"all": ["--layers", "all"], "sym": ["--layers", "all", "--symmetric"]}
FORMATS = ["graphml", "gexf", "pajek", "dl", "json"]


def text(v):
    return "" if v is None else str(v)


def edge(directed, s, t, layer, weight, certainty):
    if not directed and t < s:
        s, t = t, s
    return [s, t, text(layer), float(weight), certainty]


def sort_key(e):
    return (e[0], e[1], e[2], e[3], e[4] or "")


def from_networkx(G, node_attrs=True, layer_key="layer", certainty=True, name_of=None):
    name_of = name_of or (lambda n, d: n)
    nodes = []
    names = {}
    for n, d in G.nodes(data=True):
        names[n] = name_of(n, d)
        nodes.append([names[n], {a: text(d.get(a)) for a in NODE_ATTRS} if node_attrs else {}])
    edges = []
    for s, t, d in G.edges(data=True):
        edges.append(
            edge(G.is_directed(), names[s], names[t], d.get(layer_key), d.get("weight", 1.0),
                 text(d.get("certainty")) if certainty else None)
        )
    return {"directed": G.is_directed(), "nodes": sorted(nodes), "edges": sorted(edges, key=sort_key)}


def from_igraph(g, node_attrs=True, layer_key="layer", certainty=True, id_key="id"):
    vattrs = set(g.vs.attributes())
    eattrs = set(g.es.attributes())
    ids = [v[id_key] for v in g.vs]
    nodes = []
    for v in g.vs:
        attrs = {a: text(v[a]) if a in vattrs else "" for a in NODE_ATTRS} if node_attrs else {}
        nodes.append([v[id_key], attrs])
    edges = []
    for e in g.es:
        edges.append(
            edge(g.is_directed(), ids[e.source], ids[e.target],
                 e[layer_key] if layer_key in eattrs else None,
                 e["weight"] if "weight" in eattrs else 1.0,
                 text(e["certainty"]) if certainty else None)
        )
    return {"directed": g.is_directed(), "nodes": sorted(nodes), "edges": sorted(edges, key=sort_key)}


def read_dl(path):
    """The labels, matrix labels and matrices of a DL file in coprod's
    labelled fullmatrix layout (see src/io/export/dl.rs)."""
    lines = [l.strip() for l in open(path, encoding="utf-8")]
    head = dict(kv.split("=") for kv in lines[0].split()[1:])
    n, nm = int(head["n"]), int(head["nm"])
    assert lines[1].replace(" ", "") == "format=fullmatrix", lines[1]
    assert lines[2] == "labels:" and lines[4] == "matrix labels:" and lines[6] == "data:"
    labels = lines[3].split(",") if n else []
    layers = lines[5].split(",") if nm else []
    rows = [[float(x) for x in l.split()] for l in lines[7:] if l]
    assert len(rows) == n * nm, (len(rows), n, nm)
    mats = [np.array(rows[k * n:(k + 1) * n]).reshape(n, n) for k in range(nm)]
    return labels, layers, mats


def dl_networkx(path):
    labels, layers, mats = read_dl(path)
    edges = []
    for layer, m in zip(layers, mats):
        G = nx.from_numpy_array(m, create_using=nx.DiGraph)
        for i, j, d in G.edges(data=True):
            edges.append([labels[i], labels[j], layer, float(d["weight"]), None])
    nodes = [[l, {}] for l in labels]
    return {"directed": True, "nodes": sorted(nodes), "edges": sorted(edges, key=sort_key)}


def read_all(path, fmt):
    out = {}
    if fmt == "graphml":
        out["graphml/networkx"] = from_networkx(nx.read_graphml(path))
        out["graphml/igraph"] = from_igraph(ig.Graph.Read_GraphML(path))
    elif fmt == "gexf":
        out["gexf/networkx"] = from_networkx(nx.read_gexf(path))
    elif fmt == "pajek":
        out["pajek/networkx"] = from_networkx(nx.read_pajek(path), node_attrs=False,
                                              layer_key="l", certainty=False)
        out["pajek/igraph"] = from_igraph(ig.Graph.Read_Pajek(path), node_attrs=False,
                                          layer_key="label", certainty=False, id_key="name")
    elif fmt == "dl":
        out["dl/networkx"] = dl_networkx(path)
    elif fmt == "json":
        with open(path, encoding="utf-8") as f:
            out["json/networkx"] = from_networkx(nx.node_link_graph(json.load(f)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--coprod", default=os.path.join(ROOT, "target", "release", "coprod"))
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fixtures", "exports"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    cases = [l.split(":")[0] for l in
             subprocess.run([args.coprod, "cases"], check=True, capture_output=True,
                            text=True).stdout.splitlines() if ":" in l]
    tools = {"networkx": nx.__version__, "python-igraph": ig.__version__,
             "igraph-c": ig._igraph.__igraph_version__, "numpy": np.__version__}
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            doc = {"case": case, "tools": tools, "views": {}}
            for view, flags in VIEWS.items():
                found = {}
                for fmt in FORMATS:
                    path = os.path.join(tmp, f"{case}_{view}.{fmt}")
                    subprocess.run([args.coprod, "export", case, "--format", fmt, *flags,
                                    "--output", path], check=True)
                    found.update(read_all(path, fmt))
                doc["views"][view] = found
            with open(os.path.join(args.out, f"{case}.json"), "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                f.write("\n")
            print(f"exports.py: {case}: " + ", ".join(
                f"{k} {len(v['edges'])}" for k, v in doc["views"]["all"].items()))


if __name__ == "__main__":
    sys.exit(main())

"""Reference values for the brokerage family on what the shared fixtures lack:
graphs with self-loops (weight 1 and 2, loop-only nodes), isolates and valued ties.

Writes tests/fixtures/brokerage/<name>.json in the format of reference.py:
  networkx.effective_size[.weight]   nx.effective_size(G, weight=None|"weight")
  networkx.constraint[.weight]       nx.constraint(G, weight=None|"weight")
  networkx.local_constraint[.weight] [[nx.local_constraint(G, u, v, weight) if v in
                                       set(nx.all_neighbors(G, u)) else None for v] for u]
  networkx.effective_size.nodes      nx.effective_size(G, nodes=list(G)) (the per-node
                                       code path: Burt's max normalisation; documentation only)
  sna.brokerage.{raw,exp,sd,z}_{nli,gli}.<col>   sna::brokerage(A, cl), A valued (brokerage.R)

Run: /tmp/refvenv/bin/python scripts/reference/brokerage.py   (needs Rscript + sna)
"""

import json
import math
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import graphs  # noqa: E402


def specs():
    out = []
    for name, directed, seed in [("d_loops_14", True, 101), ("u_loops_14", False, 102)]:
        r = random.Random(seed)
        n = 14
        edges = graphs.gnp(r, n - 3, 0.3, directed)  # nodes 11, 12, 13 get no ordinary ties
        edges = [(u, v, r.randint(1, 5)) for u, v, _ in edges]
        # Loops: weight 1 and 2 on tied nodes, loop-only nodes 11 (w 1) and 12 (w 2); 13 isolated.
        edges += [(0, 0, 1), (3, 3, 2), (11, 11, 1), (12, 12, 2)]
        out.append({
            "name": name, "directed": directed, "weighted": True, "n": n,
            "labels": [str(i) for i in range(n)],
            "edges": sorted([u, v, w] for u, v, w in edges),
            "partition": graphs.partition_for(n, seed), "group": [], "seed": seed,
        })
    return out


def clean(x):
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def networkx_values(spec):
    G = nx.DiGraph() if spec["directed"] else nx.Graph()
    G.add_nodes_from(range(spec["n"]))
    G.add_weighted_edges_from(spec["edges"])
    n = spec["n"]
    v = {}
    for sfx, wt in [("", None), (".weight", "weight")]:
        es = nx.effective_size(G, weight=wt)
        v["networkx.effective_size" + sfx] = [es[u] for u in range(n)]
        c = nx.constraint(G, weight=wt)
        v["networkx.constraint" + sfx] = [c[u] for u in range(n)]
        alters = [set(nx.all_neighbors(G, u)) for u in range(n)]
        v["networkx.local_constraint" + sfx] = [
            [nx.local_constraint(G, u, w, weight=wt) if w in alters[u] else None for w in range(n)]
            for u in range(n)]
        esn = nx.effective_size(G, nodes=list(G), weight=wt)
        v["networkx.effective_size.nodes" + sfx] = [esn[u] for u in range(n)]
    return v


def sna_values(all_specs, tmp):
    inp = os.path.join(tmp, "in.tsv")
    with open(inp, "w") as f:
        for s in all_specs:
            e = ";".join(f"{u + 1}:{w + 1}:{x}" for u, w, x in s["edges"])
            part = ",".join(str(c) for c in s["partition"])
            f.write(f"{s['name']}\t{s['n']}\t{int(s['directed'])}\t{part}\t{e}\n")
    out = os.path.join(tmp, "out.tsv")
    subprocess.run(["Rscript", "--vanilla", os.path.join(HERE, "brokerage.R"), inp, out], check=True)
    vals = {}
    for line in open(out):
        name, key, body = line.rstrip("\n").split("\t")
        nums = [float(x) for x in body.split(",")]
        vals.setdefault(name, {})[key] = nums if "_nli." in key else nums[0]
    versions = dict(line.rstrip("\n").split("\t") for line in open(out + ".versions"))
    return vals, versions


def main():
    outdir = os.path.join(ROOT, "tests", "fixtures", "brokerage")
    os.makedirs(outdir, exist_ok=True)
    all_specs = specs()
    with tempfile.TemporaryDirectory() as tmp:
        sna, versions = sna_values(all_specs, tmp)
    tools = {"networkx": nx.__version__, "scipy": __import__("scipy").__version__, **versions}
    for s in all_specs:
        values = {**networkx_values(s), **sna[s["name"]]}
        doc = {k: s[k] for k in ["name", "directed", "weighted", "n", "labels", "edges",
                                 "partition", "group"]}
        doc["tools"] = tools
        doc["values"] = {k: clean(values[k]) for k in sorted(values)}
        with open(os.path.join(outdir, s["name"] + ".json"), "w") as f:
            json.dump(doc, f, allow_nan=False, separators=(",", ":"))
            f.write("\n")
        print("wrote", s["name"])


if __name__ == "__main__":
    main()

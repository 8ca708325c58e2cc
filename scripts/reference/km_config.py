#!/usr/bin/env python3
"""KM-config quality reference values from cpnet (Kojaku & Masuda 2018).

Writes tests/fixtures/km_config/km_config.json: for a few undirected graphs
and given divisions into core-periphery pairs, the per-pair quality that
`cpnet.KM_config().score(G, pair_id, coreness)` returns, with the tool names
and versions in the header. tests/km_config.rs compares coprod's
`km_config_quality` with it within 1e-9.

Run from the repo root, in a venv with the pins of km_config_requirements.txt:

    python3 -m venv .venv-ref-cpnet
    .venv-ref-cpnet/bin/pip install -r scripts/reference/km_config_requirements.txt
    .venv-ref-cpnet/bin/python scripts/reference/km_config.py

The divisions are: cpnet's own detection (KM_config().detect, as found on
the run that wrote the fixture; only the division is stored, so the fixture
does not depend on cpnet's unseeded search), divisions given by hand (the
party as one core with everyone else as its periphery, for Jinsong), and
seeded random divisions (random.Random(seed)).
"""

import importlib.metadata as md
import json
import platform
import random
import sys
from pathlib import Path

import cpnet
import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fixtures/km_config/km_config.json"


def graph_from(n, edges, weighted):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for e in edges:
        u, v = int(e[0]), int(e[1])
        w = float(e[2]) if weighted and len(e) > 2 else 1.0
        g.add_edge(u, v, weight=w)
    return g


def random_division(n, pairs, seed):
    r = random.Random(seed)
    pair = [r.randrange(pairs) for _ in range(n)]
    core = [r.random() < 0.3 for _ in range(n)]
    return pair, core


def contiguous(pair):
    """Pair ids 0..K-1 in order of first appearance (cpnet scores ids 0..K-1)."""
    m = {}
    return [m.setdefault(p, len(m)) for p in pair]


def score(g, pair, core):
    n = g.number_of_nodes()
    c = {u: pair[u] for u in range(n)}
    x = {u: int(core[u]) for u in range(n)}
    q = cpnet.KM_config().score(g, c, x)
    return [float(v) for v in q]


def detect(g):
    km = cpnet.KM_config()
    km.detect(g)
    c = km.get_pair_id()
    x = km.get_coreness()
    n = g.number_of_nodes()
    return contiguous([int(c[u]) for u in range(n)]), [bool(x[u]) for u in range(n)]


def graphs():
    out = []
    k = nx.karate_club_graph()
    edges = [(u, v, k[u][v]["weight"]) for u, v in k.edges()]
    out.append(("karate", 34, edges, False, {}))
    out.append(("karate_weighted", 34, edges, True, {}))
    # Two stars joined at a leaf each.
    stars = [(0, 1), (0, 2), (0, 3), (5, 4), (5, 6), (5, 7), (3, 4)]
    out.append((
        "two_stars", 8, stars, False,
        {"by_hand": ([0, 0, 0, 0, 1, 1, 1, 1], [True, False, False, False, False, True, False, False])},
    ))
    r = random.Random(20261201)
    gnp = [(u, v) for u in range(30) for v in range(u + 1, 30) if r.random() < 0.15]
    out.append(("u_gnp_30", 30, gnp, False, {}))
    case = json.loads((ROOT / "tests/fixtures/reference/case_jinsong_sym.json").read_text())
    n = case["n"]
    party = set(case["group"])
    one_core = ([0] * n, [u in party for u in range(n)])
    for weighted in (False, True):
        name = "jinsong_sym_weighted" if weighted else "jinsong_sym"
        out.append((name, n, case["edges"], weighted, {"party_one_core": one_core}))
    return out


def main():
    fixtures = []
    for i, (name, n, edges, weighted, given) in enumerate(graphs()):
        g = graph_from(n, edges, weighted)
        divisions = []
        pair, core = detect(g)
        divisions.append(("cpnet_detect", pair, core))
        for label, (p, c) in given.items():
            divisions.append((label, contiguous(p), c))
        for j, pairs in enumerate((2, 3)):
            p, c = random_division(n, pairs, 1000 * i + j)
            divisions.append((f"random_{pairs}", contiguous(p), c))
        rows = []
        for label, p, c in divisions:
            q = score(g, p, c)
            rows.append({"name": label, "pair": p, "core": c, "quality": q, "total": sum(q)})
        fixtures.append({
            "name": name,
            "n": n,
            "weighted": weighted,
            "edges": [[int(e[0]), int(e[1]), float(e[2]) if weighted else 1.0] for e in edges],
            "divisions": rows,
        })
        print(f"{name}: {len(rows)} divisions", file=sys.stderr)
    doc = {
        "tools": {
            "cpnet": md.version("cpnet"),
            "networkx": md.version("networkx"),
            "numpy": md.version("numpy"),
            "numba": md.version("numba"),
            "python": platform.python_version(),
            "call": "cpnet.KM_config().score(G, pair_id, coreness), per pair id 0..K-1",
        },
        "graphs": fixtures,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Reference values of NetworkX for coprod's comparison panel (src/compare/).

    .venv-ref/bin/python scripts/reference/compare.py      (from the repo root)

Writes tests/fixtures/compare/networkx.json: for small seeded random graphs
(directed and undirected, each with sectors and a core set; arcs stored in the
fixture) the panel statistics NetworkX defines or computes by brute force:

  core_group_degree        networkx.group_degree_centrality(G.to_undirected(), C)
  core_group_betweenness   networkx.group_betweenness_centrality(G, C, normalized=True),
                           by brute force over networkx.all_shortest_paths
  core_path_share          mean over connected ordered pairs (s, t) of non-members
                           in different sectors of the share of
                           networkx.all_shortest_paths(G, s, t) with an inner node in C
  effective_centres        1 / sum(p^2), p the shares of
                           networkx.betweenness_centrality(G, normalized=False)
  top_centre_share         max(p)
  fragmentation_without_core  share of ordered pairs of G - C that cannot reach each other
                           (networkx.has_path)
  between_sector_distance  mean networkx.shortest_path_length over connected ordered
                           pairs of different sectors
  global_efficiency        sum of 1/d over ordered pairs / (n (n - 1))
                           (networkx.global_efficiency when undirected)
  transitivity             networkx.transitivity(G)
"""

import json
import random
import sys
from pathlib import Path

import networkx as nx

SEED = 20261203
OUT = Path("tests/fixtures/compare/networkx.json")


def panel(G, sector, core):
    n = G.number_of_nodes()
    C = set(core)
    out = {}
    out["core_group_degree"] = nx.group_degree_centrality(G.to_undirected(), C)
    # networkx.group_betweenness_centrality raises on some disconnected graphs
    # (KeyError in 3.6.1), so by brute force with its normalisation: unordered
    # pairs of non-members if undirected, ordered if directed.
    gb, outside = 0.0, [v for v in G if v not in C]
    for i, s in enumerate(outside):
        for t in outside if G.is_directed() else outside[i + 1:]:
            if s == t or not nx.has_path(G, s, t):
                continue
            paths = list(nx.all_shortest_paths(G, s, t))
            gb += sum(1 for p in paths if any(v in C for v in p[1:-1])) / len(paths)
    k = len(outside)
    npairs = k * (k - 1) if G.is_directed() else k * (k - 1) / 2
    out["core_group_betweenness"] = gb / npairs if npairs else None
    total, pairs = 0.0, 0
    for s in G:
        for t in G:
            if s == t or s in C or t in C or sector[s] == sector[t] or not nx.has_path(G, s, t):
                continue
            paths = list(nx.all_shortest_paths(G, s, t))
            through = sum(1 for p in paths if any(v in C for v in p[1:-1]))
            total += through / len(paths)
            pairs += 1
    out["core_path_share"] = total / pairs if pairs else None
    b = nx.betweenness_centrality(G, normalized=False)
    tb = sum(b.values())
    if tb > 0:
        shares = [v / tb for v in b.values()]
        out["effective_centres"] = 1.0 / sum(p * p for p in shares)
        out["top_centre_share"] = max(shares)
    else:
        out["effective_centres"] = out["top_centre_share"] = None
    H = G.subgraph([v for v in G if v not in C])
    m = H.number_of_nodes()
    if m >= 2:
        reach = sum(1 for s in H for t in H if s != t and nx.has_path(H, s, t))
        out["fragmentation_without_core"] = 1.0 - reach / (m * (m - 1))
    else:
        out["fragmentation_without_core"] = None
    dist = dict(nx.all_pairs_shortest_path_length(G))
    ds = [dist[s][t] for s in G for t in dist[s] if s != t and sector[s] != sector[t]]
    out["between_sector_distance"] = sum(ds) / len(ds) if ds else None
    inv = sum(1.0 / dist[s][t] for s in G for t in dist[s] if s != t)
    out["global_efficiency"] = inv / (n * (n - 1))
    if not G.is_directed():
        assert abs(out["global_efficiency"] - nx.global_efficiency(G)) < 1e-12
    out["transitivity"] = nx.transitivity(G)
    return out


def main():
    rng = random.Random(SEED)
    graphs = []
    for name, n, m, directed in [
        ("d9", 9, 16, True),
        ("u9", 9, 12, False),
        ("d12", 12, 22, True),
        ("u12", 12, 18, False),
        ("d15", 15, 34, True),
        ("u15", 15, 20, False),
        ("u10_disc", 10, 7, False),
    ]:
        G = nx.gnm_random_graph(n, m, seed=rng.randrange(2**31), directed=directed)
        sector = [rng.randrange(3) for _ in range(n)]
        core = sorted(rng.sample(range(n), 2 + rng.randrange(2)))
        graphs.append(
            {
                "name": name,
                "n": n,
                "directed": directed,
                "arcs": sorted([list(e) for e in G.edges()]),
                "sector": sector,
                "core": core,
                "panel": panel(G, sector, core),
            }
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "tool": f"networkx {nx.__version__}, Python {sys.version.split()[0]}",
        "script": "scripts/reference/compare.py",
        "seed": SEED,
        "graphs": graphs,
    }
    OUT.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

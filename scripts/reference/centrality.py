"""Reference values the shared fixtures lack, for the centrality family.

Run:  /tmp/refvenv/bin/python scripts/reference/centrality.py
Writes tests/fixtures/centrality/<graph>.json (same format as the shared
fixtures) for every weighted graph of graphs.py, with the keys

  networkx.group_closeness_centrality.weight
      nx.group_closeness_centrality(G, group, weight="weight")
  networkx.group_closeness_centrality.weight_reverse      (digraphs)
      nx.group_closeness_centrality(G.reverse(), group, weight="weight")
  networkx.group_degree_centrality.all                    (digraphs)
      nx.group_degree_centrality(G.to_undirected(), group)
"""

import json
import os
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graphs import all_graphs, nx_graph  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "fixtures", "centrality")


def main():
    os.makedirs(OUT, exist_ok=True)
    for spec in all_graphs():
        G, S = nx_graph(spec), spec["group"]
        vals = {}
        if spec["weighted"]:
            vals["networkx.group_closeness_centrality.weight"] = nx.group_closeness_centrality(G, S, weight="weight")
            if spec["directed"]:
                vals["networkx.group_closeness_centrality.weight_reverse"] = nx.group_closeness_centrality(
                    G.reverse(copy=True), S, weight="weight")
        if spec["directed"]:
            vals["networkx.group_degree_centrality.all"] = nx.group_degree_centrality(G.to_undirected(), S)
        if not vals:
            continue
        doc = {k: spec[k] for k in ("name", "directed", "weighted", "n", "labels", "edges", "partition", "group")}
        doc["tools"] = {"networkx": nx.__version__, "script": "scripts/reference/centrality.py"}
        doc["values"] = vals
        with open(os.path.join(OUT, spec["name"] + ".json"), "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()

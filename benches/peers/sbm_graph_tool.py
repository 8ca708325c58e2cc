#!/usr/bin/python3
"""graph-tool's side of benches/peers/sbm.sh.

sbm_graph_tool.py EDGES.csv COPROD_PARTITION [--seed S] [--plain]: reads the
same edge list as examples/sbm_peers.rs (node order = first appearance), times
minimize_blockmodel_dl (loading not timed), and scores coprod's partition
with BlockState(g, b=...).entropy() -- the same objective, so the two
description lengths compare directly. Prints one JSON line.
"""
import csv
import json
import sys
import time

import numpy as np
import graph_tool
import graph_tool.all as gt

path, part = sys.argv[1], sys.argv[2]
seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
dc = "--plain" not in sys.argv
ids, edges = {}, []
with open(path) as f:
    for row in csv.reader(f):
        if row[0] == "source":
            continue
        u = ids.setdefault(row[0], len(ids))
        v = ids.setdefault(row[1], len(ids))
        edges.append((u, v))
g = gt.Graph(directed=False)
g.add_vertex(len(ids))
g.add_edge_list(edges)
gt.seed_rng(seed)
np.random.seed(seed)
t = time.perf_counter()
state = gt.minimize_blockmodel_dl(g, state_args=dict(deg_corr=dc))
secs = time.perf_counter() - t
b = [int(x) for x in open(part).read().split()]
coprod_scored = gt.BlockState(g, b=g.new_vp("int", vals=b), deg_corr=dc).entropy()
print(json.dumps({"tool": "graph-tool " + graph_tool.__version__, "n": g.num_vertices(), "m": g.num_edges(),
                  "seconds": round(secs, 3), "description_length": state.entropy(),
                  "blocks": int(state.get_nonempty_B()), "coprod_partition_by_graph_tool": coprod_scored}))

#!/usr/bin/env python3
"""Reference for the posterior over the number of blocks: graph-tool's own
MCMC (BlockState.mcmc_sweep at beta = 1, its default single-node moves) on
the tiny graphs of tests/sbm_posterior.rs; writes
tests/fixtures/sbm_posterior/posterior_mcmc.json with the share of each B in each of
16 independent chains (seeded), and the tool and version.

Run with Debian's python3-graph-tool (scripts/reference/sbm_setup.sh):
    /usr/bin/python3 scripts/reference/sbm_posterior.py
"""
import json
import os
import sys

import graph_tool.all as gt
import numpy as np

GRAPHS = {
    # name: (n, directed, edges, deg_corr)
    "two_groups": (8, False, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (4, 5), (4, 6), (4, 7),
                              (5, 6), (6, 7), (3, 4), (2, 5)], True),
    "directed_hub": (7, True, [(1, 0), (2, 0), (3, 0), (4, 0), (0, 1), (5, 4), (6, 5), (6, 0),
                               (2, 3)], True),
    "dense_pair": (8, False, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (4, 5), (4, 6),
                              (4, 7), (5, 6), (5, 7), (6, 7), (3, 4)], False),
}
CHAINS, BURN, SAMPLES, NITER = 16, 500, 5000, 2


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = {"tool": "graph-tool", "version": gt.__version__,
           "call": f"BlockState(g, b=zeros, deg_corr=…).mcmc_sweep(niter={NITER}, beta=1) "
                   f"per sample, {BURN} sweeps of niter=10 burn-in, {SAMPLES} samples, "
                   f"{CHAINS} chains seeded 1..{CHAINS}",
           "graphs": {}}
    for name, (n, directed, edges, dc) in GRAPHS.items():
        shares = []
        for c in range(CHAINS):
            gt.seed_rng(c + 1)
            np.random.seed(c + 1)
            g = gt.Graph(directed=directed)
            g.add_vertex(n)
            for u, v in edges:
                g.add_edge(u, v)
            st = gt.BlockState(g, b=g.new_vp("int", vals=[0] * n), deg_corr=dc)
            for _ in range(BURN):
                st.mcmc_sweep(niter=10, beta=1)
            counts = [0] * (n + 1)
            for _ in range(SAMPLES):
                st.mcmc_sweep(niter=NITER, beta=1)
                counts[st.get_nonempty_B()] += 1
            shares.append([x / SAMPLES for x in counts[1:]])
        out["graphs"][name] = {"n": n, "directed": directed, "deg_corr": dc,
                               "edges": edges, "chain_shares": shares}
        print(name, np.mean(shares, axis=0).round(4), file=sys.stderr)
    path = os.path.join(root, "tests", "fixtures", "sbm_posterior", "posterior_mcmc.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

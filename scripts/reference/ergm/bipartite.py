"""Reference values for the two-mode (actor x arena) ERGM terms of coprod
(src/inference/ergm/terms/bipartite.rs): tests/fixtures/ergm_bipartite/two_mode.json.

A fixed bipartite graph (9 actors, 5 arenas, ties drawn once with Python's random.Random(7), p = 0.4)
with an actor attribute `g` and an arena attribute `h`:

* the observed statistics of every two-mode term, computed here from statnet's definitions
  (a second implementation: b1star/b2star = sum of C(d, k) over one mode, gwb1degree/gwb2degree =
  e^a sum (1 - (1 - e^-a)^d), b1nodematch = pairs of mode-1 nodes sharing a mode-2 neighbour
  with equal attribute, b1factor/b2factor = degree sums per level, first sorted level dropped);
* for the dyad-independent formulas, the MPLE = MLE as a statsmodels Logit of the tie indicators
  on the change statistics of the n1 * n2 actor-arena dyads (coefficients and SEs).

Run from the repo root with the ERGM reference venv (scripts/reference/ergm/setup.sh):
    scripts/reference/ergm/.venv/bin/python scripts/reference/ergm/bipartite.py
"""

from __future__ import annotations

import json
import math
import platform
import random
from itertools import combinations

import numpy as np
import statsmodels
import statsmodels.api as sm

N1, N2 = 9, 5
G = ["a", "b", "c", "a", "a", "c", "b", "c", "c"]
H = ["x", "y", "x", "y", "y"]


def graph():
    rng = random.Random(7)
    return [(i, N1 + j) for i in range(N1) for j in range(N2) if rng.random() < 0.4]


def degrees(edges):
    d = [0] * (N1 + N2)
    for i, j in edges:
        d[i] += 1
        d[j] += 1
    return d


def gw(decay, d):
    return math.exp(decay) * (1.0 - (1.0 - math.exp(-decay)) ** d)


def statistics(edges):
    d = degrees(edges)
    nbrs = {j: [i for i, jj in edges if jj == j] for j in range(N1, N1 + N2)}
    levels_g = sorted(set(G))
    levels_h = sorted(set(H))
    out = {
        "edges": len(edges),
        "b1star2": sum(math.comb(d[i], 2) for i in range(N1)),
        "b1star3": sum(math.comb(d[i], 3) for i in range(N1)),
        "b2star2": sum(math.comb(d[j], 2) for j in range(N1, N1 + N2)),
        "b2star3": sum(math.comb(d[j], 3) for j in range(N1, N1 + N2)),
        "gwb1deg.fixed.0.5": sum(gw(0.5, d[i]) for i in range(N1)),
        "gwb2deg.fixed.0.5": sum(gw(0.5, d[j]) for j in range(N1, N1 + N2)),
        "gwb1deg.fixed.1.2": sum(gw(1.2, d[i]) for i in range(N1)),
        "b1nodematch.g": sum(
            1 for j in nbrs for a, b in combinations(nbrs[j], 2) if G[a] == G[b]
        ),
    }
    for l in levels_g[1:]:
        out[f"b1factor.g.{l}"] = sum(d[i] for i in range(N1) if G[i] == l)
    for l in levels_h[1:]:
        out[f"b2factor.h.{l}"] = sum(d[j] for j in range(N1, N1 + N2) if H[j - N1] == l)
    return out


def design(columns):
    """Rows: the actor-arena dyads (i ascending, then j); columns: change statistics."""
    rows = []
    for i in range(N1):
        for j in range(N2):
            row = []
            for c in columns:
                if c == "edges":
                    row.append(1.0)
                elif c.startswith("b1factor.g."):
                    row.append(float(G[i] == c.split(".")[2]))
                elif c.startswith("b2factor.h."):
                    row.append(float(H[j] == c.split(".")[2]))
                else:
                    raise ValueError(c)
            rows.append(row)
    return np.array(rows)


def main():
    edges = graph()
    tie = {(i, j) for i, j in edges}
    y = np.array([float((i, N1 + j) in tie) for i in range(N1) for j in range(N2)])
    fits = []
    for formula, columns in [
        ('edges + b1factor("g") + b2factor("h")', ["edges", "b1factor.g.b", "b1factor.g.c", "b2factor.h.y"]),
        ('edges + b1factor("g", levels="c")', ["edges", "b1factor.g.c"]),
    ]:
        res = sm.Logit(y, design(columns)).fit(method="newton", tol=1e-14, maxiter=200, disp=False)
        fits.append({"formula": formula, "terms": columns, "coef": list(res.params),
                     "se": list(res.bse), "llf": float(res.llf)})
    out = {
        "name": "two_mode",
        "source": __doc__.strip().splitlines()[0],
        "tools": {"statsmodels": statsmodels.__version__, "numpy": np.__version__,
                  "python": platform.python_version()},
        "graph": {"n1": N1, "n2": N2, "edges": edges, "g": G, "h": H},
        "statistics": statistics(edges),
        "fits": fits,
    }
    with open("tests/fixtures/ergm_bipartite/two_mode.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote tests/fixtures/ergm_bipartite/two_mode.json")


if __name__ == "__main__":
    main()

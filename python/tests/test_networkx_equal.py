"""Every measure that NetworkX has equals NetworkX's on every bundled case.

Conventions as scripts/reference/reference.py (the fixtures of the Rust tests):
the aggregate of the positive layers (a DiGraph, weights summed) and its
symmetrised version (a Graph), built here from `View.to_networkx()`; the calls
and iteration settings below are those the reference script makes (tight
tolerances for the iterative ones); values compared within 1e-9 (absolute
below 1, relative above), the project's tolerance against reference tools.
Brokerage, which NetworkX lacks, is compared with the committed R sna
fixtures of the same views (tests/fixtures/reference/case_<case>_agg.json,
written by scripts/reference/cases.sh with sna 2.7.1).
"""

from __future__ import annotations

import json
import math

import networkx as nx
import pytest

import coprod
from conftest import ROOT, close

CASES = coprod.cases()


def nx_columns(G):
    """Column -> {node: value} for every actor column NetworkX computes."""
    directed = G.is_directed()
    es = nx.effective_size(G)
    alters = {v: set(nx.all_neighbors(G, v)) if directed else set(G[v]) for v in G}
    cols = {
        "degree_centrality": nx.degree_centrality(G),
        "closeness": nx.closeness_centrality(G),
        "harmonic": nx.harmonic_centrality(G),
        "betweenness": nx.betweenness_centrality(G, normalized=True),
        "pagerank": nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=10000, weight="weight"),
        "core_number": nx.core_number(G),
        "clustering": nx.clustering(G),
        "effective_size": es,
        "efficiency": {v: es[v] / len(alters[v]) if alters[v] else math.nan for v in G},
        "constraint": nx.constraint(G),
        "strength": dict(G.degree(weight="weight")),
    }
    if directed:
        cols["in_degree"] = dict(G.in_degree())
        cols["out_degree"] = dict(G.out_degree())
    try:
        cols["eigenvector"] = nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12)
    except nx.PowerIterationFailedConvergence:
        cols["eigenvector"] = None  # undefined: coprod must say NaN
    return cols


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("symmetric", [False, True], ids=["agg", "sym"])
def test_measures_equal_networkx(name, symmetric):
    view = coprod.load(name).view(symmetric=symmetric)
    G = view.to_networkx()
    assert G.is_directed() != symmetric
    m = view.measures()
    compared = 0
    for col, want in nx_columns(G).items():
        if want is None:
            assert m[col].isna().all(), f"{name}: eigenvector where NetworkX does not converge"
            continue
        if col == "eigenvector" and m[col].isna().all():
            # Undefined by coprod's rule (acyclic, or a repeated dominant
            # eigenvalue): NetworkX's power iteration then returns one of
            # many eigenvectors, so there is nothing to compare.
            continue
        for actor in m.index:
            got, ref = float(m.at[actor, col]), float(want[actor])
            if math.isnan(ref) and not math.isnan(got):
                pytest.fail(f"{name} {col} {actor}: coprod {got}, NetworkX undefined")
            assert close(got, ref), f"{name} {col} {actor}: coprod {got!r}, NetworkX {ref!r}"
            compared += 1
    assert compared >= 10 * len(m)


@pytest.mark.parametrize("name", CASES)
def test_brokerage_equals_sna_fixture(name):
    path = ROOT / "tests" / "fixtures" / "reference" / f"case_{name}_agg.json"
    fx = json.loads(path.read_text())
    b = coprod.load(name).brokerage("sector")
    assert list(b.raw.index) == fx["labels"]
    sna = dict(zip(coprod.ROLES, ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"]))
    compared = 0
    for frame, key in [(b.raw, "raw_nli"), (b.expected, "exp_nli"), (b.sd, "sd_nli"),
                       (b.z, "z_nli")]:
        for role, s in sna.items():
            want = fx["values"][f"sna.brokerage.{key}.{s}"]
            for got, w in zip(frame[role], want):
                w = math.nan if w is None else float(w)
                assert close(float(got), w), f"{name} {key} {s}: {got} vs sna {w}"
                compared += 1
    assert fx["tools"]["sna"] and compared == 4 * 6 * len(b.raw)

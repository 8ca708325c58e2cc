#!/usr/bin/env python3
"""Reference values for coprod::agreement: Cohen's kappa (scikit-learn) and
Krippendorff's alpha (the `krippendorff` package) on fixtures.

Writes tests/fixtures/agreement/agreement.json with
  - `tables`: pairs of label vectors (K categories, seeded random.Random, some
    with a rare category), with sklearn.metrics.cohen_kappa_score(a, b) and
    krippendorff.alpha(reliability_data=[a, b], level_of_measurement="nominal");
  - `codings`: pairs of small codings of one case (actors.csv and ties.csv text)
    whose actors match by id, with the items built here independently of coprod:
    per layer either coding uses, every ordered dyad (directed layer) or
    unordered dyad (undirected layer) among the actors of either coding, 1 when
    the coding has a tie there, 0 otherwise; kappa and alpha of each layer's two
    vectors and of their concatenation (the pooled row), and the 2x2 counts.
The header `tools` names every tool and version. tests/agreement.rs compares
coprod's values within 1e-12.

Run (from anywhere): scripts/reference/agreement_setup.sh
"""

import importlib.metadata as md
import json
import platform
import random
from pathlib import Path

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fixtures/agreement/agreement.json"

LAYERS = {  # name -> directed (the standard layers coprod declares)
    "leadership": True,
    "administrative": True,
    "deliberation": False,
    "resource": True,
    "service": True,
    "information": True,
    "tension": False,
}


def kappa(a, b):
    v = cohen_kappa_score(a, b)
    return None if np.isnan(v) else float(v)


def alpha(a, b):
    data = np.array([a, b], dtype=float)
    if len(set(a) | set(b)) < 2:
        return None  # no variation: alpha undefined (the package refuses it)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def tables():
    out = []
    specs = [
        ("binary_small", 7, 20, 2, 0.3),
        ("binary_rare", 2, 400, 2, 0.03),
        ("binary_common", 3, 200, 2, 0.6),
        ("three_categories", 4, 60, 3, None),
        ("five_categories", 5, 150, 5, None),
        ("four_categories_one_unused_by_b", 6, 40, 4, None),
    ]
    for name, seed, n, k, p in specs:
        rng = random.Random(seed)
        if k == 2:
            a = [1 if rng.random() < p else 0 for _ in range(n)]
        else:
            a = [rng.randrange(k) for _ in range(n)]
        # B agrees with A on ~70 % of items, else draws its own label
        b = [x if rng.random() < 0.7 else (1 if rng.random() < (p or 0.5) else 0) if k == 2 else rng.randrange(k) for x in a]
        if name == "four_categories_one_unused_by_b":
            b = [2 if x == 3 else x for x in b]
        out.append({"name": name, "categories": k, "a": a, "b": b, "kappa": kappa(a, b), "alpha": alpha(a, b)})
    return out


def csv_actors(ids):
    rows = ["id,label,label_zh,kind,level"]
    kinds = ["party", "block", "market", "social", "resident"]
    for i, x in enumerate(ids):
        rows.append(f"{x},{x},,{kinds[i % len(kinds)]},community")
    return "\n".join(rows) + "\n"


def csv_ties(ties):
    rows = ["source,target,layer,certainty"]
    for s, t, l in ties:
        rows.append(f"{s},{t},{l},stated")
    return "\n".join(rows) + "\n"


def items(actors, ties, layer):
    directed = LAYERS[layer]
    have = set()
    for s, t, l in ties:
        if l == layer:
            have.add((s, t) if directed else frozenset((s, t)))
    pairs = []
    for u in actors:
        for v in actors:
            if u == v:
                continue
            if directed:
                pairs.append((u, v))
            elif u < v:
                pairs.append(frozenset((u, v)))
    return pairs, have


def coding_pair(name, actors_a, ties_a, actors_b, ties_b):
    universe = sorted(set(actors_a) | set(actors_b))
    used = [l for l in LAYERS if any(x[2] == l for x in ties_a + ties_b)]
    layers = {}
    pooled_a, pooled_b = [], []
    for l in used:
        pairs, ha = items(universe, ties_a, l)
        _, hb = items(universe, ties_b, l)
        va = [int(p in ha) for p in pairs]
        vb = [int(p in hb) for p in pairs]
        pooled_a += va
        pooled_b += vb
        layers[l] = counts(va, vb)
    return {
        "name": name,
        "a": {"actors": csv_actors(actors_a), "ties": csv_ties(ties_a)},
        "b": {"actors": csv_actors(actors_b), "ties": csv_ties(ties_b)},
        "layers": layers,
        "overall": counts(pooled_a, pooled_b),
    }


def counts(va, vb):
    both = sum(1 for x, y in zip(va, vb) if x and y)
    oa = sum(1 for x, y in zip(va, vb) if x and not y)
    ob = sum(1 for x, y in zip(va, vb) if y and not x)
    ties = both + oa + ob
    return {
        "items": len(va),
        "both": both,
        "only_a": oa,
        "only_b": ob,
        "jaccard": both / ties if ties else None,
        "kappa": kappa(va, vb),
        "alpha": alpha(va, vb),
    }


def hand():
    a = ["p", "s", "r", "f", "arena", "x"]
    b = ["p", "s", "r", "f", "arena", "y"]
    ta = [
        ("p", "r", "leadership"),
        ("p", "r", "leadership"),  # a duplicate: one item
        ("s", "f", "administrative"),  # B reverses it
        ("f", "r", "service"),  # B codes it as resource
        ("r", "arena", "deliberation"),
        ("p", "arena", "deliberation"),  # B writes it the other way round
        ("x", "r", "information"),  # x only in A
        ("r", "f", "tension"),
    ]
    tb = [
        ("p", "r", "leadership"),
        ("f", "s", "administrative"),
        ("f", "r", "resource"),
        ("r", "arena", "deliberation"),
        ("arena", "p", "deliberation"),
        ("s", "arena", "deliberation"),  # only B
        ("y", "s", "information"),  # y only in B
    ]
    return coding_pair("hand", a, ta, b, tb)


def random_pair(seed, n, m):
    rng = random.Random(seed)
    ids = [f"a{i}" for i in range(n)]
    layers = list(LAYERS)
    ta = []
    while len(ta) < m:
        s, t = rng.sample(ids, 2)
        ta.append((s, t, rng.choice(layers)))
    tb = []
    for s, t, l in ta:
        r = rng.random()
        if r < 0.6:
            tb.append((s, t, l))
        elif r < 0.7:
            tb.append((t, s, l))
        elif r < 0.8:
            tb.append((s, t, rng.choice(layers)))
        # else dropped
    ids_b = ids[:-1] + [f"b{seed}"]  # B lacks A's last actor, has one of its own
    tb = [x for x in tb if x[0] in ids_b and x[1] in ids_b]
    for _ in range(m // 5):
        s, t = rng.sample(ids_b, 2)
        tb.append((s, t, rng.choice(layers)))
    return coding_pair(f"random_{seed}", ids, ta, ids_b, tb)


def main():
    fixture = {
        "generated_by": "scripts/reference/agreement.py",
        "tools": {
            "python": platform.python_version(),
            "scikit-learn": md.version("scikit-learn"),
            "krippendorff": md.version("krippendorff"),
            "numpy": md.version("numpy"),
            "calls": "sklearn.metrics.cohen_kappa_score(a, b); krippendorff.alpha(reliability_data=[a, b], level_of_measurement='nominal')",
        },
        "tables": tables(),
        "codings": [hand(), random_pair(11, 12, 30), random_pair(12, 25, 80), random_pair(13, 8, 20)],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
    print(f"agreement.py: wrote {OUT.relative_to(ROOT)} ({len(fixture['tables'])} tables, {len(fixture['codings'])} coding pairs)")


if __name__ == "__main__":
    main()

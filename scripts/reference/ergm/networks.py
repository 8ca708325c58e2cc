"""The networks of the ERGM fixtures: teaching networks, tiny graphs for exact enumeration,
and coprod's bundled cases.

Teaching networks are transcribed here from their published sources and compared with the
copies R's ergm ships (through ergmx.datasets) and, for the Florentine marriages, NetworkX's
independent copy; any difference is an error.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from stats import Graph

# ---------------------------------------------------------------- Florentine families

FLORENTINE_SOURCE = (
    "Padgett's Florentine families (Padgett and Ansell 1993, doi:10.1086/230190; Breiger and "
    "Pattison 1986, doi:10.1016/0378-8733(86)90006-7), the 16 families of R ergm's data(florentine) "
    "in its order (alphabetical); wealth = net wealth in 1427 (thousands of lira), priorates = seats "
    "on the civic council 1282-1344, totalties = ties in Padgett's full data set. Transcribed in "
    "scripts/reference/ergm/networks.py; checked equal to R ergm's flomarriage/flobusiness as shipped "
    "by ergmx 0.5.0 (datasets.load) and, for the marriages, to NetworkX 3.6.1's "
    "florentine_families_graph (which omits the isolate Pucci)."
)

FAMILIES = ["Acciaiuoli", "Albizzi", "Barbadori", "Bischeri", "Castellani", "Ginori", "Guadagni",
            "Lamberteschi", "Medici", "Pazzi", "Peruzzi", "Pucci", "Ridolfi", "Salviati", "Strozzi",
            "Tornabuoni"]
WEALTH = [10, 36, 55, 44, 20, 32, 8, 42, 103, 48, 49, 3, 27, 10, 146, 48]
PRIORATES = [53, 65, 0, 12, 22, 0, 21, 0, 53, 0, 42, 0, 38, 35, 74, 0]
TOTALTIES = [2, 3, 14, 9, 18, 9, 14, 14, 54, 7, 32, 1, 4, 5, 29, 7]

MARRIAGE = [("Acciaiuoli", "Medici"), ("Albizzi", "Ginori"), ("Albizzi", "Guadagni"),
            ("Albizzi", "Medici"), ("Barbadori", "Castellani"), ("Barbadori", "Medici"),
            ("Bischeri", "Guadagni"), ("Bischeri", "Peruzzi"), ("Bischeri", "Strozzi"),
            ("Castellani", "Peruzzi"), ("Castellani", "Strozzi"), ("Guadagni", "Lamberteschi"),
            ("Guadagni", "Tornabuoni"), ("Medici", "Ridolfi"), ("Medici", "Salviati"),
            ("Medici", "Tornabuoni"), ("Pazzi", "Salviati"), ("Peruzzi", "Strozzi"),
            ("Ridolfi", "Strozzi"), ("Ridolfi", "Tornabuoni")]
BUSINESS = [("Barbadori", "Castellani"), ("Barbadori", "Ginori"), ("Barbadori", "Medici"),
            ("Barbadori", "Peruzzi"), ("Bischeri", "Guadagni"), ("Bischeri", "Lamberteschi"),
            ("Bischeri", "Peruzzi"), ("Castellani", "Lamberteschi"), ("Castellani", "Peruzzi"),
            ("Ginori", "Medici"), ("Guadagni", "Lamberteschi"), ("Lamberteschi", "Peruzzi"),
            ("Medici", "Pazzi"), ("Medici", "Salviati"), ("Medici", "Tornabuoni")]


def _from_edges(names, edges, directed, attrs):
    idx = {v: i for i, v in enumerate(names)}
    A = np.zeros((len(names), len(names)))
    for u, v in edges:
        A[idx[u], idx[v]] = 1
        if not directed:
            A[idx[v], idx[u]] = 1
    return Graph(len(names), directed, A, attrs)


def _ergm_copy(name):
    from ergmx import datasets

    g = datasets.load(name)
    names = g.vs["name"]
    edges = [(names[e.source], names[e.target]) for e in g.es]
    attrs = {a: list(g.vs[a]) for a in g.vs.attributes() if a != "name"}
    return names, edges, g.is_directed(), attrs


def _same(label, a: Graph, names, b):
    bn, bedges, bdir, battrs = b
    if bn != names or bdir != a.directed:
        raise AssertionError(f"{label}: node order or direction differs from R ergm's copy")
    B = _from_edges(bn, bedges, bdir, {}).A
    if not np.array_equal(a.A, B):
        raise AssertionError(f"{label}: ties differ from R ergm's copy")
    for k, v in a.attrs.items():
        if [float(x) for x in battrs[k]] != [float(x) for x in v]:
            raise AssertionError(f"{label}: attribute {k} differs from R ergm's copy")


def florentine(which: str) -> tuple[Graph, list[str], str]:
    attrs = {"wealth": [float(x) for x in WEALTH], "priorates": [float(x) for x in PRIORATES],
             "totalties": [float(x) for x in TOTALTIES]}
    edges = MARRIAGE if which == "marriage" else BUSINESS
    g = _from_edges(FAMILIES, edges, False, attrs)
    _same(f"flo{which}", g, FAMILIES, _ergm_copy(f"flo{which}"))
    if which == "marriage":
        import networkx as nx

        nxg = nx.florentine_families_graph()
        mine = {frozenset(e) for e in MARRIAGE}
        theirs = {frozenset(e) for e in nxg.edges()}
        if mine != theirs or "Pucci" in nxg:
            raise AssertionError("flomarriage differs from networkx.florentine_families_graph()")
    return g, FAMILIES, FLORENTINE_SOURCE


# ---------------------------------------------------------------- Sampson's monks


def samplike() -> tuple[Graph, list[str], str]:
    """The union of the three liking waves samplk1..3 (each monk's top three choices), as R ergm's
    samplike; group = Sampson's final classification (Loyal, Outcasts, Turks)."""
    waves = [_ergm_copy(f"samplk{t}") for t in (1, 2, 3)]
    names = waves[0][0]
    union = set()
    for wn, we, wd, _ in waves:
        assert wn == names and wd
        union |= set(we)
    names_s, edges_s, dir_s, attrs_s = _ergm_copy("samplike")
    if names_s != names or set(edges_s) != union:
        raise AssertionError("samplike is not the union of samplk1..3")
    attrs = {"group": list(attrs_s["group"]), "cloisterville": [bool(x) for x in attrs_s["cloisterville"]]}
    g = _from_edges(names, sorted(union, key=lambda e: (names.index(e[0]), names.index(e[1]))), True,
                    {"group": attrs["group"]})
    if g.n != 18 or int(g.A.sum()) != 88:
        raise AssertionError("samplike: expected 18 monks and 88 ties")
    src = ("Sampson (1968), Novitiate in a period of change, PhD dissertation, Cornell University; "
           "Breiger, Boorman and Arabie (1975, doi:10.1016/0022-2496(75)90028-0). Built as the union "
           "of the three liking waves samplk1, samplk2, samplk3 of R ergm (each monk's three most "
           "liked, at three times) as shipped by ergmx 0.5.0; checked equal to R ergm's samplike "
           "(18 monks, 88 ties). A tie i -> j: i named j in some wave. group = Sampson's final "
           "classification (Loyal, Outcasts, Turks), from samplike's vertex attribute.")
    return g, names, src


# ---------------------------------------------------------------- faux.mesa.high

# Published in the statnet ergm workshop tutorial (Sunbelt 2022, ergm 4.2.2; see published.py):
# table(mesa %v% "Race"), mixingmatrix(mesa, "Race") and summary() of the tutorial's model.
MESA_RACE_TABLE = {"Black": 6, "Hisp": 109, "NatAm": 68, "Other": 4, "White": 18}
MESA_RACE_MIXING = {  # undirected: each edge counted once, in the cell of its two races
    ("Black", "Hisp"): 8, ("Black", "NatAm"): 13, ("Black", "White"): 5, ("Hisp", "Hisp"): 53,
    ("Hisp", "NatAm"): 41, ("Hisp", "Other"): 1, ("Hisp", "White"): 22, ("NatAm", "NatAm"): 46,
    ("NatAm", "White"): 10, ("White", "White"): 4}
MESA_TUTORIAL_STATS = {
    "edges": 203, "nodefactor.Grade.8": 75, "nodefactor.Grade.9": 65, "nodefactor.Grade.10": 36,
    "nodefactor.Grade.11": 49, "nodefactor.Grade.12": 28, "nodematch.Grade.7": 75,
    "nodematch.Grade.8": 33, "nodematch.Grade.9": 23, "nodematch.Grade.10": 9,
    "nodematch.Grade.11": 17, "nodematch.Grade.12": 6, "nodefactor.Race.Hisp": 178,
    "nodefactor.Race.NatAm": 156, "nodefactor.Race.Other": 1, "nodefactor.Race.White": 45,
    "nodematch.Race.Black": 0, "nodematch.Race.Hisp": 53, "nodematch.Race.NatAm": 46,
    "nodematch.Race.Other": 0, "nodematch.Race.White": 4}
MESA_TUTORIAL_FORMULA = ('edges + nodefactor("Grade") + nodematch("Grade", diff=TRUE) + '
                         'nodefactor("Race") + nodematch("Race", diff=TRUE)')


def faux_mesa_high() -> tuple[Graph, list[str], str]:
    from stats import build_terms, names_of, stats

    names, edges, directed, attrs = _ergm_copy("faux.mesa.high")
    a = {"Grade": [float(x) for x in attrs["Grade"]], "Race": list(attrs["Race"]), "Sex": list(attrs["Sex"])}
    g = _from_edges(names, edges, directed, a)
    if g.n != 205 or int(g.A.sum()) // 2 != 203 or directed:
        raise AssertionError("faux.mesa.high: expected 205 students and 203 undirected ties")
    race = a["Race"]
    table = {}
    for v in race:
        table[v] = table.get(v, 0) + 1
    if table != MESA_RACE_TABLE:
        raise AssertionError(f"faux.mesa.high: race table {table} != published {MESA_RACE_TABLE}")
    mix = {}
    for i in range(g.n):
        for j in range(i + 1, g.n):
            if g.A[i, j]:
                key = tuple(sorted((race[i], race[j])))
                mix[key] = mix.get(key, 0) + 1
    if mix != MESA_RACE_MIXING:
        raise AssertionError(f"faux.mesa.high: race mixing {mix} != published")
    terms = build_terms(g, MESA_TUTORIAL_FORMULA)
    got = dict(zip(names_of(terms), stats(terms, g.A[None])[0]))
    if got != {k: float(v) for k, v in MESA_TUTORIAL_STATS.items()}:
        raise AssertionError(f"faux.mesa.high: statistics {got} != published")
    src = ("Goodreau's faux.mesa.high (R ergm; simulated from an ERGM fitted to an Add Health school, "
           "Resnick et al. 1997, doi:10.1001/jama.278.10.823; Hunter, Goodreau and Handcock 2008, "
           "doi:10.1198/016214507000000446): the copy shipped by ergmx 0.5.0 (R ergm's data), in its "
           "vertex order; checked: 205 nodes, 203 ties, and the race table, race mixing matrix and the "
           "21 statistics of edges + nodefactor(Grade) + nodematch(Grade, diff) + nodefactor(Race) + "
           "nodematch(Race, diff) printed in the statnet ergm workshop tutorial (Sunbelt 2022, ergm 4.2.2)")
    return g, list(names), src


def samplk3() -> tuple[Graph, list[str], str]:
    names, edges, directed, attrs = _ergm_copy("samplk3")
    g = _from_edges(names, edges, True, {"group": list(attrs["group"])})
    mutual = int((g.A * g.A.T).sum()) // 2
    if g.n != 18 or int(g.A.sum()) != 56 or mutual != 15 or not directed:
        raise AssertionError("samplk3: expected 18 monks, 56 ties, 15 mutual dyads (statnet tutorial)")
    src = ("Sampson (1968), Novitiate in a period of change, PhD dissertation, Cornell University: liking "
           "at the third time (each monk's three most liked; a tie i -> j: i named j), R ergm's samplk3 "
           "as shipped by ergmx 0.5.0, in its vertex order; checked: 18 monks, 56 ties and 15 mutual "
           "dyads, as printed in the statnet ergm workshop tutorial (Sunbelt 2022)")
    return g, list(names), src


# ---------------------------------------------------------------- coprod cases

UNDIRECTED_LAYERS = {"deliberation", "tension"}  # coprod's model::layer: the rest are directed
NEGATIVE_LAYERS = {"tension"}


def coprod_case(root: Path, case: str) -> tuple[Graph, list[str], str]:
    d = root / "data" / case
    if (d / "case.toml").exists() and "[[layers]]" in (d / "case.toml").read_text():
        raise AssertionError(f"{case}: extra layers in case.toml are not handled")
    with open(d / "actors.csv", newline="", encoding="utf-8") as f:
        actors = list(csv.DictReader(f))
    names = [a["id"] for a in actors]
    idx = {v: i for i, v in enumerate(names)}
    A = np.zeros((len(names), len(names)))
    with open(d / "ties.csv", newline="", encoding="utf-8") as f:
        for t in csv.DictReader(f):
            if t["layer"] in NEGATIVE_LAYERS:
                continue
            s, r = idx[t["source"]], idx[t["target"]]
            if s == r:
                raise AssertionError(f"{case}: self-loop {t}")
            A[s, r] = 1
            if t["layer"] in UNDIRECTED_LAYERS:
                A[r, s] = 1
    g = Graph(len(names), True, A, {"kind": [a["kind"] for a in actors]})
    # the same graph as the library's aggregate view, exported by scripts/reference/cases.sh
    ref = root / "tests" / "fixtures" / "reference" / f"case_{case}_agg.json"
    checked = ""
    if ref.exists():
        import json

        d = json.loads(ref.read_text(encoding="utf-8"))
        B = np.zeros_like(A)
        for u, v, _w in d["edges"]:
            B[u, v] = 1
        if d["labels"] != names or not d["directed"] or not np.array_equal(A, B):
            raise AssertionError(f"{case}: graph differs from tests/fixtures/reference/case_{case}_agg.json")
        checked = (f"; checked equal (ids, order, ties) to coprod's own aggregate view in "
                   f"tests/fixtures/reference/case_{case}_agg.json")
    src = (f"coprod data/{case}/actors.csv and ties.csv: actors in file order; a tie i -> j when "
           f"i -> j in any layer but tension (leadership, administrative, resource, service, "
           f"information as written; deliberation, an undirected layer, both ways), binary "
           f"(weights ignored); attribute kind from actors.csv{checked}")
    return g, names, src


# ---------------------------------------------------------------- tiny graphs (exact)


def tiny(name: str, seed: int) -> tuple[Graph, list[str], str]:
    """A tiny graph for exact enumeration: the spec's nodes, attributes and structural zeros,
    ties drawn by random.Random(seed) with probability p on every free dyad. The caller tries
    seeds 0, 1, 2, ... and keeps the first graph on which every formula's MPLE and exact MLE
    exist."""
    import random

    spec = TINY[name]
    n, directed = spec["n"], spec["directed"]
    F = np.zeros((n, n), dtype=bool)
    for u, v in spec.get("forbidden", []):
        F[u, v] = True
        if not directed:
            F[v, u] = True
    rnd = random.Random(seed)
    A = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if i == j or (not directed and j < i) or F[i, j]:
                continue
            if rnd.random() < spec["p"]:
                A[i, j] = 1
                if not directed:
                    A[j, i] = 1
    g = Graph(n, directed, A, dict(spec.get("attrs", {})))
    for k, M in spec.get("edge_covariates", {}).items():
        g.edge_covariates[k] = np.array(M, dtype=float)
    if "forbidden" in spec:
        g.forbidden = F
    src = (f"{spec['source']}; ties drawn with probability {spec['p']} on each free dyad by Python's "
           f"random.Random({seed}) in row-major dyad order (tiny() in scripts/reference/ergm/networks.py), "
           f"the first seed from 0 on which every fit's MPLE and exact MLE exist")
    return g, [str(i) for i in range(n)], src


TINY = {
    "exact_d4": dict(
        n=4, directed=True, p=0.5, source="directed, 4 nodes",
        attrs={"g": ["a", "a", "b", "b"], "x": [1.0, 2.0, 0.5, 3.0]},
        edge_covariates={"w": [[0, 1, 0, 2], [1, 0, 3, 0], [0, 1, 0, 1], [2, 0, 1, 0]]}),
    "exact_d5": dict(
        n=5, directed=True, p=0.4, source="directed, 5 nodes",
        attrs={"g": ["a", "b", "a", "b", "b"]}),
    "exact_d6_forbidden": dict(
        n=6, directed=True, p=0.4,
        source=("directed, 6 nodes with structural zeros: nodes 4 and 5 are arenas (kind 'arena') "
                "and send no tie (the 10 dyads 4 -> x and 5 -> x are forbidden), 20 free dyads"),
        attrs={"kind": ["party", "resident", "resident", "market", "arena", "arena"]},
        forbidden=[(4, j) for j in range(6) if j != 4] + [(5, j) for j in range(5)]),
    "exact_u5": dict(
        n=5, directed=False, p=0.5, source="undirected, 5 nodes",
        attrs={"g": ["a", "a", "b", "b", "b"], "x": [1.0, 2.0, 0.0, 3.0, 1.5]}),
    "exact_u6": dict(
        n=6, directed=False, p=0.45, source="undirected, 6 nodes",
        attrs={"g": ["a", "a", "a", "b", "b", "b"], "x": [0.0, 1.0, 2.0, 0.5, 1.5, 3.0]},
        edge_covariates={"w": [[0, 1, 0, 0, 2, 0], [1, 0, 1, 0, 1, 0], [0, 1, 0, 2, 0, 0],
                               [0, 0, 2, 0, 1, 1], [2, 1, 0, 1, 0, 0], [0, 0, 0, 1, 0, 0]]}),
    "exact_u7": dict(
        n=7, directed=False, p=0.4, source="undirected, 7 nodes",
        attrs={"g": ["a", "a", "b", "b", "c", "c", "c"]}),
    "exact_u6_forbidden": dict(
        n=6, directed=False, p=0.45,
        source="undirected, 6 nodes with structural zeros: the dyads 0-5, 1-4 and 2-3 are forbidden",
        attrs={"g": ["a", "a", "b", "b", "a", "b"]},
        forbidden=[(0, 5), (1, 4), (2, 3)]),
}

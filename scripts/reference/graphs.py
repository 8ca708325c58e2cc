"""Test graphs for the reference-value fixtures.

Every graph is a plain dict ("spec"):

    name      str    file stem of the fixture
    directed  bool
    weighted  bool   False -> every weight is 1
    n         int    nodes are 0..n-1
    labels    [str]  original node names in node order (str(i) for random graphs)
    edges     [[u, v, w]]  sorted; undirected edges have u < v; no loops, no duplicates
    partition [int]  class per node, 0..k-1 (k = min(3, n))
    group     [int]  sorted node indices: the 3 nodes of highest degree
                     (total degree for digraphs), ties broken by lower index
    seed      int    the seed everything random about this graph derives from

Everything is deterministic: only `random.Random(seed)` is used (no numpy RNG,
no global random state), and every graph has its own fixed seed so adding or
removing a graph never changes the others.

Weights are integers 1..5, or multiples of 0.25 in [0.25, 5.00] (exact both in
decimal text and in binary floating point), or -- in the two "*_dec_*" graphs
only -- arbitrary two-decimal numbers in [0.10, 5.00]. json.dumps(float) is
round-trip exact, so the fixture text holds the weights exactly.
"""

import random

# ---------------------------------------------------------------------------
# helpers shared with reference.py (case-graph mode)
# ---------------------------------------------------------------------------


def partition_for(n, seed):
    """Seeded random balanced 3-class partition: shuffle 0..n-1 with
    Random(seed * 31 + 7), node at shuffled position i gets class i % k."""
    k = min(3, n)
    order = list(range(n))
    random.Random(seed * 31 + 7).shuffle(order)
    part = [0] * n
    for pos, v in enumerate(order):
        part[v] = pos % k
    return part


def top_degree_group(n, edges, size=3):
    """The `size` nodes of highest degree (total degree for digraphs, i.e.
    number of incident edges), ties broken by lower index; returned sorted."""
    deg = [0] * n
    for u, v, _ in edges:
        deg[u] += 1
        deg[v] += 1
    best = sorted(range(n), key=lambda x: (-deg[x], x))[: min(size, n)]
    return sorted(best)


def canonical_edges(edges, directed):
    """Sort edges, orient undirected ones u < v, reject loops/duplicates."""
    out = {}
    for u, v, w in edges:
        if u == v:
            raise ValueError(f"self-loop on node {u}")
        if not directed and u > v:
            u, v = v, u
        if (u, v) in out:
            raise ValueError(f"duplicate edge {u}-{v}")
        out[(u, v)] = w
    return [[u, v, out[(u, v)]] for (u, v) in sorted(out)]


def make_spec(name, directed, weighted, n, edges, seed, labels=None):
    edges = canonical_edges(edges, directed)
    if not weighted:
        edges = [[u, v, 1] for u, v, _ in edges]
    return {
        "name": name,
        "directed": directed,
        "weighted": weighted,
        "n": n,
        "labels": labels if labels is not None else [str(i) for i in range(n)],
        "edges": edges,
        "partition": partition_for(n, seed),
        "group": top_degree_group(n, edges),
        "seed": seed,
    }


# ---------------------------------------------------------------------------
# random generators (all take an explicit random.Random)
# ---------------------------------------------------------------------------


def gnp(r, n, p, directed):
    """G(n, p): each unordered (undirected) / ordered (directed) pair of
    distinct nodes independently with probability p, pairs visited in
    lexicographic order."""
    edges = []
    for u in range(n):
        for v in range(n):
            if u == v or (not directed and v < u):
                continue
            if r.random() < p:
                edges.append((u, v, 1))
    return edges


def random_dag(r, n, p):
    """G(n, p) restricted to pairs u < v, oriented u -> v (acyclic)."""
    return [(u, v, 1) for u in range(n) for v in range(u + 1, n) if r.random() < p]


def random_tree(r, n):
    """Random recursive tree: node i attaches to a uniform earlier node."""
    return [(r.randrange(i), i, 1) for i in range(1, n)]


def pref_attach(r, n, m, directed=False, recip=0.0):
    """Barabasi-Albert-like growth. Start: complete graph on m+1 nodes (for
    digraphs: one orientation u -> v, u > v, i.e. a DAG seed). Each new node
    picks m distinct earlier targets with probability proportional to
    (degree + 1) (digraphs: in-degree + 1) and links new -> target; for
    digraphs each new edge is reciprocated with probability `recip`."""
    edges = []
    score = [0] * n
    for u in range(m + 1):
        for v in range(u):
            edges.append((u, v, 1))
            score[v] += 1
            if not directed:
                score[u] += 1
    for new in range(m + 1, n):
        targets = set()
        while len(targets) < m:
            tot = sum(score[x] + 1 for x in range(new))
            x = r.random() * tot
            acc = 0.0
            for cand in range(new):
                acc += score[cand] + 1
                if x < acc:
                    break
            targets.add(cand)
        for t in sorted(targets):
            edges.append((new, t, 1))
            score[t] += 1
            if not directed:
                score[new] += 1
            elif recip and r.random() < recip:
                edges.append((t, new, 1))
                score[new] += 1
    return edges


def permute(r, n, edges):
    """Relabel nodes by a random permutation (so structure is not aligned
    with node index)."""
    perm = list(range(n))
    r.shuffle(perm)
    return [(perm[u], perm[v], w) for u, v, w in edges]


def isolate(r, n, edges, k):
    """Remove all edges of k randomly chosen nodes."""
    iso = set(r.sample(range(n), k))
    return [e for e in edges if e[0] not in iso and e[1] not in iso]


def disjoint(parts):
    """Disjoint union of (n_i, edges_i) blocks; returns (n, edges)."""
    off, edges = 0, []
    for n_i, e_i in parts:
        edges += [(u + off, v + off, w) for u, v, w in e_i]
        off += n_i
    return off, edges


def weigh(r, edges, kind):
    """Attach weights.
    'int'   -> randint(1, 5)
    'float' -> randint(1, 20) / 4, i.e. 0.25, 0.5, ..., 5.0: two decimals at most
               AND exact in binary floating point, so path-length sums are exact
               and every tool sees the same ties between shortest paths
    'dec'   -> round(uniform(0.1, 5.0), 2): arbitrary two-decimal numbers; sums
               are not exact in binary, so tools that compare path lengths
               exactly (networkx) and with a tolerance (igraph) can disagree on
               ties. Used deliberately in two graphs (see README)."""
    out = []
    for u, v, _ in edges:
        if kind == "int":
            w = r.randint(1, 5)
        elif kind == "float":
            w = r.randint(1, 20) / 4
        elif kind == "dec":
            w = round(r.uniform(0.1, 5.0), 2)
        else:
            raise ValueError(kind)
        out.append((u, v, w))
    return out


# ---------------------------------------------------------------------------
# the graph table
# ---------------------------------------------------------------------------


def _classic():
    import networkx as nx

    specs = []
    # Zachary karate club: nodes 0..33 as in networkx. Unweighted version, and
    # the weighted version with networkx's 'weight' attribute (interaction counts).
    g = nx.karate_club_graph()
    nodes = sorted(g.nodes())
    assert nodes == list(range(34))
    e = [(u, v, 1) for u, v in g.edges()]
    specs.append(make_spec("karate", False, False, 34, e, 34, [str(v) for v in nodes]))
    e = [(u, v, int(d["weight"])) for u, v, d in g.edges(data=True)]
    specs.append(make_spec("karate_weighted", False, True, 34, e, 35, [str(v) for v in nodes]))

    # Padgett's Florentine families (marriage ties, 15 families in networkx,
    # Pucci not included). Node order: family names sorted alphabetically.
    g = nx.florentine_families_graph()
    names = sorted(g.nodes())
    idx = {s: i for i, s in enumerate(names)}
    e = [(idx[u], idx[v], 1) for u, v in g.edges()]
    specs.append(make_spec("florentine", False, False, len(names), e, 15, names))

    # Krackhardt's kite: nodes 0..9 as in networkx.
    g = nx.krackhardt_kite_graph()
    nodes = sorted(g.nodes())
    e = [(u, v, 1) for u, v in g.edges()]
    specs.append(make_spec("kite", False, False, 10, e, 10, [str(v) for v in nodes]))
    return specs


def _random():
    specs = []

    def add(name, directed, weighted, n, seed, build):
        r = random.Random(seed)
        edges = build(r)
        specs.append(make_spec(name, directed, weighted, n, edges, seed))

    # --- undirected, unweighted
    add("u_gnp_8", False, False, 8, 101, lambda r: gnp(r, 8, 0.45, False))
    add("u_gnp_20", False, False, 20, 102, lambda r: gnp(r, 20, 0.2, False))
    add("u_gnp_40", False, False, 40, 103, lambda r: gnp(r, 40, 0.1, False))
    add("u_gnp_60", False, False, 60, 104, lambda r: gnp(r, 60, 0.07, False))
    add("u_dense_10", False, False, 10, 105, lambda r: gnp(r, 10, 0.8, False))
    add("u_iso_25", False, False, 25, 106,
        lambda r: isolate(r, 25, gnp(r, 25, 0.15, False), 3))
    add("u_disc_30", False, False, 30, 107,
        lambda r: permute(r, 30, disjoint([(14, gnp(r, 14, 0.3, False)),
                                           (12, gnp(r, 12, 0.35, False)),
                                           (3, [(0, 1, 1), (1, 2, 1)]),
                                           (1, [])])[1]))
    add("u_tree_15", False, False, 15, 108, lambda r: permute(r, 15, random_tree(r, 15)))
    add("u_pa_50", False, False, 50, 109, lambda r: permute(r, 50, pref_attach(r, 50, 2)))

    # --- undirected, weighted
    add("uw_int_15", False, True, 15, 201, lambda r: weigh(r, gnp(r, 15, 0.3, False), "int"))
    add("uw_int_disc_30", False, True, 30, 202,
        lambda r: weigh(r, permute(r, 30, disjoint([(18, gnp(r, 18, 0.25, False)),
                                                    (10, gnp(r, 10, 0.4, False)),
                                                    (2, [])])[1]), "int"))
    add("uw_float_12", False, True, 12, 203, lambda r: weigh(r, gnp(r, 12, 0.4, False), "float"))
    add("uw_float_40", False, True, 40, 204,
        lambda r: weigh(r, isolate(r, 40, gnp(r, 40, 0.12, False), 2), "float"))
    add("uw_pa_35", False, True, 35, 205,
        lambda r: weigh(r, permute(r, 35, pref_attach(r, 35, 2)), "float"))
    # same topology as uw_float_40 (same seed, same draws), arbitrary decimals
    add("uw_dec_40", False, True, 40, 204,
        lambda r: weigh(r, isolate(r, 40, gnp(r, 40, 0.12, False), 2), "dec"))

    # --- directed, unweighted
    add("d_gnp_8", True, False, 8, 301, lambda r: gnp(r, 8, 0.35, True))
    add("d_gnp_20", True, False, 20, 302, lambda r: gnp(r, 20, 0.15, True))
    add("d_gnp_40", True, False, 40, 303, lambda r: gnp(r, 40, 0.08, True))
    add("d_gnp_30", True, False, 30, 310, lambda r: gnp(r, 30, 0.15, True))
    add("d_gnp_60", True, False, 60, 304, lambda r: gnp(r, 60, 0.035, True))
    add("d_dense_10", True, False, 10, 305, lambda r: gnp(r, 10, 0.7, True))
    add("d_iso_25", True, False, 25, 306,
        lambda r: isolate(r, 25, gnp(r, 25, 0.12, True), 3))
    add("d_disc_30", True, False, 30, 307,
        lambda r: permute(r, 30, disjoint([(15, gnp(r, 15, 0.2, True)),
                                           (13, gnp(r, 13, 0.25, True)),
                                           (2, [])])[1]))
    add("d_dag_20", True, False, 20, 308, lambda r: permute(r, 20, random_dag(r, 20, 0.2)))
    add("d_pa_45", True, False, 45, 309,
        lambda r: permute(r, 45, pref_attach(r, 45, 2, directed=True, recip=0.3)))

    # --- directed, weighted
    add("dw_int_15", True, True, 15, 401, lambda r: weigh(r, gnp(r, 15, 0.25, True), "int"))
    add("dw_int_35", True, True, 35, 402, lambda r: weigh(r, gnp(r, 35, 0.1, True), "int"))
    add("dw_float_12", True, True, 12, 403, lambda r: weigh(r, gnp(r, 12, 0.3, True), "float"))
    add("dw_float_20", True, True, 20, 409, lambda r: weigh(r, gnp(r, 20, 0.25, True), "float"))
    add("dw_dec_25", True, True, 25, 406, lambda r: weigh(r, gnp(r, 25, 0.15, True), "dec"))
    add("dw_float_iso_50", True, True, 50, 404,
        lambda r: weigh(r, isolate(r, 50, gnp(r, 50, 0.06, True), 4), "float"))
    add("dw_pa_30", True, True, 30, 405,
        lambda r: weigh(r, permute(r, 30, pref_attach(r, 30, 2, directed=True, recip=0.4)), "int"))
    return specs


def nx_graph(spec):
    """The NetworkX graph of a spec: nodes 0..n-1 (isolates kept), edges with `weight`."""
    import networkx as nx

    G = nx.DiGraph() if spec["directed"] else nx.Graph()
    G.add_nodes_from(range(spec["n"]))
    for u, v, w in spec["edges"]:
        G.add_edge(u, v, weight=w)
    return G


def all_graphs():
    specs = _classic() + _random()
    names = [s["name"] for s in specs]
    assert len(names) == len(set(names)), "duplicate graph names"
    return specs


if __name__ == "__main__":
    for s in all_graphs():
        print(f'{s["name"]:18s} n={s["n"]:3d} m={len(s["edges"]):4d} '
              f'directed={s["directed"]!s:5s} weighted={s["weighted"]!s:5s} group={s["group"]}')

"""Exact enumeration of all 2^30 directed graphs on 6 nodes, for integer-valued statistics.

A graph is a 30-bit code: bit p is the tie i -> j and bit p + 15 the tie j -> i of the p-th pair
i < j (row-major). Statistics are popcounts of masked codes, so a chunk of 2^22 graphs costs a
few dozen vector operations; each graph's statistic vector is packed into one integer key and
counted with bincount. Supported terms: edges, mutual, istar(k), ostar(k), and dyadic terms
whose values are all 0 or 1 (nodematch, nodeifactor, nodeofactor, nodemix on a directed graph).
`check_against_generic` compares the resulting histogram with `fitting.enumerate_stats` on a
5-node graph, where both are feasible.
"""

from __future__ import annotations

import numpy as np

from stats import DyadicTerm, Edges, Graph, Mutual, Star


def _layout(n):
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    P = len(pairs)
    bit = {}
    for p, (i, j) in enumerate(pairs):
        bit[(i, j)] = p
        bit[(j, i)] = p + P
    return pairs, bit


def _popcount(x):
    return np.bitwise_count(x).astype(np.int64)


class _Stat:
    def __init__(self, kind, mask=None, masks=None, k=None, maxval=None):
        self.kind, self.mask, self.masks, self.k, self.maxval = kind, mask, masks, k, maxval


def _compile(terms, g: Graph):
    n = g.n
    pairs, bit = _layout(n)
    P = len(pairs)
    out = []
    for t in terms:
        if isinstance(t, Edges):
            out.append(_Stat("pop", mask=(1 << (2 * P)) - 1, maxval=2 * P))
        elif isinstance(t, Mutual):
            out.append(_Stat("mutual", maxval=P))
        elif isinstance(t, Star) and t.which in ("i", "o"):
            masks = []
            for v in range(n):
                m = 0
                for u in range(n):
                    if u != v:
                        m |= 1 << (bit[(u, v)] if t.which == "i" else bit[(v, u)])
                masks.append(m)
            out.append(_Stat("star", masks=masks, k=t.k))
        elif isinstance(t, DyadicTerm) and set(np.unique(t.M)) <= {0.0, 1.0}:
            for c in range(t.M.shape[2]):
                m = 0
                for (i, j), b in bit.items():
                    if t.M[i, j, c] == 1.0:
                        m |= 1 << b
                out.append(_Stat("pop", mask=m, maxval=bin(m).count("1")))
        else:
            raise ValueError(f"exact_bits: unsupported term {t.names}")
    from math import comb

    for s in out:
        if s.kind == "star":
            s.maxval = n * comb(n - 1, s.k)
    return out, P


def enumerate_hist(terms, g: Graph, chunk_bits=22):
    """(S, counts): the distinct statistic vectors over all graphs and how many graphs have each."""
    if not g.directed or g.forbidden is not None:
        raise ValueError("exact_bits: directed graphs without structural zeros only")
    stats_, P = _compile(terms, g)
    D = 2 * P
    radix = [s.maxval + 1 for s in stats_]
    size = int(np.prod(radix))
    if size > 50_000_000:
        raise ValueError(f"exact_bits: key space {size} too large")
    hist = np.zeros(size, dtype=np.int64)
    dt = np.uint32 if D <= 32 else np.uint64
    low, shift = dt((1 << P) - 1), dt(P)
    for s in stats_:
        s.m = dt(s.mask) if s.mask is not None else None
        s.ms = [dt(m) for m in s.masks] if s.masks is not None else None
    step = 1 << min(chunk_bits, D)
    for start in range(0, 1 << D, step):
        codes = np.arange(start, start + step, dtype=np.uint64).astype(np.uint32 if D <= 32 else np.uint64)
        key = np.zeros(step, dtype=np.int64)
        for s, r in zip(stats_, radix):
            if s.kind == "pop":
                v = _popcount(codes & s.m)
            elif s.kind == "mutual":
                v = _popcount(codes & (codes >> shift) & low)
            else:
                v = np.zeros(step, dtype=np.int64)
                for m in s.ms:
                    d = _popcount(codes & m)
                    c = np.ones(step, dtype=np.int64)
                    for t in range(s.k):
                        c = c * (d - t)
                    v += c // int(np.prod(np.arange(1, s.k + 1)))
            key = key * r + v
        hist += np.bincount(key, minlength=size)
    nz = np.nonzero(hist)[0]
    S = np.zeros((len(nz), len(radix)))
    rem = nz.copy()
    for c in range(len(radix) - 1, -1, -1):
        S[:, c] = rem % radix[c]
        rem //= radix[c]
    return S, hist[nz]


def observed_code_stats(terms, g):
    """g(y_obs) through the same bit layout (a check of the layout against stats.stats)."""
    stats_, P = _compile(terms, g)
    _, bit = _layout(g.n)
    code = 0
    for (i, j), b in bit.items():
        if g.A[i, j]:
            code |= 1 << b
    out = []
    for s in stats_:
        if s.kind == "pop":
            out.append(bin(code & s.mask).count("1"))
        elif s.kind == "mutual":
            out.append(bin(code & (code >> P) & ((1 << P) - 1)).count("1"))
        else:
            from math import comb

            out.append(sum(comb(bin(code & m).count("1"), s.k) for m in s.masks))
    return np.array(out, dtype=float)


def check_against_generic(terms_of, g5: Graph):
    """The bit enumeration equals the generic one (fitting.enumerate_stats) on a 5-node graph."""
    import fitting

    terms = terms_of(g5)
    S, counts = enumerate_hist(terms, g5)
    G = fitting.enumerate_stats(terms, g5)
    keys, cnt = np.unique(G, axis=0, return_counts=True)
    order = np.lexsort(S.T[::-1])
    if not (np.array_equal(keys, S[order]) and np.array_equal(cnt, counts[order])):
        raise AssertionError("exact_bits: histogram differs from the generic enumeration")

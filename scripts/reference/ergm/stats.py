"""ERGM statistics and change statistics, written from statnet ergm's term definitions.

Nothing here calls ergmx or statnet: the definitions are implemented directly on adjacency
matrices, and `ergm_reference.py` cross-checks every term against `ergmx.summary_stats`.

Conventions (statnet's):
- `A[i, j] = 1` is a tie i -> j; an undirected graph has a symmetric `A`; the diagonal is 0.
- Factor levels are the sorted distinct values of the attribute (numbers numerically, strings
  by code point; `levels_of` refuses strings whose order would depend on R's locale).
  `nodefactor`, `nodeifactor`, `nodeofactor` drop the first level; `nodemix` drops the first
  mixing type; `nodematch(diff=TRUE)` keeps every level.
- Geometric weights: w(s) = e^a (1 - (1 - e^-a)^s), so w(0) = 0 and w(s+1) - w(s) = r^s with
  r = 1 - e^-a.

Two implementations per term:
- `Term.stat(A)`: g(y) for a batch of graphs `A` of shape (B, n, n), by the definition;
- `Term.change(A)`: the (n, n, k) array of change statistics g(y + ij) - g(y - ij) for every
  dyad of one graph, from local formulas (or, where marked, as the difference of two `stat`
  calls). `check_change` compares both on random graphs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

# ---------------------------------------------------------------- formula parsing

_TOKEN = re.compile(r'\s*(?:(?P<num>-?\d+(?:\.\d*)?(?:[eE]-?\d+)?)|(?P<str>"[^"]*"|\'[^\']*\')'
                    r'|(?P<name>[A-Za-z_.][A-Za-z0-9_.]*)|(?P<op>[(),=+]))')


def _tokens(s: str):
    pos = 0
    s = s.strip()
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot parse formula {s!r} at {s[pos:]!r}")
        pos = m.end()
        kind = m.lastgroup
        text = m.group(kind)
        yield kind, text


def _value(kind: str, text: str):
    if kind == "num":
        return float(text)
    if kind == "str":
        return text[1:-1]
    if text in ("TRUE", "T"):
        return True
    if text in ("FALSE", "F"):
        return False
    raise ValueError(f"unsupported argument {text!r}")


def parse_formula(formula: str) -> list[tuple[str, list, dict]]:
    """`edges + nodematch("g", diff=TRUE)` -> [("edges", [], {}), ("nodematch", ["g"], {"diff": True})]."""
    toks = list(_tokens(formula))
    out, i = [], 0
    while i < len(toks):
        kind, name = toks[i]
        if kind != "name":
            raise ValueError(f"expected a term name in {formula!r}, got {name!r}")
        i += 1
        args, kwargs = [], {}
        if i < len(toks) and toks[i] == ("op", "("):
            i += 1
            while toks[i] != ("op", ")"):
                if toks[i][0] == "name" and i + 1 < len(toks) and toks[i + 1] == ("op", "="):
                    kwargs[toks[i][1]] = _value(*toks[i + 2])
                    i += 3
                else:
                    args.append(_value(*toks[i]))
                    i += 1
                if toks[i] == ("op", ","):
                    i += 1
            i += 1
        out.append((name, args, kwargs))
        if i < len(toks):
            if toks[i] != ("op", "+"):
                raise ValueError(f"expected '+' in {formula!r}")
            i += 1
    return out


# ---------------------------------------------------------------- helpers


def rnum(x: float) -> str:
    """A number as R's as.character prints it (0.5 -> "0.5", 7 -> "7")."""
    return f"{x:.15g}"


def levels_of(values) -> list:
    """Sorted distinct values, as R's sort(unique(x)) for numbers and for strings whose order
    does not depend on the locale (all start with the same case and are ASCII)."""
    vals = sorted(set(values))
    if vals and isinstance(vals[0], str):
        if sorted(vals, key=str.casefold) != vals or not all(v.isascii() for v in vals):
            raise ValueError(f"string levels {vals} would sort differently in R's locales")
    return vals


def level_name(v) -> str:
    return rnum(v) if isinstance(v, float | int) and not isinstance(v, bool) else str(v)


def _w(s, a):
    r = 1.0 - math.exp(-a)
    return math.exp(a) * (1.0 - np.power(r, s))


def _binom(x, k):
    """C(x, k) elementwise for integer arrays x >= 0."""
    x = np.asarray(x, dtype=float)
    out = np.ones_like(x)
    for t in range(k):
        out = out * (x - t) / (t + 1)
    return np.where(x >= k, out, 0.0)


def _upper(B, n):
    return np.triu(np.ones((n, n), dtype=bool), 1)


@dataclass
class Graph:
    """A network as the fixtures store it."""

    n: int
    directed: bool
    A: np.ndarray  # (n, n) float 0/1
    attrs: dict = field(default_factory=dict)  # name -> list
    edge_covariates: dict = field(default_factory=dict)  # name -> (n, n) array
    forbidden: np.ndarray | None = None  # (n, n) bool, True = structural zero

    def free_dyads(self) -> list[tuple[int, int]]:
        """Free dyads in statnet's order for an edge list: i < j undirected; all i != j directed
        (row-major)."""
        out = []
        for i in range(self.n):
            for j in range(self.n):
                if i == j or (not self.directed and j < i):
                    continue
                if self.forbidden is not None and self.forbidden[i, j]:
                    continue
                out.append((i, j))
        return out


# ---------------------------------------------------------------- terms


class Term:
    names: list[str]
    dyad_independent = True

    def stat(self, A):  # (B, n, n) -> (B, k)
        raise NotImplementedError

    def change(self, A):  # (n, n) -> (n, n, k), A without loops
        """Default: difference of `stat` on y with and without each dyad (exact, O(n^2) calls)."""
        n = A.shape[0]
        out = np.zeros((n, n, len(self.names)))
        for i in range(n):
            for j in range(n):
                if i == j or (not self.directed and j < i):
                    continue
                plus, minus = A.copy(), A.copy()
                plus[i, j] = 1
                minus[i, j] = 0
                if not self.directed:
                    plus[j, i] = 1
                    minus[j, i] = 0
                d = self.stat(np.stack([plus, minus]))
                out[i, j] = d[0] - d[1]
                if not self.directed:
                    out[j, i] = out[i, j]
        return out


def _edge_sum(A, M, directed):
    """Sum over ties of the dyadic values M: sum_{i<j} A M (undirected) or sum_{i!=j} A M."""
    if directed:
        return np.einsum("bij,ij->b", A, M)
    n = A.shape[-1]
    return np.einsum("bij,ij->b", A, np.where(_upper(None, n), M, 0.0))


class Edges(Term):
    def __init__(self, g):
        self.directed, self.names = g.directed, ["edges"]

    def stat(self, A):
        return _edge_sum(A, np.ones(A.shape[-2:]), self.directed)[:, None]

    def change(self, A):
        return np.ones(A.shape + (1,))


class Mutual(Term):
    dyad_independent = False

    def __init__(self, g):
        if not g.directed:
            raise ValueError("mutual needs a directed network")
        self.directed, self.names = True, ["mutual"]

    def stat(self, A):
        return (np.einsum("bij,bji->b", A, A) / 2)[:, None]

    def change(self, A):
        return A.T[:, :, None].astype(float)


class DyadicTerm(Term):
    """A term whose statistic is sum over ties of fixed dyadic values M_k[i, j]."""

    def __init__(self, g, names, mats):
        self.directed, self.names = g.directed, names
        self.M = np.stack(mats, axis=-1).astype(float)  # (n, n, k)
        if not g.directed:
            assert np.allclose(self.M, self.M.transpose(1, 0, 2))

    def stat(self, A):
        return np.stack([_edge_sum(A, self.M[:, :, k], self.directed) for k in range(self.M.shape[2])], axis=1)

    def change(self, A):
        return self.M.copy()


def _attr(g, name):
    if name not in g.attrs:
        raise KeyError(f"no attribute {name!r}; attributes: {sorted(g.attrs)}")
    return list(g.attrs[name])


def nodefactor(g, attr, which):
    a = _attr(g, attr)
    levs = levels_of(a)[1:]
    prefix = {"both": "nodefactor", "in": "nodeifactor", "out": "nodeofactor"}[which]
    if which != "both" and not g.directed:
        raise ValueError(f"{prefix} needs a directed network")
    names, mats = [], []
    for lv in levs:
        x = np.array([1.0 if v == lv else 0.0 for v in a])
        tail, head = x[:, None] * np.ones(g.n)[None, :], np.ones(g.n)[:, None] * x[None, :]
        mats.append({"both": tail + head, "in": head, "out": tail}[which])
        names.append(f"{prefix}.{attr}.{level_name(lv)}")
    return DyadicTerm(g, names, mats)


def nodematch(g, attr, diff=False):
    a = _attr(g, attr)
    same = np.array([[1.0 if a[i] == a[j] else 0.0 for j in range(g.n)] for i in range(g.n)])
    if not diff:
        return DyadicTerm(g, [f"nodematch.{attr}"], [same])
    names, mats = [], []
    for lv in levels_of(a):
        x = np.array([1.0 if v == lv else 0.0 for v in a])
        mats.append(np.outer(x, x))
        names.append(f"nodematch.{attr}.{level_name(lv)}")
    return DyadicTerm(g, names, mats)


def nodemix(g, attr):
    """Undirected: unordered level pairs (l1 <= l2) in column-major upper-triangle order;
    directed: (sender level, receiver level), column-major (sender varies fastest); the first
    mixing type dropped (statnet's levels2 = -1)."""
    a = _attr(g, attr)
    levs = levels_of(a)
    pairs = []
    for c in range(len(levs)):
        for r in range(len(levs)):
            if g.directed or r <= c:
                pairs.append((levs[r], levs[c]))
    names, mats = [], []
    for lr, lc in pairs[1:]:
        M = np.array([[1.0 if (a[i] == lr and a[j] == lc) else 0.0 for j in range(g.n)] for i in range(g.n)])
        if not g.directed:
            M = np.maximum(M, M.T)
        mats.append(M)
        names.append(f"mix.{attr}.{level_name(lr)}.{level_name(lc)}")
    return DyadicTerm(g, names, mats)


def nodecov(g, attr):
    x = np.array(_attr(g, attr), dtype=float)
    return DyadicTerm(g, [f"nodecov.{attr}"], [x[:, None] + x[None, :]])


def absdiff(g, attr, pow=1.0):
    x = np.array(_attr(g, attr), dtype=float)
    name = f"absdiff.{attr}" if pow == 1 else f"absdiff{rnum(pow)}.{attr}"
    return DyadicTerm(g, [name], [np.abs(x[:, None] - x[None, :]) ** pow])


def edgecov(g, name):
    if name not in g.edge_covariates:
        raise KeyError(f"no dyadic covariate {name!r}; covariates: {sorted(g.edge_covariates)}")
    X = np.asarray(g.edge_covariates[name], dtype=float)
    if not g.directed:  # statnet uses the upper triangle: value of (i, j), i < j, for both orders
        X = np.triu(X, 1) + np.triu(X, 1).T
    return DyadicTerm(g, [f"edgecov.{name}"], [X])


class Star(Term):
    """kstar(k) = sum_i C(deg_i, k) (undirected); istar(k) = sum_i C(indeg_i, k);
    ostar(k) = sum_i C(outdeg_i, k)."""

    dyad_independent = False

    def __init__(self, g, k, which):
        k = int(k)
        if (which == "k") == g.directed:
            raise ValueError(f"{which}star is for {'un' if which == 'k' else ''}directed networks")
        self.directed, self.k, self.which = g.directed, k, which
        self.names = [f"{which}star{k}"]

    def _deg(self, A):
        return A.sum(axis=-2) if self.which == "i" else A.sum(axis=-1)

    def stat(self, A):
        return _binom(self._deg(A), self.k).sum(axis=-1)[:, None]

    def change(self, A):
        d = self._deg(A)
        if self.which == "k":
            dm_i = d[:, None] - A  # degree of i without the dyad
            ch = _binom(dm_i, self.k - 1) + _binom(dm_i.T, self.k - 1)
        elif self.which == "i":
            ch = _binom(d[None, :] - A, self.k - 1)  # receiver j's indegree without i -> j
        else:
            ch = _binom(d[:, None] - A, self.k - 1)  # sender i's outdegree without i -> j
        return ch[:, :, None]


class GwDegree(Term):
    """e^a sum_i (1 - r^{d_i}), d = degree, indegree or outdegree."""

    dyad_independent = False

    def __init__(self, g, decay, fixed, which):
        if not fixed:
            raise ValueError("only fixed=TRUE (a fixed decay) is supported")
        if (which == "") == g.directed:
            raise ValueError(f"gw{which}degree: wrong directedness")
        self.directed, self.a, self.which = g.directed, float(decay), which
        self.names = [f"gw{which}deg.fixed.{rnum(decay)}"]

    def _deg(self, A):
        return A.sum(axis=-2) if self.which == "i" else A.sum(axis=-1)

    def stat(self, A):
        return _w(self._deg(A), self.a).sum(axis=-1)[:, None]

    def change(self, A):
        r = 1.0 - math.exp(-self.a)
        d = self._deg(A)
        if self.which == "":
            dm = d[:, None] - A
            ch = r**dm + r**dm.T
        elif self.which == "i":
            ch = r ** (d[None, :] - A)
        else:
            ch = r ** (d[:, None] - A)
        return ch[:, :, None]


def _sp(A, typ):
    """Shared-partner counts for every ordered pair (batched), by type."""
    At = np.swapaxes(A, -1, -2)
    return {"UTP": A @ A, "OTP": A @ A, "ITP": At @ At, "OSP": A @ At, "ISP": At @ A}[typ]


class Gwesp(Term):
    """Undirected: sum over edges of w(sp). Directed: sum over ties i -> j of w(sp_type(i, j)),
    OTP: k with i -> k -> j; ITP: j -> k -> i; OSP: i -> k <- j; ISP: i <- k -> j."""

    dyad_independent = False

    def __init__(self, g, decay, fixed, typ=None, dsp=False):
        if not fixed:
            raise ValueError("only fixed=TRUE (a fixed decay) is supported")
        if g.directed:
            typ = typ or "OTP"
            if typ not in ("OTP", "ITP", "OSP", "ISP"):
                raise ValueError(f"type {typ!r}: one of OTP, ITP, OSP, ISP")
            if dsp and typ != "OTP":
                raise ValueError("gwdsp: only type OTP is supported for directed networks")
        else:
            typ = "UTP"
        self.directed, self.a, self.typ, self.dsp = g.directed, float(decay), typ, dsp
        base = "gwdsp" if dsp else "gwesp"
        mid = f"{typ}." if g.directed else ""
        self.names = [f"{base}.{mid}fixed.{rnum(decay)}"]

    def stat(self, A):
        W = _w(_sp(A, self.typ), self.a)
        n = A.shape[-1]
        if self.dsp:
            M = np.ones((n, n)) - np.eye(n)
            if not self.directed:
                M = np.triu(M, 1)
            return np.einsum("bij,ij->b", W, M)[:, None]
        return _edge_sum(A * W, np.ones((n, n)), self.directed)[:, None] if self.directed else \
            np.einsum("bij,ij->b", A * W, np.triu(np.ones((n, n)), 1))[:, None]

    def change(self, A):
        if self.directed or self.dsp:
            return super().change(A)
        # undirected gwesp: w(sp_ij) + sum_k A_ik A_jk (r^{sp-_ik} + r^{sp-_jk}), where sp- is
        # counted without the tie ij: sp-_ik = sp_ik - A_ij for k a shared partner of i and j.
        r = 1.0 - math.exp(-self.a)
        sp = A @ A
        M = A * r**sp
        ch = _w(sp, self.a) + (M @ A + A @ M) * r ** (-A)
        np.fill_diagonal(ch, 0)
        return ch[:, :, None]


class Triangle(Term):
    """Undirected: number of triangles. Directed: ttriple + ctriple (statnet), i.e.
    sum_{ijk} A_ij A_jk A_ik + trace(A^3)/3."""

    dyad_independent = False

    def __init__(self, g):
        self.directed, self.names = g.directed, ["triangle"]

    def stat(self, A):
        A3 = np.einsum("bij,bjk,bki->b", A, A, A)
        if not self.directed:
            return (A3 / 6)[:, None]
        tt = np.einsum("bij,bjk,bik->b", A, A, A)
        return (tt + A3 / 3)[:, None]

    def change(self, A):
        if not self.directed:
            return (A @ A)[:, :, None]
        return sum(_sp(A[None], t)[0] for t in ("OTP", "ITP", "OSP", "ISP"))[:, :, None]


def build_terms(g: Graph, formula: str) -> list[Term]:
    terms = []
    for name, args, kw in parse_formula(formula):
        def kwonly(*allowed):
            bad = set(kw) - set(allowed)
            if bad:
                raise ValueError(f"{name}: unsupported arguments {sorted(bad)}")
        if name == "edges":
            kwonly(); terms.append(Edges(g))
        elif name == "mutual":
            kwonly(); terms.append(Mutual(g))
        elif name in ("nodefactor", "nodeifactor", "nodeofactor"):
            kwonly(); terms.append(nodefactor(g, args[0], {"nodefactor": "both", "nodeifactor": "in", "nodeofactor": "out"}[name]))
        elif name == "nodematch":
            kwonly("diff"); terms.append(nodematch(g, args[0], kw.get("diff", False)))
        elif name == "nodemix":
            kwonly(); terms.append(nodemix(g, args[0]))
        elif name == "nodecov":
            kwonly(); terms.append(nodecov(g, args[0]))
        elif name == "absdiff":
            kwonly("pow"); terms.append(absdiff(g, args[0], kw.get("pow", 1.0)))
        elif name == "edgecov":
            kwonly(); terms.append(edgecov(g, args[0]))
        elif name in ("kstar", "istar", "ostar"):
            kwonly(); terms.append(Star(g, args[0], name[0]))
        elif name in ("gwdegree", "gwidegree", "gwodegree"):
            kwonly("fixed"); terms.append(GwDegree(g, args[0], kw.get("fixed", False), name[2:-6]))
        elif name in ("gwesp", "dgwesp"):
            kwonly("fixed", "type"); terms.append(Gwesp(g, args[0], kw.get("fixed", False), kw.get("type")))
        elif name == "gwdsp":
            kwonly("fixed"); terms.append(Gwesp(g, args[0], kw.get("fixed", False), None, dsp=True))
        elif name == "triangle":
            kwonly(); terms.append(Triangle(g))
        else:
            raise ValueError(f"unknown term {name!r}")
    return terms


def names_of(terms) -> list[str]:
    return [nm for t in terms for nm in t.names]


def stats(terms, A) -> np.ndarray:
    """g(y) for a batch (B, n, n) -> (B, p)."""
    return np.concatenate([t.stat(A) for t in terms], axis=1)


def change_stats(terms, g: Graph, A=None) -> tuple[list[tuple[int, int]], np.ndarray, np.ndarray]:
    """(dyads, X, y): every free dyad once, its change-statistic row and its tie value."""
    A = g.A if A is None else A
    ch = np.concatenate([t.change(A) for t in terms], axis=2)
    dyads = g.free_dyads()
    X = np.array([ch[i, j] for i, j in dyads])
    y = np.array([A[i, j] for i, j in dyads])
    return dyads, X, y


def check_change(terms, g: Graph, rng, reps=3, tol=1e-12):
    """Local change statistics equal g(y+ij) - g(y-ij) by the definition, on random graphs with
    g's nodes and attributes."""
    for p in (0.2, 0.5, 0.8)[:reps]:
        A = (rng.random((g.n, g.n)) < p).astype(float)
        np.fill_diagonal(A, 0)
        if not g.directed:
            A = np.triu(A, 1)
            A = A + A.T
        for t in terms:
            off = ~np.eye(g.n, dtype=bool)
            local = t.change(A)[off]
            ref = Term.change(t, A)[off]
            if not np.allclose(local, ref, atol=tol, rtol=0):
                raise AssertionError(f"change statistic of {t.names} differs from the definition")

"""Estimators for the fixtures: MPLE (statsmodels Logit), exact enumeration, ergmx MCMC-MLE."""

from __future__ import annotations

import math
import warnings

import numpy as np

from stats import Graph, change_stats, names_of, stats



class Nonexistent(AssertionError):
    """The MPLE or the exact MLE does not exist on this graph (separation, boundary)."""


# ---------------------------------------------------------------- MPLE


def separation(X, y):
    """Whether the logistic MLE fails to exist (complete or quasi-complete separation; Albert and
    Anderson 1984, doi:10.1093/biomet/71.1.1): a direction b != 0 with (2y - 1) x_i . b >= 0 for
    every row. Found by the linear program max sum_i (2y_i - 1) x_i . b subject to those
    constraints and -1 <= b <= 1 (Konis 2007): the MLE exists iff the optimum is 0 (and X has full
    column rank). Returns the terms with a nonzero component of the direction, or []."""
    from scipy.optimize import linprog

    s = (2 * y - 1)[:, None] * X
    res = linprog(-s.sum(axis=0), A_ub=-s, b_ub=np.zeros(len(y)), bounds=[(-1, 1)] * X.shape[1],
                  method="highs")
    if res.status != 0:
        raise AssertionError(f"separation LP failed: {res.message}")
    if -res.fun <= 1e-9 * max(1.0, np.abs(s).sum()):
        return []
    return [k for k in range(X.shape[1]) if abs(res.x[k]) > 1e-9]


def mple(terms, g: Graph):
    """statsmodels Logit of the tie indicators on the change statistics, every free dyad once.

    Returns (result dict, boundary dict). A term whose observed statistic is 0 while its change
    statistic is >= 0 on every dyad (e.g. nodematch.Race.Black when no two Black students are
    tied) has no finite MLE: its coefficient is -Inf. As statnet reports, the other coefficients
    are then the fit with that term's dyads held at 0 (dropped) and the term left out; its
    entries in coef / se are None and `boundary` names it."""
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

    dyads, X, y = change_stats(terms, g)
    names = names_of(terms)
    keep_rows = np.ones(len(y), dtype=bool)
    boundary = {}
    for k, nm in enumerate(names):
        col = X[:, k]
        if (col >= 0).all() and (col > 0).any() and (col[y == 1] == 0).all():
            boundary[nm] = "-Inf"
            keep_rows &= col == 0
        elif (col <= 0).all() and (col < 0).any() and (col[y == 1] == 0).all():
            boundary[nm] = "+Inf"  # never met in these fixtures; kept for completeness
            keep_rows &= col == 0
    keep_cols = [k for k, nm in enumerate(names) if nm not in boundary]
    Xk, yk = X[keep_rows][:, keep_cols], y[keep_rows]
    if np.linalg.matrix_rank(Xk) < Xk.shape[1]:
        raise Nonexistent(f"the change-statistic matrix has rank {np.linalg.matrix_rank(Xk)} < "
                          f"{Xk.shape[1]} terms: the statistics are collinear on this graph")
    sep = separation(Xk, yk)
    if sep:
        raise Nonexistent("the MPLE does not exist: the dyads are (quasi-)separated along a direction "
                          "involving " + ", ".join(names[keep_cols[k]] for k in sep))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", ConvergenceWarning)  # the converged flag is checked
        try:
            res = sm.Logit(yk, Xk).fit(method="newton", maxiter=200, tol=1e-10, disp=0)
        except PerfectSeparationWarning as e:
            raise AssertionError(f"statsmodels reports separation the LP did not find: {names}") from e
    if not res.mle_retvals["converged"]:
        raise AssertionError(f"statsmodels Logit did not converge for {names} (no separation found)")
    p = 1 / (1 + np.exp(-Xk @ res.params))
    grad = Xk.T @ (yk - p)
    if np.abs(grad).max() > 1e-8 * max(1.0, np.abs(Xk).sum(axis=0).max()):
        raise AssertionError(f"MPLE score not zero: {grad}")
    coef = [None] * len(names)
    se = [None] * len(names)
    for j, k in enumerate(keep_cols):
        coef[k] = float(res.params[j])
        se[k] = float(res.bse[j])
    return {"coef": coef, "se": se}, boundary


def firth_numpy(X, y, tol=1e-12, maxit=500):
    """Firth's (1993) penalised logistic regression: maximise l(b) + log|I(b)|/2 by Newton steps
    on the modified score X'(y - p + h (1/2 - p)), h the hat diagonal of W^1/2 X (X'WX)^-1 X'W^1/2;
    step-halving on the penalised log-likelihood. SE from (X'WX)^-1 at the estimate."""
    b = np.zeros(X.shape[1])

    def pen(b):
        eta = X @ b
        p = 1 / (1 + np.exp(-eta))
        W = p * (1 - p)
        info = X.T @ (X * W[:, None])
        ll = np.sum(y * eta - np.logaddexp(0, eta))
        return ll + 0.5 * np.linalg.slogdet(info)[1], p, W, info

    val, p, W, info = pen(b)
    for _ in range(maxit):
        inv = np.linalg.inv(info)
        h = np.einsum("ij,jk,ik->i", X, inv, X) * W
        step = inv @ (X.T @ (y - p + h * (0.5 - p)))
        t = 1.0
        while True:
            nv, np_, nW, ninfo = pen(b + t * step)
            if nv >= val - 1e-12 or t < 1e-10:
                break
            t /= 2
        b = b + t * step
        val, p, W, info = nv, np_, nW, ninfo
        if np.abs(t * step).max() < tol:
            return b, np.sqrt(np.diag(np.linalg.inv(info)))
    raise AssertionError("Firth (numpy) did not converge")


def firth(terms, g: Graph):
    """Firth-penalised MPLE by R brglm2 (glm(..., method = "brglmFit", type = "AS_mean")),
    checked against firth_numpy to 1e-7."""
    import subprocess
    import tempfile
    from pathlib import Path

    _, X, y = change_stats(terms, g)
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise Nonexistent(f"the change-statistic matrix has rank {np.linalg.matrix_rank(X)} < "
                          f"{X.shape[1]} terms: the statistics are collinear on this graph")
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.tsv", Path(tmp) / "out.tsv"
        cols = ["y"] + [f"x{k}" for k in range(X.shape[1])]
        np.savetxt(inp, np.column_stack([y, X]), delimiter="\t", header="\t".join(cols), comments="",
                   fmt="%.17g")
        subprocess.run(["Rscript", "--vanilla", str(Path(__file__).with_name("firth.R")), str(inp), str(out)],
                       check=True, capture_output=True)
        lines = out.read_text().strip().split("\n")
    rows = [ln.split("\t") for ln in lines[1:-1]]
    conv, iters, brglm2_version, r_version = lines[-1].split("\t")
    if conv != "TRUE":
        raise AssertionError(f"brglm2 did not converge for {names_of(terms)}")
    coef = np.array([float(r[0]) for r in rows])
    se = np.array([float(r[1]) for r in rows])
    b, s = firth_numpy(X, y)
    print(f"  firth: brglm2 vs numpy max |diff| coef {np.abs(coef - b).max():.1e}, se {np.abs(se - s).max():.1e}")
    if not (np.allclose(coef, b, atol=1e-9, rtol=0) and np.allclose(se, s, atol=1e-9, rtol=0)):
        raise AssertionError(f"brglm2 {coef} {se} != numpy Firth {b} {s}")
    return {"coef": coef.tolist(), "se": se.tolist(),
            "tool": f"R {r_version} brglm2 {brglm2_version}: glm(y ~ X - 1, family = binomial, "
                    f"method = \"brglmFit\", type = \"AS_mean\") (Firth 1993, doi:10.1093/biomet/80.1.27), "
                    f"{iters} iterations; equal to an independent numpy implementation to 1e-9"}


# ---------------------------------------------------------------- exact enumeration


def enumerate_stats(terms, g: Graph, chunk=1 << 15):
    """g(y) for every graph y on g's free dyads (structural zeros held at 0): (2^D, p)."""
    dyads = g.free_dyads()
    D = len(dyads)
    if D > 21:
        raise ValueError(f"{D} free dyads: too many to enumerate")
    I = np.array([i for i, _ in dyads])
    J = np.array([j for _, j in dyads])
    out = []
    for start in range(0, 1 << D, chunk):
        codes = np.arange(start, min(start + chunk, 1 << D), dtype=np.int64)
        bits = ((codes[:, None] >> np.arange(D)) & 1).astype(float)
        A = np.zeros((len(codes), g.n, g.n))
        A[:, I, J] = bits
        if not g.directed:
            A[:, J, I] = bits
        out.append(stats(terms, A))
    return np.concatenate(out)


class Exact:
    """The exact ERGM on an enumerated sample space, reduced to distinct statistic vectors."""

    def __init__(self, G):
        key = np.round(G, 9)
        _, first, counts = np.unique(key, axis=0, return_index=True, return_counts=True)
        self.S = G[first]
        self.logc = np.log(counts.astype(float))
        self.n_graphs = int(counts.sum())

    def moments(self, theta):
        eta = self.S @ theta + self.logc
        m = eta.max()
        w = np.exp(eta - m)
        Z = w.sum()
        w /= Z
        mean = w @ self.S
        C = self.S - mean
        var = (C * w[:, None]).T @ C
        return m + math.log(Z), mean, var

    def loglik(self, theta, obs):
        return float(theta @ obs - self.moments(theta)[0])

    def mle(self, obs, theta0=None, tol=1e-10, maxit=500):
        """Damped Newton on the concave log-likelihood; converged when every |E g - g_obs| <
        tol * max(1, |g_obs|) and the last step < tol."""
        p = len(obs)
        theta = np.zeros(p) if theta0 is None else np.array(theta0, float)
        ll = self.loglik(theta, obs)
        for it in range(maxit):
            _, mean, var = self.moments(theta)
            grad = obs - mean
            if np.linalg.matrix_rank(var) < p:
                raise Nonexistent("exact: singular covariance of the statistics")
            step = np.linalg.solve(var, grad)
            t = 1.0
            while True:
                cand = theta + t * step
                llc = self.loglik(cand, obs)
                if llc >= ll - 1e-13 or t < 1e-8:
                    break
                t /= 2
            theta, ll = cand, llc
            if np.abs(theta).max() > 50:
                raise Nonexistent("exact: MLE diverges (observed statistics on the boundary)")
            _, mean, _ = self.moments(theta)
            if (np.abs(obs - mean) < tol * np.maximum(1.0, np.abs(obs))).all() and np.abs(t * step).max() < tol:
                return theta, ll, mean
        raise AssertionError("exact: Newton did not converge")


# ---------------------------------------------------------------- ergmx

ERGMX_SETTINGS = ("ergmx.ergm(network, formula, seed=SEED) with ergmx's default Control() (statnet's "
                  "defaults: MPLE start, Hummel stepping, samplesize=1024, interval=1024, "
                  "burnin=16384, n_chains=2, termination='confidence', max_iter=60){extra}; "
                  "dyad-independent formulas get ergmx's exact (logistic) MLE")


def to_igraph(g: Graph, names):
    import igraph as ig

    if g.directed:
        edges = [(i, j) for i in range(g.n) for j in range(g.n) if g.A[i, j]]
    else:
        edges = [(i, j) for i in range(g.n) for j in range(i + 1, g.n) if g.A[i, j]]
    h = ig.Graph(n=g.n, edges=edges, directed=g.directed)
    h.vs["name"] = list(names)
    for k, v in g.attrs.items():
        h.vs[k] = list(v)
    for k, M in g.edge_covariates.items():
        h[k] = np.asarray(M, dtype=float)
    return h


def ergmx_fit(g: Graph, names, formula, seed, constraints=None, **control):
    import ergmx

    h = to_igraph(g, names)
    kw = {}
    if constraints is not None:
        kw["constraints"] = constraints
    fit = ergmx.ergm(h, formula, seed=seed, **kw, **control)
    if not fit.converged:
        raise AssertionError(f"ergmx did not converge on {formula}")
    coef = [float(fit.coef[k]) for k in fit.names]
    se = [float(fit.stderr[k]) for k in fit.names]
    if not all(math.isfinite(x) for x in coef + se):
        raise AssertionError(f"ergmx: non-finite estimate for {formula}: {coef} {se}")
    extra = "" if not control else ", " + ", ".join(f"{k}={v}" for k, v in control.items())
    return {"coef": coef, "se": se, "seed": seed,
            "settings": ERGMX_SETTINGS.format(extra=extra) + f"; method {fit.method}, "
                        f"{fit.iterations} iterations"}, list(fit.names)


def ergmx_summary(g: Graph, names, formula):
    import ergmx

    return ergmx.summary_stats(to_igraph(g, names), formula)


def observed(terms, g: Graph):
    return stats(terms, g.A[None])[0]

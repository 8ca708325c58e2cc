"""Write tests/fixtures/ergm/<name>.json: ERGM reference values for coprod's Rust tests.

Run from the repo root (scripts/reference/ergm/run.sh does):
    .venv-ergm/bin/python scripts/reference/ergm/ergm_reference.py [--only NAME ...]

Every number is checked before it is written; a failed check raises and writes nothing for
that network. See tests/fixtures/ergm/README.md for the format.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fitting  # noqa: E402
import networks  # noqa: E402
from published import PUBLISHED  # noqa: E402
from stats import build_terms, check_change, names_of  # noqa: E402

ROOT = HERE.parent.parent.parent
OUT = ROOT / "tests" / "fixtures" / "ergm"
SEED = 20261206


def tools():
    import ergmx
    import statsmodels

    return {"ergmx": ergmx.__version__, "statsmodels": statsmodels.__version__,
            "numpy": np.__version__, "python": platform.python_version()}


def close(a, b, tol):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return bool((np.abs(a - b) <= tol * np.maximum(1.0, np.abs(b))).all())


def check_against_ergmx(g, names, formula, terms, obs):
    """Our statistics equal ergmx.summary_stats (names in order, values to 1e-12 relative)."""
    ref = fitting.ergmx_summary(g, names, formula)
    if list(ref) != names_of(terms):
        raise AssertionError(f"term names differ from ergmx: {names_of(terms)} vs {list(ref)}")
    if not close(obs, list(ref.values()), 1e-12):
        raise AssertionError(f"statistics differ from ergmx on {formula}: {obs} vs {list(ref.values())}")


def graph_json(g, node_names):
    edges = [[i, j] for i in range(g.n) for j in range(g.n)
             if g.A[i, j] and (g.directed or i < j)]
    out = {"n": g.n, "directed": g.directed, "node_names": list(node_names), "edges": edges,
           "attributes": {k: list(v) for k, v in g.attrs.items()}}
    if g.edge_covariates:
        out["edge_covariates"] = {k: np.asarray(M).tolist() for k, M in g.edge_covariates.items()}
    if g.forbidden is not None:
        out["forbidden"] = [[i, j] for i in range(g.n) for j in range(g.n)
                            if g.forbidden[i, j] and (g.directed or i < j)]
    return out


def fit_one(g, node_names, formula, *, exact=False, use_ergmx=True, ergmx_control=None,
            published=None, rng=None, coprod=False):
    terms = build_terms(g, formula)
    names = names_of(terms)
    obs = fitting.observed(terms, g)
    check_against_ergmx(g, node_names, formula, terms, obs)
    check_change(terms, g, rng)
    fit = {"formula": formula, "terms": names, "observed": [float(x) for x in obs]}
    if coprod:
        # the bundled cases are small: the MPLE may not exist (separation, collinear terms);
        # that is recorded by name, and the Firth-penalised MPLE given wherever X has full rank
        try:
            mp, boundary = fitting.mple(terms, g)
            fit["mple"] = mp
            if boundary:
                fit["boundary"] = boundary
        except fitting.Nonexistent as e:
            fit["mple_nonexistent"] = str(e)
        try:
            fit["firth"] = fitting.firth(terms, g)
        except fitting.Nonexistent as e:
            fit["firth_nonexistent"] = str(e)
        return fit
    mp, boundary = fitting.mple(terms, g)
    fit["mple"] = mp
    if boundary:
        fit["boundary"] = boundary
    dyad_indep = all(t.dyad_independent for t in terms)
    if exact:
        G = fitting.enumerate_stats(terms, g)
        ex = fitting.Exact(G)
        theta, ll, mean = ex.mle(obs)
        if not close(mean, obs, 1e-9):
            raise AssertionError(f"exact MLE mean {mean} != observed {obs}")
        if dyad_indep and not close(theta, mp["coef"], 1e-7):
            raise AssertionError(f"dyad-independent: exact MLE {theta} != MPLE {mp['coef']}")
        fit["exact"] = {"mle": theta.tolist(), "loglik": ll, "mean_at_mle": mean.tolist(),
                        "n_graphs": ex.n_graphs}
        offs = np.array([0.3, -0.25, 0.2, -0.15, 0.1, -0.1][: len(theta)])
        th2 = np.round(theta + offs, 1)
        _, m2, v2 = ex.moments(th2)
        fit["mean_at"] = {"theta": th2.tolist(), "mean": m2.tolist(), "var": v2.tolist(),
                          "loglik": ex.loglik(th2, obs)}
    if use_ergmx and not boundary:
        kw = dict(ergmx_control or {})
        constraints = kw.pop("constraints", None)
        ef, enames = fitting.ergmx_fit(g, node_names, formula, SEED, constraints, **kw)
        if enames != names:
            raise AssertionError(f"ergmx coefficient names {enames} != {names}")
        if dyad_indep and not close(ef["coef"], mp["coef"], 1e-6):
            raise AssertionError(f"dyad-independent: ergmx MLE {ef['coef']} != MPLE {mp['coef']}")
        if exact:
            # ergmx's MCMC-MLE against the exact MLE: within 4 of ergmx's own standard errors
            # (a loose sanity bound: the SE is the sampling sd, far above the MCMC error).
            d = np.abs(np.array(ef["coef"]) - fit["exact"]["mle"]) / np.array(ef["se"])
            if (d > 4).any():
                raise AssertionError(f"ergmx {ef['coef']} far from exact MLE {fit['exact']['mle']}")
        fit["ergmx"] = ef
    if published is not None:
        check_published(published, names, fit, boundary, dyad_indep)
        fit["statnet_published"] = {k: published[k] for k in ("coef", "se", "source")}
    return fit


def check_published(pub, names, fit, boundary, dyad_indep):
    """Published statnet numbers against ours: same terms and -Inf terms; a dyad-independent
    fit's MPLE (= its MLE) equal to the printed estimate and SE up to the printed rounding; a
    Monte Carlo fit's ergmx estimate within 2 published SEs (both carry MCMC error)."""
    if pub["terms"] != names:
        raise AssertionError(f"published terms {pub['terms']} != {names}")
    if {nm for nm, c in zip(names, pub["coef"]) if c is None} != set(boundary):
        raise AssertionError(f"published -Inf terms differ from ours {sorted(boundary)}")
    for k, nm in enumerate(names):
        c, se = pub["coef"][k], pub["se"][k]
        if c is None:
            continue
        # printed with 4 decimals (or 6 when |c| < 1 in flomodel.03): half a unit of the last digit
        ulp_c = 0.5e-6 if f"{c}".split(".")[-1].__len__() >= 6 else 0.5e-4
        ulp_s = 0.5e-6 if f"{se}".split(".")[-1].__len__() >= 6 else 0.5e-4
        if dyad_indep:
            ours, ose = fit["mple"]["coef"][k], fit["mple"]["se"][k]
            if abs(ours - c) > ulp_c + 1e-12 or abs(ose - se) > ulp_s + 1e-12:
                raise AssertionError(f"{nm}: MPLE {ours} ({ose}) != published {c} ({se})")
        elif "ergmx" in fit:
            if abs(fit["ergmx"]["coef"][k] - c) > 2 * se:
                raise AssertionError(f"{nm}: ergmx {fit['ergmx']['coef'][k]} vs published {c} ({se})")


def write(name, g, node_names, source, fits):
    for f in fits:
        for k in ("exact",):
            if k in f:
                assert all(math.isfinite(x) for x in f[k]["mle"])
    doc = {"tools": tools(), "name": name, "source": source, "graph": graph_json(g, node_names),
           "fits": fits}
    OUT.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, allow_nan=False, ensure_ascii=False)
    (OUT / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    print(f"wrote {name}.json ({len(fits)} fits)")


# ---------------------------------------------------------------- what is written

TEACHING = {
    "florentine_marriage": (lambda: networks.florentine("marriage"), [
        'edges', 'edges + triangle', 'edges + nodecov("wealth")', 'edges + kstar(2)',
        'edges + gwesp(0.5, fixed=TRUE)', 'edges + absdiff("wealth")',
        'edges + gwdegree(0.5, fixed=TRUE)']),
    "florentine_business": (lambda: networks.florentine("business"), [
        'edges', 'edges + nodecov("wealth")', 'edges + gwesp(0.5, fixed=TRUE)', 'edges + gwdegree(0.5, fixed=TRUE)']),
    "samplike": (networks.samplike, [
        'edges', 'edges + mutual', 'edges + nodematch("group")', 'edges + nodematch("group") + mutual',
        'edges + mutual + nodematch("group", diff=TRUE)', 'edges + nodeifactor("group") + nodeofactor("group")',
        'edges + nodemix("group")', 'edges + mutual + istar(2) + ostar(2)',
        'edges + mutual + gwesp(0.5, fixed=TRUE)', 'edges + mutual + gwidegree(0.5, fixed=TRUE)',
        'edges + mutual + dgwesp(0.5, fixed=TRUE, type="OSP") + dgwesp(0.5, fixed=TRUE, type="ISP")']),
    "samplk3": (networks.samplk3, ['edges + mutual', 'edges + mutual + nodematch("group")']),
    "faux_mesa_high": (networks.faux_mesa_high, [
        'edges', 'edges + nodematch("Grade")',
        'edges + nodefactor("Grade") + nodematch("Grade", diff=TRUE) + nodefactor("Race") + nodematch("Race", diff=TRUE)',
        'edges + nodematch("Grade", diff=TRUE) + nodematch("Race", diff=TRUE)',
        'edges + nodefactor("Grade") + nodematch("Grade", diff=TRUE) + nodematch("Race", diff=TRUE)',
        'edges + nodefactor("Grade") + nodematch("Grade") + gwesp(0.5, fixed=TRUE)',
        'edges + nodefactor("Race") + nodefactor("Sex") + nodematch("Grade", diff=TRUE) + absdiff("Grade")']),
}

EXACT = {
    "exact_d4": ['edges + mutual', 'edges + istar(2) + ostar(2)', 'edges + mutual + nodematch("g")',
                 'edges + edgecov("w") + nodecov("x")'],
    "exact_d5": ['edges + mutual', 'edges + mutual + istar(2) + ostar(2)',
                 'edges + dgwesp(0.5, fixed=TRUE, type="OTP")', 'edges + triangle',
                 'edges + nodeifactor("g") + nodeofactor("g") + nodematch("g")',
                 'edges + gwidegree(0.5, fixed=TRUE) + gwodegree(0.5, fixed=TRUE)'],
    "exact_d6_forbidden": ['edges + mutual', 'edges + istar(2)', 'edges + mutual + nodeifactor("kind")'],
    "exact_u5": ['edges + triangle', 'edges + kstar(2)', 'edges + gwesp(0.5, fixed=TRUE)',
                 'edges + nodematch("g") + nodecov("x")', 'edges + gwdegree(0.5, fixed=TRUE)'],
    "exact_u6": ['edges + triangle + kstar(2)', 'edges + gwesp(0.5, fixed=TRUE) + gwdsp(0.5, fixed=TRUE)',
                 'edges + nodemix("g") + absdiff("x")', 'edges + edgecov("w") + triangle'],
    "exact_u7": ['edges + triangle', 'edges + gwesp(0.5, fixed=TRUE) + nodematch("g")'],
    "exact_u6_forbidden": ['edges + triangle', 'edges + nodematch("g") + kstar(2)'],
}

COPROD_FORMULA = 'edges + mutual + nodeifactor("kind") + nodeofactor("kind") + nodematch("kind")'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", help="fixture names to (re)write")
    ap.add_argument("--no-ergmx-fits", action="store_true", help="skip ergmx MCMC fits (development)")
    args = ap.parse_args()
    want = set(args.only) if args.only else None
    rng = np.random.default_rng(SEED)

    for name, formulas in EXACT.items():
        if want and name not in want:
            continue
        for seed in range(200):
            g, nn, src = networks.tiny(name, seed)
            try:  # cheap existence screen first: MPLEs, then the exact fits
                for f in formulas:
                    fitting.mple(build_terms(g, f), g)
                # ergmx fits only without structural zeros (ergmx takes no list of forbidden dyads)
                fits = [fit_one(g, nn, f, exact=True, use_ergmx=not args.no_ergmx_fits and g.forbidden is None,
                                rng=rng) for f in formulas]
                break
            except fitting.Nonexistent as e:
                print(f"{name}: seed {seed}: {e}")
        else:
            raise AssertionError(f"{name}: no seed below 200 gives existing estimates")
        write(name, g, nn, src, fits)

    for name, (make, formulas) in TEACHING.items():
        if want and name not in want:
            continue
        g, nn, src = make()
        fits = []
        for f in formulas:
            pub = PUBLISHED.get((name, f))
            fits.append(fit_one(g, nn, f, use_ergmx=not args.no_ergmx_fits, published=pub, rng=rng))
        write(name, g, nn, src, fits)

    for case in sorted(p.name for p in (ROOT / "data").iterdir() if (p / "actors.csv").exists()):
        name = f"coprod_{case}"
        if case == "template" or (want and name not in want):
            continue
        g, nn, src = networks.coprod_case(ROOT, case)
        fits = [fit_one(g, nn, COPROD_FORMULA, use_ergmx=False, rng=rng, coprod=True)]
        write(name, g, nn, src, fits)


if __name__ == "__main__":
    main()

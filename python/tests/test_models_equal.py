"""compare, the ERGM fit, QAP and the SBM candidates from Python equal the
command line's output on the same case and options (same seed, same bits)."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

import coprod
from conftest import bits, run_cli


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def assert_frame_equals_csv(df: pd.DataFrame, text: str, what: str):
    want = rows(text)
    assert len(df) == len(want) > 0, what
    assert list(df.columns) == list(want[0].keys()), what
    for i, r in enumerate(want):
        for c, cell in r.items():
            got = df.iloc[i][c]
            if pd.isna(got):
                assert cell == "", f"{what} row {i} {c}: NaN vs {cell!r}"
            elif isinstance(got, str):
                assert got == cell, f"{what} row {i} {c}"
            else:
                assert bits(float(got)) == bits(float(cell)), f"{what} row {i} {c}: {got!r} vs {cell}"


def test_compare_equals_cli(cli):
    case = coprod.load("jinsong")
    c = coprod.compare(case, baselines=["gnm", "dyad"], draws=50, seed=3, dial=False,
                       answer=False)
    text = run_cli(cli, "compare", "jinsong", "--format", "csv", "--draws", "50",
                   "--seed", "3", "--baseline", "gnm,dyad", "--no-dial", "--no-answer")
    assert c.csv_text == text
    assert_frame_equals_csv(c.table, text, "compare")
    md = run_cli(cli, "compare", "jinsong", "--draws", "50", "--seed", "3",
                 "--baseline", "gnm,dyad", "--no-dial", "--no-answer")
    assert c.markdown.strip() == md.strip()
    assert c.answer is None and c.outcome is None and c.answers.empty and c.holm.empty
    assert c.verdicts and all(v in c.markdown for v in c.verdicts)
    assert set(c.table["baseline"]) == {"gnm", "dyad"}
    # the robustness table: every coding the CLI ran, one verdict per baseline
    codings = list(dict.fromkeys(r["coding"] for r in rows(text)))
    assert list(c.observed.columns) == codings and len(codings) > 1
    assert c.verdict_table.shape == (len(c.observed), 2 * len(codings))
    for r in rows(text):
        assert c.verdict_table.at[r["statistic"], (r["coding"], r["baseline"])] == r["verdict"]
        obs = c.observed.at[r["statistic"], r["coding"]]
        assert (r["observed"] == "" and pd.isna(obs)) or bits(obs) == bits(float(r["observed"]))


def test_answer_equals_cli(cli):
    # LY: a bundled case with a second coding, answered on it as the CLI does.
    c = coprod.compare(coprod.load("ly"), baselines="gnm", draws=20, seed=3, dial=False)
    doc = json.loads(run_cli(cli, "compare", "ly", "--format", "json", "--draws", "20",
                             "--seed", "3", "--baseline", "gnm", "--no-dial"))
    assert c.result == doc
    a = doc[0]["answer"]
    assert c.outcome == a["outcome"]
    assert list(c.answers.index) == [x["coding"] for x in a["codings"]]
    assert "coding_b" in c.answers.index
    for x in a["codings"]:
        row = c.answers.loc[x["coding"]]
        assert (row["outcome"], row["clause"], row["why"]) == (
            x["decision"]["outcome"], x["decision"]["clause"], x["decision"]["because"])
        for h in x["holm"]:
            got = c.holm.loc[(x["coding"], h["test"])]
            assert bits(got["p"]) == bits(h["p"]) and bits(got["adjusted"]) == bits(h["adjusted"])
            assert bool(got["rejected"]) == h["rejected"]
    assert "## The answer" in c.markdown


def test_ergm_equals_cli(cli):
    case = coprod.load("ly")
    f = case.ergm(method="mple")
    text = run_cli(cli, "ergm", "ly", "--method", "mple", "--format", "csv")
    assert f.csv_text == text
    assert_frame_equals_csv(f.table, text, "ergm")
    js = run_cli(cli, "ergm", "ly", "--method", "mple", "--format", "json")
    assert json.loads(js) == f.result
    assert f.formula in f.markdown


def test_ergm_stochastic_approximation_equals_cli(cli):
    # --method sa (Robbins-Monro, seeded): the same bits from Python as from the CLI.
    f = coprod.load("ly").ergm(method="sa", seed=1)
    text = run_cli(cli, "ergm", "ly", "--method", "sa", "--seed", "1", "--format", "csv")
    assert f.csv_text == text
    assert_frame_equals_csv(f.table, text, "ergm")
    js = run_cli(cli, "ergm", "ly", "--method", "sa", "--seed", "1", "--format", "json")
    assert json.loads(js) == f.result and f.result["estimator"].startswith("stochastic approximation")


def test_qap_equals_cli(cli):
    case = coprod.load("jinsong")
    q = coprod.qap(case, "logit", ["resource", "service", "information"],
                   ["leadership+administrative", "arena", "party_dyad"], reps=200, seed=1)
    text = run_cli(cli, "qap", "jinsong", "--model", "logit", "--y",
                   "resource,service,information", "--x",
                   "leadership+administrative,arena,party_dyad", "--reps", "200", "--seed", "1",
                   "--format", "csv")
    want = rows(text)
    assert list(q.table.index) == [r["term"] for r in want]
    for r in want:
        got = q.table.loc[r["term"]]
        for mine, theirs in [("estimate", "estimate"), ("std_error", "std_error"),
                             ("statistic", "statistic"), ("p", "p"), ("p_greater", "p_greater"),
                             ("p_less", "p_less")]:
            assert bits(float(got[mine])) == bits(float(r[theirs])), (r["term"], mine)
        assert (q.estimator, q.null, str(q.reps), str(q.seed)) == (
            r["estimator"], r["null"], r["reps"], r["seed"])
    assert q.n_actors == 30 and "deviance" in q.fit
    corr = coprod.qap_correlations(case, reps=100, seed=2)
    text = run_cli(cli, "qap", "jinsong", "--correlations", "--reps", "100", "--seed",
                   "2", "--format", "csv")
    assert_frame_equals_csv(corr, text, "qap correlations")


def test_sbm_equals_cli(cli):
    view = coprod.load("ly").view(symmetric=True)
    s = view.sbm(seed=2)
    doc = json.loads(run_cli(cli, "sbm", "ly", "--symmetric", "--seed", "2",
                             "--format", "json"))
    assert s.result == doc
    assert doc["posterior_blocks"] is not None
    post = s.posterior
    assert list(post.index) == [b["blocks"] for b in doc["posterior_blocks"]["shares"]]
    assert abs(post["share"].sum() - 1.0) < 1e-12
    assert s.table.loc["one_block", "posterior_blocks"] == post.loc[1, "share"]
    assert view.sbm(seed=2, posterior=False).posterior.empty
    assert list(s.partitions.index) == doc["ids"]
    assert list(s.table.index) == [c["name"] for c in doc["table"]["candidates"]]
    assert s.table.loc["best_found", "standing"] == "best"
    by_kind = view.sbm(partition="kind", seed=2)
    assert "given" in by_kind.table.index
    labels = dict(zip(view.ids, by_kind.partitions["given"]))
    assert view.sbm(partition=labels, seed=2).table.loc["given", "description_length"] == \
        by_kind.table.loc["given", "description_length"]



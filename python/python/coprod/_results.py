"""Result objects: each holds DataFrames keyed by name or actor id, and
displays itself in Jupyter (Markdown, HTML or SVG)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from ._case import Case

ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "brokerage"]
"""Gould–Fernandez roles as columns (sna's w_I, w_O, b_IO, b_OI, b_O, t)."""


@dataclass(frozen=True, repr=False)
class Svg:
    """An SVG drawing; Jupyter displays it (``_repr_svg_``)."""

    svg: str
    engine: str
    """``graphviz`` or ``pure-rust``: what drew it."""

    def _repr_svg_(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        return f"<coprod.Svg: {len(self.svg)} characters, drawn by {self.engine}>"

    def __str__(self) -> str:
        return self.svg

    def save(self, path: str) -> None:
        """Write the SVG to ``path``."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.svg)


@dataclass(frozen=True)
class Brokerage:
    """Gould–Fernandez brokerage (``sna::brokerage(g, cl)``).

    ``raw``, ``expected``, ``sd``, ``z``: one row per actor (indexed by id),
    one column per role of :data:`ROLES` (``raw.nli``, ``exp.nli``,
    ``sd.nli``, ``z.nli``); ``graph``: the same four rows for the whole graph
    (``raw.gli`` …); ``groups``: each actor's class in the partition."""

    raw: pd.DataFrame
    expected: pd.DataFrame
    sd: pd.DataFrame
    z: pd.DataFrame
    graph: pd.DataFrame
    groups: pd.Series
    sna_names: list[str] = field(default_factory=list)

    @classmethod
    def _from_native(cls, d: dict[str, Any], case: Case) -> Brokerage:
        idx = pd.Index(d["ids"], name="id")

        def frame(rows: list[list[float]]) -> pd.DataFrame:
            return pd.DataFrame(rows, index=idx, columns=ROLES, dtype="float64")

        graph = pd.DataFrame(d["graph"], index=pd.Index(["raw", "expected", "sd", "z"]),
                             columns=ROLES, dtype="float64")
        return cls(frame(d["raw"]), frame(d["expected"]), frame(d["sd"]), frame(d["z"]), graph,
                   pd.Series(d["groups"], index=idx, name="group"), list(d["roles"]))

    def _repr_html_(self) -> str:
        return self.raw.join(self.z, rsuffix="_z").to_html()


@dataclass(frozen=True)
class ErgmFit:
    """An ERGM fit (``coprod ergm``): ``table`` is the CSV's coefficients
    (term, estimate, standard error, interval, p), ``result`` the JSON
    (method, diagnostics, every number), ``markdown`` the report."""

    formula: str
    result: dict[str, Any]
    table: pd.DataFrame
    markdown: str
    json_text: str
    csv_text: str

    def _repr_markdown_(self) -> str:
        return self.markdown


@dataclass(frozen=True)
class SbmCandidates:
    """The SBM candidate table (``coprod sbm --format json``).

    ``table``: one row per structure (name, meaning, blocks,
    description_length in nats, difference from the least, standing,
    posterior_blocks: the posterior share of its number of blocks);
    ``comparisons``: the pre-registered pairs (question, first, second,
    difference, preferred); ``partitions``: each structure's block per actor
    (rows: actor ids); ``posterior``: the posterior over the number of blocks
    (rows: B; share, mcse, ess), empty when not sampled; ``result``: the
    whole JSON (the posterior's chains, ESS, split R-hat and settings under
    ``posterior_blocks``)."""

    table: pd.DataFrame
    comparisons: pd.DataFrame
    partitions: pd.DataFrame
    result: dict[str, Any]

    @classmethod
    def _from_json(cls, doc: dict[str, Any]) -> SbmCandidates:
        t = doc["table"]
        rows = [{k: v for k, v in c.items() if k != "partition"} for c in t["candidates"]]
        table = pd.DataFrame(rows).set_index("name")
        parts = pd.DataFrame({c["name"]: c["partition"] for c in t["candidates"]},
                             index=pd.Index(doc["ids"], name="id"))
        comps = pd.DataFrame(t["comparisons"])
        return cls(table, comps, parts, doc)

    @property
    def posterior(self) -> pd.DataFrame:
        """The posterior over the number of blocks: one row per B visited
        (share, mcse, ess); empty when the posterior was not sampled."""
        p = self.result.get("posterior_blocks")
        cols = ["share", "mcse", "ess"]
        if not p:
            return pd.DataFrame(columns=cols, index=pd.Index([], name="blocks"))
        return pd.DataFrame(p["shares"]).set_index("blocks")[cols]

    def _repr_html_(self) -> str:
        return self.table.to_html() + self.comparisons.to_html(index=False)


@dataclass(frozen=True)
class Comparison:
    """The comparison engine's answer (``coprod compare``).

    ``table``: the CSV, one row per coding, statistic and baseline (observed,
    mean, sd, z, p-values, verdict); ``observed`` and ``verdict_table``: the
    robustness table as DataFrames (statistic × coding); ``verdicts``: the headline coding's
    verdict lines; ``markdown``: the full report (the pre-registered answer,
    verdicts, the panel, the robustness table, the tied cores);
    ``robustness``: the robustness table (Markdown); ``result``: the JSON;
    ``answer``: the pre-registered answer (JSON; ``None`` when not run),
    ``outcome`` its headline outcome, ``answers`` and ``holm`` its tables."""

    table: pd.DataFrame
    verdicts: list[str]
    markdown: str
    robustness: str
    result: list[dict[str, Any]]
    html: str
    csv_text: str

    @property
    def observed(self) -> pd.DataFrame:
        """The robustness table's values: one row per statistic, one column
        per coding (the observed value on that reading of the case)."""
        t = self.table.drop_duplicates(["coding", "statistic"])
        out = t.pivot(index="statistic", columns="coding", values="observed")
        return out.reindex(index=pd.unique(t["statistic"]), columns=pd.unique(t["coding"]))

    @property
    def verdict_table(self) -> pd.DataFrame:
        """The robustness table's verdicts: one row per statistic, one column
        per (coding, baseline)."""
        t = self.table
        out = t.pivot(index="statistic", columns=["coding", "baseline"], values="verdict")
        cols = list(dict.fromkeys(zip(t["coding"], t["baseline"])))
        return out.reindex(index=pd.unique(t["statistic"]), columns=pd.MultiIndex.from_tuples(
            cols, names=["coding", "baseline"]))

    @property
    def answer(self) -> dict[str, Any] | None:
        """The pre-registered answer (``docs/PREREGISTRATION.md``): the
        outcome, whether it is robust to the coding, every coding's
        evidence (E1–E4), Holm's family and the decision; ``None`` when
        ``compare(..., answer=False)``."""
        return self.result[0].get("answer")

    @property
    def outcome(self) -> str | None:
        """The answer's headline outcome (``one_core``, ``several_centres``,
        ``polycentric``, ``cannot_tell``, …), ``None`` without an answer."""
        a = self.answer
        return None if a is None else a["outcome"]

    @property
    def answers(self) -> pd.DataFrame:
        """The answer on every coding: one row per coding (actors, ties,
        core_actors, size_limit, outcome, clause, why), the headline first."""
        a = self.answer
        cols = ["actors", "ties", "core_actors", "size_limit", "outcome", "clause", "why"]
        if a is None:
            return pd.DataFrame(columns=cols, index=pd.Index([], name="coding"))
        rows = [{"coding": c["coding"], "actors": c["actors"], "ties": c["ties"],
                 "core_actors": c["core_actors"], "size_limit": c["size_limit"],
                 "outcome": c["decision"]["outcome"], "clause": c["decision"]["clause"],
                 "why": c["decision"]["because"]} for c in a["codings"]]
        return pd.DataFrame(rows, columns=["coding", *cols]).set_index("coding")

    @property
    def holm(self) -> pd.DataFrame:
        """Holm's family of every coding: one row per (coding, test) with
        the p value, the Holm-adjusted p and whether it is rejected at the
        family-wise level."""
        cols = ["coding", "test", "p", "adjusted", "rejected"]
        a = self.answer
        rows = [] if a is None else [{"coding": c["coding"], **h}
                                      for c in a["codings"] for h in c["holm"]]
        return pd.DataFrame(rows, columns=cols).set_index(["coding", "test"])

    def _repr_html_(self) -> str:
        return self.html

    def _repr_markdown_(self) -> str:
        return self.markdown


@dataclass(frozen=True)
class QapFit:
    """An MR-QAP regression (``coprod qap``): ``table`` one row per term
    (estimate, std_error, statistic, p = P(|T| ≥ |t|), p_greater, p_less);
    ``fit`` the fit statistics; the settings as attributes."""

    table: pd.DataFrame
    fit: dict[str, Any]
    outcome: str
    estimator: str
    null: str
    mode: str
    reps: int
    seed: int
    failed_replicates: int
    n_actors: int
    n_dyads: int
    separation: list[str] | None

    def _repr_html_(self) -> str:
        head = (f"<p>QAP {self.estimator} of <code>{self.outcome}</code>: {self.n_actors} actors, "
                f"{self.n_dyads} dyads ({self.mode}); null {self.null}, {self.reps} replicates, "
                f"seed {self.seed}</p>")
        return head + self.table.to_html()

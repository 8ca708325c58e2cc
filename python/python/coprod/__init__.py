"""coprod from Python: network analysis of co-production actor graphs.

The Rust library ``coprod`` (cases, views, measures equal to NetworkX, igraph
and R ``sna``, the comparison engine, ERGM, QAP, SBM, figures) behind a thin
PyO3 layer; results come back as pandas objects keyed by actor id, graphs go
to and from NetworkX, figures display in Jupyter.

>>> import coprod
>>> case = coprod.load("jinsong")              # a bundled case, a directory or graph.coprod
>>> m = case.measures()                        # DataFrame indexed by actor id
>>> m.loc["subdistrict_office", "liaison"] > 0
True
>>> float(case.summary()["actors"])
35.0

Errors are exceptions of :mod:`coprod.errors` (base :class:`CoprodError`)
carrying the library's file/line/value messages. Long computations release
the GIL.
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike

import pandas as pd

from . import _native, errors
from ._case import ATTRIBUTE_COLUMNS, Case, View, read_csv
from ._networkx import from_networkx, to_networkx
from ._progress import in_jupyter as _in_jupyter
from ._progress import progress
from ._results import ROLES, Brokerage, Comparison, ErgmFit, QapFit, SbmCandidates, Svg
from .errors import CoprodError, DataError, FileError, ModelError, RenderError, UsageError

__version__: str = _native.__version__

__all__ = [
    "ATTRIBUTE_COLUMNS", "ROLES", "Brokerage", "Case", "Comparison", "CoprodError", "DataError",
    "ErgmFit", "FileError", "ModelError", "QapFit", "RenderError", "SbmCandidates", "Svg",
    "UsageError", "View", "cases", "columns", "compare", "errors", "from_networkx", "load",
    "load_strings", "progress", "qap", "qap_correlations", "summary_rows", "to_networkx",
]

if _in_jupyter():
    progress(True)


def load(source: str | PathLike[str]) -> Case:
    """Load a case as the command line does: a compact file (``graph.coprod``)
    if ``source`` is a file, a case directory if it is a directory, else a
    bundled case by name (:func:`cases`). How a directory's files were read
    (an encoding, a delimiter) comes as a warning.

    Raises :class:`UsageError` for an unknown bundled case (listing them),
    :class:`DataError` for invalid files (every problem, with file, line,
    column and value), :class:`FileError` for a path that cannot be read."""
    return Case(_native.load(str(source)))


def load_strings(name: str, case_toml: str, actors_csv: str, ties_csv: str) -> Case:
    """A case from the text of its three files; ``name`` names them in errors."""
    return Case(_native.load_case_str(name, case_toml, actors_csv, ties_csv))


def cases() -> list[str]:
    """The bundled cases' names."""
    return list(_native.case_names())


def columns() -> pd.DataFrame:
    """Every measure column of :meth:`View.measures`: what it measures and the
    reference call it equals (``coprod columns``)."""
    return pd.DataFrame(_native.View.columns(), columns=["name", "doc", "reference"]
                        ).set_index("name")


def summary_rows() -> pd.DataFrame:
    """Every row of :meth:`View.summary`: what it measures and its reference."""
    return pd.DataFrame(_native.graph_rows(), columns=["name", "doc", "reference"]
                        ).set_index("name")


def compare(case: Case, baselines: str | Sequence[str] = "all", draws: int = 1000,
            seed: int = 0, core: str | Sequence[str] | None = None,
            views: Sequence[str] = (), dial: bool = True, dial_draws: int | None = None,
            answer: bool = True) -> Comparison:
    """The comparison engine (``coprod compare``): the pre-registered answer
    (one core / several centres / polycentric / cannot tell, on every coding,
    with Holm's error control), and the exploratory panel: by how much the
    case differs from which baseline, and does it survive the coding choices?

    ``baselines``: names (``coprod columns`` lists them) or ``"all"``;
    ``draws`` per random baseline; ``seed``; ``core`` (``kind:party`` or ids;
    ``None``: ``kind:party`` for the panel and the case's registered core for
    the answer, as the command line); ``views``: the codings of the
    robustness table (default: every one that applies); ``dial``: also fit
    λ̂ on the dial between polycentric and one core, with ``dial_draws``
    draws per grid point; ``answer``: run the pre-registered answer (a
    bundled case loaded by name is also answered on its bundled second
    coding). Same seed, same bits."""
    import json

    bl = [baselines] if isinstance(baselines, str) else list(baselines)
    core_s = core if core is None or isinstance(core, str) else ",".join(core)
    kw = {} if dial_draws is None else {"dial_draws": dial_draws}
    d = _native.compare(case._c, bl, draws, seed, core_s, list(views), dial, answer=answer, **kw)
    return Comparison(read_csv(d["csv"]), list(d["verdicts"]), d["markdown"], d["robustness"],
                      json.loads(d["json"]), d["html"], d["csv"])


def qap(case: Case, model: str, y: str | Sequence[str], x: Sequence[str],
        null: str = "qapspp", reps: int = 1000, seed: int = 1, statistic: str = "t",
        fit: str = "auto", mode: str = "auto", arenas: str = "project",
        without: Sequence[str] = ()) -> QapFit:
    """MR-QAP regression (``coprod qap``; sna's ``netlm`` / ``netlogit``): the
    dyadic matrix ``y`` (layers, joined by ``+`` when several) on the terms
    ``x`` (layers, ``a+b`` unions, ``party_dyad``, …: ``coprod qap --help``).

    ``model``: ``lm`` or ``logit``; ``null``: ``qapspp`` (Dekker), ``qapy``,
    ``qapx``, ``qapallx``, ``classical``; ``fit`` (logit): ``auto``, ``ml``,
    ``firth``; ``arenas``: ``project`` or ``keep``."""
    ys = [y] if isinstance(y, str) else list(y)
    d = _native.qap(case._c, model, ys, list(x), null, reps, seed, statistic, fit, mode,
                    arenas, list(without))
    table = pd.DataFrame(d["coefficients"],
                         columns=["term", "estimate", "std_error", "statistic", "p", "p_greater",
                                  "p_less"]).set_index("term")
    return QapFit(table, dict(d["fit"]), d["outcome"], d["estimator"], d["null"], d["mode"],
                  d["reps"], d["seed"], d["failed_replicates"], d["n_actors"], d["n_dyads"],
                  d["separation"])


def qap_correlations(case: Case, reps: int = 1000, seed: int = 1, null: str = "qapspp",
                     mode: str = "auto") -> pd.DataFrame:
    """The layer-by-layer QAP correlation table (``coprod qap --correlations``)."""
    return read_csv(_native.qap_correlations(case._c, reps, seed, null, mode))

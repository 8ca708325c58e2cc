"""Case and View: the library's cases and views as pandas objects."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _native
from ._results import Brokerage, ErgmFit, SbmCandidates, Svg

if TYPE_CHECKING:
    import networkx as nx

ATTRIBUTE_COLUMNS = ["label", "kind", "sector", "level", "group"]
"""The columns before the measures in :meth:`View.measures`."""


def _core(core: str | Sequence[str]) -> str:
    """A core set as the library reads it: ``kind:<kind>`` or ids."""
    if isinstance(core, str):
        return core
    return ",".join(core)


def _layers(layers: str | Sequence[str] | None) -> list[str] | None:
    if layers is None:
        return None
    if isinstance(layers, str):
        return [s for s in layers.split(",") if s]
    return list(layers)


def _column(cells: list[str]) -> Any:
    """A CSV column as integers (nullable) if every cell is one, else as
    float64 if every cell is a number (empty: NaN), else as text."""
    full = [c for c in cells if c != ""]
    try:
        ints = [None if c == "" else int(c) for c in cells]
        if full:
            return pd.array(ints, dtype="Int64")
    except ValueError:
        pass
    try:
        return pd.array([float("nan") if c == "" else float(c) for c in cells], dtype="float64")
    except ValueError:
        return cells


def read_csv(text: str) -> pd.DataFrame:
    """A CSV written by coprod as a DataFrame. Numbers are read with Python's
    ``int`` and ``float``, so each value has exactly the bits the library
    wrote (it writes the shortest text that reads back to the same double);
    empty cells are missing."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return pd.DataFrame()
    header, body = rows[0], rows[1:]
    return pd.DataFrame({h: _column([r[i] if i < len(r) else "" for r in body])
                         for i, h in enumerate(header)})


class View:
    """A view of a case: which layers, read how. Make one with :meth:`Case.view`.

    Every method computes on the view's snapshot with the GIL released.
    """

    def __init__(self, case: Case, native: _native.View) -> None:
        self._case = case
        self._v = native

    def __repr__(self) -> str:
        return repr(self._v)

    @property
    def case(self) -> Case:
        """The case the view is of."""
        return self._case

    @property
    def is_directed(self) -> bool:
        """Whether the view is directed (False once symmetrised)."""
        return self._v.is_directed()

    @property
    def ids(self) -> list[str]:
        """Actor ids in the view's order."""
        return self._v.ids()

    def measures(self, partition: str = "sector", core: str | Sequence[str] = "kind:party"
                 ) -> pd.DataFrame:
        """Every actor-level measure, one row per actor indexed by actor id.

        Columns: ``label, kind, sector, level, group`` (the actor's class in
        ``partition``), then every measure of :func:`coprod.columns` in order.
        Values are the library's float64 values, exactly those of
        ``coprod measures CASE --format csv`` with the same view options; NaN
        where a measure is undefined (see the column's doc).

        ``partition``: ``kind``, ``sector``, ``level`` or a user column (for
        brokerage roles and the E-I index).
        """
        ids, labels, attrs, names, columns = self._v.measures(partition, _core(core))
        data: dict[str, Any] = {"label": labels}
        for i, name in enumerate(["kind", "sector", "level", "group"]):
            data[name] = [a[i] for a in attrs]
        for name, values in zip(names, columns):
            data[name] = pd.array(values, dtype="float64")
        df = pd.DataFrame(data, index=pd.Index(ids, name="id"))
        df.attrs["partition"] = partition
        df.attrs["case"] = self._case.id
        return df

    def measure(self, name: str, partition: str = "sector") -> pd.Series:
        """One measure of :meth:`measures` as a Series indexed by actor id."""
        _native.View.check_column(name)  # UsageError listing the columns
        return self.measures(partition)[name]

    def betweenness(self, scale: str = "networkx", weight: bool = False) -> pd.Series:
        """Shortest-path betweenness alone (the table's ``betweenness`` column
        with the defaults), indexed by actor id: ``scale`` ``networkx``
        (``nx.betweenness_centrality(G, normalized=True)``) or ``raw``;
        ``weight=True`` reads tie weights as lengths. For large views, where
        the whole table would compute every measure."""
        return pd.Series(self._v.betweenness(scale, weight), index=pd.Index(self.ids, name="id"),
                         name="betweenness", dtype="float64")

    def summary(self, partition: str = "sector", core: str | Sequence[str] = "kind:party"
                ) -> pd.Series:
        """The graph-level measures and the hypothesis rows about the core set
        (default: the party actors), as a float Series indexed by row name
        (NaN where undefined). ``attrs`` holds ``core``, ``best_core`` (ids of
        the best core found) and ``partition``."""
        names, values, core_s, best, part = self._v.summary(partition, _core(core))
        s = pd.Series([float("nan") if v is None else v for v in values],
                      index=pd.Index(names, name="measure"), name=self._case.id, dtype="float64")
        s.attrs.update({"core": core_s, "best_core": list(best), "partition": part})
        return s

    def brokerage(self, partition: str = "sector") -> Brokerage:
        """Gould–Fernandez brokerage by ``partition`` (``sna::brokerage``):
        raw counts, expected values, standard deviations and z-scores per
        actor and for the graph."""
        return Brokerage._from_native(self._v.brokerage(partition), self._case)

    def edges(self) -> pd.DataFrame:
        """The view's edges, each once: ``source, target, weight``."""
        return pd.DataFrame(self._v.edges(), columns=["source", "target", "weight"])

    def to_networkx(self) -> nx.Graph | nx.DiGraph:
        """The view's snapshot as a NetworkX ``DiGraph`` (``Graph`` if
        symmetrised): nodes in the view's order with their attributes, one
        edge per merged tie with its ``weight``."""
        import networkx as nx

        G = nx.DiGraph() if self.is_directed else nx.Graph()
        actors = self._case.actors
        for i in self.ids:
            a = actors.loc[i]
            G.add_node(i, label=a["label"], kind=a["kind"], sector=a["sector"], level=a["level"])
        G.add_weighted_edges_from(self._v.edges())
        return G

    def export(self, format: str, path: str | PathLike[str] | None = None) -> str:
        """The view as ``graphml``, ``gexf`` (Gephi), ``pajek``, ``dl``
        (UCINET), ``json`` (NetworkX node-link) or ``dot``; written to
        ``path`` when given. Returns the text."""
        text = self._v.export(format)
        if path is not None:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return text

    def figure(self, layer: str | None = None, by: str = "level",
               size_by: str | pd.Series | None = None, lang: str = "en",
               renderer: str = "auto", title: str | None = None) -> Svg:
        """The case drawn as SVG (displays itself in Jupyter).

        Every layer of the view, or ``layer`` alone; clusters ``by`` level,
        kind, sector or none; nodes sized by a measure name (computed on this
        view) or a Series keyed by actor id; ``lang`` ``en`` or ``zh``;
        ``renderer`` ``auto`` (Graphviz if installed), ``graphviz`` or
        ``pure-rust``."""
        size = None
        if isinstance(size_by, str):
            size = (size_by, [(str(k), float(v)) for k, v in self.measure(size_by).items()])
        elif size_by is not None:
            size = (str(size_by.name or "value"), [(str(k), float(v)) for k, v in size_by.items()])
        kind = "case" if layer is None else "layer"
        svg, engine = self._v.figure(kind, layer, by, size, lang, renderer, title)
        return Svg(svg, engine)

    def ergm(self, formula: str | None = None, core: str | Sequence[str] | None = None,
             method: str = "auto", constraints: str = "codebook",
             fix: Iterable[tuple[str, str]] = (), seed: int = 1, max_iterations: int = 40
             ) -> ErgmFit:
        """Fit an exponential random graph model (statnet formula; default:
        the case's pre-registered formula) to the view, as ``coprod ergm``:
        coefficients, standard errors, intervals, diagnostics.

        ``method``: ``auto``, ``mple``, ``firth``, ``exact``, ``mcmle``, ``sa``
        (stochastic approximation, ``coprod ergm --method sa``);
        ``constraints``: ``codebook`` (the codebook's structural zeros) or
        ``none``; ``fix``: (source, target) pairs held at their observed value."""
        formula_used, js, csv, md = self._v.ergm(
            formula, None if core is None else _core(core), method, constraints,
            [(str(a), str(b)) for a, b in fix], seed, max_iterations)
        return ErgmFit(formula_used, json.loads(js), read_csv(csv), md, js, csv)

    def sbm(self, partition: str | Sequence[str] | Mapping[str, Any] | None = None,
            degree_corrected: bool = True, core: str | Sequence[str] = "kind:party",
            seed: int = 0, restarts: int | None = None, posterior: bool = True,
            posterior_samples: int | None = None, posterior_thin: int | None = None,
            posterior_burn_in: int | None = None, posterior_chains: int | None = None
            ) -> SbmCandidates:
        """The stochastic block model candidates of the view (``coprod sbm``):
        one block, core vs rest, core plus sectors, sectors, the given
        partition and the best found, by description length (nats), with the
        pre-registered comparisons and the posterior over the number of
        blocks.

        ``partition``: an attribute name, or a block label per actor (a list
        in the view's order, or a mapping from actor id). ``posterior``:
        sample the posterior over the number of blocks (the ``posterior_*``
        settings as ``coprod sbm --posterior-*``; ``None``: its default)."""
        attr = labels = None
        if isinstance(partition, str):
            attr = partition
        elif isinstance(partition, Mapping):
            labels = [str(partition[i]) for i in self.ids]
        elif partition is not None:
            labels = [str(x) for x in partition]
        js = self._v.sbm(attr, labels, degree_corrected, _core(core), seed, restarts, posterior,
                         posterior_samples, posterior_thin, posterior_burn_in, posterior_chains)
        return SbmCandidates._from_json(json.loads(js))


@dataclass(frozen=True)
class _ViewOptions:
    layers: list[str] | None = None
    symmetric: bool = False
    aggregation: str = "sum"
    without: tuple[str, ...] = ()
    project_arenas: bool = False


class Case:
    """A case: actors, ties in layers, metadata. Load one with :func:`coprod.load`.

    The methods that compute (``measures``, ``summary``, ``brokerage``,
    ``figure``, ``export``, ``ergm``, ``sbm``) run on the default view, the
    aggregate of the positive layers; :meth:`view` chooses another.
    """

    def __init__(self, native: _native.Case) -> None:
        self._c = native

    def __repr__(self) -> str:
        return repr(self._c)

    def __len__(self) -> int:
        return len(self._c)

    @property
    def id(self) -> str:
        """The case id."""
        return self._c.id

    @property
    def meta(self) -> dict[str, Any]:
        """id, name, title, place, period, sources."""
        return self._c.meta()

    @property
    def layers(self) -> pd.DataFrame:
        """The layers: directed, sign, self_loops, indexed by name."""
        return pd.DataFrame(self._c.layers()).set_index("name")

    @property
    def actors(self) -> pd.DataFrame:
        """One row per actor indexed by id: label, label_zh, kind, sector,
        level, size (nullable integer), doc, quote, then user attributes."""
        rows = self._c.actors()
        df = pd.DataFrame([{k: v for k, v in r.items() if k != "attrs"} for r in rows])
        df = df.set_index("id")
        df["size"] = pd.array([r["size"] for r in rows], dtype="Int64")
        extra = sorted({k for r in rows for k in r["attrs"]})
        for k in extra:
            df[k] = [r["attrs"].get(k, "") for r in rows]
        return df

    @property
    def ties(self) -> pd.DataFrame:
        """One row per tie, in the case's order: source, target, layer,
        weight, doc, quote, certainty."""
        return pd.DataFrame(self._c.ties(),
                            columns=["source", "target", "layer", "weight", "doc", "quote",
                                     "certainty"])

    def summary_line(self) -> str:
        """``35 actors (party 12, …); 88 ties (…)``."""
        return self._c.summary_line()

    def view(self, layers: str | Sequence[str] | None = None, symmetric: bool = False,
             aggregation: str = "sum", without: Iterable[str] = (),
             project_arenas: bool = False) -> View:
        """A view of the case.

        ``layers``: None for every positive layer (all but tension), ``"all"``,
        ``"positive"``, or layer names (a list or a comma-separated string);
        ``symmetric``: read every tie as undirected; ``aggregation``: how
        parallel ties merge (``sum`` of weights, ``count``, ``max``);
        ``without``: actor ids to leave out; ``project_arenas``: replace arenas
        by co-membership ties among their members. The same options as the
        command line's ``--layers --symmetric --aggregation --without
        --project-arenas``."""
        return View(self, self._c.view(_layers(layers), symmetric, aggregation, list(without),
                                       project_arenas))

    def measures(self, partition: str = "sector", core: str | Sequence[str] = "kind:party"
                 ) -> pd.DataFrame:
        """:meth:`View.measures` of the default view."""
        return self.view().measures(partition, core)

    def summary(self, partition: str = "sector", core: str | Sequence[str] = "kind:party"
                ) -> pd.Series:
        """:meth:`View.summary` of the default view."""
        return self.view().summary(partition, core)

    def brokerage(self, partition: str = "sector") -> Brokerage:
        """:meth:`View.brokerage` of the default view."""
        return self.view().brokerage(partition)

    def export(self, format: str, path: str | PathLike[str] | None = None) -> str:
        """:meth:`View.export` of the default view."""
        return self.view().export(format, path)

    def figure(self, layer: str | None = None, by: str = "level",
               size_by: str | pd.Series | None = None, lang: str = "en",
               renderer: str = "auto", title: str | None = None) -> Svg:
        """The case drawn with every layer (as ``coprod figure``); see :meth:`View.figure`.
        A measure named in ``size_by`` is computed on the default view."""
        if isinstance(size_by, str):
            size_by = self.view().measure(size_by)
        return self.view(layers="all").figure(layer, by, size_by, lang, renderer, title)

    def ergm(self, formula: str | None = None, **kw: Any) -> ErgmFit:
        """:meth:`View.ergm` of the default view."""
        return self.view().ergm(formula, **kw)

    def sbm(self, partition: str | Sequence[str] | Mapping[str, Any] | None = None, **kw: Any
            ) -> SbmCandidates:
        """:meth:`View.sbm` of the default view."""
        return self.view().sbm(partition, **kw)

    def case_toml(self) -> str:
        """``case.toml``: the metadata and extra layers."""
        return self._c.case_toml()

    def actors_csv(self) -> str:
        """``actors.csv`` as the library writes it."""
        return self._c.actors_csv()

    def ties_csv(self) -> str:
        """``ties.csv`` as the library writes it."""
        return self._c.ties_csv()

    def write_dir(self, path: str | PathLike[str]) -> None:
        """Write the case as a directory that :func:`coprod.load` reads back equal."""
        self._c.write_dir(str(path))

    def to_networkx(self) -> nx.MultiDiGraph:
        """The case as a NetworkX ``MultiDiGraph``; see :func:`coprod.to_networkx`."""
        from ._networkx import to_networkx

        return to_networkx(self)

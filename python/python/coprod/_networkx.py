"""A case to and from a NetworkX ``MultiDiGraph``, attributes kept."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from . import _native

if TYPE_CHECKING:
    import networkx as nx

    from ._case import Case

ACTOR_FIELDS = ["label", "label_zh", "kind", "level", "size", "doc", "quote"]
"""Node attributes read as the standard actor columns (``id`` is the node)."""
TIE_FIELDS = ["layer", "weight", "doc", "quote", "certainty"]
"""Edge attributes read as the standard tie columns."""
DERIVED = {"sector"}
"""Node attributes written for convenience and ignored on the way back
(``sector`` follows from ``kind``)."""
STANDARD_LAYERS = {"leadership", "administrative", "service", "resource", "information",
                   "deliberation", "tension"}


def to_networkx(case: Case) -> nx.MultiDiGraph:
    """The case as a ``networkx.MultiDiGraph``: one node per actor (in the
    case's order), one edge per tie (in the case's order; an undirected
    layer's tie once, as coded), every attribute kept.

    * nodes: ``label, label_zh, kind, sector, level, size`` (omitted when
      unknown), ``doc, quote`` and every user attribute;
    * edges: ``layer, weight, doc, quote, certainty``;
    * graph: ``id``, ``layers`` (name, directed, sign, self_loops) and
      ``case_toml`` (the metadata, as the case directory's ``case.toml``).

    :func:`from_networkx` reads it back to an equal case.
    """
    import networkx as nx

    G = nx.MultiDiGraph()
    G.graph["id"] = case.id
    G.graph["layers"] = case._c.layers()
    G.graph["case_toml"] = case.case_toml()
    for a in case._c.actors():
        attrs = {k: a[k] for k in ["label", "label_zh", "kind", "sector", "level"]}
        if a["size"] is not None:
            attrs["size"] = a["size"]
        attrs["doc"] = a["doc"]
        attrs["quote"] = a["quote"]
        attrs.update(a["attrs"])
        G.add_node(a["id"], **attrs)
    for t in case._c.ties():
        G.add_edge(t["source"], t["target"], **{k: t[k] for k in TIE_FIELDS})
    return G


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _toml_string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a TOML basic string


def _case_toml(G: nx.Graph, case_id: str) -> str:
    if "case_toml" in G.graph:
        return str(G.graph["case_toml"])
    lines = [f"id = {_toml_string(case_id)}"]
    for layer in G.graph.get("layers", []):
        if layer["name"] in STANDARD_LAYERS:
            continue
        lines += ["", "[[layers]]", f"name = {_toml_string(layer['name'])}",
                  f"directed = {'true' if layer.get('directed', True) else 'false'}",
                  f"sign = {_toml_string(layer.get('sign', 'positive'))}"]
    return "\n".join(lines) + "\n"


def from_networkx(G: nx.Graph, id: str | None = None) -> Case:
    """A case from a NetworkX graph (``Graph``, ``DiGraph``, ``MultiGraph``
    or ``MultiDiGraph``), checked by the same loader as a case directory.

    Nodes are actor ids (``str(node)``); node attributes ``kind`` and
    ``level`` are required, ``label, label_zh, size, doc, quote`` read as
    those columns, ``sector`` ignored (it follows from ``kind``), any other
    attribute a user column (as text). Every edge is a tie and needs a
    ``layer``; ``weight, doc, quote, certainty`` are read when present. The
    metadata come from ``G.graph["case_toml"]`` when present (as
    :func:`to_networkx` writes it), else ``id`` (default ``G.graph["id"]``
    or ``"networkx"``) and the extra layers of ``G.graph["layers"]``.

    Raises :class:`coprod.errors.DataError` naming the row of the generated
    ``actors.csv`` / ``ties.csv`` (line 2 is the first node or edge, in
    ``G``'s order), the column and the value, for every problem at once.
    """
    from ._case import Case

    case_id = id if id is not None else str(G.graph.get("id", "networkx"))
    nodes = list(G.nodes(data=True))
    extra = sorted({k for _, d in nodes for k in d
                    if k not in ACTOR_FIELDS and k not in DERIVED})
    actors = io.StringIO()
    w = csv.writer(actors, lineterminator="\n")
    w.writerow(["id"] + ACTOR_FIELDS + extra)
    for n, d in nodes:
        w.writerow([str(n)] + [_cell(d.get(k)) for k in ACTOR_FIELDS + extra])
    ties = io.StringIO()
    w = csv.writer(ties, lineterminator="\n")
    w.writerow(["source", "target"] + TIE_FIELDS)
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else \
        ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, _k, d in edges:
        w.writerow([str(u), str(v)] + [_cell(d.get(k)) for k in TIE_FIELDS])
    native = _native.load_case_str(f"networkx:{case_id}", _case_toml(G, case_id),
                                   actors.getvalue(), ties.getvalue())
    return Case(native)

"""Write examples/python.ipynb (no outputs) from the cells below.

Run: python python/scripts/make_notebook.py   (then execute it headless:
python python/scripts/run_notebook.py)."""

from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]

CELLS = [
    ("md", """# coprod from Python

The coprod library from Jupyter: a bundled case, its actors and ties, every
actor-level measure as a pandas DataFrame keyed by actor id, the graph summary,
Gould–Fernandez brokerage, a figure, NetworkX, the comparison engine, an ERGM,
QAP and the SBM candidates. Install: `pip install ./python` from the repository."""),
    ("code", """import coprod
coprod.cases()"""),
    ("code", """case = coprod.load("jinsong")
print(case.summary_line())
case.actors[["label", "label_zh", "kind", "sector", "level"]].head()"""),
    ("code", """case.ties.head()"""),
    ("md", """## Every actor-level measure

One row per actor (indexed by id), the columns of `coprod.columns()`: the same
float64 values as `coprod measures jinsong --format csv`."""),
    ("code", """m = case.measures()
m.sort_values("brokerage", ascending=False)[["label", "kind", "sector", "betweenness", "brokerage", "brokerage_z"]].head(8)"""),
    ("code", """coprod.columns().loc[["betweenness", "constraint", "liaison"]]"""),
    ("code", """m.groupby("kind")[["betweenness", "brokerage", "constraint"]].mean().round(3)"""),
    ("md", """## The graph summary and the core-set hypothesis"""),
    ("code", """s = case.summary()
print("best core found:", s.attrs["best_core"])
s[["actors", "ties", "density", "reciprocity"]]"""),
    ("md", """## Views: layers, symmetrised, without an actor, arenas projected"""),
    ("code", """v = case.view(layers=["leadership", "administrative"], symmetric=True, without=["subdistrict_office"])
v, v.measures(partition="kind")[["kind", "group", "degree", "betweenness", "brokerage"]].head()"""),
    ("code", """b = case.brokerage()
b.graph"""),
    ("md", """## A figure (SVG, displayed inline)"""),
    ("code", """case.figure(size_by="betweenness")"""),
    ("md", """## NetworkX: the case as a MultiDiGraph and back"""),
    ("code", """import networkx as nx
G = case.to_networkx()
print(G.number_of_nodes(), "actors,", G.number_of_edges(), "ties; a tie:", next(iter(G.edges(data=True))))
back = coprod.from_networkx(G)
assert back.measures().equals(m)
D = case.view().to_networkx()
bc = nx.betweenness_centrality(D)
max(abs(bc[a] - m.at[a, "betweenness"]) for a in D)"""),
    ("md", """## One core, many actors? The comparison engine (few draws here)"""),
    ("code", """c = coprod.compare(case, baselines=["gnm", "polycentric"], draws=100, seed=1, dial=False, views=["directed"])
for line in c.verdicts[:4]:
    print(line)
c.table[["statistic", "baseline", "observed", "mean", "sd", "z", "verdict"]].head(8)"""),
    ("md", """## ERGM, QAP, SBM"""),
    ("code", """fit = coprod.load("ly").ergm(method="mple")
fit.table"""),
    ("code", """q = coprod.qap(case, "logit", ["resource", "service", "information"],
               ["leadership+administrative", "arena", "party_dyad"], reps=200, seed=1)
q.table"""),
    ("code", """sb = case.view(symmetric=True).sbm(seed=1)
sb.comparisons"""),
    ("md", """## Errors name the file, line, column and value"""),
    ("code", """G.nodes["residents"]["kind"] = "citizens"
try:
    coprod.from_networkx(G)
except coprod.DataError as e:
    print(type(e).__name__, "-", e)
    print(e.line, e.column, e.value)"""),
]


def main() -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(t) if k == "md" else nbformat.v4.new_code_cell(t)
                for k, t in CELLS]
    nbformat.write(nb, ROOT / "examples" / "python.ipynb")


if __name__ == "__main__":
    main()

"""NetworkX round trip keeps actors, ties and attributes; bad input raises the
documented exception (coprod.errors) with the library's file/line/value message."""

from __future__ import annotations

import shutil
import threading

import networkx as nx
import pytest

import coprod
from coprod.errors import CoprodError, DataError, FileError, ModelError, UsageError

CASES = coprod.cases()


@pytest.mark.parametrize("name", CASES)
def test_networkx_round_trip_keeps_everything(name):
    case = coprod.load(name)
    G = case.to_networkx()
    assert G.number_of_nodes() == len(case)
    assert G.number_of_edges() == len(case.ties)
    # every attribute is on the graph
    actor = case.actors.iloc[0]
    node = G.nodes[actor.name]
    for k in ("label", "label_zh", "kind", "sector", "level", "doc", "quote"):
        assert node[k] == actor[k]
    back = coprod.from_networkx(G)
    assert back.id == case.id
    # the three files the library writes are the same text: actors in order,
    # every column and user attribute, the metadata and extra layers
    assert back.actors_csv() == case.actors_csv()
    assert back.case_toml() == case.case_toml()
    # ties: the same multiset (NetworkX groups a MultiDiGraph's edges by source)
    key = ["source", "target", "layer", "weight", "doc", "quote", "certainty"]
    a = case.ties.sort_values(key).reset_index(drop=True)
    b = back.ties.sort_values(key).reset_index(drop=True)
    assert a.equals(b)
    # and so the same measures
    assert case.measures().equals(back.measures())


def test_from_plain_networkx_graph():
    G = nx.Graph()
    G.add_node("p", kind="party", level="community", label="Party branch")
    G.add_node("r", kind="resident", level="community", size=120, tenure="owner")
    G.add_edge("p", "r", layer="deliberation", weight=2.5)
    case = coprod.from_networkx(G, id="tiny")
    assert case.summary_line() == "2 actors (party 1, resident 1); 1 ties (deliberation 1)"
    assert case.actors.loc["r", "size"] == 120 and case.actors.loc["r", "tenure"] == "owner"
    assert case.ties.loc[0, "weight"] == 2.5 and case.ties.loc[0, "certainty"] == "stated"


def test_bad_networkx_input_names_row_column_value():
    G = nx.DiGraph()
    G.add_node("p", kind="partie", level="community")
    G.add_node("q", kind="party", level="community")
    G.add_edge("p", "q", layer="leadership", weight=-1.0)
    G.add_edge("q", "p", layer="friendship")
    with pytest.raises(DataError) as e:
        coprod.from_networkx(G, id="bad")
    err = e.value
    assert err.kind == "Invalid" and len(err.problems) >= 3
    msgs = str(err)
    assert "actors.csv:2 (column `kind`): unknown kind `partie`" in msgs
    assert "ties.csv:2 (column `weight`): weight `-1.0` must be a finite number > 0" in msgs
    assert "unknown layer `friendship`" in msgs
    first = err.problems[0]
    assert first["file"].endswith("actors.csv") and first["line"] == 2
    assert first["column"] == "kind" and first["value"] == "partie"
    assert isinstance(err, ValueError) and isinstance(err, CoprodError)


def test_bad_case_directory(tmp_path):
    d = tmp_path / "case"
    coprod.load("ly").write_dir(d)
    text = (d / "actors.csv").read_text().splitlines()
    cells = text[3].split(",")
    cells[3] = "bureau"
    text[3] = ",".join(cells)
    (d / "actors.csv").write_text("\n".join(text) + "\n")
    with pytest.raises(DataError) as e:
        coprod.load(d)
    assert e.value.file == str(d / "actors.csv") and e.value.line == 4
    assert e.value.column == "kind" and e.value.value == "bureau"
    assert f"{d / 'actors.csv'}:4 (column `kind`): unknown kind `bureau`" in str(e.value)


def test_case_directory_and_compact_file_load(tmp_path, cli):
    import subprocess

    d = tmp_path / "ly"
    coprod.load("ly").write_dir(d)
    assert coprod.load(d).actors_csv() == coprod.load("ly").actors_csv()
    out = tmp_path / "gen"
    subprocess.run([str(cli), "generate", "--like", "jinsong", "--residents", "200", "--seed", "1",
                    "--binary-only", "--out", str(out)], check=True, capture_output=True)
    compact = out / "graph.coprod"
    g = coprod.load(compact)
    assert len(g) > 200
    # the compact file's measures are the command's, byte for byte
    want = subprocess.run([str(cli), "measures", str(compact), "--format", "csv"],
                          check=True, capture_output=True, text=True).stdout
    assert g.view()._v.measures_csv("sector", "kind:party") == want
    with pytest.raises(FileError):
        coprod.load(tmp_path / "missing.coprod")
    (tmp_path / "junk.coprod").write_bytes(b"not a compact file")
    with pytest.raises(DataError) as e:
        coprod.load(tmp_path / "junk.coprod")
    assert e.value.kind == "BinaryFormat"


def test_usage_errors_list_what_exists():
    with pytest.raises(UsageError, match="no bundled case `jinsongg`.*jinsong"):
        coprod.load("jinsongg")
    case = coprod.load("jinsong")
    with pytest.raises(UsageError, match="unknown layer `nope`; available: leadership"):
        case.view(layers="nope")
    with pytest.raises(UsageError, match="unknown actor `nobody`"):
        case.view(without=["nobody"])
    with pytest.raises(UsageError, match="unknown aggregation `mean`"):
        case.view(aggregation="mean")
    with pytest.raises(UsageError, match="no attribute `colour`"):
        case.measures(partition="colour")
    with pytest.raises(UsageError, match="unknown actor column `betweeness`.*betweenness"):
        case.view().measure("betweeness")
    with pytest.raises(UsageError, match="unknown export format `gml`"):
        case.export("gml")
    with pytest.raises(UsageError, match="unknown renderer"):
        case.figure(renderer="svgwrite")
    with pytest.raises(UsageError):
        coprod.compare(case, baselines=["nope"], draws=10)
    with pytest.raises(UsageError):
        case.ergm("edges + nonsense_term", method="mple")
    # An outcome with no tie among the modelled actors is refused as a usage error.
    with pytest.raises(UsageError, match="is 0 on every one of the 6 dyads"):
        coprod.qap(coprod.load("elevator_tx11"), "logit", "leadership", ["administrative"],
                   fit="ml", reps=10)


def test_model_error_is_raised_for_separation():
    # netlogit with Firth refused (fit="ml") on separated data is a ModelError.
    # Jinsong's direct deliberation is separated by the leadership/administrative
    # union and party_dyad (`coprod qap jinsong --model logit --y deliberation
    # --x leadership+administrative,arena,party_dyad --fit ml` says the same).
    case = coprod.load("jinsong")
    with pytest.raises(ModelError, match="the maximum-likelihood estimate does not exist") as e:
        coprod.qap(case, "logit", "deliberation",
                   ["leadership+administrative", "arena", "party_dyad"], fit="ml", reps=10)
    assert e.value.kind == "Separation" and isinstance(e.value, ArithmeticError)


def test_gil_is_released_during_long_computations():
    # While a thread computes compare, another Python thread keeps running.
    case = coprod.load("jinsong")
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        coprod.compare(case, baselines=["gnm"], draws=300, dial=False, views=["directed"])
    finally:
        done.set()
        t.join()
    assert len(ticks) > 5


def test_figure_is_svg_jupyter_displays():
    case = coprod.load("jinsong")
    fig = case.figure(size_by="betweenness")
    assert fig._repr_svg_().lstrip().startswith(("<?xml", "<svg"))
    assert "subdistrict_office" in fig.svg or "Sub-district" in fig.svg
    pure = case.view(layers="leadership").figure(renderer="pure-rust", lang="zh")
    assert pure.engine == "pure-rust" and "<svg" in pure.svg
    one = case.figure(layer="leadership", renderer="pure-rust")
    assert one.engine == "pure-rust" and one.svg != pure.svg


def test_from_networkx_with_an_extra_layer_and_no_metadata():
    G = nx.MultiDiGraph()
    G.graph["layers"] = [{"name": "kinship", "directed": False, "sign": "positive"}]
    G.add_node("a", kind="resident", level="household")
    G.add_node("b", kind="resident", level="household")
    G.add_edge("a", "b", layer="kinship")
    G.add_edge("a", "b", layer="information", weight=3)
    case = coprod.from_networkx(G, id="family")
    layers = case.layers
    assert not layers.loc["kinship", "directed"] and layers.loc["kinship", "sign"] == "positive"
    assert sorted(case.ties["layer"]) == ["information", "kinship"]
    # the view of the extra layer alone reads it as undirected
    assert not case.view(layers="kinship").is_directed
    # without the declaration, the unknown layer is an error naming the row
    del G.graph["layers"]
    with pytest.raises(DataError, match=r"ties.csv:2 \(column `layer`\): unknown layer `kinship`"):
        coprod.from_networkx(G, id="family")

"""Every measure on every bundled case equals the CLI's CSV output bit for bit.

For each case and each of several view and partition options, the DataFrame of
`View.measures` is compared with `coprod measures CASE --format csv` run with
the same options: the same actors in the same order, the same kind, sector,
level and group, and every value with the same IEEE 754 bits (the CSV writes
the shortest text that reads back to the same double; -0 is written 0 and NaN
empty, which `bits` reads the same way). The summary likewise against
`coprod summary CASE --format csv`.
"""

from __future__ import annotations

import csv
import io

import pytest

import coprod
from conftest import bits, run_cli

# (view options for Case.view, the same as CLI flags)
VIEWS = [
    ({}, []),
    ({"symmetric": True}, ["--symmetric"]),
    ({"layers": "all", "aggregation": "count"}, ["--layers", "all", "--aggregation", "count"]),
    ({"layers": ["leadership", "administrative", "deliberation"], "aggregation": "max"},
     ["--layers", "leadership,administrative,deliberation", "--aggregation", "max"]),
    ({"project_arenas": True}, ["--project-arenas"]),
]
CASES = coprod.cases()


def parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def cli_float(cell: str) -> float:
    return float("nan") if cell == "" else float(cell)


def assert_table_equal(df, rows, what):
    assert list(df.index) == [r["id"] for r in rows], f"{what}: actors"
    cols = [c for c in rows[0] if c not in ("id", "kind", "sector", "level", "group")]
    assert cols == [c for c in df.columns if c not in coprod.ATTRIBUTE_COLUMNS], f"{what}: columns"
    compared = 0
    for r in rows:
        row = df.loc[r["id"]]
        for a in ("kind", "sector", "level", "group"):
            assert row[a] == r[a], f"{what}: {r['id']} {a}"
        for c in cols:
            got, want = float(row[c]), cli_float(r[c])
            assert bits(got) == bits(want), f"{what}: {r['id']} {c}: {got!r} != CLI {r[c]!r}"
            compared += 1
    assert compared == len(rows) * len(cols) > 0


@pytest.mark.parametrize("name", CASES)
def test_measures_equal_cli_bit_for_bit(cli, name):
    case = coprod.load(name)
    for opts, flags in VIEWS:
        view = case.view(**opts)
        text = run_cli(cli, "measures", name, *flags, "--format", "csv")
        df = view.measures()
        assert_table_equal(df, parse_csv(text), f"{name} {flags}")
        # The CSV text itself, as the library writes it, is the command's.
        assert view._v.measures_csv("sector", "kind:party") == text


@pytest.mark.parametrize("name", CASES)
def test_partitions_and_without_equal_cli(cli, name):
    case = coprod.load(name)
    first = case.actors.index[0]
    for part in ("kind", "level"):
        text = run_cli(cli, "measures", name, "--partition", part, "--without", first,
                       "--format", "csv")
        df = case.view(without=[first]).measures(partition=part)
        assert first not in df.index
        assert_table_equal(df, parse_csv(text), f"{name} --partition {part} --without {first}")


@pytest.mark.parametrize("name", CASES)
def test_summary_equals_cli(cli, name):
    case = coprod.load(name)
    for opts, flags in VIEWS[:2]:
        s = case.view(**opts).summary()
        rows = parse_csv(run_cli(cli, "summary", name, *flags, "--format", "csv"))
        numeric = [r for r in rows if r["measure"] not in ("core", "best_core")]
        assert list(s.index) == [r["measure"] for r in numeric]
        for r in numeric:
            assert bits(float(s[r["measure"]])) == bits(cli_float(r["value"])), r["measure"]
        extra = {r["measure"]: r["value"] for r in rows if r["measure"] in ("core", "best_core")}
        assert s.attrs["core"] == extra["core"]
        assert ";".join(s.attrs["best_core"]) == extra["best_core"]


def test_brokerage_equals_the_table_columns():
    case = coprod.load("jinsong")
    b = case.brokerage()
    m = case.measures()
    for role in coprod.ROLES:
        assert [bits(x) for x in b.raw[role]] == [bits(x) for x in m[role]]
        assert [bits(x) for x in b.z[role]] == [bits(x) for x in m[role + "_z"]]
    assert b.sna_names == ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"]
    assert (b.groups == m["group"]).all()


def test_exports_equal_cli(cli):
    case = coprod.load("ly")
    for fmt in ("graphml", "gexf", "pajek", "dl", "json", "dot"):
        assert case.export(fmt) == run_cli(cli, "export", "ly", "--format", fmt), fmt
    v = case.view(symmetric=True)
    assert v.export("gexf") == run_cli(cli, "export", "ly", "--symmetric", "--format", "gexf")
    rows = parse_csv(run_cli(cli, "edges", "ly"))
    got = case.view().edges()
    assert len(got) == len(rows) > 0
    for (s, t, w), r in zip(got.itertuples(index=False), rows):
        assert (s, t, bits(w)) == (r["source"], r["target"], bits(float(r["weight"])))


@pytest.mark.parametrize("name", CASES)
def test_betweenness_alone_equals_the_column(name):
    for sym in (False, True):
        view = coprod.load(name).view(symmetric=sym)
        alone = view.betweenness()
        col = view.measures()["betweenness"]
        assert list(alone.index) == list(col.index)
        assert [bits(x) for x in alone] == [bits(x) for x in col]

"""Type stubs of the PyO3 module ``coprod._native`` (the Rust layer).

Use the ``coprod`` package instead: it wraps these in pandas and NetworkX
objects. Every function raises :mod:`coprod.errors` exceptions."""

from typing import Any

__version__: str

class Case:
    """A loaded case (``coprod.Case`` wraps it)."""

    @property
    def id(self) -> str: ...
    def __len__(self) -> int: ...
    def summary_line(self) -> str: ...
    def case_toml(self) -> str: ...
    def actors_csv(self) -> str: ...
    def ties_csv(self) -> str: ...
    def write_dir(self, path: str) -> None: ...
    def meta(self) -> dict[str, Any]: ...
    def layers(self) -> list[dict[str, Any]]: ...
    def actors(self) -> list[dict[str, Any]]: ...
    def ties(self) -> list[dict[str, Any]]: ...
    def view(
        self,
        layers: list[str] | None = None,
        symmetric: bool = False,
        aggregation: str = "sum",
        without: list[str] = ...,
        project_arenas: bool = False,
    ) -> View: ...

class View:
    """A view of a case (``coprod.View`` wraps it)."""

    @property
    def case_id(self) -> str: ...
    def is_directed(self) -> bool: ...
    def ids(self) -> list[str]: ...
    def measures(
        self, partition: str = "sector", core: str = "kind:party"
    ) -> tuple[list[str], list[str], list[list[str]], list[str], list[list[float]]]: ...
    def measures_csv(self, partition: str = "sector", core: str = "kind:party") -> str: ...
    def summary(
        self, partition: str = "sector", core: str = "kind:party"
    ) -> tuple[list[str], list[float | None], str, list[str], str]: ...
    def brokerage(self, partition: str = "sector") -> dict[str, Any]: ...
    def betweenness(self, scale: str = "networkx", weight: bool = False) -> list[float]: ...
    def edges(self) -> list[tuple[str, str, float]]: ...
    def export(self, format: str) -> str: ...
    def ergm(
        self,
        formula: str | None = None,
        core: str | None = None,
        method: str = "auto",
        constraints: str = "codebook",
        fix: list[tuple[str, str]] = ...,
        seed: int = 1,
        max_iterations: int = 40,
    ) -> tuple[str, str, str, str]: ...
    def sbm(
        self,
        partition: str | None = None,
        labels: list[str] | None = None,
        degree_corrected: bool = True,
        core: str = "kind:party",
        seed: int = 0,
        restarts: int | None = None,
        posterior: bool = True,
        posterior_samples: int | None = None,
        posterior_thin: int | None = None,
        posterior_burn_in: int | None = None,
        posterior_chains: int | None = None,
    ) -> str: ...
    def figure(
        self,
        kind: str = "case",
        layer: str | None = None,
        by: str = "level",
        size_by: tuple[str, list[tuple[str, float]]] | None = None,
        lang: str = "en",
        renderer: str = "auto",
        title: str | None = None,
    ) -> tuple[str, str]: ...
    @staticmethod
    def check_column(name: str) -> None: ...
    @staticmethod
    def columns() -> list[tuple[str, str, str]]: ...

def load(source: str) -> Case: ...
def load_case_str(name: str, case_toml: str, actors_csv: str, ties_csv: str) -> Case: ...
def case_names() -> list[str]: ...
def _progress(on: bool) -> None: ...
def _progress_take() -> str | None: ...
def _progress_last() -> str: ...
def graph_rows() -> list[tuple[str, str, str]]: ...
def compare(
    case: Case,
    baselines: list[str] = ...,
    draws: int = 1000,
    seed: int = 0,
    core: str | None = None,
    views: list[str] = ...,
    dial: bool = True,
    dial_draws: int = ...,
    answer: bool = True,
) -> dict[str, Any]: ...
def qap(
    case: Case,
    model: str,
    y: list[str],
    x: list[str],
    null: str = "qapspp",
    reps: int = 1000,
    seed: int = 1,
    statistic: str = "t",
    fit: str = "auto",
    mode: str = "auto",
    arenas: str = "project",
    without: list[str] = ...,
) -> dict[str, Any]: ...
def qap_correlations(
    case: Case, reps: int = 1000, seed: int = 1, null: str = "qapspp", mode: str = "auto"
) -> str: ...

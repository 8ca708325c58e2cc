"""Execute examples/python.ipynb headless (nbclient) and fail on any error.

Run: python python/scripts/run_notebook.py [--out executed.ipynb]"""

import argparse
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="write the executed notebook here")
    args = ap.parse_args()
    nb = nbformat.read(ROOT / "examples" / "python.ipynb", as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    svg = sum("image/svg+xml" in o.get("data", {}) for c in code for o in c.get("outputs", []))
    assert svg >= 1, "the figure cell displayed no SVG"
    print(f"examples/python.ipynb: {len(code)} code cells ran in "
          f"{time.perf_counter() - start:.1f} s; {svg} SVG output(s)")
    if args.out:
        nbformat.write(nb, args.out)


if __name__ == "__main__":
    main()

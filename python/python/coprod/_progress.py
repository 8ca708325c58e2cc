"""Progress bars of long runs (compare's ensembles, the ERGM's chains, the
answer's randomisations, betweenness at scale) in a Jupyter cell.

The library draws its bars into a sink that keeps the latest line; a daemon
thread polls it four times a second and writes it to ``sys.stderr`` with a
carriage return, which a notebook cell shows as one updating line. The sink
never calls Python, so a bar drawn on a worker thread cannot deadlock."""

from __future__ import annotations

import sys
import threading
import time

from . import _native

_state = {"on": False, "thread": None}
_lock = threading.Lock()


def _poll() -> None:
    width = 0
    while True:
        time.sleep(0.25)
        if not _state["on"]:
            continue
        event = _native._progress_take()
        if event is None:
            continue
        try:
            if event:
                sys.stderr.write("\r" + event.ljust(width))
                width = len(event)
            elif width:  # end the bar's line; a bar never shown writes nothing
                sys.stderr.write("\n")
                width = 0
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed stream: stop drawing
            _state["on"] = False


def progress(on: bool = True) -> None:
    """Show the progress bars of long runs in this process's standard error
    as one updating line (a Jupyter cell shows it under the cell), or not.

    On by default in a Jupyter kernel; elsewhere the command line's rule
    holds (a bar on a terminal's standard error, nothing in a pipe or a
    file). A bar never changes a result."""
    with _lock:
        _state["on"] = bool(on)
        _native._progress(bool(on))
        if on and _state["thread"] is None:
            t = threading.Thread(target=_poll, name="coprod-progress", daemon=True)
            t.start()
            _state["thread"] = t


def in_jupyter() -> bool:
    """Whether this process is a Jupyter (ipykernel) kernel."""
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    try:
        ip = shell.get_ipython()  # type: ignore[attr-defined]
    except AttributeError:
        return False
    return ip is not None and type(ip).__name__ == "ZMQInteractiveShell"

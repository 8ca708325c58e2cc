"""Progress bars reach a notebook: the library's bars drawn into the sink
that coprod.progress() polls, and never in a result."""

from __future__ import annotations

import re

import coprod
from coprod import _native


def test_progress_bars_reach_the_sink_and_change_nothing():
    case = coprod.load("elevator_ss")
    kw = dict(baselines="gnm", draws=400, seed=1, dial=False, answer=False)
    quiet = coprod.compare(case, **kw)
    coprod.progress(True)
    try:
        loud = coprod.compare(case, **kw)
    finally:
        coprod.progress(False)
    assert re.search(r"elevator_ss \[[=> ]+\] \d+/\d+ draws", _native._progress_last()), \
        _native._progress_last()
    assert loud.csv_text == quiet.csv_text
    assert not coprod._progress.in_jupyter()

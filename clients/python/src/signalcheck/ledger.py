"""The ledger of past audits, as DataFrames: ``signalcheck ledger projects|runs --json``."""

import json

import pandas as pd

from . import _java
from ._errors import InternalError
from ._options import to_args


def _frame(command, options, key):
    proc = _java.run(["ledger", command, "--json", *to_args(options)])
    _java.raise_for(proc)
    try:
        doc = json.loads(proc.stdout)
    except ValueError as e:
        raise InternalError(
            f"'signalcheck ledger {command} --json' printed no JSON document ({e})", 0, proc.stderr
        ) from e
    if isinstance(doc, dict):
        rows = doc.get(key)
        if rows is None:
            lists = [v for v in doc.values() if isinstance(v, list)]
            rows = lists[0] if len(lists) == 1 else [doc]
    else:
        rows = doc
    return pd.json_normalize(rows, sep="_") if rows else pd.DataFrame()


def projects(ledger=None, **options):
    """Every project on one scale, one row each (``signalcheck ledger projects --json``).

    ``ledger``: a ledger URL or file (default: ``SIGNALCHECK_LEDGER``, else the user's ledger).
    """
    return _frame("projects", {"ledger": ledger, **options}, "projects")


def runs(project=None, since=None, limit=None, ledger=None, **options):
    """Recorded audits, newest first, one row each (``signalcheck ledger runs --json``)."""
    return _frame(
        "runs", {"project": project, "since": since, "limit": limit, "ledger": ledger, **options}, "runs"
    )

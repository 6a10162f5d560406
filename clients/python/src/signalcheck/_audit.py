"""``audit``: runs ``signalcheck audit`` on a DataFrame, a file or a list of files."""

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from . import _frame, _java
from ._errors import FailOnError, SetupError, UsageError
from ._options import is_list, to_args
from ._result import Result

# options that name columns: only these are kept when the frame is written with a subset of columns
_COLUMN_OPTIONS = ("time", "id", "target", "covariates", "known_ahead", "recorded_at", "labels")


def _names(value):
    if value is None or value is False:
        return []
    if is_list(value):
        return [str(v) for v in (value.tolist() if hasattr(value, "tolist") else value)]
    return [str(value)]


def _columns_to_write(df, options):
    """The columns the audit reads, when the options name them all (time and target included);
    otherwise None: every column is written, so the command line can judge and list them."""
    if options.get("time") is None or options.get("target") is None:
        return None
    named = set()
    for key in _COLUMN_OPTIONS:
        names = _names(options.get(key))
        if key == "time" and len(names) == 1 and names[0] not in df.columns:
            names = names[0].split(",")
        named.update(names)
    columns = {str(c) for c in df.columns}
    if not named <= columns:
        return None
    return named


def audit(data, time=None, id=None, target=None, *, name=None, out=None, **options):
    """Audits ``data`` with the signalcheck command line and returns a :class:`Result`.

    Args:
        data: a pandas DataFrame (or Series), a path to a file the command line reads, or a list of
            CSV paths that share one header (audited as one file, their rows in the given order).
        time, id, target: the time column(s), series key column(s) and value column(s); a string or
            a list. Left out, the command line infers them as it does for a file.
        name: the name the report gives a DataFrame (default ``dataframe``).
        out: a folder for report.json and report.html; default a temporary folder that lives as
            long as the result.
        **options: any option of ``signalcheck audit``, in snake_case: ``horizon=14``,
            ``origins=10``, ``models=["ets", "theta"]``, ``covariates=[...]``, ``known_ahead=[...]``,
            ``fail_on="critical"``, ``project="sales"``. Lists become comma lists (a name holding a
            comma is quoted); True is a bare flag.

    Raises:
        UsageError: exit 2 (unknown option, unknown column, bad option value).
        InputError: exit 3 (file missing or unreadable, no parseable rows, unsupported format).
        InternalError: exit 4.
        FailOnError: exit 1 with ``fail_on``; its ``result`` holds the report.
        SetupError: no Java runtime or no signalcheck jar.
    """
    options = {"time": time, "id": id, "target": target, **options}
    report_dir = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="signalcheck-report-"))
    temporary = out is None
    before = _stamp(report_dir / "report.json")
    try:
        with tempfile.TemporaryDirectory(prefix="signalcheck-input-") as tmp:
            source, columns = _source(data, Path(tmp), name, options)
            args = ["audit", source, f"--out={report_dir}", *to_args(options, columns)]
            proc = _java.run(args)
        written = _stamp(report_dir / "report.json") not in (None, before)
        if proc.returncode not in (0, 1) or not written:
            _java.raise_for(proc)
            raise SetupError(f"signalcheck wrote no report (exit {proc.returncode}): {proc.stderr.strip()}")
        result = Result(report_dir, console=proc.stdout, exit_code=proc.returncode, temporary=temporary)
    except BaseException:
        if temporary:
            shutil.rmtree(report_dir, ignore_errors=True)
        raise
    if proc.returncode == 1:
        raise FailOnError(
            f"findings at or above --fail-on {options.get('fail_on')}: {result!r}", result, proc.stderr
        )
    return result


def _stamp(path):
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _source(data, tmp, name, options):
    """The input path for the command line, and the DataFrame's columns (None for files)."""
    if isinstance(data, pd.Series):
        data = data.to_frame(name=data.name if data.name is not None else "value")
    if isinstance(data, pd.DataFrame):
        df = _frame.flatten_index(data)
        if options.get("time") is None and isinstance(data.index, (pd.DatetimeIndex, pd.PeriodIndex)):
            options["time"] = data.index.name if data.index.name is not None else "time"
        columns = [str(c) for c in df.columns]
        path = tmp / f"{_frame.safe_name(name or 'dataframe')}.parquet"
        _frame.write_frame(df, path, keep=_columns_to_write(df, options))
        return str(path), columns
    if isinstance(data, (str, os.PathLike)):
        return os.fspath(data), None
    if isinstance(data, (list, tuple)):
        if not data:
            raise UsageError("the list of files is empty; pass at least one path")
        if not all(isinstance(p, (str, os.PathLike)) for p in data):
            raise UsageError("a list of data must hold paths (str or pathlib.Path) only")
        if len(data) == 1:
            return os.fspath(data[0]), None
        first = Path(os.fspath(data[0])).name
        stem = first[:-3] if first.lower().endswith(".gz") else first
        stem = stem.rsplit(".", 1)[0]
        label = name or f"{stem}-and-{len(data) - 1}-more"
        path = tmp / f"{_frame.safe_name(label)}.csv"
        _frame.concat_files(data, path)
        return str(path), None
    raise UsageError(
        f"data must be a pandas DataFrame, a path or a list of paths, not {type(data).__name__}"
    )

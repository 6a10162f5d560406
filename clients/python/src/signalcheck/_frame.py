"""Hands data to the command line as one file in a temporary folder.

A DataFrame is written as Parquet (see ``_parquet``): numbers as their bytes, naive times as
TIMESTAMP or DATE, and as ISO 8601 text what has no exact Parquet type here (aware times as local
time with their UTC offset, periods as years, ``YYYY-Qn`` or dates). NaN, NaT and None are nulls,
which the command line counts as missing values or unparseable times: no row is dropped. A list of
CSV files is joined into one. Measured against the alternatives in docs/benchmarks.md.
"""

import gzip
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ._errors import InputError, UsageError

_DAY_NS = 86_400 * 10**9
_CSV_SUFFIXES = (".csv", ".tsv", ".txt")


def unit_of(ns):
    """The coarsest numpy datetime unit that loses nothing of these nanosecond stamps."""
    if ns.size == 0 or not (ns % _DAY_NS).any():
        return "D"
    if not (ns % 10**9).any():
        return "s"
    if not (ns % 10**6).any():
        return "ms"
    return "us"


def _iso_naive(values, dates=True):
    """datetime64[ns] (NaT allowed) → ISO 8601 text; NaT → empty. ``dates``: midnights as dates."""
    values = values.astype("datetime64[ns]", copy=False)
    nat = np.isnat(values)
    ns = values.view("i8")
    unit = unit_of(ns[~nat])
    if unit == "D" and not dates:
        unit = "s"
    text = np.datetime_as_string(values, unit=unit).astype(object)
    if nat.any():
        text[nat] = ""
    return text


def offset_text(seconds):
    sign = "-" if seconds < 0 else "+"
    seconds = abs(int(seconds))
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _iso_aware(series):
    """A tz-aware datetime Series → local wall time with its UTC offset (``…T02:00:00+01:00``)."""
    utc = series.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[ns]")
    wall = series.dt.tz_localize(None).to_numpy("datetime64[ns]")
    nat = np.isnat(utc)
    text = _iso_naive(wall, dates=False)
    if (~nat).any():
        offset = (wall.view("i8") - utc.view("i8")) // 10**9
        offset[nat] = 0
        kinds, where = np.unique(offset, return_inverse=True)
        suffix = np.array([offset_text(k) for k in kinds], dtype=object)[where]
        if len(kinds) == 1:
            text[~nat] = text[~nat] + suffix[0]
        else:
            text[~nat] = text[~nat] + suffix[~nat]
    return text


def _period_text(series):
    """Periods in the forms the command line reads: years, ``YYYY-Qn``, ``YYYY-MM``, dates."""
    freq = series.dt.freq.name if series.dt.freq is not None else ""
    kind = freq.split("-")[0].upper()
    nat = series.isna().to_numpy()
    if kind in ("A", "Y", "AS", "YS"):
        text = series.dt.year.astype("Int64").astype(str).to_numpy(dtype=object)
    elif kind in ("Q", "QS"):
        text = (
            series.dt.year.astype("Int64").astype(str) + "-Q" + series.dt.quarter.astype("Int64").astype(str)
        ).to_numpy(dtype=object)
    else:
        return _iso_naive(series.dt.start_time.to_numpy("datetime64[ns]"))
    text[nat] = ""
    return text


def column_text(col):
    """A column as the CSV should hold it, or the column itself when pandas writes it right."""
    dtype = col.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        return _iso_aware(col)
    if pd.api.types.is_datetime64_dtype(dtype):
        return _iso_naive(col.to_numpy())
    if isinstance(dtype, pd.PeriodDtype):
        return _period_text(col)
    if isinstance(dtype, pd.CategoricalDtype):
        cats = dtype.categories
        if pd.api.types.is_datetime64_any_dtype(cats.dtype) or isinstance(cats.dtype, pd.PeriodDtype):
            return column_text(pd.Series(np.asarray(col), index=col.index, name=col.name).astype(cats.dtype))
        return col
    if pd.api.types.is_bool_dtype(dtype):
        return col.astype("Int8")
    return col


def flatten_index(df):
    """Moves named or time-like index levels into columns (a long frame keyed by id and time)."""
    index = df.index
    names = [n for n in index.names if n is not None]
    timelike = isinstance(index, (pd.DatetimeIndex, pd.PeriodIndex))
    if isinstance(index, pd.MultiIndex):
        keep = [n for n in index.names if n is not None]
        if keep:
            return df.reset_index(level=keep).reset_index(drop=True)
        return df.reset_index(drop=True)
    if names or timelike:
        out = df.reset_index()
        if index.name is None:
            out = out.rename(columns={"index": "time"})
        return out
    return df.reset_index(drop=True)


def write_frame(df, path, keep=None):
    """Writes ``df`` (only the columns in ``keep`` when given) as Parquet to ``path``."""
    from . import _parquet

    if keep is not None:
        df = df[[c for c in df.columns if c in keep]]
    names = [str(c) for c in df.columns]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise UsageError(f"the DataFrame has more than one column named {', '.join(map(repr, dup))}; rename them")
    _parquet.write(df, path)


def safe_name(name):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", str(name)).strip("._") or "data"


def _opener(path):
    with open(path, "rb") as f:
        magic = f.read(2)
    return gzip.open if magic == b"\x1f\x8b" else open


def _csv_like(path):
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(_CSV_SUFFIXES)


def concat_files(paths, target):
    """Joins CSV files that share one header into ``target`` (bodies in the given order)."""
    paths = [Path(os.fspath(p)) for p in paths]
    for p in paths:
        if not _csv_like(p):
            raise UsageError(
                f"{p.name}: a list of files must be CSV, TSV or TXT files (optionally .gz) with one "
                "header; audit a Parquet or JSON file on its own"
            )
        if not p.is_file():
            raise InputError(f"{p}: no such file; check the path")
    header = None
    with open(target, "wb") as out:
        for p in paths:
            with _opener(p)(p, "rb") as f:
                first = f.readline()
                if first.startswith(b"\xef\xbb\xbf"):
                    first = first[3:]
                line = first.rstrip(b"\r\n")
                if header is None:
                    header = line
                    out.write(line + b"\n")
                elif line != header:
                    raise InputError(
                        f"{p.name} has the header {line.decode('utf-8', 'replace')!r} but "
                        f"{paths[0].name} has {header.decode('utf-8', 'replace')!r}; a list of files "
                        "must share one header"
                    )
                last = b"\n"
                while True:
                    block = f.read(1 << 20)
                    if not block:
                        break
                    out.write(block)
                    last = block[-1:]
                if last not in (b"\n", b"\r"):
                    out.write(b"\n")
    return target

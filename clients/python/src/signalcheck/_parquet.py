"""A minimal Parquet writer for handing a DataFrame to the command line, with numpy alone.

Why by hand: the command line reads Parquet (through DuckDB), and writing a DataFrame's numbers as
their bytes costs milliseconds where formatting them as CSV text costs seconds per million rows
(docs/benchmarks.md); pyarrow and fastparquet are not available everywhere pandas is (Debian 12 has
neither). What is written is the small, plain subset of the format that every reader supports:
uncompressed version-1 data pages, PLAIN values, every column OPTIONAL with its definition levels
bit-packed (a missing value is a null: nothing is dropped), one row group per million rows, and the
footer in Thrift's compact protocol. Column types: DOUBLE, INT64, INT32 (booleans as 0/1), DATE,
TIMESTAMP (naive, in the coarsest unit that loses nothing) and UTF-8 BYTE_ARRAY for everything else.
"""

import struct

import numpy as np
import pandas as pd

from . import _frame

# parquet.thrift enums
_BOOLEAN, _INT32, _INT64, _DOUBLE, _BYTE_ARRAY = 0, 1, 2, 5, 6
_PLAIN, _RLE = 0, 3
_OPTIONAL = 1
_UTF8, _DATE, _TIMESTAMP_MILLIS, _TIMESTAMP_MICROS = 0, 6, 9, 10
# Thrift compact protocol types
_T_TRUE, _T_FALSE, _T_I32, _T_I64, _T_BINARY, _T_LIST, _T_STRUCT = 1, 2, 5, 6, 8, 9, 12

ROW_GROUP = 1_000_000
_LENGTH = struct.Struct("<I")
_DAY_NS = 86_400 * 10**9


# ---------------------------------------------------------------- Thrift compact protocol


def _varint(n, out):
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def _zigzag(n):
    return (n << 1) ^ (n >> 63)


def _value(kind, value, out):
    if kind in (_T_I32, _T_I64):
        _varint(_zigzag(value), out)
    elif kind == _T_BINARY:
        data = value.encode("utf-8") if isinstance(value, str) else value
        _varint(len(data), out)
        out += data
    elif kind == _T_STRUCT:
        _struct(value, out)
    elif kind == _T_LIST:
        element, items = value
        if len(items) < 15:
            out.append((len(items) << 4) | element)
        else:
            out.append(0xF0 | element)
            _varint(len(items), out)
        for item in items:
            _value(element, item, out)
    else:
        raise ValueError(kind)


def _struct(fields, out):
    """fields: (id, type, value) in increasing id; booleans as type _T_TRUE with a bool value."""
    last = 0
    for fid, kind, value in fields:
        wire = (_T_TRUE if value else _T_FALSE) if kind == _T_TRUE else kind
        delta = fid - last
        if 0 < delta <= 15:
            out.append((delta << 4) | wire)
        else:
            out.append(wire)
            _varint(_zigzag(fid), out)
        last = fid
        if kind != _T_TRUE:
            _value(kind, value, out)
    out.append(0)


def _encode(fields):
    out = bytearray()
    _struct(fields, out)
    return bytes(out)


# ---------------------------------------------------------------- columns


class _Column:
    """One column's Parquet type and, per row group, its definition levels and PLAIN values."""

    def __init__(self, name, ptype, present, values, converted=None, logical=None):
        self.name = name
        self.ptype = ptype
        self.present = present  # bool array, one per row
        self.values = values  # callable(start, stop) -> bytes of the present values in rows [start, stop)
        self.converted = converted
        self.logical = logical

    def schema(self):
        fields = [(1, _T_I32, self.ptype), (3, _T_I32, _OPTIONAL), (4, _T_BINARY, self.name)]
        if self.converted is not None:
            fields.append((6, _T_I32, self.converted))
        if self.logical is not None:
            fields.append((10, _T_STRUCT, self.logical))
        return fields


def _fixed(name, ptype, array, present, converted=None, logical=None):
    """A column of fixed-width numbers (array holds a value in every row; absent ones ignored)."""
    array = np.ascontiguousarray(array)

    def values(start, stop):
        part = array[start:stop]
        keep = present[start:stop]
        return (part if keep.all() else part[keep]).tobytes()

    return _Column(name, ptype, present, values, converted, logical)


def _strings(name, texts, present):
    """A UTF-8 column from an object array of str (absent rows ignored)."""

    def values(start, stop):
        keep = present[start:stop]
        part = texts[start:stop][keep]
        pack = _LENGTH.pack
        return b"".join([x for s in part for b in (s.encode("utf-8"),) for x in (pack(len(b)), b)])

    return _Column(name, _BYTE_ARRAY, present, values, _UTF8, [(1, _T_STRUCT, [])])


def _records(name, records, present):
    """A UTF-8 column from a (rows, width) uint8 matrix of whole records (length prefix + text)."""

    def values(start, stop):
        part = records[start:stop]
        keep = present[start:stop]
        return (part if keep.all() else part[keep]).tobytes()

    return _Column(name, _BYTE_ARRAY, present, values, _UTF8, [(1, _T_STRUCT, [])])


def _digits(out, at, values, count):
    """Writes ``values`` as ``count`` ASCII digits into columns at..at+count of ``out``."""
    for k in range(count - 1, -1, -1):
        out[:, at + k] = 48 + values % 10
        values = values // 10


def _aware(name, col):
    """Tz-aware times as ISO 8601 local time with the UTC offset (``2024-03-31T03:00:00+02:00``),
    the digits computed by numpy: a million stamps in a fraction of a second."""
    utc = col.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[ns]")
    wall = col.dt.tz_localize(None).to_numpy("datetime64[ns]")
    present = ~np.isnat(utc)
    wall = np.where(present, wall, np.datetime64(0, "ns"))
    ns = wall.view("i8")
    unit = _frame.unit_of(ns[present])
    fraction = {"ms": 3, "us": 6}.get(unit, 0)
    width = 19 + (fraction + 1 if fraction else 0)
    year = wall.astype("M8[Y]")
    month = wall.astype("M8[M]")
    day = wall.astype("M8[D]")
    of_day = ns - day.astype("M8[ns]").view("i8")
    seconds = of_day // 10**9
    records = np.empty((len(col), 4 + width + 6), dtype=np.uint8)
    records[:, :4] = np.frombuffer(_LENGTH.pack(width + 6), dtype=np.uint8)
    text = records[:, 4:]
    _digits(text, 0, year.astype("i8") + 1970, 4)
    _digits(text, 5, (month - year.astype("M8[M]")).astype("i8") + 1, 2)
    _digits(text, 8, (day - month.astype("M8[D]")).astype("i8") + 1, 2)
    _digits(text, 11, seconds // 3600, 2)
    _digits(text, 14, seconds // 60 % 60, 2)
    _digits(text, 17, seconds % 60, 2)
    text[:, [4, 7]] = ord("-")
    text[:, 10] = ord("T")
    text[:, [13, 16]] = ord(":")
    if fraction:
        text[:, 19] = ord(".")
        _digits(text, 20, of_day % 10**9 // 10 ** (9 - fraction), fraction)
    offset = np.where(present, (ns - utc.view("i8")) // 10**9, 0)
    where, kinds = pd.factorize(offset)
    suffixes = np.frombuffer(b"".join(_frame.offset_text(k).encode() for k in kinds), dtype=np.uint8).reshape(-1, 6)
    text[:, width:] = suffixes[where]
    return _records(name, records, present)


def _categorical(name, col):
    """A categorical column: each label encoded once, rows by their codes."""
    labels = [str(c).encode("utf-8") for c in col.cat.categories]
    records = np.array([_LENGTH.pack(len(b)) + b for b in labels] + [b""], dtype=object)
    codes = col.cat.codes.to_numpy()
    present = codes >= 0

    def values(start, stop):
        part = codes[start:stop]
        return b"".join(records[part[part >= 0]])

    return _Column(name, _BYTE_ARRAY, present, values, _UTF8, [(1, _T_STRUCT, [])])


def _timestamp_unit(ns):
    if not (ns % 10**6).any():
        return 10**6, _TIMESTAMP_MILLIS, 1
    if not (ns % 10**3).any():
        return 10**3, _TIMESTAMP_MICROS, 2
    return 1, None, 3


def column(name, col):
    """The Parquet column for one DataFrame column."""
    dtype = col.dtype
    if pd.api.types.is_datetime64_dtype(dtype):
        values = col.to_numpy("datetime64[ns]")
        present = ~np.isnat(values)
        ns = values.view("i8")
        known = ns[present]
        if not (known % _DAY_NS).any():
            days = (ns // _DAY_NS).astype("<i4")
            return _fixed(name, _INT32, days, present, _DATE, [(6, _T_STRUCT, [])])
        div, converted, unit = _timestamp_unit(known)
        logical = [(8, _T_STRUCT, [(1, _T_TRUE, False), (2, _T_STRUCT, [(unit, _T_STRUCT, [])])])]
        return _fixed(name, _INT64, (ns // div).astype("<i8"), present, converted, logical)
    if isinstance(dtype, pd.DatetimeTZDtype):
        return _aware(name, col)
    if isinstance(dtype, pd.CategoricalDtype) and not (
        pd.api.types.is_datetime64_any_dtype(dtype.categories.dtype) or isinstance(dtype.categories.dtype, pd.PeriodDtype)
    ):
        return _categorical(name, col)
    if pd.api.types.is_bool_dtype(dtype):
        present = ~col.isna().to_numpy()
        return _fixed(name, _INT32, col.fillna(False).to_numpy(dtype="<i4"), present)
    if pd.api.types.is_float_dtype(dtype):
        values = col.to_numpy(dtype="<f8", na_value=np.nan)
        return _fixed(name, _DOUBLE, values, ~np.isnan(values))
    if pd.api.types.is_integer_dtype(dtype):
        present = ~col.isna().to_numpy()
        values = col.to_numpy(dtype="<i8", na_value=0) if not present.all() else col.to_numpy(dtype="<i8")
        return _fixed(name, _INT64, values, present)
    text = _frame.column_text(col)
    if text is col:  # text or anything else: as str
        present = ~col.isna().to_numpy()
        texts = np.array([str(v) for v in col.to_numpy(dtype=object)], dtype=object)
    else:
        texts = np.asarray(text, dtype=object)
        present = texts != ""
    return _strings(name, texts, present)


# ---------------------------------------------------------------- file


def _levels(present):
    """Definition levels (bit width 1) as one bit-packed run of the RLE/bit-packing hybrid."""
    groups = (len(present) + 7) // 8
    body = bytearray()
    _varint((groups << 1) | 1, body)
    body += np.packbits(present, bitorder="little").tobytes()
    return struct.pack("<I", len(body)) + bytes(body)


def write(df, path):
    """Writes ``df`` to ``path`` as Parquet; column names as str."""
    names = [str(c) for c in df.columns]
    columns = [column(n, df[c]) for n, c in zip(names, df.columns)]
    rows = len(df)
    groups = []
    with open(path, "wb") as f:
        f.write(b"PAR1")
        offset = 4
        for start in range(0, max(rows, 1), ROW_GROUP):
            stop = min(rows, start + ROW_GROUP)
            n = stop - start
            chunks = []
            group_bytes = 0
            for c in columns:
                body = _levels(c.present[start:stop]) + c.values(start, stop)
                header = _encode(
                    [
                        (1, _T_I32, 0),  # DATA_PAGE
                        (2, _T_I32, len(body)),
                        (3, _T_I32, len(body)),
                        (5, _T_STRUCT, [(1, _T_I32, n), (2, _T_I32, _PLAIN), (3, _T_I32, _RLE), (4, _T_I32, _RLE)]),
                    ]
                )
                f.write(header)
                f.write(body)
                size = len(header) + len(body)
                meta = [
                    (1, _T_I32, c.ptype),
                    (2, _T_LIST, (_T_I32, [_PLAIN, _RLE])),
                    (3, _T_LIST, (_T_BINARY, [c.name])),
                    (4, _T_I32, 0),  # UNCOMPRESSED
                    (5, _T_I64, n),
                    (6, _T_I64, size),
                    (7, _T_I64, size),
                    (9, _T_I64, offset),
                ]
                chunks.append([(2, _T_I64, offset), (3, _T_STRUCT, meta)])
                offset += size
                group_bytes += size
            groups.append([(1, _T_LIST, (_T_STRUCT, chunks)), (2, _T_I64, group_bytes), (3, _T_I64, n)])
            if rows == 0:
                break
        schema = [[(4, _T_BINARY, "schema"), (5, _T_I32, len(columns))]] + [c.schema() for c in columns]
        footer = _encode(
            [
                (1, _T_I32, 1),
                (2, _T_LIST, (_T_STRUCT, schema)),
                (3, _T_I64, rows),
                (4, _T_LIST, (_T_STRUCT, groups)),
                (6, _T_BINARY, "signalcheck python client"),
            ]
        )
        f.write(footer)
        f.write(struct.pack("<I", len(footer)))
        f.write(b"PAR1")

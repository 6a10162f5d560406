"""Keyword options to command-line arguments: ``known_ahead=["a", "b"]`` is ``--known-ahead=a,b``.

Nothing here knows the list of options: the command line judges them, so a new option works as
soon as the jar has it, and an unknown one is the command line's usage error.
"""

import datetime
import math
import numbers
import os

from ._errors import UsageError


def flag(key):
    """``known_ahead`` → ``--known-ahead``."""
    return "--" + str(key).strip("_").replace("_", "-")


def item(value):
    """One list item as text; in double quotes when it holds the separator."""
    text = scalar(value)
    if "," in text:
        if '"' in text:
            raise UsageError(f"the name {text!r} holds both a comma and a double quote; rename it")
        return f'"{text}"'
    return text


def scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        v = float(value)
        if not math.isfinite(v):
            raise UsageError(f"{v} is not a finite number")
        return repr(v)
    if isinstance(value, datetime.timedelta):
        return duration(value)
    if hasattr(value, "to_pytimedelta"):  # pandas Timedelta
        return duration(value.to_pytimedelta())
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return str(value)


def duration(td):
    ms = round(td.total_seconds() * 1000)
    if ms <= 0:
        raise UsageError(f"a step must be positive, not {td}")
    if ms % 86_400_000 == 0:
        return f"P{ms // 86_400_000}D"
    if ms % 1000 == 0:
        return f"PT{ms // 1000}S"
    return f"PT{ms / 1000:.3f}S"


def is_list(value):
    return isinstance(value, (list, tuple, set, frozenset)) or (
        hasattr(value, "tolist") and not isinstance(value, (str, bytes)) and getattr(value, "ndim", 0) == 1
    )


def to_args(options, columns=None):
    """Arguments for ``options``; True is a bare flag, False and None leave the option out.

    ``columns``: the DataFrame's column names, so that a single name holding a comma stays one name.
    """
    args = []
    for key, value in options.items():
        if value is None or value is False:
            continue
        name = flag(key)
        if value is True:
            args.append(name)
            continue
        if isinstance(value, dict):
            raise UsageError(f"option {key}: expected a value or a list, not a dict")
        if is_list(value):
            values = list(value.tolist() if hasattr(value, "tolist") else value)
            if not values:
                continue
            text = ",".join(item(v) for v in values)
        elif columns is not None and isinstance(value, str) and value in columns:
            text = item(value)
        else:
            text = scalar(value)
        # --name=value: a value starting with '-' (--min=-5) is not taken for an option
        args.append(f"{name}={text}")
    return args

"""signalcheck from Python: audit time series held in pandas DataFrames or files.

    import signalcheck as sc
    r = sc.audit(df, time="ts", id="sensor", target="value", horizon=48)
    r.series      # one row per series: verdict, skill, expected MASE, worst finding, …
    r.findings    # one row per finding, located in time
    r.models      # per series and model: MASE, sMAPE, RMSSE, …
    r             # in Jupyter: the HTML report

The work is done by the signalcheck command line (a Java program); see ``find_jar``.
"""

from . import ledger
from ._audit import audit
from ._errors import (
    FailOnError,
    InputError,
    InternalError,
    SetupError,
    SignalcheckError,
    UsageError,
)
from ._java import find_jar, find_java, version
from ._result import Result

__version__ = "0.1.0"

__all__ = [
    "audit",
    "ledger",
    "Result",
    "SignalcheckError",
    "UsageError",
    "InputError",
    "InternalError",
    "FailOnError",
    "SetupError",
    "find_jar",
    "find_java",
    "version",
]

"""Exceptions: one per exit code of the command line (see the contract's exit codes)."""


class SignalcheckError(Exception):
    """An audit that did not run. ``str(e)`` is the command line's one-line message.

    Attributes:
        exit_code: the command line's exit code (None when it did not run at all).
        stderr: everything the command line wrote on standard error.
    """

    def __init__(self, message, exit_code=None, stderr=""):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.stderr = stderr


class UsageError(SignalcheckError, ValueError):
    """Exit code 2: an unknown option, an unknown column or a bad option value."""


class InputError(SignalcheckError):
    """Exit code 3: the data cannot be read (missing file, no parseable rows, unknown format)."""


class InternalError(SignalcheckError):
    """Exit code 4: a bug in signalcheck; the message says what to report."""


class FailOnError(SignalcheckError):
    """Exit code 1: a finding at or above the ``fail_on`` level. ``result`` holds the report."""

    def __init__(self, message, result, stderr=""):
        super().__init__(message, exit_code=1, stderr=stderr)
        self.result = result


class SetupError(SignalcheckError):
    """No Java runtime or no signalcheck jar could be found, or Java could not start it."""

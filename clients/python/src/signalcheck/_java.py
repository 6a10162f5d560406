"""Finds the signalcheck jar and a Java runtime, runs the command line, maps exit codes."""

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from ._errors import InputError, InternalError, SetupError, SignalcheckError, UsageError

_PREFIX = "signalcheck: error: "
_BY_EXIT = {2: UsageError, 3: InputError, 4: InternalError}


def find_jar():
    """The signalcheck jar: ``SIGNALCHECK_JAR``, else the jar bundled when this package was built,
    else ``cli/target/signalcheck.jar`` of a signalcheck checkout that holds this package or the
    working directory."""
    env = os.environ.get("SIGNALCHECK_JAR")
    if env:
        p = Path(env).expanduser()
        if not p.is_file():
            raise SetupError(
                f"SIGNALCHECK_JAR is {env!r}, which is not a file; point it at signalcheck.jar "
                "(its lib/ folder beside it) or unset it"
            )
        return p
    bundled = Path(__file__).resolve().parent / "_java" / "signalcheck.jar"
    if bundled.is_file():
        return bundled
    seen = set()
    for start in (Path(__file__).resolve().parent, Path.cwd().resolve()):
        for d in (start, *start.parents):
            if d in seen:
                break
            seen.add(d)
            c = d / "cli" / "target" / "signalcheck.jar"
            if c.is_file():
                return c
    raise SetupError(
        "signalcheck.jar not found: set SIGNALCHECK_JAR to its path, or build it in the "
        "signalcheck checkout with './mvnw -B package -DskipTests -pl cli -am' and reinstall "
        "this package (the build bundles it)"
    )


def find_java():
    """``$JAVA_HOME/bin/java`` when JAVA_HOME is set, else ``java`` on the PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        for name in ("java", "java.exe"):
            p = Path(home) / "bin" / name
            if p.is_file():
                return str(p)
    found = shutil.which("java")
    if found:
        return found
    raise SetupError(
        "no Java runtime found: install Java 17 or later (Debian: openjdk-17-jre-headless) "
        "or set JAVA_HOME"
    )


def run(args, cwd=None):
    """Runs ``signalcheck ARGS``; returns the finished process (stdout and stderr as text)."""
    java = find_java()
    jar = find_jar()
    opts = shlex.split(os.environ.get("SIGNALCHECK_JAVA_OPTS", ""))
    cmd = [java, *opts, "-jar", str(jar), *[str(a) for a in args]]
    try:
        proc = subprocess.run(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            check=False,
        )
    except OSError as e:
        raise SetupError(f"cannot start {java}: {e}") from e
    proc.stdout = proc.stdout.decode("utf-8", errors="replace")
    proc.stderr = proc.stderr.decode("utf-8", errors="replace")
    return proc


def error_line(stderr):
    """The command line's one-line error message, without its ``signalcheck: error:`` prefix."""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    for ln in reversed(lines):
        if ln.startswith(_PREFIX):
            return ln[len(_PREFIX) :].strip()
    return lines[-1].strip() if lines else "no message"


def raise_for(proc):
    """Raises the exception of the process's exit code (2, 3, 4, or any other failure)."""
    code = proc.returncode
    if code == 0:
        return
    message = error_line(proc.stderr)
    cls = _BY_EXIT.get(code)
    if cls is None:
        has_line = any(ln.startswith(_PREFIX) for ln in proc.stderr.splitlines())
        cls = SignalcheckError if has_line else SetupError
        if not has_line:
            message = f"Java did not run signalcheck (exit {code}): {message}"
    raise cls(message, exit_code=code, stderr=proc.stderr)


def version():
    """The version line of the signalcheck jar in use, e.g. ``signalcheck 0.1.0``."""
    proc = run(["--version"])
    raise_for(proc)
    return proc.stdout.splitlines()[0].strip()

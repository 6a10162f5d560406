#!/usr/bin/env bash
# Tests the Python and R clients against the built command line: installs each package the way a
# user would (pip, R CMD INSTALL; nothing downloaded) into target/, then runs its tests. A language
# whose tools are missing here is skipped, saying what to install.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
jar="${SIGNALCHECK_JAR:-$repo/cli/target/signalcheck.jar}"
work="$here/target"
if [ ! -f "$jar" ]; then
  echo "clients: $jar is not built; run ./mvnw -B package -DskipTests -pl cli -am first" >&2
  exit 1
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
rm -rf "$work/python" "$work/python-src" "$work/rlib" "$work/r-src"
mkdir -p "$work"
status=0

py="${PYTHON:-/usr/bin/python3}"
command -v "$py" >/dev/null 2>&1 || py=python3
if "$py" -c 'import pandas, numpy, pytest, setuptools' >/dev/null 2>&1 \
  && "$py" -m pip --version >/dev/null 2>&1; then
  echo "clients: Python tests ($("$py" --version 2>&1), pandas $("$py" -c 'import pandas; print(pandas.__version__)'))"
  cp -r "$here/python" "$work/python-src"
  rm -rf "$work/python-src/build" "$work/python-src"/src/*.egg-info
  SIGNALCHECK_JAR="$jar" "$py" -m pip install -q --disable-pip-version-check --no-build-isolation \
    --no-index --no-deps --target "$work/python" "$work/python-src" 2>&1 | grep -v "Running pip as the 'root' user" || true
  if [ ! -f "$work/python/signalcheck/_java/signalcheck.jar" ]; then
    echo "clients: the Python package did not bundle signalcheck.jar" >&2
    exit 1
  fi
  (cd "$here/python" && env -u SIGNALCHECK_JAR PYTHONPATH="$work/python" \
    "$py" -m pytest -q -p no:cacheprovider tests) || status=1
else
  echo "clients: Python tests skipped: $py lacks pandas, numpy, pytest, pip or setuptools (Debian: python3-pandas python3-pytest python3-pip)"
fi

if command -v Rscript >/dev/null 2>&1 \
  && Rscript -e 'quit(status = !all(c("jsonlite", "testthat") %in% rownames(installed.packages())))' >/dev/null 2>&1; then
  echo "clients: R tests ($(Rscript -e 'cat(R.version.string)' 2>&1))"
  cp -r "$here/r" "$work/r-src"
  mkdir -p "$work/rlib"
  SIGNALCHECK_JAR="$jar" R CMD INSTALL --no-multiarch -l "$work/rlib" "$work/r-src" >"$work/r-install.log" 2>&1 \
    || { cat "$work/r-install.log" >&2; exit 1; }
  if [ ! -f "$work/rlib/signalcheck/java/signalcheck.jar" ]; then
    echo "clients: the R package did not bundle signalcheck.jar" >&2
    exit 1
  fi
  (cd "$here/r/tests" && env -u SIGNALCHECK_JAR R_LIBS="$work/rlib" Rscript -e '
    library(testthat); library(signalcheck)
    res <- as.data.frame(test_dir("testthat", reporter = "summary", stop_on_failure = FALSE))
    failed <- sum(res$failed) + sum(res$error)
    cat(sprintf("testthat: %d passed, %d failed, %d skipped\n", sum(res$passed), failed, sum(res$skipped)))
    quit(status = if (failed > 0) 1 else 0)') || status=1
else
  echo "clients: R tests skipped: Rscript with jsonlite and testthat not found (Debian: r-base-core r-cran-jsonlite r-cran-testthat)"
fi
exit "$status"

"""The example notebook runs headless, top to bottom, and shows the report inline."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import signalcheck as sc

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "quickstart.ipynb"
NBCONVERT = shutil.which("jupyter-nbconvert")


@pytest.mark.skipif(
    NBCONVERT is None,
    reason="jupyter-nbconvert is not installed (Debian: jupyter-nbconvert python3-ipykernel)",
)
def test_the_example_notebook_executes(tmp_path):
    env = dict(os.environ)
    package_root = str(Path(sc.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    executed = tmp_path / "executed.ipynb"
    proc = subprocess.run(
        [
            NBCONVERT, "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300",
            "--output", str(executed), str(NOTEBOOK),
        ],  # fmt: skip
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    nb = json.loads(executed.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    outputs = [o for c in code for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    series_table = "".join(code[0]["outputs"][0]["data"]["text/plain"])
    assert "PT5M" in series_table and "none" in series_table
    printed = "".join(code[4]["outputs"][0]["text"])
    assert printed.startswith("column 'valeu' (--target) not found in dataframe.parquet")
    report = "".join(code[-1]["outputs"][0]["data"]["text/html"])
    assert report.startswith('<iframe sandbox="allow-scripts" ')
    assert "srcdoc=" in report and "Content-Security-Policy" in report

"""Bad calls raise the exception of the command line's exit code, with its one-line message."""

import subprocess

import pandas as pd
import pytest

import signalcheck as sc
from signalcheck import _java
from conftest import cli_error, data

EC2 = data("nab/ec2_request_latency_system_failure.csv")


def one_line(e):
    text = str(e)
    assert "\n" not in text and "\tat " not in text and "Exception" not in text
    return text


@pytest.mark.parametrize(
    "options, cli_args",
    [
        ({"horizn": 5}, ["--horizn=5"]),
        ({"horizon": 0}, ["--horizon=0"]),
        ({"origins": "many"}, ["--origins=many"]),
        ({"target": "valu"}, ["--target=valu"]),
        ({"models": ["ets", "prophet"]}, ["--models=ets,prophet"]),
        ({"step": "five minutes"}, ["--step=five minutes"]),
    ],
)
def test_usage_errors_carry_the_command_lines_message(options, cli_args):
    with pytest.raises(sc.UsageError) as caught:
        sc.audit(EC2, **options)
    code, message = cli_error(EC2, *cli_args)
    assert caught.value.exit_code == code == 2
    assert one_line(caught.value) == message
    assert caught.value.stderr.startswith("signalcheck: error: ")


def test_an_unknown_column_of_a_dataframe_names_its_columns():
    df = pd.read_csv(EC2, parse_dates=["timestamp"])
    with pytest.raises(sc.UsageError) as caught:
        sc.audit(df, time="timestamp", target="valeu")
    assert one_line(caught.value) == (
        "column 'valeu' (--target) not found in dataframe.parquet; columns are: timestamp, value "
        "(did you mean 'value'?)"
    )


def test_input_errors(tmp_path):
    with pytest.raises(sc.InputError) as caught:
        sc.audit(tmp_path / "missing.csv")
    assert caught.value.exit_code == 3
    code, message = cli_error(tmp_path / "missing.csv")
    assert (code, one_line(caught.value)) == (3, message)

    with pytest.raises(sc.InputError) as empty:
        sc.audit(pd.DataFrame({"ts": pd.to_datetime([]), "v": []}), name="empty")
    assert one_line(empty.value) == "empty.parquet has a header but no data rows; nothing to audit"

    other = tmp_path / "other.csv"
    other.write_text("time,value\n1,2\n", encoding="utf-8")
    with pytest.raises(sc.InputError, match="must share one header"):
        sc.audit([EC2, other])


def test_bad_arguments_in_python_are_usage_errors(tmp_path):
    with pytest.raises(sc.UsageError, match="not dict"):
        sc.audit({"a": [1]})
    with pytest.raises(sc.UsageError, match="list of files is empty"):
        sc.audit([])
    with pytest.raises(sc.UsageError, match="audit a Parquet or JSON file on its own"):
        sc.audit([EC2, tmp_path / "b.parquet"])
    with pytest.raises(sc.UsageError, match="expected a value or a list"):
        sc.audit(EC2, models={"ets": 1})
    with pytest.raises(sc.UsageError, match="not a finite number"):
        sc.audit(EC2, min=float("nan"))
    # a UsageError is a ValueError, so generic handlers catch it too
    assert issubclass(sc.UsageError, ValueError)


def test_fail_on_raises_with_the_report(tmp_path):
    with pytest.raises(sc.FailOnError) as caught:
        sc.audit(data("nab/ambient_temperature_system_failure.csv"), fail_on="warning", models=["naive"])
    result = caught.value.result
    assert caught.value.exit_code == 1
    assert result.summary["findings"]["warning"] > 0
    assert "time.gap" in set(result.findings["check"])
    # below the level: a plain result
    assert sc.audit(data("nab/ambient_temperature_system_failure.csv"), fail_on="critical", models=["naive"]).exit_code == 0


def test_each_exit_code_has_its_exception():
    def finished(code, err):
        return subprocess.CompletedProcess([], code, "", err)

    bug = "signalcheck: error: internal error (IllegalStateException: x); this is a bug: please report it"
    for code, cls in [(2, sc.UsageError), (3, sc.InputError), (4, sc.InternalError)]:
        with pytest.raises(cls) as caught:
            _java.raise_for(finished(code, "warning: something\n" + bug + "\n"))
        assert str(caught.value) == bug[len("signalcheck: error: ") :]
        assert caught.value.exit_code == code
    with pytest.raises(sc.SetupError, match="Java did not run signalcheck"):
        _java.raise_for(finished(1, "Error: Unable to access jarfile x.jar\n"))


def test_no_jar_or_no_java_is_a_setup_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNALCHECK_JAR", str(tmp_path / "none.jar"))
    with pytest.raises(sc.SetupError, match="SIGNALCHECK_JAR"):
        sc.audit(EC2)
    monkeypatch.delenv("SIGNALCHECK_JAR")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(sc.SetupError, match="no Java runtime found"):
        sc.audit(EC2)


def test_a_jar_named_by_the_environment_is_used(monkeypatch):
    jar = sc.find_jar()
    monkeypatch.setenv("SIGNALCHECK_JAR", str(jar))
    assert sc.find_jar() == jar
    assert sc.version().startswith("signalcheck ")

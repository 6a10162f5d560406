"""The ledger as DataFrames: every audit from Python is recorded, and sc.ledger reads it back."""

import pandas as pd
import pytest

import signalcheck as sc
from conftest import data

EC2 = data("nab/ec2_request_latency_system_failure.csv")
# what is recorded matters here, not the model search
FEW_MODELS = ["naive", "seasonal-naive"]


def test_an_audit_from_python_is_a_run_in_its_project(tmp_path):
    ledger = tmp_path / "team.db"
    r = sc.audit(EC2, models=FEW_MODELS, project="latency", ledger=str(ledger))
    runs = sc.ledger.runs(project="latency", ledger=str(ledger))
    assert len(runs) == 1
    run = runs.iloc[0]
    assert run["project"] == "latency"
    assert run["series"] == r.summary["series"]
    assert run["strong"] + run["weak"] + run["none"] + run["insufficientData"] == run["series"]
    assert run["source"].endswith("ec2_request_latency_system_failure.csv")


def test_the_same_audit_twice_is_one_run(tmp_path):
    ledger = str(tmp_path / "team.db")
    sc.audit(EC2, models=FEW_MODELS, project="latency", ledger=ledger)
    sc.audit(EC2, models=FEW_MODELS, project="latency", ledger=ledger)
    sc.audit(EC2, models=["naive"], project="latency", ledger=ledger)
    runs = sc.ledger.runs(project="latency", ledger=ledger)
    # the second call repeats the first (same input, settings, version); the third changed the models
    assert len(runs) == 2
    assert runs["id"].is_unique
    assert pd.Series(runs["id"]).is_monotonic_decreasing  # newest first


def test_projects_put_the_team_beside_the_reference_population(tmp_path):
    ledger = str(tmp_path / "team.db")
    sc.audit(EC2, models=FEW_MODELS, project="latency", ledger=ledger)
    projects = sc.ledger.projects(ledger=ledger)
    names = list(projects["name"])
    assert "latency" in names
    refs = projects[projects["reference"]]
    assert len(refs) >= 5  # M4 Hourly and Weekly, M3 Yearly, Quarterly and Other
    mine = projects[projects["name"] == "latency"].iloc[0]
    assert not mine["reference"]
    assert mine["runs"] == 1
    shares = mine[["shareStrong", "shareWeak", "shareNone", "shareInsufficientData"]]
    assert shares.sum() == pytest.approx(1.0)


def test_no_ledger_records_nothing(tmp_path):
    ledger = str(tmp_path / "team.db")
    sc.audit(EC2, models=FEW_MODELS, project="latency", ledger=ledger)
    sc.audit(EC2, models=["naive"], project="other", ledger=ledger, no_ledger=True)
    assert list(sc.ledger.runs(ledger=ledger)["project"]) == ["latency"]


def test_an_unknown_project_is_an_input_error(tmp_path):
    ledger = str(tmp_path / "team.db")
    sc.audit(EC2, models=FEW_MODELS, project="latency", ledger=ledger)
    with pytest.raises(sc.SignalcheckError) as caught:
        sc.ledger.runs(project="latencyy", ledger=ledger)
    assert "latencyy" in str(caught.value)
    assert "\n" not in str(caught.value)

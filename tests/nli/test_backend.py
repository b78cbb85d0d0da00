"""Backends: checksum verification, label maps, lazy imports; real-model checks are marked."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from checker.nli.backend import ChecksumError, HFNLIModel, shipped_model_dir, verify_checksums


def test_checksum_mismatch_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    good = hashlib.sha256(b"weights").hexdigest()
    (tmp_path / "SHA256SUMS").write_text(f"{good}  model.safetensors\n")
    verify_checksums(tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"tampered")
    with pytest.raises(ChecksumError, match="does not match"):
        verify_checksums(tmp_path)


def test_missing_sums_file_refuses(tmp_path: Path) -> None:
    with pytest.raises(ChecksumError, match="missing"):
        verify_checksums(tmp_path)


def test_label_map_needs_contradiction() -> None:
    assert (
        HFNLIModel._label_names({0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"})[2]
        == "contradiction"
    )
    with pytest.raises(ValueError, match="contradiction"):
        HFNLIModel._label_names({0: "LABEL_0", 1: "LABEL_1"})


def test_importing_nli_code_does_not_import_torch() -> None:
    code = (
        "import sys; import checker.nli.backend, checker.nli.datagen, checker.nli.contradict, "
        "checker.nli.hub, checker.rules.contradiction, checker.rules.offtopic; "
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_shipped_checkpoint_matches_its_sums() -> None:
    directory = shipped_model_dir()
    if not (directory / "SHA256SUMS").is_file():
        pytest.skip("no shipped checkpoint in this checkout")
    verify_checksums(directory)


@pytest.mark.model
def test_shipped_model_separates_contradiction_from_paraphrase() -> None:
    model = HFNLIModel()
    leave = "More than 1,000 U.S. troops will leave Niger in the coming months."
    results = model.predict(
        [
            ("The council approved the stadium plan on Monday.",
             "The council threw out the stadium plan on Monday."),
            (leave, "American soldiers are going to depart from Niger."),
        ]
    )
    assert results[0]["contradiction"] > 0.5
    assert results[1]["contradiction"] < 0.5
    assert abs(sum(results[0].values()) - 1.0) < 1e-4

"""The test command also runs the linters: ruff over the repository, mypy over the package and the import contracts
(import-linter), all as configured in pyproject.toml. They use their caches, so a repeated run takes a second or
two."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=900,
                          check=False)


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", "--no-cache", "--no-fix", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-logo"], cwd=ROOT, capture_output=True, text=True, timeout=900,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_layers_contract_names_every_module_of_the_shared_soap_edge() -> None:
    """A new module in ``wms_soap/soap/`` must take its place in the layers (else nothing keeps it below the faces)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    [layers] = [contract["layers"] for contract in config["contracts"] if contract["id"] == "layers"]
    named = {tail.strip("() ") for layer in layers for tail in layer.replace("|", ":").split(":")}
    soap = ROOT / "wms_soap" / "soap"
    modules = {f"soap.{path.stem}" for path in soap.glob("*.py") if path.stem != "__init__"}
    faces = {f"soap.{path.name}" for path in soap.iterdir() if (path / "__init__.py").exists()}
    assert modules <= named and faces <= named, sorted((modules | faces) - named)
    [edge] = [contract["source_modules"] for contract in config["contracts"]
              if contract["id"] == "soap-edge-without-services"]
    assert {module.removeprefix("wms_soap.") for module in edge} == modules

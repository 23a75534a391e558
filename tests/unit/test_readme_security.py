"""The README's list of which operations answer a body-credential failure in-band and which with a fault is derived
from the operation table; this test keeps the two in step."""

import re
from pathlib import Path

from wms_soap.soap.service.contract import OPERATIONS
from wms_soap.soap.service.dispatch import in_band_error_factory

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start, end = text.index("<!-- BEGIN security (H3) -->"), text.index("<!-- END security (H3) -->")
    return text[start:end]


def listed(after: str, before: str) -> set[str]:
    text = section()
    chunk = text[text.index(after) : text.index(before, text.index(after))]
    return set(re.findall(r"\b((?:Get|Process|Update|Upload|Set|Report)[A-Za-z]+)\b", chunk.split(":", 1)[1]))


def test_readme_lists_match_the_operation_table() -> None:
    needing_auth = [op for op in OPERATIONS if op.needs_auth]
    in_band = {op.name for op in needing_auth if in_band_error_factory(op) is not None}
    faults = {op.name for op in needing_auth} - in_band
    assert listed("answered **in-band**", "and with a SOAP") == in_band
    assert listed("**Client fault**", "(`tests/unit") == faults

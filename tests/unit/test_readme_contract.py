"""The README's list of implemented SOAP operations is the list of registered handlers."""

import re
from pathlib import Path

from wms_soap.soap.service import handlers  # noqa: F401  (registers every handler)
from wms_soap.soap.service.contract import BY_NAME
from wms_soap.soap.service.dispatch import registered_handlers

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_block() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- BEGIN soap contract \(H2\) -->(.*)<!-- END soap contract \(H2\) -->", text, re.DOTALL)
    assert found is not None, "README.md lost its SOAP contract section"
    return found.group(1)


def test_the_readme_lists_exactly_the_implemented_operations() -> None:
    listed_part = _readme_block().split("**Implemented operations**", 1)[1]
    listed = set(re.findall(r"`(\w+)`", listed_part))
    implemented = set(registered_handlers())
    assert listed <= set(BY_NAME), f"not operations of the contract: {sorted(listed - set(BY_NAME))}"
    assert sorted(implemented - listed) == [], "implemented but missing from README.md's list"
    assert sorted(listed - implemented) == [], "listed in README.md but without a handler"

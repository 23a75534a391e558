"""Who does a write on the Automation API: the automation user (the integration) and the operator, the physical
person running the equipment ("Karl", never a generic "Gate 1"; Ongoing's usage policy). A write that names no
operator is refused before anything happens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from wms_soap.errors import ValidationFailed
from wms_soap.security.principal import Principal

OPERATOR_LENGTH = 200


class OperatorNotSpecified(ValidationFailed):
    """A write named no operator."""


@dataclass(frozen=True)
class Actor:
    """An automation user acting for an operator, at one moment (every row the write touches gets the same time)."""

    principal: Principal
    operator: str
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __str__(self) -> str:
        return f"{self.operator} (automation user {self.principal.username})"


def acting(principal: Principal, operator: str | None, element: str) -> Actor:
    """The actor of a write whose ``element`` (``MovedByUser``, ...) named ``operator``."""
    name = (operator or "").strip()
    if not name:
        raise OperatorNotSpecified(f"{element}/UserName is required: name the person operating the equipment")
    if len(name) > OPERATOR_LENGTH:
        raise ValidationFailed(f"{element}/UserName is longer than {OPERATOR_LENGTH} characters")
    return Actor(principal, name)

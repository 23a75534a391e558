"""The ``...From``/``...To`` bounds of the search operations, as SQL conditions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement


def inclusive(column: Any, low: Any, high: Any) -> list[ColumnElement[bool]]:
    """``low <= column <= high``; a bound that is None is left out."""
    conditions: list[ColumnElement[bool]] = []
    if low is not None:
        conditions.append(column >= low)
    if high is not None:
        conditions.append(column <= high)
    return conditions

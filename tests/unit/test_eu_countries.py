"""IsEuCountry is computed from the country code wherever an answer shows it, from one list (services.countries)."""

from typing import Any

import pytest

from wms_soap.services.countries import is_eu_country
from wms_soap.soap.service.convert import inbound_shipments, inorder_details, orders_out, shipments


class Row:
    """A row whose unnamed columns are empty."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> None:
        return None


@pytest.mark.parametrize(("code", "expected"), [("SE", True), ("de", True), (" FI ", True), ("NO", False),
                                                ("GB", False), ("US", False), (None, None), ("", None)])
def test_the_eu_list(code: str | None, expected: bool | None) -> None:
    assert is_eu_country(code) is expected


@pytest.mark.parametrize(("code", "expected"), [("SE", True), ("NO", False)])
def test_an_orders_consignee(code: str, expected: bool) -> None:
    consignee = orders_out.consignee(Row(customer_id=7, consignee_name="Kund", consignee_country_code=code))
    assert consignee is not None and consignee.IsEuCountry is expected


@pytest.mark.parametrize(("code", "expected"), [("DK", True), ("CH", False)])
def test_a_shipments_consignee(code: str, expected: bool) -> None:
    consignee = shipments._consignee(Row(consignee_name="Kund", consignee_country_code=code))  # type: ignore[arg-type]
    assert consignee is not None and consignee.IsEuCountry is expected


@pytest.mark.parametrize(("code", "expected"), [("NL", True), ("NO", False), (None, None)])
def test_an_in_orders_supplier_address(code: str | None, expected: bool | None) -> None:
    address = inorder_details.address_class(Row(name="Lev", country_code=code))  # type: ignore[arg-type]
    assert address.IsEuCountry is expected


def test_inbound_shipments_use_the_same_list() -> None:
    assert inbound_shipments.is_eu_country is is_eu_country

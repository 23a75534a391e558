"""Lenient input, exact output: captured and hand-written envelopes replayed against a real server.

The handlers here only record what the edge parsed and answer fixed results, so each test is about the wire: how
.NET, PHP SoapClient, node soap and zeep send requests (and what a hand-typed envelope looks like), and how the
answers are written (sequence order, value types always present, xsi:nil for null nillable elements, null strings
and complex types left out).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tests.functional.soap_server import SOAP12_CONTENT_TYPE, SoapServer, no_database, serve_soap, wire_only_settings
from wms_soap.security.authenticator import Credentials
from wms_soap.security.policy import GoodsOwnerClaim
from wms_soap.security.principal import Principal
from wms_soap.soap.primitives import MIN_DATETIME, TNS
from wms_soap.soap.service.dispatch import Call
from wms_soap.soap.service.types.common import ArticleClass, ArticleNameClass, ArticleNames, FileResultClass
from wms_soap.soap.service.types.inventory import InventoryLine, InventoryLineDetailed, InventoryResult
from wms_soap.soap.service.types.orders import GetOrdersResult, UpdateOrderResult

REPO = Path(__file__).resolve().parents[2]
ENVELOPES = REPO / "tests" / "fixtures" / "envelopes"
SCHEMA = REPO / "schema" / "service.xsd"
SOAP11_BODY = "{http://schemas.xmlsoap.org/soap/envelope/}Body"
SOAP12_BODY = "{http://www.w3.org/2003/05/soap-envelope}Body"
ACME = Principal(kind="api", user_id=1, username="WSI-acme", goods_owner_id=1, goods_owner_code="ACME")


@dataclass
class Recorder:
    """What the handlers saw: operation name -> wire arguments; and the credentials of the last call."""

    calls: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    credentials: Credentials | None = None

    def authenticate(self, ctx: Any, operation: str) -> Principal:
        self.credentials = ctx.udc.credentials
        return ACME

    def handlers(self) -> dict[str, Any]:
        def get_orders_by_query(call: Call, query: Any) -> GetOrdersResult:
            self.calls["GetOrdersByQuery"] = (query,)
            return GetOrdersResult()

        def process_order(call: Call, co: Any) -> FileResultClass:
            self.calls["ProcessOrder"] = (co,)
            return FileResultClass(Success=True, OrderId=42, GoodsOwnerOrderNumber=co.OrderInfo.GoodsOwnerOrderNumber)

        def process_article(call: Call, art: Any) -> FileResultClass:
            self.calls["ProcessArticle"] = (art,)
            return FileResultClass(Success=True, ArticleDefId=7)

        def get_inventory_by_query(call: Call, query: Any) -> InventoryResult:
            self.calls["GetInventoryByQuery"] = (query,)
            return _inventory()

        def update_order(call: Call, update: Any) -> UpdateOrderResult:
            self.calls["UpdateOrder"] = (update,)
            return UpdateOrderResult(Success=True, OrderId=None)

        return {"GetOrdersByQuery": get_orders_by_query, "ProcessOrder": process_order,
                "ProcessArticle": process_article, "GetInventoryByQuery": get_inventory_by_query,
                "UpdateOrder": update_order}


def _inventory() -> InventoryResult:
    plain = InventoryLine(Article=ArticleClass(SystemId=7, ArticleNumber="ART-1"), NumberOfItems=3,
                          NumberOfLockedItems=Decimal("1E+2"))
    detailed = InventoryLineDetailed(Article=ArticleClass(SystemId=None, Name="Blue mug"), LastInDate=datetime(
        2024, 5, 6, 7, 8, 9), ArticleNames=ArticleNames(ArticleName=[ArticleNameClass(ArticleName="Mugg")]))
    return InventoryResult(InventoryLines=[plain, detailed], GoodsOwnerId=1)


@pytest.fixture(scope="module")
def module_recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def recorder(module_recorder: Recorder) -> Recorder:
    module_recorder.calls.clear()
    module_recorder.credentials = None
    return module_recorder


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, module_recorder: Recorder) -> Iterator[SoapServer]:
    """One wire-only server for the module: the handlers record, they never touch the database."""
    with serve_soap(wire_only_settings(tmp_path_factory.mktemp("wire")), no_database(), contract_only=True,
                    handler_map=module_recorder.handlers(), auth_hook=module_recorder.authenticate) as running:
        yield running


def _replay(server: SoapServer, name: str, operation: str, *, soap12: bool = False) -> etree._Element:
    """POST a stored envelope; return the first child of the answer's Body."""
    body = (ENVELOPES / name).read_bytes()
    if soap12:
        response = server.post(body, content_type=f'{SOAP12_CONTENT_TYPE}; action="{TNS}/{operation}"')
    else:
        response = server.post(body, soap_action=f'"{TNS}/{operation}"')
    assert response.status_code == 200, response.text
    answer = etree.fromstring(response.content).find(SOAP12_BODY if soap12 else SOAP11_BODY)
    assert answer is not None, response.text
    return answer[0]


def _canonical(xml: str | bytes) -> str:
    text = xml.decode("utf-8") if isinstance(xml, bytes) else xml
    return etree.canonicalize(text, rewrite_prefixes=True, strip_text=True)


# --- lenient input -----------------------------------------------------------------------------------------------

def test_dotnet_nil_filters_are_none_and_set_values_arrive(server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "dotnet_get_orders_by_query.xml", "GetOrdersByQuery")
    (query,) = recorder.calls["GetOrdersByQuery"]
    assert (query.DeliveryDateFrom, query.LastUpdatedTo, query.PickOrderIdTo) == (None, None, None)
    assert (query.OrderStatusFrom, query.MaxOrdersToGet, query.OrderIdFrom) == (200, 50, 1000)
    assert recorder.credentials == Credentials("WSI-acme", "s3cret-Pass", goods_owner=GoodsOwnerClaim(code="ACME"))


def test_dotnet_value_type_defaults_and_first_enum_values(server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "dotnet_process_order.xml", "ProcessOrder")
    (order,) = recorder.calls["ProcessOrder"]
    info = order.OrderInfo
    assert (info.OrderIdentification, info.OrderOperation) == ("ExternalOrderCode", "Create")
    assert (info.GoodsOwnerOrderNumber, info.DeliveryDate) == ("SO-1001", datetime(2024, 5, 6))
    lines = order.CustomerOrderLines
    assert [(x.ArticleNumber, x.NumberOfItems, x.SubOrderLineSpecification) for x in lines] == [
        ("ART-1", Decimal("2"), None), ("ART-2", Decimal("1.5"), None)]
    assert {x.OrderLineIdentification for x in lines} == {"ExternalOrderLineCode"}


def test_php_soapclient_prefixes_unwrapped_lists_attribute_and_exponent_decimal(
        server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "php_soapclient_process_article.xml", "ProcessArticle")
    (art,) = recorder.calls["ProcessArticle"]
    assert (art.ArticleOperation, art.ArticleIdentification, art.ArticleNumber) == (
        "CreateOrUpdate", "ArticleNumber", "ART-1")
    assert (art.Weight, art.Price, art.IsStockArticle) == (Decimal("0.35"), Decimal("100"), True)
    assert [(n.Language.LanguageCode, n.ArticleName) for n in art.ArticleNames.ArticleName] == [("sv", "Blå mugg"),
                                                                                     ("en", "Blue mug")]
    structure = art.ArticleStructureSpecification
    assert structure.ArticleStructureType == "StructureArticle"
    assert [d.NumberOfItems for d in structure.StructureArticleDefinition] == [Decimal("2")]


def test_node_soap_date_only_values_in_datetime_fields(server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "node_soap_get_orders_by_query.xml", "GetOrdersByQuery")
    (query,) = recorder.calls["GetOrdersByQuery"]
    assert query.DeliveryDateFrom == datetime(2024, 5, 1)
    assert query.DeliveryDateTo == datetime(2024, 5, 31, 23, 59, 59)
    assert (query.OrderNumbersToGet, query.MaxOrdersToGet) == (["SO-1001", "SO-1002"], 10)


def test_zeep_request(server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "zeep_get_inventory_by_query.xml", "GetInventoryByQuery")
    (query,) = recorder.calls["GetInventoryByQuery"]
    assert (query.ArticleNumbersToGet, query.MaxArticlesToGet, query.ArticleSystemIdFrom) == (
        ["ART-1", "ART-2"], 100, 34293)
    assert query.SpecialFilters.OnlyArticlesInStock is True


def test_tns_prefixes_any_order_and_unknown_elements(server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "raw_tns_prefix_any_order_unknown_elements.xml", "GetInventoryByQuery")
    (query,) = recorder.calls["GetInventoryByQuery"]
    assert (query.ArticleSystemIdFrom, query.MaxArticlesToGet, query.ArticleNumbersToGet) == (34293, 1, ["ART-9"])
    assert query.SpecialFilters.OnlyArticlesInStock is True
    assert recorder.credentials == Credentials("WSI-acme", "s3cret-Pass", goods_owner=GoodsOwnerClaim(code="ACME"))


def test_default_namespace_missing_required_elements_and_empty_strings(server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "raw_default_namespace_missing_required_empty_strings.xml", "ProcessOrder")
    (order,) = recorder.calls["ProcessOrder"]
    info = order.OrderInfo
    assert (info.OrderIdentification, info.OrderOperation, info.DeliveryDate) == (
        "ExternalOrderCode", "Create", MIN_DATETIME)
    assert (info.GoodsOwnerOrderNumber, info.OrderRemark, info.WayOfDelivery) == ("SO-2001", "", "")
    (line,) = order.CustomerOrderLines
    assert (line.ArticleNumber, line.OrderLineComment, line.NumberOfItems) == ("ART-1", "", Decimal(0))


def test_utf16_declared_in_a_utf8_body(server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "postman_utf16_declared_process_order.xml", "ProcessOrder")
    (order,) = recorder.calls["ProcessOrder"]
    assert order.OrderInfo.OrderRemark == "Åsa Öberg, Malmö"
    assert order.OrderInfo.OrderIdentification == "GoodsOwnerOrderNumber"


def test_soap12_offsets_utc_and_seven_fraction_digits(server: SoapServer, recorder: Recorder) -> None:
    _replay(server, "dotnet_soap12_get_orders_by_query.xml", "GetOrdersByQuery", soap12=True)
    (query,) = recorder.calls["GetOrdersByQuery"]
    assert query.ShippedTimeFrom == datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=1)))
    assert query.ShippedTimeTo == datetime(2024, 1, 31, 23, tzinfo=UTC)
    assert query.LastUpdatedFrom == datetime(2024, 1, 15, 10, 20, 30, 123457)
    assert (query.OrderStatusFrom, query.DeliveryDateFrom) == (None, None)


def test_a_bare_style_operation_reads_like_any_other(server: SoapServer, recorder: Recorder) -> None:
    answer = _replay(server, "postman_update_order.xml", "UpdateOrder")
    (update,) = recorder.calls["UpdateOrder"]
    identification = update.OrderUpdateIdentification
    assert (identification.GoodsOwnerOrderNumber, identification.OrderId) == ("SO-1001", None)
    assert update.UpdateOrderStatus.OrderStatus == 300
    assert recorder.credentials == Credentials("WSI-acme", "s3cret-Pass", goods_owner=GoodsOwnerClaim(code="ACME"))
    expected = f"""
        <UpdateOrderResponse xmlns="{TNS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <UpdateOrderResult><Success>true</Success><OrderId xsi:nil="true"/></UpdateOrderResult>
        </UpdateOrderResponse>"""
    assert _canonical(etree.tostring(answer)) == _canonical(expected)


# --- exact output ------------------------------------------------------------------------------------------------

def test_answer_in_sequence_order_with_value_types_nil_and_omissions(server: SoapServer) -> None:
    answer = _replay(server, "dotnet_process_order.xml", "ProcessOrder")
    expected = f"""
        <ProcessOrderResponse xmlns="{TNS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <ProcessOrderResult>
            <GoodsOwnerOrderNumber>SO-1001</GoodsOwnerOrderNumber>
            <OrderId>42</OrderId>
            <InOrderId>0</InOrderId>
            <ArticleDefId xsi:nil="true"/>
            <Success>true</Success>
          </ProcessOrderResult>
        </ProcessOrderResponse>"""
    assert _canonical(etree.tostring(answer)) == _canonical(expected)


def test_a_dense_answer_is_valid_against_the_published_schema(server: SoapServer) -> None:
    answer = _replay(server, "zeep_get_inventory_by_query.xml", "GetInventoryByQuery")
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    schema.assertValid(answer)
    lines = answer.findall(f"{{{TNS}}}GetInventoryByQueryResult/{{{TNS}}}InventoryLines/{{{TNS}}}InventoryLine")
    first, second = (
        [etree.QName(child).localname for child in line] for line in lines)
    assert first[:4] == ["Article", "NumberOfBookedItems", "NumberOfItems", "NumberOfLockedItems"]
    assert lines[0].findtext(f"{{{TNS}}}NumberOfLockedItems") == "100", "decimals are written positionally"
    assert lines[0].find(f"{{{TNS}}}LastInDate").get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true"
    assert second[-1] == "ArticleNames", "a derived line keeps its own fields"
    assert "SystemId" in [etree.QName(c).localname for c in lines[1].find(f"{{{TNS}}}Article")], "nil, not left out"


@pytest.mark.parametrize(("value", "parsed"), [("<MaxOrdersToGet/>", None), ("<DeliveryDateFrom/>", None)])
def test_empty_value_elements_read_as_absent(server: SoapServer, recorder: Recorder, value: str, parsed: Any) -> None:
    server.post(_get_orders(value), soap_action=f'"{TNS}/GetOrdersByQuery"').raise_for_status()
    (query,) = recorder.calls["GetOrdersByQuery"]
    assert (query.MaxOrdersToGet, query.DeliveryDateFrom) == (parsed, parsed)


@pytest.mark.parametrize("value", ["<MaxOrdersToGet>many</MaxOrdersToGet>",
                                   "<DeliveryDateFrom>soon</DeliveryDateFrom>"])
def test_a_value_that_cannot_be_read_is_a_client_fault(server: SoapServer, recorder: Recorder, value: str) -> None:
    response = server.post(_get_orders(value), soap_action=f'"{TNS}/GetOrdersByQuery"')
    assert response.status_code == 500
    assert etree.fromstring(response.content).findtext(".//faultcode").endswith("Client.ValidationError")
    assert recorder.calls == {}


def _get_orders(query_children: str) -> bytes:
    return (f'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetOrdersByQuery xmlns="{TNS}">'
            f"<query>{query_children}</query></GetOrdersByQuery></s:Body></s:Envelope>").encode()

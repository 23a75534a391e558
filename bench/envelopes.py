"""SOAP 1.1 request envelopes of the benchmark scenarios, written as a .NET client writes them."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

TNS = "http://ongoingsystems.se/WSI"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
PASSWORD_TEXT = ("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
                 "#PasswordText")


@dataclass(frozen=True)
class Account:
    """An API user of one goods owner."""

    goods_owner_code: str
    user_name: str
    password: str


def headers(operation: str) -> dict[str, str]:
    return {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{TNS}/{operation}"'}


def envelope(operation: str, inner: str, *, header: str = "") -> bytes:
    head = f"<soap:Header>{header}</soap:Header>" if header else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{SOAP11}" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{head}<soap:Body>'
            f'<{operation} xmlns="{TNS}">{inner}</{operation}></soap:Body></soap:Envelope>').encode()


def body_credentials(account: Account, *, with_goods_owner: bool = True) -> str:
    owner = f"<GoodsOwnerCode>{escape(account.goods_owner_code)}</GoodsOwnerCode>" if with_goods_owner else ""
    return f"{owner}<UserName>{escape(account.user_name)}</UserName><Password>{escape(account.password)}</Password>"


def username_token(account: Account) -> str:
    """A WS-Security header with a PasswordText UsernameToken (what zeep's ``UsernameToken`` sends)."""
    return (f'<wsse:Security xmlns:wsse="{WSSE}" soap:mustUnderstand="1"><wsse:UsernameToken>'
            f"<wsse:Username>{escape(account.user_name)}</wsse:Username>"
            f'<wsse:Password Type="{PASSWORD_TEXT}">{escape(account.password)}</wsse:Password>'
            f"</wsse:UsernameToken></wsse:Security>")


def get_system_status() -> bytes:
    return envelope("GetSystemStatus", "")


def get_order_by_order_number(account: Account, order_number: str, *, wsse: bool = False) -> bytes:
    if wsse:
        inner = f"<GoodsOwnerCode>{escape(account.goods_owner_code)}</GoodsOwnerCode>"
        return envelope("GetOrderByOrderNumber", inner + f"<OrderNumber>{escape(order_number)}</OrderNumber>",
                        header=username_token(account))
    return envelope("GetOrderByOrderNumber",
                    body_credentials(account) + f"<OrderNumber>{escape(order_number)}</OrderNumber>")


def get_orders_by_query(account: Account, max_orders: int, *, order_id_from: int = 0) -> bytes:
    query = (f'<query><DeliveryDateFrom xsi:nil="true"/><DeliveryDateTo xsi:nil="true"/>'
             f'<ShippedTimeFrom xsi:nil="true"/><ShippedTimeTo xsi:nil="true"/>'
             f"<MaxOrdersToGet>{max_orders}</MaxOrdersToGet><OrderIdFrom>{order_id_from}</OrderIdFrom></query>")
    return envelope("GetOrdersByQuery", body_credentials(account) + query)


def get_inventory_by_query(account: Account, max_articles: int, article_system_id_from: int) -> bytes:
    query = (f"<GetInventoryQuery><MaxArticlesToGet>{max_articles}</MaxArticlesToGet>"
             f"<ArticleSystemIdFrom>{article_system_id_from}</ArticleSystemIdFrom></GetInventoryQuery>")
    return envelope("GetInventoryByQuery", body_credentials(account) + query)


def process_order(account: Account, order_number: str, article_numbers: list[str], customer_code: str) -> bytes:
    lines = "".join(
        f"<CustomerOrderLine><OrderLineIdentification>ExternalOrderLineCode</OrderLineIdentification>"
        f"<ArticleIdentification>ArticleNumber</ArticleIdentification>"
        f'<SubOrderLineSpecification xsi:nil="true"/><ExternalOrderLineCode>{row}</ExternalOrderLineCode>'
        f"<ArticleNumber>{escape(article)}</ArticleNumber><NumberOfItems>{row}</NumberOfItems></CustomerOrderLine>"
        for row, article in enumerate(article_numbers, start=1))
    order = (f"<co><OrderInfo><OrderIdentification>GoodsOwnerOrderNumber</OrderIdentification>"
             f"<OrderOperation>Create</OrderOperation>"
             f"<GoodsOwnerOrderNumber>{escape(order_number)}</GoodsOwnerOrderNumber>"
             f"<DeliveryDate>2030-01-15T00:00:00</DeliveryDate></OrderInfo>"
             f"<Customer><CustomerOperation>CreateOrUpdate</CustomerOperation>"
             f"<CustomerIdentification>CustomerNumber</CustomerIdentification>"
             f"<CustomerNumber>{escape(customer_code)}</CustomerNumber>"
             f'<CustomerId xsi:nil="true"/><DeliveryAddressId xsi:nil="true"/><InvoiceAddressId xsi:nil="true"/>'
             f"<Name>Bench Customer {escape(customer_code)}</Name><Address>Storgatan 1</Address>"
             f"<PostCode>41101</PostCode><City>Göteborg</City><CountryCode>SE</CountryCode>"
             f"<Email>bench@example.com</Email><IsVisible>true</IsVisible><NotifyBySMS>false</NotifyBySMS></Customer>"
             f"<CustomerOrderLines>{lines}</CustomerOrderLines></co>")
    return envelope("ProcessOrder", body_credentials(account) + order)

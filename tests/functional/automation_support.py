"""A warehouse with a storage lift, served by a real waitress, and the clients a lift controller uses: zeep from the
served WSDL, and raw envelopes shaped as Ongoing's example requests (S5 collection, developer pages)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

import requests
import zeep
from lxml import etree
from sqlalchemy.orm import Session

from tests import factories
from tests.orders_support import make_article, make_owner
from wms_soap.security.passwords import hash_password
from wms_soap.services.inventory import stock
from wms_soap.services.warehouse.automated_systems import SystemInput, define_system
from wms_soap.store.access import GoodsOwner
from wms_soap.store.db import session_scope

NS = "http://ongoingsystems.se/Automation"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
PASSWORD = "lift-password-1"
LIFT = SystemInput("LIFT1", "Lift_In", "Lift", "Lift_Out", name="Vertical lift 1")


@dataclass
class LiftWarehouse:
    """The ids a test needs: one goods owner, two articles, the lift, and its controller ``lift-1``."""

    url: str
    owner_id: int
    article_id: int
    other_article_id: int
    live: Any

    def session(self) -> Any:
        return session_scope(self.live.session_factory)

    def zeep(self, soap12: bool = False) -> Any:
        client = zeep.Client(self.url + "?wsdl")
        port = "AutomationSoap12" if soap12 else "AutomationSoap"
        return client.bind("Automation", port)

    def goods_owner_service(self) -> Any:
        """Service.asmx with zeep, as the goods owner's own integration reads it."""
        client = zeep.Client(self.live.url + "?wsdl")
        return client.service

    def stock_in(self, location: str, quantity: int, article_id: int | None = None) -> int:
        with self.session() as session:
            return stock.add_stock(session, goods_owner_id=self.owner_id, article_id=article_id or self.article_id,
                                   location_code=location, quantity=Decimal(quantity), comment="test stock")

    def put_on_in_location(self, quantity: int, article_id: int | None = None, batch: str | None = None) -> int:
        """An operator places goods in the lift's input area: stock on ``Lift_In``; the article item id."""
        with self.session() as session:
            return stock.add_stock(session, goods_owner_id=self.owner_id, article_id=article_id or self.article_id,
                                   location_code=LIFT.in_location, quantity=Decimal(quantity), batch=batch,
                                   comment="put in the lift's input area")


def make_lift_warehouse(live_server: Any) -> LiftWarehouse:
    with session_scope(live_server.session_factory) as session:
        owner_id = make_owner(session, "LIFTCO")
        article = make_article(session, owner_id, "ART-1", "Screws")
        other = make_article(session, owner_id, "ART-2", "Nuts")
        add_users(session, owner_id)
        define_system(session, LIFT)
        ids = (owner_id, article.id, other.id)
    url = f"{live_server.base_url}/{live_server.settings.warehouse}/Automation.asmx"
    return LiftWarehouse(url, *ids, live=live_server)


def add_users(session: Session, owner_id: int) -> None:
    """Controllers ``lift-1`` and ``lift-2``, the goods owner's API user ``WSIshop`` and an admin user ``boss``, all
    with the same password."""
    password_hash = hash_password(PASSWORD)
    for name in ("lift-1", "lift-2"):
        factories.make_automation_user(session, username=name, password_hash=password_hash)
    factories.make_api_user(session, session.get(GoodsOwner, owner_id), username="WSIshop",
                            password_hash=password_hash)
    factories.make_admin_user(session, username="boss", password_hash=password_hash)


def envelope(operation: str, payload: str, *, soap12: bool = False, user: str = "lift-1",
             password: str = PASSWORD) -> bytes:
    """A request as the S5 collection writes them: the body element in the default namespace, credentials first."""
    env = SOAP12 if soap12 else SOAP11
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="{env}" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n'
            f'  <soap:Body>\n    <{operation} xmlns="{NS}">\n      <UserName>{escape(user)}</UserName>\n'
            f'      <Password>{escape(password)}</Password>\n      {payload}\n    </{operation}>\n  </soap:Body>\n'
            '</soap:Envelope>').encode()


def post(url: str, operation: str, payload: str, *, soap12: bool = False, **credentials: str) -> requests.Response:
    headers = ({"Content-Type": f'application/soap+xml; charset=utf-8; action="{NS}/{operation}"'} if soap12 else
               {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{NS}/{operation}"'})
    return requests.post(url, data=envelope(operation, payload, soap12=soap12, **credentials), headers=headers,
                         timeout=30)


def result_of(response: requests.Response, operation: str) -> etree._Element:
    """The ``<Op>Result`` element of a 200 answer."""
    assert response.status_code == 200, response.text
    root = etree.fromstring(response.content)
    found = root.find(f".//{{{NS}}}{operation}Response/{{{NS}}}{operation}Result")
    assert found is not None, response.text
    return found


def text(element: etree._Element, path: str) -> str | None:
    """The text at ``path`` (local names separated by /) below ``element``."""
    found = element.find("/".join(f"{{{NS}}}{step}" for step in path.split("/")))
    return None if found is None else found.text


def all_of(element: etree._Element, path: str) -> list[etree._Element]:
    return element.findall("/".join(f"{{{NS}}}{step}" for step in path.split("/")))


def fault_of(response: requests.Response) -> tuple[str, str]:
    """(code, text) of a SOAP 1.1 or 1.2 fault."""
    root = etree.fromstring(response.content)
    code = root.findtext(".//faultcode") or root.findtext(f".//{{{SOAP12}}}Subcode/{{{SOAP12}}}Value") or ""
    reason = root.findtext(".//faultstring") or root.findtext(f".//{{{SOAP12}}}Text") or ""
    return code, reason

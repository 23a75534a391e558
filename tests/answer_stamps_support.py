"""An order that shows a row of every table an order answer reads, and one visible change per such table.

Shared by the answer stamp tests (integration: the stamps move) and the answer cache tests (functional: a server
process that caches answers shows every change made by another connection).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from tests import factories
from tests.orders_support import add_stock, customer, line, make_article, make_owner, order_input
from wms_soap.services import registers as system
from wms_soap.services.orders import orders
from wms_soap.services.orders.customers import RegisterRef
from wms_soap.services.orders.orders import ClassesInput
from wms_soap.services.registers import ContractRef
from wms_soap.services.warehouse import outbound as warehouse
from wms_soap.store.access import GoodsOwner
from wms_soap.store.shipments import Shipment, ShipmentOrder

FULL_NUMBER = "FULL-1"
OTHER_NUMBER = "OTHER-1"
USERNAME = "WSIcache"
PASSWORD = "cache password 0123"


@dataclass(frozen=True)
class FullOrder:
    goods_owner_id: int
    order_id: int
    other_order_id: int


def full_order(session: Session) -> FullOrder:
    """The order FULL-1 (customer, registers, transporter, classes, allocations, picked items, a parcel, a shipment)
    and a plain OTHER-1 of the same goods owner, which has the API user ``USERNAME``; committed."""
    owner = make_owner(session, "CACHE")
    for number in ("A-1", "A-2"):
        add_stock(session, owner, make_article(session, owner, number), 100)
    factories.make_api_user(session, session.get(GoodsOwner, owner), username=USERNAME, password=PASSWORD)
    system.create_transporter_contract(session, owner, transporter_code="DHL", transporter_name="DHL Freight",
                                       service_code="EXP")
    data = order_input(FULL_NUMBER, [line("A-1", 2, "1"), line("A-2", 3, "2")])
    data.customer = customer("C-7", invoice_name="Invoices", invoice_city="Lund", remark="call first")
    data.order_type = RegisterRef("find_or_create", "code", "B2B", "Business")
    data.way_of_delivery_type = RegisterRef("find_or_create", "code", "WD", "Way")
    data.terms_of_delivery_type = RegisterRef("find_or_create", "code", "TD", "Terms")
    data.transporter_contract = ContractRef("CodeAndServiceCode", "Find", "Prepaid", "DHL", "EXP")
    data.classes = ClassesInput("FindOrCreate", [RegisterRef("find_or_create", "code", "RUSH", "Rush"),
                                                 RegisterRef("find_or_create", "code", "COLD", "Cold")])
    order_id = orders.process_order(session, owner, data).order_id
    warehouse.allocate_order(session, order_id)
    warehouse.pick(session, order_id, [warehouse.PickRequest(Decimal(2), external_order_line_code="1")])
    warehouse.pack(session, order_id, [warehouse.ParcelRequest(label_id="TRACK-1", tracking_url="https://t.example/1")],
                   waybill="WB-1")
    now = datetime.now(UTC)
    shipment = Shipment(goods_owner_id=owner, waybill=4711, created_at=now, updated_at=now)
    session.add(shipment)
    session.flush()
    session.add(ShipmentOrder(shipment_id=shipment.id, order_id=order_id))
    other_id = orders.process_order(session, owner, order_input(OTHER_NUMBER, [line("A-1", 1, "1")])).order_id
    session.commit()
    return FullOrder(owner, order_id, other_id)


Change = Callable[[Connection, FullOrder], None]


def _sql(statement: str) -> Change:
    def change(connection: Connection, order: FullOrder) -> None:
        result = connection.execute(text(statement), {"order": order.order_id, "owner": order.goods_owner_id,
                                                      "now": datetime.now(UTC)})
        assert result.rowcount, f"nothing changed: {statement}"

    return change


_OF_ORDER = "(SELECT {column} FROM orders WHERE id = :order)"
_LINE_2 = "(SELECT id FROM order_lines WHERE order_id = :order AND external_order_line_code = '2')"

CHANGES: dict[str, list[tuple[str, Change]]] = {
    "orders": [("update", _sql("UPDATE orders SET reference_number = 'REF-CHANGED' WHERE id = :order"))],
    "customers": [("update", _sql("UPDATE customers SET customer_number = 'C-CHANGED' WHERE id = "
                                  + _OF_ORDER.format(column="customer_id")))],
    "order_types": [("update", _sql("UPDATE order_types SET name = 'Type changed' WHERE id = "
                                    + _OF_ORDER.format(column="order_type_id")))],
    "ways_of_delivery_types": [("update", _sql("UPDATE ways_of_delivery_types SET name = 'Way changed' WHERE id = "
                                               + _OF_ORDER.format(column="way_of_delivery_type_id")))],
    "terms_of_delivery_types": [("update", _sql("UPDATE terms_of_delivery_types SET name = 'Terms changed' "
                                                "WHERE id = " + _OF_ORDER.format(column="terms_of_delivery_type_id")))],
    "transporter_contracts": [("update", _sql("UPDATE transporter_contracts SET service_code = 'EXP-CHANGED' "
                                              "WHERE id = " + _OF_ORDER.format(column="transporter_contract_id")))],
    "transporters": [("update", _sql("UPDATE transporters SET name = 'Carrier changed' WHERE id = (SELECT "
                                     "transporter_id FROM transporter_contracts WHERE id = "
                                     + _OF_ORDER.format(column="transporter_contract_id") + ")"))],
    "order_status_texts": [
        ("insert", _sql("INSERT INTO order_status_texts (warehouse_id, number, text) SELECT g.warehouse_id, o.status, "
                        "'Own status text' FROM orders o JOIN goods_owners g ON g.id = o.goods_owner_id "
                        "WHERE o.id = :order")),
        ("update", _sql("UPDATE order_status_texts SET text = 'Own text changed' WHERE warehouse_id IS NOT NULL")),
        ("delete", _sql("DELETE FROM order_status_texts WHERE warehouse_id IS NOT NULL")),
        ("update", _sql("UPDATE order_status_texts SET text = 'Default text changed' WHERE warehouse_id IS NULL AND "
                        "number = " + _OF_ORDER.format(column="status"))),
        ("insert", _sql("INSERT INTO order_status_texts (warehouse_id, number, text) SELECT g.warehouse_id, "
                        "o.status, 'Own again' FROM orders o JOIN goods_owners g ON g.id = o.goods_owner_id "
                        "WHERE o.id = :order")),
    ],
    "goods_owners": [  # out of the warehouse: its own status text no longer applies, the default one shows
        ("update", _sql("UPDATE goods_owners SET warehouse_id = NULL WHERE id = :owner")),
    ],
    "shipments": [("update", _sql("UPDATE shipments SET waybill = 987654 WHERE goods_owner_id = :owner"))],
    "shipment_orders": [("delete", _sql("DELETE FROM shipment_orders WHERE order_id = :order")),
                        ("insert", _sql("INSERT INTO shipment_orders (shipment_id, order_id) SELECT id, :order "
                                        "FROM shipments WHERE goods_owner_id = :owner"))],
    "order_lines": [("update", _sql("UPDATE order_lines SET comment = 'Line changed' WHERE order_id = :order")),
                    ("insert", _sql("INSERT INTO order_lines (order_id, article_id, external_order_line_code, "
                                    "ordered_number_of_items, picked_number_of_items, packed_number_of_items, "
                                    "returned_number_of_items, do_pick) SELECT order_id, article_id, '3', 9, 0, 0, "
                                    "0, true FROM order_lines WHERE order_id = :order "
                                    "AND external_order_line_code = '1'")),
                    ("delete", _sql("DELETE FROM order_lines WHERE order_id = :order "
                                    "AND external_order_line_code = '3'"))],
    "order_allocations": [("update", _sql("UPDATE order_allocations SET number_of_items = 1 WHERE order_line_id = "
                                          + _LINE_2)),
                          ("delete", _sql("DELETE FROM order_allocations WHERE order_line_id = " + _LINE_2))],
    "articles": [("update", _sql("UPDATE articles SET name = 'Article renamed' WHERE goods_owner_id = :owner "
                                 "AND article_number = 'A-1'"))],
    "picked_items": [("update", _sql("UPDATE picked_items SET serial = 'SERIAL-CHANGED' WHERE order_id = :order"))],
    "parcels": [("update", _sql("UPDATE parcels SET label_id = 'TRACK-CHANGED' WHERE order_id = :order")),
                ("insert", _sql("INSERT INTO parcels (order_id, label_id, is_transporter_item, created_at) "
                                "VALUES (:order, 'TRACK-2', true, :now)"))],
    "order_class_links": [("delete", _sql("DELETE FROM order_class_links WHERE order_id = :order AND order_class_id "
                                          "= (SELECT id FROM order_classes WHERE code = 'RUSH')"))],
    "order_classes": [("update", _sql("UPDATE order_classes SET name = 'Cold changed' WHERE code = 'COLD' "
                                      "AND goods_owner_id = :owner"))],
}
"""Table -> (kind, a change of it that an answer of FULL-1 shows), applied in this order (some build on others)."""

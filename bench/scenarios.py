"""The benchmark scenarios of issue 7: what each client sends, and what every answer must contain.

Every source is a small picklable object; the load generator calls ``start`` once in the client's process and
``next(previous_answer)`` for each request. Randomness is seeded per client, so runs are repeatable.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench import envelopes
from bench.baselines import echo_envelope
from bench.envelopes import Account
from bench.loadgen import Request

_ARTICLE_ID = re.compile(rb"<(?:\w+:)?Article><(?:\w+:)?SystemId>(\d+)<")
"""The ArticleSystemId of each inventory line: the first child of its Article (any namespace prefix)."""


@dataclass(frozen=True)
class OwnerData:
    """What the seeding left for one goods owner."""

    account: Account
    order_numbers: Callable[[int], str]
    """index (1-based) -> GoodsOwnerOrderNumber of a seeded order"""
    orders: int
    articles: Sequence[str]
    """article numbers with stock"""
    order_blocks: Sequence[tuple[int, int]] = ()
    """(first, last) order ids of each contiguous block of this owner's seeded orders"""

    def random_order_id_from(self, rng: random.Random, count: int) -> int:
        """A start id from which at least ``count`` of this owner's orders follow (when it has that many)."""
        blocks = [(first, max(first, last - count + 1)) for first, last in self.order_blocks]
        first, last = rng.choices(blocks, weights=[b - a + 1 for a, b in blocks])[0]
        return rng.randint(first, last)


@dataclass
class Fixed:
    """The same request every time (baselines, GetSystemStatus)."""

    request: Request

    def start(self, client: int, clients: int) -> None:
        pass

    def next(self, previous: bytes | None) -> Request | None:
        return self.request


def http_floor() -> Fixed:
    return Fixed(Request(echo_envelope(), envelopes.headers("Echo"), b"IsOk>true</"))


def spyne_echo() -> Fixed:
    return Fixed(Request(echo_envelope(), {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '"Echo"'},
                         b"EchoResult>ping</"))


def system_status() -> Fixed:
    return Fixed(Request(envelopes.get_system_status(), envelopes.headers("GetSystemStatus"),
                         b"GetSystemStatusResult"))


@dataclass
class OrderLookup:
    """GetOrderByOrderNumber of a random seeded order (body credentials or a WS-Security UsernameToken)."""

    owner: OwnerData
    wsse: bool = False
    rng: random.Random = field(default_factory=random.Random)

    def start(self, client: int, clients: int) -> None:
        self.rng = random.Random(1000 + client)

    def next(self, previous: bytes | None) -> Request | None:
        return _lookup(self.owner, self.owner.order_numbers(self.rng.randint(1, self.owner.orders)), self.wsse)


def _lookup(owner: OwnerData, number: str, wsse: bool = False) -> Request:
    body = envelopes.get_order_by_order_number(owner.account, number, wsse=wsse)
    return Request(body, envelopes.headers("GetOrderByOrderNumber"), f">{number}<".encode())


@dataclass
class EveryOrder:
    """GetOrderByOrderNumber of every seeded order once (the clients share them out): fills the server's answer
    cache before a lookup scenario is measured, as a web shop polling its open orders keeps it filled."""

    owner: OwnerData
    index: int = 0
    step: int = 1

    def start(self, client: int, clients: int) -> None:
        self.index, self.step = client + 1, clients

    def next(self, previous: bytes | None) -> Request | None:
        if self.index > self.owner.orders:
            return None
        number = self.owner.order_numbers(self.index)
        self.index += self.step
        return _lookup(self.owner, number)


@dataclass
class OrdersQuery:
    """GetOrdersByQuery of ``max_orders`` orders from a random OrderIdFrom (within the owner's seeded orders)."""

    owner: OwnerData
    max_orders: int
    rng: random.Random = field(default_factory=random.Random)

    def start(self, client: int, clients: int) -> None:
        self.rng = random.Random(2000 + client)

    def next(self, previous: bytes | None) -> Request | None:
        order_id_from = self.owner.random_order_id_from(self.rng, self.max_orders)
        body = envelopes.get_orders_by_query(self.owner.account, self.max_orders, order_id_from=order_id_from)
        return Request(body, envelopes.headers("GetOrdersByQuery"), b"GoodsOwnerOrderNumber>")


@dataclass
class InventoryPaging:
    """GetInventoryByQuery pages of ``page_size`` articles, following the ArticleSystemId cursor, round and round."""

    owner: OwnerData
    page_size: int
    cursor: int = 0
    seen: int = 0

    def start(self, client: int, clients: int) -> None:
        self.cursor = self.seen = 0

    def next(self, previous: bytes | None) -> Request | None:
        if previous is not None:
            ids = _ARTICLE_ID.findall(previous)
            self.seen += len(ids)
            at_end = len(ids) < self.page_size or self.seen >= len(self.owner.articles)
            self.cursor, self.seen = (0, 0) if at_end else (max(int(i) for i in ids) + 1, self.seen)
        body = envelopes.get_inventory_by_query(self.owner.account, self.page_size, self.cursor)
        return Request(body, envelopes.headers("GetInventoryByQuery"), b"SystemId>")


@dataclass
class OrderCreation:
    """ProcessOrder creating a new order with ``lines`` lines; numbers unique per run, client and request."""

    owner: OwnerData
    run_tag: str
    lines: int = 5
    client: int = 0
    sequence: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def start(self, client: int, clients: int) -> None:
        self.client = client
        self.rng = random.Random(3000 + client)

    def next(self, previous: bytes | None) -> Request | None:
        self.sequence += 1
        number = f"PO-{self.run_tag}-{self.client}-{self.sequence}"
        articles = self.rng.sample(list(self.owner.articles), self.lines)
        body = envelopes.process_order(self.owner.account, number, articles, f"WEB-{self.rng.randint(1, 500)}")
        return Request(body, envelopes.headers("ProcessOrder"), b"Success>true</")


@dataclass
class WebShop:
    """The mixed web-shop workload: 80 % reads, 20 % ProcessOrder; client ``i`` works for goods owner ``i % 2``.

    Reads: 50 % GetOrderByOrderNumber, 25 % GetOrdersByQuery of 10 orders, 25 % an inventory page of 100.
    """

    owners: Sequence[OwnerData]
    run_tag: str
    parts: list[object] = field(default_factory=list)
    rng: random.Random = field(default_factory=random.Random)
    last_part: int = -1

    def start(self, client: int, clients: int) -> None:
        owner = self.owners[client % len(self.owners)]
        self.rng = random.Random(4000 + client)
        self.parts = [OrderLookup(owner), OrdersQuery(owner, 10), InventoryPaging(owner, 100),
                      OrderCreation(owner, self.run_tag)]
        for part in self.parts:
            part.start(client, clients)  # type: ignore[attr-defined]

    def next(self, previous: bytes | None) -> Request | None:
        draw = self.rng.random()
        index = 3 if draw >= 0.8 else 0 if draw < 0.4 else 1 if draw < 0.6 else 2
        part = self.parts[index]
        request: Request | None = part.next(previous if index == self.last_part else None)  # type: ignore[attr-defined]
        self.last_part = index
        return request

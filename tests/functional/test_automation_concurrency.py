"""Two lift controllers polling and handling the same in-location at once, over HTTP against a real server on
SQLite and PostgreSQL: each item is handled by exactly one of them, and once one has marked an item handled no poll
sent afterwards returns it to either."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.functional.automation_support import LIFT, LiftWarehouse, all_of, make_lift_warehouse, post, result_of, text

ITEMS = 12
MAX_ROUNDS = 60
POLL = (f"<Query><Locations><string>{LIFT.in_location}</string></Locations><SpecialFilters>"
        "<OnlyGetArticleItemsInLocationsToBeHandled>true</OnlyGetArticleItemsInLocationsToBeHandled>"
        "</SpecialFilters></Query>")


@dataclass
class Controller:
    user: str
    claimed: list[str] = field(default_factory=list)
    polls: list[tuple[float, set[str]]] = field(default_factory=list)
    """(when the poll was sent, the placements it returned)"""
    handled_at: dict[str, float] = field(default_factory=dict)
    """placement -> when this controller's successful handled call had returned"""
    refusals: list[str] = field(default_factory=list)


def run(lift: LiftWarehouse, controller: Controller, start: threading.Barrier) -> None:
    start.wait()
    for _ in range(MAX_ROUNDS):
        sent = time.monotonic()
        found = result_of(post(lift.url, "GetArticleItemsByQuery", POLL, user=controller.user),
                          "GetArticleItemsByQuery")
        placements = {text(i, "ArticleItemInLocationId") or "" for i in all_of(found, "ArticleItems/ArticleItemInfo")}
        controller.polls.append((sent, placements))
        if not placements:
            return
        for placement in sorted(placements):
            answer = result_of(post(lift.url, "ArticleItemInLocationHandled",
                                    f"<Operation><ArticleItemInLocationIds><int>{placement}</int>"
                                    "</ArticleItemInLocationIds><HandledByUser><UserName>"
                                    f"{controller.user}-operator</UserName></HandledByUser></Operation>",
                                    user=controller.user), "ArticleItemInLocationHandled")
            if text(answer, "Success") == "true":
                controller.claimed.append(placement)
                controller.handled_at[placement] = time.monotonic()
            else:
                controller.refusals.append(text(answer, "Errors/ArticleItemInLocationHandledError/ErrorType") or "")
    raise AssertionError(f"{controller.user} still found items after {MAX_ROUNDS} rounds")


@pytest.fixture
def lift(live_server: Any) -> LiftWarehouse:
    return make_lift_warehouse(live_server)


def test_two_controllers_never_both_get_an_item_after_it_was_handled(lift: LiftWarehouse) -> None:
    for number in range(ITEMS):
        lift.put_on_in_location(1, batch=f"B{number}")  # one article item each
    controllers = [Controller("lift-1"), Controller("lift-2")]
    start = threading.Barrier(len(controllers))
    errors: list[BaseException] = []

    def guarded(controller: Controller) -> None:
        try:
            run(lift, controller, start)
        except BaseException as error:  # reported below, with the thread's own traceback
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(c,)) for c in controllers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    first, second = (set(c.claimed) for c in controllers)
    assert not first & second, "an item was handled by both controllers"
    assert len(first | second) == ITEMS
    assert {refusal for c in controllers for refusal in c.refusals} <= {"AlreadyHandled"}
    handled_at = {p: t for c in controllers for p, t in c.handled_at.items()}
    for controller in controllers:
        for sent, placements in controller.polls:
            stale = {p for p in placements if p in handled_at and handled_at[p] < sent}
            assert not stale, f"{controller.user} got {stale} after they were handled"

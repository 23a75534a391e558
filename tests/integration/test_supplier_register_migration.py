"""Migration 0013 merges the article suppliers into the in-order suppliers and keeps every row (SQLite and
PostgreSQL): same-numbered suppliers become one, the others are copied, the articles' references follow, and the
answer-stamp triggers of the articles table survive the rebuild SQLite needs."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, text

from wms_soap.store.migrate import downgrade, upgrade

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _insert(connection: Any, table: str, **values: Any) -> int:
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    return int(connection.scalar(text(f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING id"), values))


def _before(engine: Engine) -> dict[str, int]:
    """Rows as 0012 kept them: two goods owners, in-order suppliers, article suppliers and their users."""
    with engine.begin() as c:
        shop = _insert(c, "goods_owners", code="SHOP", name="Shop", api_access=False, created_at=NOW, updated_at=NOW)
        other = _insert(c, "goods_owners", code="OTHER", name="Other", api_access=False, created_at=NOW,
                        updated_at=NOW)
        in_order_supplier = _insert(c, "suppliers", goods_owner_id=shop, supplier_number="S-1", name="Nordic AB",
                                    city="Lund")
        ids = {"shop": shop, "other": other, "in_order_supplier": in_order_supplier}
        for key, owner, number, name in (("same", shop, "S-1", "Nordic Goods AB"), ("new", shop, "S-2", "Second"),
                                         ("named", shop, None, "Only a name"), ("others", other, "S-1", "Theirs")):
            ids[key] = _insert(c, "article_suppliers", goods_owner_id=owner, supplier_number=number, name=name,
                               telephone="+46 1", comment=f"about {key}")
        for key, owner, supplier in (("a1", shop, ids["same"]), ("a2", shop, ids["named"]),
                                     ("a3", other, ids["others"])):
            ids[key] = _insert(c, "articles", goods_owner_id=owner, article_number=key, kind="Stock",
                               is_stock_article=True, is_active=True, created_at=NOW, updated_at=NOW,
                               main_supplier_id=supplier)
        _insert(c, "article_alternative_suppliers", article_id=ids["a1"], supplier_id=ids["new"], lead_time=3)
        _insert(c, "in_orders", goods_owner_id=shop, goods_owner_order_number="IN-1", status=100,
                is_return_type=False, created_at=NOW, updated_at=NOW, status_changed_at=NOW,
                supplier_id=in_order_supplier)
    return ids


def _supplier(connection: Any, supplier_id: int) -> dict[str, Any]:
    row = connection.execute(text("SELECT * FROM suppliers WHERE id = :id"), {"id": supplier_id}).mappings().one()
    return dict(row)


def test_the_registers_merge_and_keep_every_row(engine: Engine) -> None:
    downgrade(engine, "0012_answer_stamps")
    ids = _before(engine)
    upgrade(engine)
    with engine.begin() as c:
        main = dict(c.execute(text("SELECT article_number, main_supplier_id FROM articles")).all())
        merged = _supplier(c, main["a1"])
        assert merged["id"] == ids["in_order_supplier"]  # the in-order's supplier S-1, completed
        assert (merged["name"], merged["city"], merged["telephone"], merged["comment"]) == (
            "Nordic AB", "Lund", "+46 1", "about same")
        named = _supplier(c, main["a2"])
        assert (named["goods_owner_id"], named["supplier_number"], named["name"]) == (ids["shop"], None,
                                                                                      "Only a name")
        theirs = _supplier(c, main["a3"])
        assert (theirs["goods_owner_id"], theirs["supplier_number"], theirs["name"]) == (ids["other"], "S-1",
                                                                                         "Theirs")
        alternative = c.scalar(text("SELECT supplier_id FROM article_alternative_suppliers"))
        assert _supplier(c, alternative)["supplier_number"] == "S-2"
        assert c.scalar(text("SELECT count(*) FROM suppliers")) == 4
        assert c.scalar(text("SELECT supplier_id FROM in_orders")) == ids["in_order_supplier"]
        before = c.scalar(text("SELECT generation FROM answer_stamps WHERE goods_owner_id = :g"), {"g": ids["shop"]})
        c.execute(text("UPDATE articles SET name = 'renamed' WHERE article_number = 'a1'"))
        after = c.scalar(text("SELECT generation FROM answer_stamps WHERE goods_owner_id = :g"), {"g": ids["shop"]})
    assert after > before  # the articles' answer-stamp trigger is still there


def test_down_again_gives_the_articles_their_own_suppliers(engine: Engine) -> None:
    downgrade(engine, "0012_answer_stamps")
    _before(engine)
    upgrade(engine)
    downgrade(engine, "0012_answer_stamps")
    with engine.begin() as c:
        names = c.execute(text("SELECT a.article_number, s.name FROM articles a JOIN article_suppliers s "
                               "ON s.id = a.main_supplier_id ORDER BY a.article_number")).all()
        assert [tuple(row) for row in names] == [("a1", "Nordic AB"), ("a2", "Only a name"), ("a3", "Theirs")]
        assert c.scalar(text("SELECT count(*) FROM suppliers")) == 1  # the in-order's
    upgrade(engine)

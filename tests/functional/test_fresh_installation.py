"""A fresh installation (``wms-soap init``, no demo) gets its warehouses from the CLI, and then works for status
texts, goods owners and transfer orders; a goods owner reads its own warehouse's status texts (issue 13)."""

from typing import Any

import pytest
import zeep

from wms_soap.cli.main import main
from wms_soap.services.access import rules as access
from wms_soap.store.db import session_scope

PASSWORD = "correct horse battery staple"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


@pytest.mark.usefixtures("cli_env")
def test_warehouses_from_the_cli_on_a_fresh_installation(live_server: Any, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["status-text", "set", "--warehouse", "MAIN", "450", "Skickad"]) == 1
    assert "There is no warehouse 'MAIN': `wms-soap warehouse add CODE`" in capsys.readouterr().err
    assert "Warehouse MAIN added" in _run(capsys, "warehouse", "add", "MAIN", "--name", "Main site")
    _run(capsys, "warehouse", "add", "NORTH")
    assert "name 'Main site' -> 'Borås main site'" in _run(capsys, "warehouse", "rename", "main", "Borås main site")
    _run(capsys, "goods-owner", "add", "SHOP", "--warehouse", "MAIN", "--allow-api")
    _run(capsys, "goods-owner", "add", "LATE", "--allow-api")
    assert "goods owner LATE stored in warehouse NORTH" in _run(capsys, "goods-owner", "set-warehouse", "LATE",
                                                                 "NORTH")
    listed = _run(capsys, "warehouse", "list").splitlines()
    assert listed[0] == "id\tcode\tname\tgoods_owners"
    assert [line.split("\t")[1:] for line in listed[1:]] == [["MAIN", "Borås main site", "1"], ["NORTH", "NORTH", "1"]]
    _run(capsys, "status-text", "set", "--warehouse", "MAIN", "450", "Skickad")
    monkeypatch.setattr("sys.stdin", _Lines(PASSWORD))
    _run(capsys, "api-user", "add", "WSIshop", "--goods-owner", "SHOP", "--email", "dev@shop.example",
         "--integration", "Magento", "--password-stdin")
    client = zeep.Client(f"{live_server.url}?WSDL")
    statuses = client.service.GetOrderStatuses(UserName="WSIshop", Password=PASSWORD, GoodsOwnerCode="SHOP").OrderStatus
    assert {s.OrderStatusId: s.OrderStatusName for s in statuses}[450] == "Skickad"
    article = client.service.ProcessArticle(GoodsOwnerCode="SHOP", UserName="WSIshop", Password=PASSWORD, art={
        "ArticleOperation": "CreateOrUpdate", "ArticleIdentification": "ArticleNumber", "ArticleNumber": "MUG"})
    assert article.Success, article.ErrorMessage
    with session_scope(live_server.session_factory) as session:
        owner_id = access.find_goods_owner(session, "SHOP").id
    created = _run(capsys, "warehouse", "transfer", "create", "--goods-owner-id", str(owner_id), "--number", "T-1",
                   "--from", "MAIN", "--to", "NORTH", "--line", "1:MUG=1")
    assert "T-1" in created


class _Lines:
    def __init__(self, line: str) -> None:
        self.line = line

    def readline(self) -> str:
        return self.line + "\n"

    def isatty(self) -> bool:
        return False

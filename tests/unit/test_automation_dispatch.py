"""The Automation dispatcher's rules that need no server: registration checks and the in-band error answer."""

from __future__ import annotations

import pytest

from wms_soap.errors import AuthenticationFailed, Conflict, NotFound, ValidationFailed
from wms_soap.security.principal import Principal
from wms_soap.services.access.operators import OperatorNotSpecified, acting
from wms_soap.services.warehouse.automated_systems import AlreadyHandled
from wms_soap.soap.automation.contract import BY_NAME
from wms_soap.soap.automation.dispatch import ErrorAnswer, handler


def test_a_write_without_an_operator_element_cannot_get_a_handler() -> None:
    with pytest.raises(ValueError, match=r"UpdateArticle writes, but its request has no \.\.\.ByUser element"):
        handler("UpdateArticle")


def test_an_unknown_operation_or_error_type_is_refused_at_registration() -> None:
    with pytest.raises(ValueError, match="not an operation of the Automation API"):
        handler("NoSuchOperation")
    with pytest.raises(ValueError, match="maps to 'Typo'"):
        handler("MoveArticleItem", error_types={NotFound: "Typo"})


def test_the_error_answer_picks_the_most_specific_value() -> None:
    answer = ErrorAnswer(BY_NAME["ArticleItemInLocationHandled"], {
        NotFound: "ArticleItemInLocationNotFound", AlreadyHandled: "AlreadyHandled", Conflict: "NotToBeHandled",
        ValidationFailed: "NotToBeHandled"})
    cases = {AlreadyHandled("x"): "AlreadyHandled", Conflict("x"): "NotToBeHandled",
             OperatorNotSpecified("x"): "OperatorNotSpecified", AuthenticationFailed(): "LogonError",
             NotFound("x"): "ArticleItemInLocationNotFound", ValidationFailed("y"): "NotToBeHandled"}
    for error, expected in cases.items():
        result = answer(error)
        assert (result.Success, result.Message) == (False, str(error))
        [item] = result.Errors
        assert (item.ErrorType, item.Message) == (expected, str(error))


def test_get_users_answers_an_error_in_its_public_shape() -> None:
    result = ErrorAnswer(BY_NAME["GetUsers"], {})(AuthenticationFailed())
    assert (result.Success, result.Message, result.Users) == (False, "Logon failed: wrong username, password or "
                                                              "goods owner", None)


@pytest.mark.parametrize("name", [None, "", "   "])
def test_a_write_names_a_person(name: str | None) -> None:
    principal = Principal("automation", 1, "lift-1")
    with pytest.raises(OperatorNotSpecified, match="MovedByUser/UserName is required"):
        acting(principal, name, "MovedByUser")
    assert str(acting(principal, " Karl ", "MovedByUser")) == "Karl (automation user lift-1)"
    with pytest.raises(ValidationFailed, match="longer than 200"):
        acting(principal, "K" * 201, "MovedByUser")

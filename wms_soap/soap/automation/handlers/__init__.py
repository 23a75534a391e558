"""Handlers of the Automation API by area; importing this package registers every one of them."""

from wms_soap.soap.automation.handlers import (  # noqa: F401
    article_items,
    articles,
    locations,
    movements,
    registers,
)

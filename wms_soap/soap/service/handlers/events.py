"""ReportEvent: an integration's LogEvent, stored for the warehouse's operators (``wms-soap events``)."""

from __future__ import annotations

from typing import Any

from wms_soap.services import events
from wms_soap.soap.service.convert.events import event_input
from wms_soap.soap.service.convert.inorders import raise_missing
from wms_soap.soap.service.dispatch import Call, handler


@handler("ReportEvent")
def report_event(call: Call, log_event: Any) -> None:
    if log_event is None:
        raise_missing("logEvent")
    events.report_event(call.session, event_input(log_event), goods_owner_id=call.goods_owner_id,
                        username=call.principal.username if call.principal else None)

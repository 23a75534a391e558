"""GetTimeOfLastSync and SetTimeOfLastSync: the caller's goods owner (GoodsOwnerId, checked at logon) and the
IntegrationType are the key."""

from __future__ import annotations

from datetime import datetime

from wms_soap.services import sync
from wms_soap.soap.service.dispatch import Call, handler


@handler("GetTimeOfLastSync")
def get_time_of_last_sync(call: Call, integration_type: str | None) -> datetime | None:
    return sync.get_sync_time(call.session, call.goods_owner_id, integration_type)


@handler("SetTimeOfLastSync")
def set_time_of_last_sync(call: Call, integration_type: str | None, sync_time: datetime | None) -> None:
    sync.set_sync_time(call.session, call.goods_owner_id, integration_type, sync_time,
                       call.principal.username if call.principal else None)

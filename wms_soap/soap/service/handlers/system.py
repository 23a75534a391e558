"""System operations without a goods owner: GetSystemStatus."""

from datetime import datetime

from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.system import SystemStatus

_STARTED_AT = datetime.now().replace(microsecond=0)
"""The build time the service reports: when this process loaded its handlers."""


@handler("GetSystemStatus")
def get_system_status(call: Call) -> SystemStatus:
    """Liveness as Ongoing reports it; needs no credentials."""
    return SystemStatus(SystemStatusText="OK", IsRunning=True, BuildTime=_STARTED_AT)

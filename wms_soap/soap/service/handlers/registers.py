"""Registers a goods owner reads: the server clock, order and in-order statuses, transporter contracts; and the
system status, which needs no credentials."""

from __future__ import annotations

from datetime import datetime
from itertools import groupby

from wms_soap.services import registers
from wms_soap.soap.service.dispatch import Call, handler
from wms_soap.soap.service.types.inorders import GetInOrderStatusesResult, InOrderStatus
from wms_soap.soap.service.types.orders import GetOrderStatusesResult, OrderStatus
from wms_soap.soap.service.types.shipments import GetTransporterContractsResult, TransporterContract, TransporterService
from wms_soap.soap.service.types.system import SystemInfo, SystemStatus
from wms_soap.store.inventory import TransporterContract as StoredContract

_STARTED_AT = datetime.now().replace(microsecond=0)
"""The build time the service reports: when this process loaded its handlers."""


@handler("GetSystemStatus")
def get_system_status(call: Call) -> SystemStatus:
    """Liveness as Ongoing reports it; needs no credentials."""
    return SystemStatus(SystemStatusText="OK", IsRunning=True, BuildTime=_STARTED_AT)


@handler("GetSystemInfo")
def get_system_info(call: Call) -> SystemInfo:
    _ = call.goods_owner_id  # a caller without a goods owner is refused here too
    return SystemInfo(SystemTime=registers.system_time())


@handler("GetOrderStatuses")
def get_order_statuses(call: Call) -> GetOrderStatusesResult:
    warehouse_id = registers.warehouse_of(call.session, call.goods_owner_id)
    return GetOrderStatusesResult(OrderStatuses=[
        OrderStatus(OrderStatusId=number, OrderStatusName=text)
        for number, text in registers.order_statuses(call.session, warehouse_id)])


@handler("GetInOrderStatuses")
def get_in_order_statuses(call: Call) -> GetInOrderStatusesResult:
    warehouse_id = registers.warehouse_of(call.session, call.goods_owner_id)
    return GetInOrderStatusesResult(InOrderStatuses=[
        InOrderStatus(InOrderStatusId=number, InOrderStatusName=text)
        for number, text in registers.in_order_statuses(call.session, warehouse_id)])


@handler("GetTransporterContracts")
def get_transporter_contracts(call: Call) -> GetTransporterContractsResult:
    """One TransporterContract per transporter and customer number, listing its services."""
    contracts = registers.transporter_contracts(call.session, call.goods_owner_id)
    grouped = groupby(contracts, key=lambda c: (c.transporter.code, c.customer_number, c.edi_customer_code))
    return GetTransporterContractsResult(TransporterContracts=[_contract(list(group)) for _, group in grouped])


def _contract(services: list[StoredContract]) -> TransporterContract:
    first = services[0]
    return TransporterContract(
        TransporterName=first.transporter.name, TransporterCustomerNumber=first.customer_number,
        EDICustomerCode=first.edi_customer_code, TransporterCode=first.transporter.code,
        TransporterServiceCode=first.service_code,
        TransporterServices=[TransporterService(TransporterServiceName=entry.service_name,
                                                TransporterServiceCode=entry.service_code)
                             for entry in services if entry.service_code is not None] or None,
    )

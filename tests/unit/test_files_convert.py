"""Strict base64 reading, and the wire <-> domain mapping of files and LogEvent (no sockets, no database)."""

from __future__ import annotations

import base64
from datetime import datetime

import pytest
from spyne import Fault

from wms_soap.services.events import REFERENCE_FIELDS
from wms_soap.soap.protocol import strict_base64
from wms_soap.soap.service.convert import events
from wms_soap.soap.service.convert import files as convert
from wms_soap.soap.service.types.system import LogEvent


@pytest.mark.parametrize("text", ["", "aGVsbG8=", " aGVs\r\n bG8=\n", base64.encodebytes(b"x" * 500).decode()])
def test_valid_base64_with_whitespace_is_read(text: str) -> None:
    assert strict_base64(text, "FileBytes") == base64.b64decode("".join(text.split()))


@pytest.mark.parametrize("text", ["aGVsbG8", "aGVsbG8=!", "!aGVsbG8=", "a", "aGVs-bG8=", "aGVsbG8==", "hé=="])
def test_malformed_base64_is_a_client_fault_naming_the_element(text: str) -> None:
    with pytest.raises(Fault) as raised:
        strict_base64(text, "FileBytes")
    assert (raised.value.faultcode, raised.value.faultstring) == ("Client.InvalidBase64",
                                                                  "FileBytes is not valid base64")


def test_every_log_event_reference_has_its_wire_element() -> None:
    wire_fields = set(LogEvent.get_flat_type_info(LogEvent))
    assert set(events.REFERENCE_WIRE_NAMES) == set(REFERENCE_FIELDS)
    assert set(events.REFERENCE_WIRE_NAMES.values()) <= wire_fields
    assert events.REFERENCE_WIRE_NAMES["parent_message_log_id"] == "ParentMessageLogId"


def test_event_input_reads_a_dotnet_default_time_as_no_time() -> None:
    unset = events.event_input(LogEvent(Time=datetime(1, 1, 1), Type="Info", Success=True))
    assert unset.time is None and unset.event_type == "Info" and unset.success is True
    assert events.event_input(LogEvent(Time=datetime(2026, 1, 2), OrderId=5)).references["order_id"] == 5


def test_file_bytes_are_joined_and_empty_strings_are_not_given() -> None:
    assert convert.file_bytes((b"ab", b"cd")) == b"abcd" and convert.file_bytes(None) is None
    assert convert.text("") is None and convert.text("x") == "x"

"""The plan serializer writes exactly what Spyne writes: random instances of every result type, compared as C14N."""

import random
import string
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from lxml import etree
from spyne import Application, ByteArray, ComplexModelBase, XmlAttribute
from spyne.model.complex import Array
from spyne.model.primitive import Boolean, DateTime, Integer, Unicode
from spyne.model.primitive import Decimal as SpyneDecimal

from wms_soap.soap.fastxml import FAST_OPERATIONS, FastSerializeMixin, PlanSerializer, fast_out_protocol
from wms_soap.soap.primitives import TNS
from wms_soap.soap.protocol import GoodsOwnerSoap11, GoodsOwnerSoap12
from wms_soap.soap.service.contract import BY_NAME, OPERATIONS
from wms_soap.soap.service.methods import build_service
from wms_soap.soap.service.types.inventory import InventoryLine, InventoryLineDetailed

SAMPLES_PER_TYPE = 6
TEXT = string.ascii_letters + string.digits + " &<>\"'åäö€\t\n\r]]>"


class RandomInstances:
    """Random, densely or sparsely populated instances of Spyne types (arrays, nils, derived classes, odd text)."""

    def __init__(self, seed: int, fill: float) -> None:
        self.rng = random.Random(seed)
        self.fill = fill

    def value(self, cls: Any, depth: int = 0) -> Any:
        if issubclass(cls, Array):
            (item_cls,) = cls._type_info.values()
            return [self.item(item_cls, depth + 1) for _ in range(self.rng.randint(0, 3))]
        orig = getattr(cls, "__orig__", None) or cls
        if issubclass(orig, ComplexModelBase):
            return self.complex(orig, depth)
        return self.primitive(cls)

    def item(self, cls: Any, depth: int) -> Any:
        if cls.Attributes.nillable and self.rng.random() < 0.15:
            return None
        return self.value(cls, depth)

    def complex(self, cls: Any, depth: int) -> Any:
        if cls is InventoryLine and self.rng.random() < 0.3:
            cls = InventoryLineDetailed
        inst = cls()
        for name, field_cls in cls.get_flat_type_info(cls).items():
            if self.rng.random() > self.fill or (depth > 5 and _is_complex(field_cls)):
                continue
            if issubclass(field_cls, XmlAttribute):
                setattr(inst, name, self.primitive(field_cls.type))
            elif field_cls.Attributes.max_occurs > 1:
                setattr(inst, name, [self.item(field_cls, depth + 1) for _ in range(self.rng.randint(0, 3))])
            else:
                setattr(inst, name, self.value(field_cls, depth + 1))
        return inst

    def primitive(self, cls: Any) -> Any:
        rng = self.rng
        values = getattr(cls.Attributes, "values", None)
        if values:
            return rng.choice(sorted(values))
        if issubclass(cls, Boolean):
            return rng.random() < 0.5
        if issubclass(cls, Integer):
            return rng.randint(-(2**31), 2**31 - 1)
        if issubclass(cls, SpyneDecimal):
            return rng.choice([Decimal("1E+2"), Decimal("1E-8"), Decimal("12.500"), Decimal(-3),
                               Decimal(rng.randint(0, 10**6)) / 1000])
        if issubclass(cls, DateTime):
            moment = datetime(2024, 1, 1) + timedelta(seconds=rng.randint(0, 10**8), microseconds=rng.randint(0, 2))
            return moment.replace(tzinfo=UTC) if rng.random() < 0.2 else moment
        if issubclass(cls, ByteArray):
            return [bytes(rng.randrange(256) for _ in range(rng.randint(0, 12)))]
        if issubclass(cls, Unicode):
            return "".join(rng.choice(TEXT) for _ in range(rng.randint(0, 12)))
        raise AssertionError(f"no generator for {cls}")


def _is_complex(cls: Any) -> bool:
    return issubclass(getattr(cls, "__orig__", None) or cls, ComplexModelBase)


def _application(protocol: Any, name: str) -> Application:
    service = build_service({})
    return Application([service], tns=TNS, name=f"{name}{protocol.__name__}", in_protocol=protocol(validator=None),
                       out_protocol=protocol(polymorphic=True))


@pytest.fixture(scope="module", params=[GoodsOwnerSoap11, GoodsOwnerSoap12], ids=["soap11", "soap12"])
def protocols(request: Any) -> tuple[Any, Any]:
    """(Spyne's out protocol, the fast one) of the same contract."""
    spyne_app = _application(request.param, "SpyneOut")
    fast_app = _application(fast_out_protocol(request.param), "FastOut")
    return spyne_app.out_protocol, fast_app.out_protocol


def _canonical(element: Any) -> bytes:
    etree.cleanup_namespaces(element)
    return etree.tostring(element, method="c14n")


def _envelope(protocol: Any) -> Any:
    return etree.Element(f"{{{protocol.ns_soap_env}}}Body", nsmap=protocol.app.interface.nsmap)


def _result_types() -> Iterator[tuple[str, Any]]:
    seen: set[Any] = set()
    for operation in OPERATIONS:
        result = operation.result_class
        if result is not None and result not in seen:
            seen.add(result)
            yield operation.name, result


RESULT_TYPES = list(_result_types())


@pytest.mark.parametrize(("operation", "result_cls"), RESULT_TYPES, ids=[name for name, _ in RESULT_TYPES])
def test_every_result_type_is_written_as_spyne_writes_it(protocols: tuple[Any, Any], operation: str,
                                                         result_cls: Any) -> None:
    spyne_prot, fast_prot = protocols
    declared = BY_NAME[operation].result_type
    for seed in range(SAMPLES_PER_TYPE):
        inst = RandomInstances(seed, fill=0.9 if seed % 2 else 0.4).value(result_cls)
        expected, actual = _envelope(spyne_prot), _envelope(fast_prot)
        spyne_prot.to_parent(None, declared, inst, expected, TNS, "Result")
        fast_prot.plan_serializer.write(None, declared, inst, actual, TNS, "Result")
        assert _canonical(actual) == _canonical(expected), f"{operation} seed {seed}"


def _ctx(protocol: Any, operation: str, result: Any) -> Any:
    descriptor = protocol.app.interface.service_method_map[f"{{{TNS}}}{operation}"][0]
    bare = BY_NAME[operation].bare_messages
    out_object = [bare[1](**{BY_NAME[operation].result_name: result})] if bare else [result]
    return _Context(descriptor=descriptor, out_object=out_object, out_error=None, out_header=None,
                    out_document=None, out_body_doc=None, out_string=None)


class _Context:
    """What the out protocol reads and writes of Spyne's MethodContext (hashable and weak-referenceable like it)."""

    def __init__(self, **attributes: Any) -> None:
        self.__dict__.update(attributes)


def _answer(protocol: Any, operation: str, result: Any) -> tuple[bytes, Any]:
    """The response bytes as the WSGI server gets them (serialize, then create_out_string)."""
    ctx = _ctx(protocol, operation, result)
    protocol.serialize(ctx, protocol.RESPONSE)
    protocol.create_out_string(ctx)
    return b"".join(ctx.out_string), ctx


def _rendered_as_text(protocol: Any, operation: str, result: Any) -> bool:
    ctx = _ctx(protocol, operation, result)
    protocol.serialize(ctx, protocol.RESPONSE)
    return protocol.pending_text.pop(ctx, None) is not None


def _operations_with_results() -> list[str]:
    seen: set[Any] = set()
    names = []
    for operation in OPERATIONS:
        if operation.result_class is not None and operation.result_class not in seen:
            seen.add(operation.result_class)
            names.append(operation.name)
    return names


@pytest.mark.parametrize("operation", _operations_with_results())
def test_every_answer_is_byte_for_byte_spynes(protocols: tuple[Any, Any], operation: str) -> None:
    """The text writer (and, where it steps aside, the tree writer) on every result type of the contract."""
    spyne_prot, fast_prot = protocols
    fast_prot.fast_operations = {op.name for op in OPERATIONS}
    try:
        texts = 0
        for seed in range(SAMPLES_PER_TYPE):
            result = RandomInstances(200 + seed, fill=0.9 if seed % 2 else 0.5).value(BY_NAME[operation].result_class)
            expected, _ = _answer(spyne_prot, operation, result)
            texts += _rendered_as_text(fast_prot, operation, result)
            actual, _ = _answer(fast_prot, operation, result)
            assert actual == expected, f"{operation} seed {seed}"
        assert texts > 0 or operation == "GetInventoryByQuery"
    finally:
        del fast_prot.fast_operations


@pytest.mark.parametrize("operation", sorted(FAST_OPERATIONS))
def test_the_hot_operations_envelope_is_the_one_spyne_builds(protocols: tuple[Any, Any], operation: str) -> None:
    spyne_prot, fast_prot = protocols
    for seed in range(3):
        result = RandomInstances(100 + seed, fill=0.8).value(BY_NAME[operation].result_class)
        expected, _ = _answer(spyne_prot, operation, result)
        fast_prot.text_writer_enabled = False
        try:
            tree, _ = _answer(fast_prot, operation, result)
        finally:
            del fast_prot.text_writer_enabled
        text, _ = _answer(fast_prot, operation, result)
        assert tree == expected
        assert text == expected


def test_text_xml_cannot_carry_falls_back_to_spynes_error(protocols: tuple[Any, Any]) -> None:
    spyne_prot, fast_prot = protocols
    order = BY_NAME["GetOrderByOrderNumber"].result_class(MessageId="bell \x07")
    with pytest.raises(ValueError, match="XML compatible"):
        _answer(spyne_prot, "GetOrderByOrderNumber", order)
    with pytest.raises(ValueError, match="XML compatible"):
        _answer(fast_prot, "GetOrderByOrderNumber", order)


def test_only_the_hot_operations_take_the_fast_path(protocols: tuple[Any, Any]) -> None:
    _, fast_prot = protocols
    assert isinstance(fast_prot, FastSerializeMixin)
    status = _ctx(fast_prot, "GetSystemStatus", None)
    orders = _ctx(fast_prot, "GetOrdersByQuery", None)
    assert not fast_prot._fast_eligible(status, fast_prot.RESPONSE)
    assert fast_prot._fast_eligible(orders, fast_prot.RESPONSE)
    orders.out_error = ValueError("a fault goes to Spyne")
    assert not fast_prot._fast_eligible(orders, fast_prot.RESPONSE)


def test_a_plan_is_built_once_per_type(protocols: tuple[Any, Any]) -> None:
    serializer = PlanSerializer(protocols[1])
    order = BY_NAME["GetOrderByOrderNumber"].result_class
    assert serializer.plan(order) is serializer.plan(order)
    names = [field.name for field in serializer.plan(order).fields]
    assert names == list(order._type_info)


def test_a_derived_inventory_line_is_typed_as_dotnet_types_it(protocols: tuple[Any, Any]) -> None:
    """``xsi:type`` of a type in the answer's default namespace is unprefixed (the ``tns`` prefix is not declared)."""
    spyne_prot, fast_prot = protocols
    result = BY_NAME["GetInventoryByQuery"].result_class()
    detailed = RandomInstances(3, fill=1.0).complex(InventoryLineDetailed, 1)
    result.InventoryLines = [detailed, None, RandomInstances(4, fill=1.0).complex(InventoryLine, 1)]
    expected, _ = _answer(spyne_prot, "GetInventoryByQuery", result)
    actual, _ = _answer(fast_prot, "GetInventoryByQuery", result)
    assert b'<InventoryLine xsi:type="InventoryLineDetailed">' in actual
    assert actual == expected
    assert not _rendered_as_text(fast_prot, "GetInventoryByQuery", result)  # xsi:type: the text writer stepped aside

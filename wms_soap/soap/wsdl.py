"""Post-processing of the WSDL Spyne builds, for what Spyne cannot express.

Spyne writes one SOAP 1.1 binding whose ``soapAction`` is the bare operation name. The reference (an ASMX
service) has ``soapAction="http://ongoingsystems.se/WSI/<Op>"`` and a second, SOAP 1.2, binding and port over
the same portType. We also drop the ``default`` attributes our output defaults add to the schema (they are not
in the reference), and, for an ASMX look-alike, the global element Spyne adds for every complex type, and
we put ``wsdl:service`` last (some tools dislike Spyne's order).
"""

import copy
from collections.abc import Iterable

from lxml import etree

from wms_soap.soap.primitives import TNS

WSDL = "http://schemas.xmlsoap.org/wsdl/"
SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/"
SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/"
XS = "http://www.w3.org/2001/XMLSchema"


def _w(tag: str) -> str:
    return f"{{{WSDL}}}{tag}"


def set_soap_actions(root: etree._Element, namespace: str = TNS) -> etree._Element:
    """Spyne's one binding, with ``soapAction`` = namespace + operation; returns it."""
    binding = root.find(_w("binding"))
    assert binding is not None, "Spyne wrote no binding"
    for op in binding.iterfind(_w("operation")):
        soap_op = op.find(f"{{{SOAP11}}}operation")
        assert soap_op is not None
        soap_op.set("soapAction", f"{namespace}/{op.get('name')}")
    return binding


def add_soap12_binding(root: etree._Element, binding11: etree._Element) -> None:
    """A ``<Name>Soap12`` binding and port (``ServiceSoap12``): the SOAP 1.1 ones with soap12 extension elements."""
    binding12 = copy.deepcopy(binding11)
    name12 = f"{binding11.get('name')}12"
    binding12.set("name", name12)
    for el in binding12.iter(f"{{{SOAP11}}}*"):
        el.tag = f"{{{SOAP12}}}{etree.QName(el).localname}"
    binding11.addnext(binding12)
    port11 = root.find(f"{_w('service')}/{_w('port')}")
    assert port11 is not None, "Spyne wrote no port"
    port12 = copy.deepcopy(port11)
    port12.set("name", name12)
    port12.set("binding", (port11.get("binding") or "").rsplit(":", 1)[0] + f":{name12}")
    port12[0].tag = f"{{{SOAP12}}}address"
    port11.addnext(port12)


def _schema(root: etree._Element, namespace: str) -> etree._Element:
    for schema in root.iter(f"{{{XS}}}schema"):
        if schema.get("targetNamespace") == namespace:
            return schema
    raise AssertionError(f"no schema for {namespace}")


def strip_defaults(schema: etree._Element) -> None:
    """Our output defaults (``default="0"``) are a serialization detail, not part of the contract."""
    for el in schema.iter(f"{{{XS}}}element"):
        el.attrib.pop("default", None)


def _message_elements(root: etree._Element) -> set[str]:
    return {(part.get("element") or "").rsplit(":", 1)[-1] for part in root.iter(_w("part"))}


def prune_elements(schema: etree._Element, keep: set[str]) -> None:
    """Drop the global element Spyne adds per complex type; only message-part elements stay."""
    for el in schema.findall(f"{{{XS}}}element"):
        if el.get("name") not in keep:
            schema.remove(el)


def check_bare_wrappers(schema: etree._Element, bare_operations: Iterable[str]) -> None:
    """A bare-style wrapper shares its name with a data type; make sure the wrapper element won."""
    types = {el.get("name"): (el.get("type") or "").rsplit(":", 1)[-1] for el in schema.findall(f"{{{XS}}}element")}
    for name in bare_operations:
        if types.get(name) == name:
            raise AssertionError(f"element {name} is typed by the data type {name}, not by its request wrapper")


def polish(root: etree._Element, binding11: etree._Element) -> None:
    """ASMX names and no Spyne extras: messages ``<Op>SoapIn``/``<Op>SoapOut``, no ``parameterOrder``, no names
    on the operations' input/output, on ``definitions`` or ``style`` on ``soap:binding``."""
    renamed = {}
    for port_op in root.iterfind(f"{_w('portType')}/{_w('operation')}"):
        port_op.attrib.pop("parameterOrder", None)
        for tag, suffix in (("input", "SoapIn"), ("output", "SoapOut")):
            io = port_op.find(_w(tag))
            if io is not None:
                io.attrib.pop("name", None)
                prefix, _, old = (io.get("message") or "").rpartition(":")
                renamed[old] = f"{port_op.get('name')}{suffix}"
                io.set("message", f"{prefix}:{renamed[old]}")
    for message in root.iterfind(_w("message")):
        message.set("name", renamed.get(message.get("name") or "", message.get("name") or ""))
    for io in binding11.iterfind(f"{_w('operation')}/*"):
        io.attrib.pop("name", None)
    root.attrib.pop("name", None)
    soap_binding = binding11.find(f"{{{SOAP11}}}binding")
    if soap_binding is not None:
        soap_binding.attrib.pop("style", None)


def _type_refs(el: etree._Element, namespace: str) -> list[str]:
    """Local names of the types of ``namespace`` an element refers to, in document order."""
    refs = []
    for node in el.iter(f"{{{XS}}}element", f"{{{XS}}}attribute", f"{{{XS}}}extension"):
        for attr in ("type", "base"):
            prefix, _, local = (node.get(attr) or "").rpartition(":")
            if local and node.nsmap.get(prefix or None) == namespace:
                refs.append(local)
    return refs


def inline_wrappers(schema: etree._Element, keep: set[str], namespace: str = TNS) -> None:
    """Message elements get their wrapper type inline (anonymous), as ASMX writes them."""
    uses: dict[str, int] = {}
    for ref in _type_refs(schema, namespace):
        uses[ref] = uses.get(ref, 0) + 1
    types = {ct.get("name"): ct for ct in schema.findall(f"{{{XS}}}complexType")}
    for el in schema.findall(f"{{{XS}}}element"):
        type_name = (el.get("type") or "").rpartition(":")[2]
        if el.get("name") in keep and type_name in types and uses.get(type_name) == 1:
            wrapper = types.pop(type_name)
            schema.remove(wrapper)
            wrapper.attrib.pop("name")
            el.attrib.pop("type")
            el.append(wrapper)


def asmx_order(root: etree._Element, schema: etree._Element, namespace: str = TNS) -> None:
    """Declarations in ASMX order: per operation its input element, the types it reaches (depth first, a derived
    type after its base's subtree), then its output element and the types that reaches."""
    types = {t.get("name"): t for t in schema if etree.QName(t).localname in ("complexType", "simpleType")}
    elements = {e.get("name"): e for e in schema.findall(f"{{{XS}}}element")}
    derived: dict[str, list[str]] = {}
    for name, t in types.items():
        ext = t.find(f"{{{XS}}}complexContent/{{{XS}}}extension")
        if ext is not None:
            derived.setdefault((ext.get("base") or "").rpartition(":")[2], []).append(name or "")
    ordered: list[etree._Element] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in types:
            return
        seen.add(name)
        ordered.append(types[name])
        for ref in _type_refs(types[name], namespace):
            visit(ref)
        for sub in derived.get(name, ()):
            visit(sub)

    parts = {m.get("name"): (m.find(f"{_w('part')}").get("element") or "").rpartition(":")[2]
             for m in root.iterfind(_w("message")) if m.find(_w("part")) is not None}
    for port_op in root.iterfind(f"{_w('portType')}/{_w('operation')}"):
        for io in port_op:
            element = elements.pop(parts.get((io.get("message") or "").rpartition(":")[2], ""), None)
            if element is not None:
                ordered.append(element)
                for ref in _type_refs(element, namespace):
                    visit(ref)
    ordered += [t for name, t in types.items() if name not in seen] + list(elements.values())
    for el in ordered:
        schema.append(el)


def finish(root: etree._Element, bare_operations: Iterable[str] = (), *, namespace: str = TNS) -> None:
    """Everything the served document needs beyond Spyne's output; run once, at start-up. ``namespace`` is the
    face's (the goods-owner WSI one by default; the Automation API's for Automation.asmx)."""
    binding11 = set_soap_actions(root, namespace)
    polish(root, binding11)
    add_soap12_binding(root, binding11)
    schema = _schema(root, namespace)
    keep = _message_elements(root)
    check_bare_wrappers(schema, bare_operations)
    strip_defaults(schema)
    prune_elements(schema, keep)
    inline_wrappers(schema, keep, namespace)
    asmx_order(root, schema, namespace)
    service = root.find(_w("service"))
    assert service is not None
    root.append(service)

"""Post-processing of the admin WSDL: URI soapActions, no per-type global elements, anonymous (inline) wrapper
types as ASMX writes them (so .NET sees wrapped operations), ``wsdl:service`` last."""

from lxml import etree

from wms_soap.soap.admin.types import TNS

WSDL = "http://schemas.xmlsoap.org/wsdl/"
SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/"
XS = "http://www.w3.org/2001/XMLSchema"


def _w(tag: str) -> str:
    return f"{{{WSDL}}}{tag}"


def soap_action(operation: str) -> str:
    return f"{TNS}/{operation}"


def set_soap_actions(root: etree._Element) -> None:
    for operation in root.iter(_w("operation")):
        soap_op = operation.find(f"{{{SOAP11}}}operation")
        if soap_op is not None:
            soap_op.set("soapAction", soap_action(operation.get("name") or ""))


def _type_uses(schema: etree._Element) -> dict[str, int]:
    uses: dict[str, int] = {}
    for node in schema.iter(f"{{{XS}}}element"):
        prefix, _, local = (node.get("type") or "").rpartition(":")
        if node.nsmap.get(prefix or None) == TNS:
            uses[local] = uses.get(local, 0) + 1
    return uses


def inline_wrappers(schema: etree._Element, keep: set[str]) -> None:
    """A message element gets its wrapper type inline (anonymous) when nothing else uses that type."""
    uses = _type_uses(schema)
    types = {ct.get("name"): ct for ct in schema.findall(f"{{{XS}}}complexType")}
    for element in schema.findall(f"{{{XS}}}element"):
        type_name = (element.get("type") or "").rpartition(":")[2]
        if element.get("name") in keep and type_name in types and uses.get(type_name) == 1:
            wrapper = types.pop(type_name)
            schema.remove(wrapper)
            del wrapper.attrib["name"]
            del element.attrib["type"]
            element.append(wrapper)


def prune_and_inline(root: etree._Element) -> None:
    """Keep only the global elements a message part uses (Spyne adds one per complex type), typed inline."""
    used = {(part.get("element") or "").rsplit(":", 1)[-1] for part in root.iter(_w("part"))}
    for schema in root.iter(f"{{{XS}}}schema"):
        for element in schema.findall(f"{{{XS}}}element"):
            if element.get("name") not in used:
                schema.remove(element)
        inline_wrappers(schema, used)


def sort_schema(root: etree._Element) -> None:
    """Named types, then elements, each by name: Spyne's own order depends on hash seeds, the snapshot must not."""
    for schema in root.iter(f"{{{XS}}}schema"):
        declarations = [child for child in schema if child.tag in (f"{{{XS}}}complexType", f"{{{XS}}}element")]
        for child in declarations:
            schema.remove(child)
        declarations.sort(key=lambda child: (child.tag != f"{{{XS}}}complexType", child.get("name") or ""))
        schema.extend(declarations)


def finish(root: etree._Element) -> None:
    set_soap_actions(root)
    prune_and_inline(root)
    sort_schema(root)
    service = root.find(_w("service"))
    if service is not None:
        root.append(service)
    etree.indent(root, space="  ")

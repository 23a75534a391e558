"""Post-processing of the admin WSDL: URI soapActions, no per-type global elements, ``wsdl:service`` last."""

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


def prune_elements(root: etree._Element) -> None:
    """Keep only the global elements a message part uses (Spyne adds one per complex type)."""
    used = {(part.get("element") or "").rsplit(":", 1)[-1] for part in root.iter(_w("part"))}
    for schema in root.iter(f"{{{XS}}}schema"):
        for element in schema.findall(f"{{{XS}}}element"):
            if element.get("name") not in used:
                schema.remove(element)


def finish(root: etree._Element) -> None:
    set_soap_actions(root)
    prune_elements(root)
    service = root.find(_w("service"))
    if service is not None:
        root.append(service)
    etree.indent(root, space="  ")

"""Write the contract the server publishes (``wms-soap wsdl``): ``wsdl/service.wsdl`` and ``schema/service.xsd``."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from wms_soap.soap.primitives import TNS
from wms_soap.soap.service.wsgi import GoodsOwnerSoapApp

if TYPE_CHECKING:
    from wms_soap.config import Settings

XS = "http://www.w3.org/2001/XMLSchema"


def contract_wsdl(settings: Settings) -> bytes:
    """The WSDL exactly as the server serves it at ``?WSDL`` for these settings."""
    return GoodsOwnerSoapApp(settings, None, with_edge=False).wsdl


def schema_of(wsdl_bytes: bytes) -> bytes:
    """The WSDL's schema of the WSI namespace as a standalone XSD document."""
    root = etree.fromstring(wsdl_bytes, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    schema = next(s for s in root.iter(f"{{{XS}}}schema") if s.get("targetNamespace") == TNS)
    nsmap = {prefix: ns for prefix, ns in schema.nsmap.items() if ns in (XS, TNS)}
    standalone = etree.Element(schema.tag, attrib=dict(schema.attrib), nsmap=nsmap)
    standalone.extend(copy.deepcopy(child) for child in schema)
    etree.indent(standalone, space="  ")
    return etree.tostring(standalone, xml_declaration=True, encoding="UTF-8") + b"\n"


def write_contract(settings: Settings, out_dir: Path) -> list[Path]:
    """Write ``out_dir/wsdl/service.wsdl`` and ``out_dir/schema/service.xsd``; returns the paths written."""
    document = contract_wsdl(settings)
    targets = {out_dir / "wsdl" / "service.wsdl": document, out_dir / "schema" / "service.xsd": schema_of(document)}
    for path, data in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return list(targets)

"""wms-soap: a goods-owner SOAP server wire-compatible with Ongoing WMS."""

__version__ = "0.1.0"

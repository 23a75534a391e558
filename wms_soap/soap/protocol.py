"""The hardened SOAP 1.1 / 1.2 protocols (placeholder: the security/edge work replaces the bodies)."""

from spyne.protocol.soap import Soap11, Soap12


class GoodsOwnerSoap11(Soap11):
    """SOAP 1.1 in/out protocol of the goods-owner face."""


class GoodsOwnerSoap12(Soap12):
    """SOAP 1.2 in/out protocol of the goods-owner face."""

"""Wire <-> domain mapping, one module per area: small named functions used by the SOAP handlers."""

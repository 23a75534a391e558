"""Wire <-> service values of the Automation API, by area (the same stems as ``handlers/``)."""

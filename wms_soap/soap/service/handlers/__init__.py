"""Operation handlers by area; importing this package registers every handler that exists."""

import importlib
import pkgutil


def load_all() -> None:
    """Import every handler module of this package (each registers with ``@handler``)."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")

"""The store: SQLAlchemy 2 typed models, engine and session factories, Alembic migrations.

Importing any part of the store imports every model module (``models``): relationships name classes of other
modules by string, and SQLAlchemy resolves them all at once, on the first query of any model.
"""

from wms_soap.store import models as _models  # noqa: F401

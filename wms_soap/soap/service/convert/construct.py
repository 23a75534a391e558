"""Fast construction of wide contract types (ArticleClass has about 70 fields).

Spyne's ``ComplexModelBase.__init__`` walks every field on every instance (a default per field, a ``setattr`` per
keyword). For a plain contract type it amounts to: every field set to its declared default (or None), then the
keywords. ``constructor(cls)`` does exactly that with two dict updates, and is only used for classes where the two
are equal (no default factories, read-only fields, properties, XML-data fields or SQLAlchemy mapping), otherwise it
returns the class itself. tests/unit/test_construct.py checks the equality.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spyne.model.complex import ComplexModelBase

T = TypeVar("T")


def _plain(cls: Any, fields: dict[str, Any]) -> bool:
    if (cls.__init__ is not ComplexModelBase.__init__ or cls.Attributes._xml_tag_body_as is not None
            or hasattr(cls, "_sa_class_manager") or cls.__orig__ is not None):
        return False
    return not any(field.Attributes.default_factory is not None or getattr(field.Attributes, "read_only", False)
                   or isinstance(getattr(cls, name, None), property) for name, field in fields.items())


def constructor(cls: type[T]) -> Callable[..., T]:
    """A function building ``cls`` instances from keyword arguments, equal to ``cls(**values)``."""
    fields = dict(cls.get_flat_type_info(cls))  # type: ignore[attr-defined]
    if not _plain(cls, fields):
        return cls
    defaults = {name: field.Attributes.default for name, field in fields.items()}
    names = frozenset(fields)
    new = object.__new__

    def build(**values: Any) -> T:
        if not names.issuperset(values):
            raise TypeError(f"{cls.__name__} has no field {sorted(set(values) - names)}")
        instance: T = new(cls)
        state = instance.__dict__
        state.update(defaults)
        state.update(values)
        return instance

    return build

"""Who is calling: the authenticated principal handed to every service call."""

from dataclasses import dataclass
from typing import Literal

PrincipalKind = Literal["api", "automation", "admin"]


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated caller. API users carry their one goods owner; the others have none."""

    kind: PrincipalKind
    user_id: int
    username: str
    goods_owner_id: int | None = None
    goods_owner_code: str | None = None
    invoice_access: bool = False

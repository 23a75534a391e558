"""One immutable Settings object, built from ``WMS_*`` environment variables and an optional TOML file.

Precedence: environment over file over defaults. Every key is checked: an unknown ``WMS_*`` variable or file key,
or a value of the wrong kind, is a ConfigError that names the key and says what is allowed. The settings object is
passed down explicitly; nothing reads the environment deep in the code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wms_soap.errors import ConfigError

ENV_PREFIX = "WMS_"
SECRET_KEY_FILE = "secret_key"
DEFAULT_DATA_DIR = "./var"
DEFAULT_DATABASE_FILE = "wms.sqlite3"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Variables that start with WMS_ but configure the test suite, not the server.
NOT_SETTINGS = frozenset({"WMS_TEST_DATABASE_URL"})


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the server and the CLI need to know; built by ``load_settings``."""

    database_url: str
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str = ""
    warehouse: str = "demo"
    secret_key: str = dataclasses.field(default="", repr=False)
    threads: int = 8
    max_body_bytes: int = 4 * 1024 * 1024
    max_file_bytes: int = 2 * 1024 * 1024
    log_level: str = "INFO"
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = dataclasses.field(default=None, repr=False)
    smtp_starttls: bool = False
    smtp_from: str | None = None
    lockout_threshold: int = 10
    lockout_minutes: int = 15
    auth_cache_seconds: int = 300
    answer_cache_mb: int = 64
    password_min_length: int = 12
    admin_host: str | None = None
    admin_port: int | None = None


def _text(key: str, raw: Any) -> str:
    if not isinstance(raw, str):
        raise ConfigError(f"{key}: expected a string, got {raw!r}")
    return raw.strip()


def _optional_text(key: str, raw: Any) -> str | None:
    return _text(key, raw) or None


def _integer(minimum: int, maximum: int | None = None) -> Callable[[str, Any], int]:
    def parse(key: str, raw: Any) -> int:
        try:
            value = raw if isinstance(raw, int) and not isinstance(raw, bool) else int(str(raw).strip())
        except ValueError:
            raise ConfigError(f"{key}: expected a whole number, got {raw!r}") from None
        if value < minimum or (maximum is not None and value > maximum):
            upper = f" and at most {maximum}" if maximum is not None else ""
            raise ConfigError(f"{key}: must be at least {minimum}{upper}, got {value}")
        return value

    return parse


def _optional_port(key: str, raw: Any) -> int | None:
    if isinstance(raw, str) and not raw.strip():
        return None
    return _integer(0, 65535)(key, raw)


def _boolean(key: str, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{key}: expected true or false (also 1/0, yes/no, on/off), got {raw!r}")


def _log_level(key: str, raw: Any) -> str:
    level = _text(key, raw).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"{key}: expected one of {', '.join(LOG_LEVELS)}, got {raw!r}")
    return level


def _warehouse(key: str, raw: Any) -> str:
    name = _text(key, raw).strip("/")
    if not all(char.isalnum() or char in "-_." for char in name):
        raise ConfigError(f"{key}: letters, digits, '-', '_' and '.' only (it is part of the URL), got {raw!r}")
    return name


def _url(key: str, raw: Any) -> str:
    url = _text(key, raw)
    if url and not url.startswith(("http://", "https://")):
        raise ConfigError(f"{key}: expected an http:// or https:// URL, got {raw!r}")
    return url.rstrip("/")


def _database_url(key: str, raw: Any) -> str:
    url = _text(key, raw)
    if url and "://" not in url:
        raise ConfigError(f"{key}: expected an SQLAlchemy URL such as sqlite:///var/wms.sqlite3 or "
                          f"postgresql+psycopg://user@host/db, got {raw!r}")
    return url


PARSERS: dict[str, Callable[[str, Any], Any]] = {
    "database_url": _database_url,
    "data_dir": _text,
    "host": _text,
    "port": _integer(0, 65535),
    "public_url": _url,
    "warehouse": _warehouse,
    "secret_key": _text,
    "threads": _integer(1, 256),
    "max_body_bytes": _integer(1024),
    "max_file_bytes": _integer(1),
    "log_level": _log_level,
    "smtp_host": _optional_text,
    "smtp_port": _integer(1, 65535),
    "smtp_user": _optional_text,
    "smtp_password": _optional_text,
    "smtp_starttls": _boolean,
    "smtp_from": _optional_text,
    "lockout_threshold": _integer(1),
    "lockout_minutes": _integer(1),
    "auth_cache_seconds": _integer(0),
    "answer_cache_mb": _integer(0, 65536),
    "password_min_length": _integer(8, 128),
    "admin_host": _optional_text,
    "admin_port": _optional_port,
}
assert set(PARSERS) == {field.name for field in dataclasses.fields(Settings)}


def env_name(key: str) -> str:
    return ENV_PREFIX + key.upper()


def load_settings(env: Mapping[str, str] | None = None, config_file: Path | None = None) -> Settings:
    """Settings from ``env`` (default: ``os.environ``) over ``config_file`` (TOML) over the defaults.

    A secret key that is not configured is generated once and kept in ``<data_dir>/secret_key``.
    """
    environ = os.environ if env is None else env
    raw = _read_file(config_file) if config_file is not None else {}
    raw.update(_from_env(environ))
    values = {key: PARSERS[key](source, value) for key, (source, value) in raw.items()}
    data_dir = Path(values.pop("data_dir", None) or DEFAULT_DATA_DIR)
    host = values.get("host") or "127.0.0.1"
    port = values.get("port", 8080)
    values["database_url"] = values.get("database_url") or f"sqlite:///{data_dir / DEFAULT_DATABASE_FILE}"
    values["public_url"] = values.get("public_url") or derived_public_url(host, port)
    values["secret_key"] = values.get("secret_key") or _stored_secret_key(data_dir)
    return Settings(data_dir=data_dir, **values)


def derived_public_url(host: str, port: int) -> str:
    """The public URL when none is configured: this address (a wildcard address is not one a client can call)."""
    client_host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://{client_host}:{port}"


def _from_env(environ: Mapping[str, str]) -> dict[str, tuple[str, Any]]:
    found: dict[str, tuple[str, Any]] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or name in NOT_SETTINGS:
            continue
        key = name[len(ENV_PREFIX):].lower()
        if key not in PARSERS:
            raise ConfigError(f"{name}: unknown setting; allowed: {_allowed(env_name)}")
        found[key] = (name, value)
    return found


def _read_file(path: Path) -> dict[str, tuple[str, Any]]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the configuration file ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    found: dict[str, tuple[str, Any]] = {}
    for key, value in data.items():
        if key not in PARSERS:
            raise ConfigError(f"{path}: unknown key {key!r}; allowed: {_allowed(str)}")
        found[key] = (f"{path}: {key}", value)
    return found


def _allowed(name: Callable[[str], str]) -> str:
    return ", ".join(name(key) for key in PARSERS)


def _stored_secret_key(data_dir: Path) -> str:
    """The secret key kept in the data dir, created on first use (owner-only, atomically: two processes starting at
    once agree on one key)."""
    path = data_dir / SECRET_KEY_FILE
    if path.exists():
        return _read_secret(path)
    draft = data_dir / f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(32) + "\n")
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
    except OSError as error:
        raise ConfigError(f"WMS_SECRET_KEY is not set and {path} cannot be created ({error.strerror}); "
                          "set WMS_SECRET_KEY or WMS_DATA_DIR") from None
    finally:
        with contextlib.suppress(OSError):
            draft.unlink()
    return _read_secret(path)


def _read_secret(path: Path) -> str:
    secret = path.read_text(encoding="utf-8").strip()
    if not secret:
        raise ConfigError(f"{path} is empty: delete it to have a new secret key generated, or set WMS_SECRET_KEY")
    return secret

"""Settings: defaults, environment, TOML file, precedence, and one clear error per bad key or value."""

import dataclasses
import os
from pathlib import Path

import pytest

from wms_soap.config import PARSERS, Settings, env_name, load_settings
from wms_soap.errors import ConfigError


def base_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"WMS_DATA_DIR": str(tmp_path / "var"), **extra}


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings(env=base_env(tmp_path))
    assert settings.data_dir == tmp_path / "var"
    assert settings.database_url == f"sqlite:///{tmp_path / 'var' / 'wms.sqlite3'}"
    assert (settings.host, settings.port, settings.warehouse) == ("127.0.0.1", 8080, "demo")
    assert settings.public_url == "http://127.0.0.1:8080"
    assert settings.max_body_bytes == 4 * 1024 * 1024
    assert (settings.lockout_threshold, settings.lockout_minutes, settings.auth_cache_seconds) == (10, 15, 300)
    assert settings.password_min_length == 12
    assert settings.admin_port is None and settings.smtp_host is None and settings.smtp_starttls is False


def test_every_setting_has_a_parser_and_env_name() -> None:
    names = {field.name for field in dataclasses.fields(Settings)}
    assert names == set(PARSERS)
    assert env_name("max_body_bytes") == "WMS_MAX_BODY_BYTES"


def test_environment_values_are_parsed(tmp_path: Path) -> None:
    settings = load_settings(env=base_env(
        tmp_path, WMS_PORT="9000", WMS_HOST="0.0.0.0", WMS_SMTP_STARTTLS="yes", WMS_ADMIN_PORT="9001",
        WMS_LOG_LEVEL="debug", WMS_PUBLIC_URL="https://wms.example.com/", WMS_WAREHOUSE="north",
        WMS_DATABASE_URL="postgresql+psycopg://u@db/wms", WMS_SECRET_KEY="s3cret",
    ))
    assert (settings.port, settings.host, settings.smtp_starttls, settings.admin_port) == (9000, "0.0.0.0", True, 9001)
    assert settings.log_level == "DEBUG"
    assert settings.public_url == "https://wms.example.com"
    assert settings.warehouse == "north"
    assert settings.database_url == "postgresql+psycopg://u@db/wms"
    assert settings.secret_key == "s3cret"


def test_public_url_follows_host_and_port_by_default(tmp_path: Path) -> None:
    settings = load_settings(env=base_env(tmp_path, WMS_HOST="10.0.0.5", WMS_PORT="8181"))
    assert settings.public_url == "http://10.0.0.5:8181"
    assert load_settings(env=base_env(tmp_path, WMS_HOST="0.0.0.0")).public_url == "http://127.0.0.1:8080"


@pytest.mark.parametrize(("key", "value", "fragment"), [
    ("WMS_PORT", "eighty", "WMS_PORT: expected a whole number"),
    ("WMS_PORT", "70000", "WMS_PORT: must be at least 0 and at most 65535"),
    ("WMS_THREADS", "0", "WMS_THREADS: must be at least 1"),
    ("WMS_SMTP_STARTTLS", "maybe", "WMS_SMTP_STARTTLS: expected true or false"),
    ("WMS_LOG_LEVEL", "LOUD", "WMS_LOG_LEVEL: expected one of DEBUG, INFO"),
    ("WMS_PUBLIC_URL", "ftp://x", "WMS_PUBLIC_URL: expected an http:// or https:// URL"),
    ("WMS_WAREHOUSE", "a b", "WMS_WAREHOUSE: letters, digits"),
    ("WMS_DATABASE_URL", "wms.db", "WMS_DATABASE_URL: expected an SQLAlchemy URL"),
    ("WMS_PASSWORD_MIN_LENGTH", "4", "WMS_PASSWORD_MIN_LENGTH: must be at least 8"),
])
def test_bad_values_name_the_key_and_what_is_allowed(tmp_path: Path, key: str, value: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env=base_env(tmp_path, **{key: value}))
    assert fragment in str(caught.value)


def test_unknown_environment_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="WMS_PROT: unknown setting; allowed: WMS_DATABASE_URL, "):
        load_settings(env=base_env(tmp_path, WMS_PROT="8080"))


def test_other_variables_and_the_test_database_url_are_ignored(tmp_path: Path) -> None:
    settings = load_settings(env=base_env(tmp_path, HOME="/root", WMS_TEST_DATABASE_URL="postgresql://x/y"))
    assert settings.port == 8080


def test_toml_file_with_environment_over_it(tmp_path: Path) -> None:
    config = tmp_path / "wms.toml"
    config.write_text('port = 9100\nwarehouse = "south"\nsmtp_starttls = true\nsmtp_host = "mail"\n')
    settings = load_settings(env=base_env(tmp_path, WMS_WAREHOUSE="east"), config_file=config)
    assert (settings.port, settings.warehouse, settings.smtp_starttls, settings.smtp_host) == (
        9100, "east", True, "mail")


def test_unknown_or_bad_file_keys_name_the_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "wms.toml"
    config.write_text("prot = 1\n")
    with pytest.raises(ConfigError, match=r"wms.toml: unknown key 'prot'; allowed: database_url, data_dir"):
        load_settings(env=base_env(tmp_path), config_file=config)
    config.write_text('port = "x"\n')
    with pytest.raises(ConfigError, match=r"wms.toml: port: expected a whole number"):
        load_settings(env=base_env(tmp_path), config_file=config)


def test_unreadable_or_invalid_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the configuration file"):
        load_settings(env=base_env(tmp_path), config_file=tmp_path / "missing.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("port = = 1\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(env=base_env(tmp_path), config_file=broken)


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = load_settings(env=base_env(tmp_path))
    second = load_settings(env=base_env(tmp_path))
    key_file = tmp_path / "var" / "secret_key"
    assert len(first.secret_key) >= 40
    assert first.secret_key == second.secret_key == key_file.read_text().strip()
    assert os.stat(key_file).st_mode & 0o077 == 0
    assert [path.name for path in key_file.parent.iterdir()] == ["secret_key"]
    assert first.secret_key not in repr(first)


def test_an_empty_secret_key_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "secret_key").write_text("\n")
    with pytest.raises(ConfigError, match="is empty"):
        load_settings(env=base_env(tmp_path))


def test_settings_are_immutable(tmp_path: Path) -> None:
    settings = load_settings(env=base_env(tmp_path))
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.port = 1  # type: ignore[misc]
    assert dataclasses.replace(settings, port=1).port == 1

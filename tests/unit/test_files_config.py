"""WMS_MAX_FILE_BYTES: the file size cap of the Upload*File operations."""

from pathlib import Path

import pytest

from wms_soap.config import load_settings
from wms_soap.errors import ConfigError


def test_max_file_bytes_defaults_to_2_mib_and_is_configurable(tmp_path: Path) -> None:
    base = {"WMS_DATA_DIR": str(tmp_path), "WMS_SECRET_KEY": "k"}
    assert load_settings(env=base).max_file_bytes == 2 * 1024 * 1024
    assert load_settings(env={**base, "WMS_MAX_FILE_BYTES": "1000"}).max_file_bytes == 1000
    with pytest.raises(ConfigError, match="WMS_MAX_FILE_BYTES: must be at least 1"):
        load_settings(env={**base, "WMS_MAX_FILE_BYTES": "0"})

"""Tests of the diagnostics."""

from typing import TYPE_CHECKING

from homeassistant.components.diagnostics import REDACTED
from homeassistant.const import CONF_API_KEY
import pytest
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)

from .conftest import ENTRY_DATA

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from syrupy.assertion import SnapshotAssertion


@pytest.mark.parametrize(
    "entry_data",
    [ENTRY_DATA | {CONF_API_KEY: "qbt_0123456789abcdefghijklmnopqrstu"}],
    ids=["with_api_key"],
)
@pytest.mark.usefixtures("init_integration")
async def test_diagnostics(
    hass: HomeAssistant,
    hass_client: object,
    mock_config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, mock_config_entry
    )
    assert diagnostics["entry"]["data"]["password"] == REDACTED
    assert diagnostics["entry"]["data"]["username"] == REDACTED
    assert diagnostics["entry"]["data"]["api_key"] == REDACTED
    assert "adminadmin" not in str(diagnostics)
    assert "qbt_0123" not in str(diagnostics)
    assert "torrent-1" not in str(diagnostics)
    assert diagnostics == snapshot

"""The Home Assistant range users are told about is the range the tests run on."""

import json
import os
from pathlib import Path

from awesomeversion import AwesomeVersion
from homeassistant.const import __version__ as ha_version

CHECKOUT = Path(__file__).parent.parent
MINIMUM = json.loads((CHECKOUT / "hacs.json").read_text())["homeassistant"]
README = " ".join((CHECKOUT / "README.md").read_text().split())


def test_hacs_minimum_is_the_oldest_home_assistant_tested() -> None:
    """QBT_HA=min runs the release HACS offers the integration from, no other."""
    if os.environ.get("QBT_HA") == "min":
        assert ha_version == MINIMUM
    else:
        assert AwesomeVersion(ha_version) > AwesomeVersion(MINIMUM)


def test_readme_names_the_tested_range() -> None:
    assert f"Requires Home Assistant {MINIMUM} or newer" in README
    assert f"whole test suite on {MINIMUM} and on" in README
    assert ha_version in README

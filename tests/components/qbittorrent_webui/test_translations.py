"""Every text the integration shows has an English translation and an icon, and
every other language translates exactly the English texts with their placeholders."""

import json
from pathlib import Path
import re
from typing import Any

import pytest
import yaml

from custom_components.qbittorrent_webui import button, event, number, sensor, switch
from custom_components.qbittorrent_webui.const import (
    ISSUE_IP_BANNED,
    ISSUE_IP_BANNED_UNKNOWN_DURATION,
)
from custom_components.qbittorrent_webui.errors import ban_translation
from custom_components.qbittorrent_webui.qbittorrent_webui_client import (
    QBittorrentBannedError,
)

PACKAGE = Path(__file__).parents[3] / "custom_components" / "qbittorrent_webui"
EN = json.loads((PACKAGE / "translations" / "en.json").read_text())
LANGUAGES = sorted(
    path.stem for path in (PACKAGE / "translations").glob("*.json") if path.stem != "en"
)
ICONS = json.loads((PACKAGE / "icons.json").read_text())
SERVICES = {
    name: description
    for name, description in yaml.safe_load(
        (PACKAGE / "services.yaml").read_text()
    ).items()
    if not name.startswith(".")
}

BAN_KEYS = {ISSUE_IP_BANNED, ISSUE_IP_BANNED_UNKNOWN_DURATION}

DESCRIPTIONS: dict[str, tuple[Any, ...]] = {
    "button": button.BUTTONS,
    "sensor": sensor.SENSORS,
    "switch": switch.SWITCHES,
    "number": number.GLOBAL_LIMITS + number.ALTERNATIVE_LIMITS,
    "event": (event.TORRENT_EVENTS,),
}


def _code() -> str:
    return "\n".join(
        path.read_text() for path in PACKAGE.glob("*.py") if path.name != "__init__"
    )


@pytest.mark.parametrize("platform", sorted(DESCRIPTIONS))
def test_entities_have_names_and_icons(platform: str) -> None:
    for description in DESCRIPTIONS[platform]:
        key = description.translation_key
        assert EN["entity"][platform][key]["name"], key
        assert ICONS["entity"][platform][key]["default"].startswith("mdi:"), key
        for option in getattr(description, "options", None) or ():
            assert EN["entity"][platform][key]["state"][option], (key, option)
        for event_type in getattr(description, "event_types", None) or ():
            states = EN["entity"][platform][key]["state_attributes"]["event_type"]
            assert states["state"][event_type], event_type


def test_raised_translation_keys_exist() -> None:
    code = _code()
    keys = set(
        re.findall(r'translation_domain=DOMAIN,\s*translation_key="([a-z_]+)"', code)
    )
    keys |= set(re.findall(r'key = "([a-z_]+)"', code))
    assert len(keys) > 10
    assert keys | BAN_KEYS == set(EN["exceptions"])
    assert set(EN["issues"]) == BAN_KEYS


@pytest.mark.parametrize("ban_duration", [3600, None])
def test_ban_texts_get_their_placeholders(ban_duration: float | None) -> None:
    """The flow error, the exception and the repair issue name the same values."""
    key, placeholders = ban_translation(
        QBittorrentBannedError("banned", ban_duration=ban_duration)
    )

    def named(text: str) -> set[str]:
        return set(re.findall(r"{(\w+)}", text))

    assert named(EN["config"]["error"][key]) == set(placeholders)
    assert named(EN["exceptions"][key]["message"]) == set(placeholders) | {"url"}
    assert named(EN["issues"][key]["description"]) == set(placeholders) | {"url"}


def test_flow_errors_exist() -> None:
    errors = set(
        re.findall(r'CannotValidateError\(\s*[A-Z_"a-z]+,\s*"([a-z_]+)"', _code())
    )
    assert errors
    assert errors <= set(EN["config"]["error"])


def test_every_field_has_a_description() -> None:
    for step in EN["config"]["step"].values():
        assert set(step["data"]) == set(step["data_description"])
    for step in EN["options"]["step"].values():
        assert set(step["data"]) == set(step["data_description"])


def test_actions_are_translated_with_icons() -> None:
    assert set(SERVICES) == set(EN["services"]) == set(ICONS["services"])
    for name, description in SERVICES.items():
        assert set(description["fields"]) == set(EN["services"][name]["fields"]), name
        for field in description["fields"].values():
            select = field["selector"].get("select")
            if select:
                options = EN["selector"][select["translation_key"]]["options"]
                assert set(select["options"]) <= set(options)


def _texts(node: dict[str, Any], path: str = "") -> dict[str, str]:
    """Return every text of a translation file by its dotted key."""
    texts: dict[str, str] = {}
    for key, value in node.items():
        if isinstance(value, dict):
            texts |= _texts(value, f"{path}{key}.")
        else:
            texts[f"{path}{key}"] = value
    return texts


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"{\w*}", text))


def test_the_promised_languages_exist() -> None:
    assert {"de", "es", "fr", "nl", "ru"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_languages_translate_every_english_text(language: str) -> None:
    """Same keys as English, each text non-empty with the same placeholders."""
    english = _texts(EN)
    translated = _texts(
        json.loads((PACKAGE / "translations" / f"{language}.json").read_text())
    )
    assert sorted(translated) == sorted(english)
    for key, text in english.items():
        assert translated[key].strip(), key
        assert _placeholders(translated[key]) == _placeholders(text), key

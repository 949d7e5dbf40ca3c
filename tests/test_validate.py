"""scripts/validate passes on this repository and fails on each broken rule.

Each case breaks one rule in a copy of the repository and expects the problem
the validator names for it. The validator reads the frontend's icon list, which
only the latest Home Assistant's environment installs (requirements_dev.txt).
"""

from dataclasses import replace
import json
from pathlib import Path
import shutil
import struct
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("hass_frontend", reason="scripts/validate runs on the latest HA")

from qbittorrent_tooling import validate

if TYPE_CHECKING:
    from collections.abc import Callable

CHECKOUT = Path(__file__).parent.parent
PACKAGE = "custom_components/qbittorrent_webui"


@pytest.fixture(scope="module")
def rules() -> validate.Rules:
    """The installed rules; the minimum is hacs.json's where no -min env exists."""
    installed = validate.installed_rules()
    minimum = json.loads((CHECKOUT / "hacs.json").read_text())["homeassistant"]
    return replace(installed, tested_minimum=installed.tested_minimum or minimum)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of what the validator reads."""
    shutil.copytree(
        CHECKOUT / PACKAGE,
        tmp_path / PACKAGE,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    for name in ("hacs.json", "CHANGELOG.md"):
        shutil.copy(CHECKOUT / name, tmp_path / name)
    return tmp_path


def edit_json(relative: str, change: Callable[[Any], object]) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        content = json.loads(path.read_text())
        change(content)
        path.write_text(json.dumps(content))

    return edit


def edit_text(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        text = path.read_text()
        assert old in text, old
        path.write_text(text.replace(old, new, 1))

    return edit


def manifest(change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    return edit_json(f"{PACKAGE}/manifest.json", change)


def english(change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    return edit_json(f"{PACKAGE}/translations/en.json", change)


def icons(change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    return edit_json(f"{PACKAGE}/icons.json", change)


def german(change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    return edit_json(f"{PACKAGE}/translations/de.json", change)


def scale(old: str, new: str) -> Callable[[Path], None]:
    return edit_text(f"{PACKAGE}/quality_scale.yaml", old, new)


def services(old: str, new: str) -> Callable[[Path], None]:
    return edit_text(f"{PACKAGE}/services.yaml", old, new)


def png(name: str, width: int, height: int) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        header = b"\x89PNG\r\n\x1a\n" + struct.pack(
            ">I4sII", 13, b"IHDR", width, height
        )
        (root / PACKAGE / "brand" / name).write_bytes(header + bytes(5))

    return write


def delete(relative: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).unlink()


def reordered(content: dict[str, Any]) -> None:
    """Move version to the front."""
    rest = dict(content)
    content.clear()
    content["version"] = rest.pop("version")
    content.update(rest)


BROKEN: dict[str, tuple[Callable[[Path], None], str]] = {
    # manifest.json
    "manifest missing version": (
        manifest(lambda m: m.pop("version")),
        "manifest.json: 'version' is missing",
    ),
    "manifest unknown key": (
        manifest(lambda m: m.update(zz_categories=["downloads"])),
        "'zz_categories' is not a manifest key of this Home Assistant",
    ),
    "manifest key order": (manifest(reordered), "keys must be domain, name"),
    "manifest domain": (
        manifest(lambda m: m.update(domain="qbittorrent")),
        "domain must be the folder name",
    ),
    "manifest name": (manifest(lambda m: m.update(name=" ")), "name must be"),
    "manifest codeowners": (
        manifest(lambda m: m.update(codeowners=["someone"])),
        "codeowners must list",
    ),
    "manifest config_flow": (
        manifest(lambda m: m.update(config_flow=False)),
        "config_flow must be true",
    ),
    "manifest config_flow without flow": (
        delete(f"{PACKAGE}/config_flow.py"),
        "config_flow.py is missing",
    ),
    "manifest documentation http": (
        manifest(lambda m: m.update(documentation="http://example.org")),
        "documentation must be an https URL",
    ),
    "manifest documentation core page": (
        manifest(
            lambda m: m.update(
                documentation="https://www.home-assistant.io/integrations/qbittorrent"
            )
        ),
        "documentation of a custom integration must be its own page",
    ),
    "manifest iot_class": (
        manifest(lambda m: m.update(iot_class="local_poll")),
        "iot_class must be one of",
    ),
    "manifest integration_type": (
        manifest(lambda m: m.update(integration_type="bridge")),
        "integration_type must be one of",
    ),
    "manifest quality_scale": (
        manifest(lambda m: m.update(quality_scale="diamond")),
        "quality_scale must be one of",
    ),
    "manifest requirements": (
        manifest(lambda m: m.update(requirements=["aiohttp"])),
        "requirements must be a list of pinned",
    ),
    "manifest version": (
        manifest(lambda m: m.update(version="latest")),
        "version must be a CalVer, SemVer or PEP 440 version",
    ),
    # quality_scale.yaml
    "scale missing rule": (
        scale("  brands: done\n", ""),
        "quality_scale.yaml: rule 'brands' is missing",
    ),
    "scale unknown rule": (
        scale("  brands: done\n", "  brands: done\n  brand-new: done\n"),
        "'brand-new' is not a rule of this Home Assistant",
    ),
    "scale bad status": (
        scale("  brands: done", "  brands: doing"),
        "brands: status must be done, todo or exempt",
    ),
    "scale bare exemption": (
        scale("  brands: done", "  brands: exempt"),
        "brands: an exemption needs a comment saying why",
    ),
    "scale exemption without comment": (
        scale("  brands: done", "  brands:\n    status: exempt\n    comment: ' '"),
        "brands: an exemption needs a comment saying why",
    ),
    "scale extra key": (
        scale("  brands: done", "  brands:\n    status: done\n    note: x"),
        "brands: only status and comment are allowed",
    ),
    "scale tier not reached": (
        scale("  entity-category: done", "  entity-category: todo"),
        "quality_scale is platinum, but quality_scale.yaml reaches silver",
    ),
    # services.yaml against the registered actions
    "action not described": (
        services("recheck_torrents:\n", "recheck_torrents_old:\n"),
        "services.yaml: 'recheck_torrents' is registered but not described",
    ),
    "action not registered": (
        services("recheck_torrents:\n", "recheck_torrents:\n  fields: {}\nrestart:\n"),
        "services.yaml: 'restart' is not a registered action",
    ),
    "action field missing": (
        services("    reverse:\n", "    reversed:\n"),
        "services.yaml: get_torrents.reverse is only in the code's schema",
    ),
    "action field required": (
        services("    location:\n      required: true", "    location:\n"),
        "set_location.location: required differs from the code",
    ),
    "action select options": (
        services("            - eta\n", ""),
        "get_torrents.sort: options differ from the code",
    ),
    "action option untranslated": (
        english(lambda en: en["selector"]["sort"]["options"].pop("eta")),
        "en.json: selector.sort.options.eta is missing",
    ),
    "action field untranslated": (
        english(lambda en: en["services"]["get_torrents"]["fields"].pop("limit")),
        "en.json: services.get_torrents.fields.limit does not match services.yaml",
    ),
    "action field text": (
        english(
            lambda en: en["services"]["get_torrents"]["fields"]["limit"].pop("name")
        ),
        "services.get_torrents.fields.limit needs name and description",
    ),
    "action text": (
        english(lambda en: en["services"]["get_torrents"].pop("description")),
        "en.json: services.get_torrents needs a name and a description",
    ),
    "action text unregistered": (
        english(lambda en: en["services"].update(restart={"name": "Restart"})),
        "en.json: services.restart translates an action that is not registered",
    ),
    # icons.json
    "icon entity missing": (
        icons(lambda i: i["entity"]["sensor"].pop("dht_nodes")),
        "icons.json: entity.sensor.dht_nodes is missing",
    ),
    "icon entity unknown": (
        icons(lambda i: i["entity"]["sensor"].update(peers={"default": "mdi:account"})),
        "icons.json: entity.sensor.peers belongs to no entity",
    ),
    "icon without default": (
        icons(lambda i: i["entity"]["sensor"]["dht_nodes"].pop("default")),
        "icons.json: entity.sensor.dht_nodes needs a default icon",
    ),
    "icon unknown state": (
        icons(
            lambda i: i["entity"]["sensor"]["status"]["state"].update(
                stalled="mdi:pause"
            )
        ),
        "icons.json: entity.sensor.status: no state 'stalled'",
    ),
    "icon action missing": (
        icons(lambda i: i["services"].pop("get_torrents")),
        "icons.json: services.get_torrents is missing",
    ),
    "icon action unknown": (
        icons(lambda i: i["services"].update(restart={"service": "mdi:restart"})),
        "icons.json: services.restart is not a registered action",
    ),
    "icon not in the frontend": (
        icons(
            lambda i: i["entity"]["sensor"]["dht_nodes"].update(default="mdi:torrent")
        ),
        "entity.sensor.dht_nodes.default: the frontend has no icon 'mdi:torrent'",
    ),
    "icon not mdi": (
        icons(lambda i: i["services"]["get_torrents"].update(service="hass:list")),
        "services.get_torrents.service: 'hass:list' is not an mdi: icon",
    ),
    # translations the code uses
    "entity untranslated": (
        english(lambda en: en["entity"]["sensor"].pop("dht_nodes")),
        "en.json: entity.sensor.dht_nodes is missing",
    ),
    "entity text unused": (
        english(lambda en: en["entity"]["sensor"].update(peers={"name": "Peers"})),
        "en.json: entity.sensor.peers belongs to no entity",
    ),
    "entity state untranslated": (
        english(
            lambda en: en["entity"]["sensor"]["connection_status"]["state"].pop(
                "firewalled"
            )
        ),
        "entity.sensor.connection_status.state.firewalled is missing",
    ),
    "event type untranslated": (
        english(
            lambda en: en["entity"]["event"]["torrent_activity"]["state_attributes"][
                "event_type"
            ]["state"].pop("torrent_added")
        ),
        "entity.event.torrent_activity: event type torrent_added is missing",
    ),
    "exception untranslated": (
        english(lambda en: en["exceptions"].pop("timeout")),
        "en.json: exceptions.timeout is used by the code but missing",
    ),
    "exception from a helper untranslated": (
        english(lambda en: en["exceptions"].pop("ip_banned_unknown_duration")),
        "en.json: exceptions.ip_banned_unknown_duration is used by the code",
    ),
    "exception text unused": (
        english(lambda en: en["exceptions"].update(gone={"message": "Gone."})),
        "en.json: exceptions.gone is not used by the code",
    ),
    "issue untranslated": (
        english(lambda en: en["issues"].pop("ip_banned")),
        "en.json: issues.ip_banned is used by the code but missing",
    ),
    "flow step untranslated": (
        english(lambda en: en["config"]["step"].pop("reconfigure")),
        "en.json: config.step.reconfigure is used by the code but missing",
    ),
    "options step untranslated": (
        english(lambda en: en["options"]["step"].pop("init")),
        "en.json: options.step.init is used by the code but missing",
    ),
    "abort untranslated": (
        english(lambda en: en["config"]["abort"].pop("reauth_successful")),
        "en.json: config.abort.reauth_successful is used by the code but missing",
    ),
    "abort text unused": (
        english(lambda en: en["config"]["abort"].update(unique_id_mismatch="Other.")),
        "en.json: config.abort.unique_id_mismatch is not used by the code",
    ),
    "form error untranslated": (
        english(lambda en: en["config"]["error"].pop("invalid_url")),
        "en.json: config.error.invalid_url is used by the code but missing",
    ),
    "optional key untranslated": (
        english(lambda en: en["exceptions"].pop("invalid_preference_port")),
        "en.json: exceptions.invalid_preference_port is used by the code but missing",
    ),
    "key hidden from the reader": (
        edit_text(
            f"{PACKAGE}/errors.py",
            "translation_key=key,",
            "translation_key=key.lower(),",
        ),
        "errors.py:",
    ),
    "language missing a key": (
        german(lambda de: de["entity"]["sensor"].pop("dht_nodes")),
        "de.json: entity.sensor.dht_nodes.name is missing",
    ),
    "language extra key": (
        german(lambda de: de["entity"]["sensor"].update(peers={"name": "Peers"})),
        "de.json: entity.sensor.peers.name is not an English key",
    ),
    "language placeholder": (
        german(
            lambda de: de["exceptions"]["timeout"].update(message="Zeitüberschreitung")
        ),
        "de.json: exceptions.timeout.message has other placeholders than English",
    ),
    "language empty text": (
        german(lambda de: de["entity"]["sensor"]["dht_nodes"].update(name=" ")),
        "de.json: entity.sensor.dht_nodes.name is empty",
    ),
    # hacs.json
    "hacs render_readme": (
        edit_json("hacs.json", lambda h: h.update(render_readme=True)),
        "hacs.json: render_readme is obsolete",
    ),
    "hacs unknown key": (
        edit_json("hacs.json", lambda h: h.update(domains=["sensor"])),
        "hacs.json: 'domains' is not a hacs.json key",
    ),
    "hacs name": (
        edit_json("hacs.json", lambda h: h.pop("name")),
        "hacs.json: name is required",
    ),
    "hacs minimum": (
        edit_json("hacs.json", lambda h: h.update(homeassistant="2025.1.0")),
        "hacs.json: homeassistant is 2025.1.0, but the oldest Home Assistant tested",
    ),
    # brand/
    "brand icon missing": (
        delete(f"{PACKAGE}/brand/icon.png"),
        "brand/icon.png is missing",
    ),
    "brand icon size": (png("icon.png", 128, 128), "brand/icon.png: shortest side"),
    "brand icon square": (png("icon.png", 256, 300), "brand/icon.png: must be square"),
    "brand logo size": (png("logo.png", 512, 100), "brand/logo.png: shortest side"),
    "brand unknown image": (
        png("banner.png", 256, 256),
        "brand/banner.png: not a brand image name",
    ),
    "brand not png": (
        lambda root: (root / PACKAGE / "brand" / "logo.png").write_bytes(b"GIF89a"),
        "brand/logo.png: not a PNG image",
    ),
    # CHANGELOG.md
    "changelog missing": (delete("CHANGELOG.md"), "CHANGELOG.md is missing"),
    "changelog behind the manifest": (
        manifest(lambda m: m.update(version="0.2.0")),
        "CHANGELOG.md: newest entry is 0.1.0, the manifest says 0.2.0",
    ),
    "changelog without entries": (
        lambda root: (root / "CHANGELOG.md").write_text("# Changelog\n"),
        "CHANGELOG.md: no '## [version]' entry",
    ),
}


def test_the_repository_is_valid(rules: validate.Rules) -> None:
    assert validate.validate(CHECKOUT, rules) == []


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_rule_is_reported(
    case: str, copy: Path, rules: validate.Rules
) -> None:
    breaking, expected = BROKEN[case]
    breaking(copy)

    problems = validate.validate(copy, rules)

    assert any(expected in problem for problem in problems), problems


def test_a_rule_of_a_newer_home_assistant_needs_a_tier(
    copy: Path, rules: validate.Rules
) -> None:
    newer = replace(rules, quality_scale_rules=rules.quality_scale_rules | {"zz-new"})

    problems = validate.validate(copy, newer)

    assert (
        "validate.py: the installed rule 'zz-new' has no tier in RULE_TIERS" in problems
    )
    assert "quality_scale.yaml: rule 'zz-new' is missing" in problems


def test_without_the_frontend_icons_cannot_be_checked(
    copy: Path, rules: validate.Rules
) -> None:
    problems = validate.validate(copy, replace(rules, icon_names=frozenset()))

    assert problems == [
        "icons.json: no frontend icon list (install home-assistant-frontend)"
    ]


def test_without_the_minimum_environment_hacs_cannot_be_checked(
    copy: Path, rules: validate.Rules
) -> None:
    problems = validate.validate(copy, replace(rules, tested_minimum=None))

    assert problems == [
        "hacs.json: no minimum Home Assistant environment to compare with"
    ]


@pytest.mark.parametrize(("broken", "status"), [(False, 0), (True, 1)])
def test_the_command_exits_with_the_verdict(
    copy: Path,
    rules: validate.Rules,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    broken: bool,
    status: int,
) -> None:
    if broken:
        delete("CHANGELOG.md")(copy)
    monkeypatch.setattr(validate, "installed_rules", lambda: rules)
    monkeypatch.setattr("sys.argv", ["validate", str(copy)])

    assert validate.main() == status

    out, err = capsys.readouterr()
    assert out == ("CHANGELOG.md is missing\n" if broken else "")
    assert ("1 problem(s)" if broken else "valid: manifest, quality_scale") in err

"""Home Assistant's and HACS's rules for the integration, checked offline from its files.

``scripts/validate`` runs this in the latest Home Assistant's environment; the
rules that can change between releases come from what is installed there:

- the manifest keys and integration types Home Assistant's loader knows,
- the quality scale rules (every platinum core integration lists all of them),
- the icon names the frontend (``home-assistant-frontend``) can draw,
- the minimum Home Assistant the tests run on (the ``-min`` environment beside).

The code is imported (it needs Home Assistant, nothing else) to read its entity
descriptions and the actions it registers; translation keys the code raises are
read from its syntax tree. hassfest and the HACS action check more once the
repository is public (``.github/workflows/validate.yml``); this runs on every change.

Usage: ``python -m qbittorrent_tooling.validate [CHECKOUT]``; exit status 1 and one
line per problem when a rule is broken.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
import importlib
import importlib.metadata
import importlib.util
import inspect
from itertools import count
import json
from pathlib import Path
import re
import struct
import sys
import textwrap
from types import ModuleType, SimpleNamespace
from typing import Any, get_args, get_type_hints

from awesomeversion import AwesomeVersion, AwesomeVersionStrategy
from homeassistant.const import Platform
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.loader import Manifest
import voluptuous as vol
import yaml

CHECKOUT = Path(__file__).resolve().parents[2]

# The tier of each rule, from the quality scale's tiers.json; the rules themselves
# come from the installed Home Assistant, and a rule missing here is reported.
RULE_TIERS: dict[str, tuple[str, ...]] = {
    "bronze": (
        "action-setup", "appropriate-polling", "brands", "common-modules",
        "config-flow-test-coverage", "config-flow", "dependency-transparency",
        "docs-actions", "docs-conditions", "docs-high-level-description",
        "docs-installation-instructions", "docs-removal-instructions",
        "docs-triggers", "entity-event-setup", "entity-unique-id", "has-entity-name",
        "runtime-data", "test-before-configure", "test-before-setup",
        "unique-config-entry",
    ),
    "silver": (
        "action-exceptions", "config-entry-unloading", "docs-configuration-parameters",
        "docs-installation-parameters", "entity-unavailable", "integration-owner",
        "log-when-unavailable", "parallel-updates", "reauthentication-flow",
        "test-coverage",
    ),
    "gold": (
        "devices", "diagnostics", "discovery-update-info", "discovery",
        "docs-data-update", "docs-examples", "docs-known-limitations",
        "docs-supported-devices", "docs-supported-functions", "docs-troubleshooting",
        "docs-use-cases", "dynamic-devices", "entity-category", "entity-device-class",
        "entity-disabled-by-default", "entity-translations", "exception-translations",
        "icon-translations", "reconfiguration-flow", "repair-issues", "stale-devices",
    ),
    "platinum": ("async-dependency", "inject-websession", "strict-typing"),
}  # fmt: skip

# hassfest's manifest schema: what it accepts besides the loader's keys.
IOT_CLASSES = frozenset(
    {"assumed_state", "calculated", "cloud_polling", "cloud_push", "local_polling", "local_push"}
)  # fmt: skip
QUALITY_SCALES = frozenset({*RULE_TIERS, "internal", "legacy", "custom", "no_score"})
# Keys this project requires, beyond hassfest's and HACS's required ones.
REQUIRED_MANIFEST_KEYS = (
    "domain", "name", "codeowners", "config_flow", "documentation", "integration_type",
    "iot_class", "issue_tracker", "quality_scale", "requirements", "version",
)  # fmt: skip
# The loader accepts these version schemes for a custom integration, no other.
VERSION_STRATEGIES = [
    AwesomeVersionStrategy.CALVER,
    AwesomeVersionStrategy.SEMVER,
    AwesomeVersionStrategy.SIMPLEVER,
    AwesomeVersionStrategy.BUILDVER,
    AwesomeVersionStrategy.PEP440,
]

# HACS's hacs.json schema (it rejects other keys); render_readme is obsolete:
# HACS 2 always shows the README.
HACS_KEYS = frozenset(
    {"name", "content_in_root", "zip_release", "filename", "hide_default_branch",
     "country", "homeassistant", "hacs", "persistent_directory"}
)  # fmt: skip

# home-assistant/brands' image rules: name -> allowed (shortest side, longest side).
BRAND_IMAGES: dict[str, tuple[int, int, bool]] = {
    # name: (minimum shortest side, maximum shortest side, square)
    "icon.png": (256, 256, True),
    "dark_icon.png": (256, 256, True),
    "icon@2x.png": (512, 512, True),
    "dark_icon@2x.png": (512, 512, True),
    "logo.png": (128, 256, False),
    "dark_logo.png": (128, 256, False),
    "logo@2x.png": (256, 512, False),
    "dark_logo@2x.png": (256, 512, False),
}

PLACEHOLDER = re.compile(r"{\w*}")
CHANGELOG_VERSION = re.compile(r"^## \[?(\d[^\]\s]*)\]?", re.MULTILINE)


@dataclass(frozen=True)
class Rules:
    """What the installed Home Assistant and its frontend define."""

    manifest_keys: frozenset[str]
    integration_types: frozenset[str]
    quality_scale_rules: frozenset[str]
    icon_names: frozenset[str]
    tested_minimum: str | None


@dataclass(frozen=True)
class Checkout:
    """A copy of the repository: its root and the integration inside."""

    root: Path

    @property
    def package(self) -> Path:
        """Return the one integration folder under custom_components."""
        folders = sorted(
            path.parent for path in self.root.glob("custom_components/*/manifest.json")
        )
        if len(folders) != 1:
            raise SystemExit(f"{self.root}: expected one integration, found {folders}")
        return folders[0]

    def json(self, relative: str) -> Any:
        """Return a JSON file of the integration folder."""
        return json.loads((self.package / relative).read_text(encoding="utf-8"))


def installed_rules() -> Rules:
    """Return the rules of the Home Assistant this Python runs."""
    components = Path(importlib.import_module("homeassistant.components").__path__[0])
    platinum_rules: list[frozenset[str]] = []
    for manifest_path in components.glob("*/manifest.json"):
        scale = manifest_path.with_name("quality_scale.yaml")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("quality_scale") == "platinum" and scale.exists():
            rules = yaml.safe_load(scale.read_text(encoding="utf-8"))["rules"]
            platinum_rules.append(frozenset(rules))
    frontend = importlib.util.find_spec("hass_frontend")
    icon_names: frozenset[str] = frozenset()
    if frontend is not None and frontend.submodule_search_locations:
        icon_list = (
            Path(frontend.submodule_search_locations[0]) / "static/mdi/iconList.json"
        )
        icon_names = frozenset(
            icon["name"] for icon in json.loads(icon_list.read_text(encoding="utf-8"))
        )
    return Rules(
        manifest_keys=Manifest.__required_keys__ | Manifest.__optional_keys__,
        integration_types=frozenset(
            get_args(get_type_hints(Manifest)["integration_type"])
        ),
        quality_scale_rules=frozenset.intersection(*platinum_rules),
        icon_names=icon_names,
        tested_minimum=_minimum_environment_version(),
    )


def _minimum_environment_version() -> str | None:
    """Return the Home Assistant version of the ``-min`` environment beside this one."""
    minimum = Path(f"{sys.prefix}-min")
    for site in minimum.glob("lib/python*/site-packages"):
        for distribution in importlib.metadata.distributions(path=[str(site)]):
            if distribution.metadata["Name"] == "homeassistant":
                return distribution.version
    return None


# --- the code: entity descriptions, registered actions, raised translation keys --

_import_counter = count()


@dataclass(frozen=True)
class Code:
    """What the integration's code declares, read by importing it."""

    modules: dict[str, ModuleType]
    entity_descriptions: dict[str, list[EntityDescription]]
    entity_class_keys: dict[str, set[str]]
    actions: dict[str, Any]


def load_code(package: Path) -> Code:
    """Import the integration folder under a name of its own and read it."""
    name = f"_validated_{package.name}_{next(_import_counter)}"
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None and spec.loader is not None
    root = importlib.util.module_from_spec(spec)
    sys.modules[name] = root
    spec.loader.exec_module(root)
    modules = {
        path.stem: importlib.import_module(f"{name}.{path.stem}")
        for path in sorted(package.glob("*.py"))
        if path.stem != "__init__"
    }
    modules["__init__"] = root
    descriptions: dict[str, list[EntityDescription]] = {}
    class_keys: dict[str, set[str]] = {}
    for platform in Platform:
        module = modules.get(platform.value)
        if module is None:
            continue
        found = descriptions.setdefault(platform.value, [])
        for value in vars(module).values():
            items = value if isinstance(value, (tuple, list)) else (value,)
            found += [item for item in items if _is_entity_description(item)]
            if (
                inspect.isclass(value)
                and issubclass(value, Entity)
                and value.__module__ == module.__name__
                and isinstance(value.__dict__.get("_attr_translation_key"), str)
            ):
                class_keys.setdefault(platform.value, set()).add(
                    value.__dict__["_attr_translation_key"]
                )
    return Code(modules, descriptions, class_keys, _registered_actions(modules))


def _is_entity_description(value: object) -> bool:
    """Tell an entity description, also one whose class Home Assistant rebuilt.

    Home Assistant's frozen-dataclass metaclass makes a second class for the
    platforms' descriptions, so isinstance() misses e.g. EventEntityDescription.
    """
    return any(cls.__name__ == EntityDescription.__name__ for cls in type(value).__mro__)


def _registered_actions(modules: dict[str, ModuleType]) -> dict[str, Any]:
    """Return action name -> schema of what ``async_setup_services`` registers."""
    services = modules.get("services")
    setup = getattr(services, "async_setup_services", None)
    if setup is None:
        return {}
    actions: dict[str, Any] = {}

    def register(
        _domain: str, action: str, _handler: object, schema: Any = None, **_: object
    ) -> None:
        actions[action] = schema

    setup(SimpleNamespace(services=SimpleNamespace(async_register=register)))
    return actions


def _calls(tree: ast.AST) -> Iterator[tuple[ast.AST, ast.Call]]:
    """Yield (function, call) for every call in the functions of a syntax tree."""
    for scope in ast.walk(tree):
        if isinstance(scope, ast.AsyncFunctionDef | ast.FunctionDef):
            for node in ast.walk(scope):
                if isinstance(node, ast.Call):
                    yield scope, node


def _strings(
    node: ast.AST, scope: ast.AST, namespace: dict[str, Any], index: int | None = None
) -> set[str] | None:
    """Return every string an expression can have, or None if the code hides it.

    Follows local assignments, module constants and the returns of the
    integration's own functions, which is how it builds translation keys.
    """
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Tuple) and index is not None and index < len(node.elts):
        return _strings(node.elts[index], scope, namespace)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        function = namespace.get(node.func.id)
        if not inspect.isfunction(function):
            return None
        tree = ast.parse(textwrap.dedent(inspect.getsource(function))).body[0]
        returns = [n.value for n in ast.walk(tree) if isinstance(n, ast.Return)]
        return _union(
            _strings(value, tree, function.__globals__, index)
            for value in returns
            if value is not None
        )
    if isinstance(node, ast.Name):
        assigned: list[set[str] | None] = []
        for statement in ast.walk(scope):
            if not isinstance(statement, ast.Assign):
                continue
            for target in statement.targets:
                if isinstance(target, ast.Name) and target.id == node.id:
                    assigned.append(_strings(statement.value, scope, namespace, index))
                elif isinstance(target, ast.Tuple):
                    names = [getattr(element, "id", None) for element in target.elts]
                    if node.id in names:
                        position = names.index(node.id)
                        assigned.append(
                            _strings(statement.value, scope, namespace, position)
                        )
        if assigned:
            return _union(assigned)
        value = namespace.get(node.id)
        return {value} if isinstance(value, str) else None
    return None


def _union(sets: Iterator[set[str] | None] | list[set[str] | None]) -> set[str] | None:
    result: set[str] = set()
    for values in sets:
        if values is None:
            return None
        result |= values
    return result


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((kw.value for kw in call.keywords if kw.arg == name), None)


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


@dataclass
class UsedKeys:
    """Translation keys the code uses, by translation section."""

    exceptions: set[str]
    issues: set[str]
    config_steps: set[str]
    options_steps: set[str]
    aborts: set[str]
    form_errors: set[str]
    hidden: list[str]


def used_translation_keys(code: Code) -> UsedKeys:
    """Read the keys of raised errors, repair issues and flow steps from the code."""
    used = UsedKeys(set(), set(), set(), set(), set(), set(), [])
    for module_name, module in code.modules.items():
        namespace = vars(module)
        flow_errors = {
            name
            for name, value in namespace.items()
            if inspect.isclass(value)
            and issubclass(value, Exception)
            and value.__module__ == module.__name__
            and "error" in inspect.signature(value).parameters
        }
        tree = ast.parse(inspect.getsource(module))
        options_methods = _options_flow_methods(tree)
        for scope, call in _calls(tree):
            name = _call_name(call)
            where = f"{module_name}.py:{call.lineno}"
            if (key := _keyword(call, "translation_key")) is not None:
                section = (
                    used.issues
                    if name == "async_create_issue"
                    else used.exceptions
                    if _keyword(call, "translation_domain") is not None
                    else None
                )
                if section is not None and not isinstance(key, ast.Attribute):
                    _add(section, key, scope, namespace, where, used.hidden)
            if name == "async_show_form" and (step := _keyword(call, "step_id")):
                steps = (
                    used.options_steps if scope in options_methods else used.config_steps
                )
                _add(steps, step, scope, namespace, where, used.hidden)
            elif name in {"async_abort", "async_update_reload_and_abort"}:
                reason = _keyword(call, "reason")
                if reason is not None:
                    _add(used.aborts, reason, scope, namespace, where, used.hidden)
                elif name == "async_update_reload_and_abort":
                    method = getattr(scope, "name", "")
                    used.aborts.add(
                        "reauth_successful"
                        if "reauth" in method
                        else "reconfigure_successful"
                    )
            elif name == "_abort_if_unique_id_configured":
                used.aborts.add("already_configured")
            elif name == "_abort_if_unique_id_mismatch":
                used.aborts.add("unique_id_mismatch")
            elif name in flow_errors:
                parameters = list(inspect.signature(namespace[name]).parameters)
                position = parameters.index("error")
                error = (
                    call.args[position]
                    if position < len(call.args)
                    else _keyword(call, "error")
                )
                if error is not None:
                    _add(used.form_errors, error, scope, namespace, where, used.hidden)
    return used


def _options_flow_methods(tree: ast.AST) -> set[ast.AST]:
    """Return the methods of the options flows in a tree (their steps are options.*)."""
    methods: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
            "OptionsFlow" in ast.unparse(base) for base in node.bases
        ):
            methods |= set(ast.walk(node))
    return methods


def _add(
    section: set[str],
    node: ast.AST,
    scope: ast.AST,
    namespace: dict[str, Any],
    where: str,
    hidden: list[str],
) -> None:
    values = _strings(node, scope, namespace)
    if values is None:
        hidden.append(f"{where}: {ast.unparse(node)}")
    else:
        section |= values


# --- the checks -----------------------------------------------------------------


def check_manifest(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """Keys, order and values of manifest.json, as hassfest and HACS require."""
    manifest: dict[str, Any] = checkout.json("manifest.json")
    for key in REQUIRED_MANIFEST_KEYS:
        if key not in manifest:
            yield f"manifest.json: '{key}' is missing"
    for key in sorted(manifest.keys() - rules.manifest_keys):
        yield f"manifest.json: '{key}' is not a manifest key of this Home Assistant"
    keys = list(manifest)
    if keys[:2] != ["domain", "name"] or keys[2:] != sorted(keys[2:]):
        yield "manifest.json: keys must be domain, name, then the rest sorted"
    if manifest.get("domain") != checkout.package.name:
        yield f"manifest.json: domain must be the folder name '{checkout.package.name}'"
    if not isinstance(manifest.get("name"), str) or not manifest["name"].strip():
        yield "manifest.json: name must be a non-empty string"
    owners = manifest.get("codeowners")
    if not owners or not all(
        isinstance(owner, str) and re.fullmatch(r"@[\w.-]+(/[\w.-]+)?", owner)
        for owner in owners
    ):
        yield "manifest.json: codeowners must list GitHub @users or @org/teams"
    if manifest.get("config_flow") is not True:
        yield "manifest.json: config_flow must be true (the integration has a flow)"
    elif not (checkout.package / "config_flow.py").exists():
        yield "manifest.json: config_flow is true but config_flow.py is missing"
    for key in ("documentation", "issue_tracker"):
        url = manifest.get(key)
        if not isinstance(url, str) or not url.startswith("https://"):
            yield f"manifest.json: {key} must be an https URL"
        elif "home-assistant.io" in url:
            yield f"manifest.json: {key} of a custom integration must be its own page"
    if manifest.get("iot_class") not in IOT_CLASSES:
        yield f"manifest.json: iot_class must be one of {sorted(IOT_CLASSES)}"
    if manifest.get("integration_type") not in rules.integration_types:
        yield (
            "manifest.json: integration_type must be one of "
            f"{sorted(rules.integration_types)}"
        )
    requirements = manifest.get("requirements")
    if not isinstance(requirements, list) or not all(
        isinstance(requirement, str) and "==" in requirement
        for requirement in requirements
    ):
        yield "manifest.json: requirements must be a list of pinned (==) packages"
    try:
        AwesomeVersion(
            str(manifest.get("version")), ensure_strategy=VERSION_STRATEGIES
        )
    except Exception:  # noqa: BLE001  # AwesomeVersion raises its own error types
        yield "manifest.json: version must be a CalVer, SemVer or PEP 440 version"
    if manifest.get("quality_scale") not in QUALITY_SCALES:
        yield f"manifest.json: quality_scale must be one of {sorted(QUALITY_SCALES)}"


def check_quality_scale(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """quality_scale.yaml names every rule once, with a reason for each exemption."""
    path = checkout.package / "quality_scale.yaml"
    declared: dict[str, Any] = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(
        "rules"
    ) or {}
    tiered = {rule for tier in RULE_TIERS.values() for rule in tier}
    for rule in sorted(rules.quality_scale_rules - tiered):
        yield f"validate.py: the installed rule '{rule}' has no tier in RULE_TIERS"
    for rule in sorted(rules.quality_scale_rules - declared.keys()):
        yield f"quality_scale.yaml: rule '{rule}' is missing"
    for rule in sorted(declared.keys() - rules.quality_scale_rules):
        yield f"quality_scale.yaml: '{rule}' is not a rule of this Home Assistant"
    statuses: dict[str, str] = {}
    for rule, value in declared.items():
        status = value.get("status") if isinstance(value, dict) else value
        statuses[rule] = status
        if status not in {"done", "todo", "exempt"}:
            yield f"quality_scale.yaml: {rule}: status must be done, todo or exempt"
        elif status == "exempt" and not (
            isinstance(value, dict) and str(value.get("comment") or "").strip()
        ):
            yield f"quality_scale.yaml: {rule}: an exemption needs a comment saying why"
        if isinstance(value, dict) and value.keys() - {"status", "comment"}:
            yield f"quality_scale.yaml: {rule}: only status and comment are allowed"
    earned = "no_score"
    for tier, tier_rules in RULE_TIERS.items():
        if any(
            statuses.get(rule) not in {"done", "exempt"}
            for rule in tier_rules
            if rule in rules.quality_scale_rules
        ):
            break
        earned = tier
    claimed = checkout.json("manifest.json").get("quality_scale")
    if claimed in RULE_TIERS and claimed != earned:
        yield (
            f"manifest.json: quality_scale is {claimed}, but quality_scale.yaml "
            f"reaches {earned}"
        )


def check_actions(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """services.yaml describes exactly the registered actions, all translated."""
    described: dict[str, Any] = {
        name: description or {}
        for name, description in (
            yaml.safe_load((checkout.package / "services.yaml").read_text()) or {}
        ).items()
        if not name.startswith(".")
    }
    english = checkout.json("translations/en.json")
    translated = english.get("services", {})
    for name in sorted(code.actions.keys() ^ described.keys()):
        yield (
            f"services.yaml: '{name}' is "
            + ("registered but not described" if name in code.actions else "not registered")
        )
    for name in sorted(translated.keys() - code.actions.keys()):
        yield f"en.json: services.{name} translates an action that is not registered"
    for name in sorted(code.actions.keys() & described.keys()):
        fields: dict[str, Any] = described[name].get("fields") or {}
        schema = code.actions[name]
        keys = {
            str(key): key
            for key in (schema.schema if isinstance(schema, vol.Schema) else {})
        }
        for field in sorted(keys.keys() ^ fields.keys()):
            side = "services.yaml" if field in fields else "the code's schema"
            yield f"services.yaml: {name}.{field} is only in {side}"
        for field in sorted(keys.keys() & fields.keys()):
            required = isinstance(keys[field], vol.Required)
            if bool(fields[field].get("required")) != required:
                yield f"services.yaml: {name}.{field}: required differs from the code"
            select = (fields[field].get("selector") or {}).get("select")
            validator = schema.schema[keys[field]]
            if select and isinstance(validator, vol.In):
                if set(select.get("options", [])) != set(validator.container):
                    yield f"services.yaml: {name}.{field}: options differ from the code"
            if select and select.get("translation_key"):
                options = (
                    english.get("selector", {})
                    .get(select["translation_key"], {})
                    .get("options", {})
                )
                for option in select.get("options", []):
                    if option not in options:
                        yield (
                            f"en.json: selector.{select['translation_key']}.options."
                            f"{option} is missing"
                        )
        text = translated.get(name, {})
        if not text.get("name") or not text.get("description"):
            yield f"en.json: services.{name} needs a name and a description"
        for field in sorted(fields.keys() ^ text.get("fields", {}).keys()):
            yield f"en.json: services.{name}.fields.{field} does not match services.yaml"
        for field, field_text in text.get("fields", {}).items():
            if not field_text.get("name") or not field_text.get("description"):
                yield f"en.json: services.{name}.fields.{field} needs name and description"


def check_icons(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """icons.json covers every entity and action with icons the frontend has."""
    icons = checkout.json("icons.json")
    english = checkout.json("translations/en.json")
    for platform, keys in _entity_keys(code).items():
        platform_icons = icons.get("entity", {}).get(platform, {})
        for key in sorted(keys - platform_icons.keys()):
            yield f"icons.json: entity.{platform}.{key} is missing"
        for key in sorted(platform_icons.keys() - keys):
            yield f"icons.json: entity.{platform}.{key} belongs to no entity"
        for key in sorted(keys & platform_icons.keys()):
            if "default" not in platform_icons[key]:
                yield f"icons.json: entity.{platform}.{key} needs a default icon"
            states = english.get("entity", {}).get(platform, {}).get(key, {}).get("state")
            for state in platform_icons[key].get("state", {}):
                if states is not None and state not in states:
                    yield f"icons.json: entity.{platform}.{key}: no state '{state}'"
    services = icons.get("services", {})
    for name in sorted(code.actions.keys() - services.keys()):
        yield f"icons.json: services.{name} is missing"
    for name in sorted(services.keys() - code.actions.keys()):
        yield f"icons.json: services.{name} is not a registered action"
    for where, icon in _icon_values(icons):
        prefix, _, name = icon.partition(":")
        if prefix != "mdi":
            yield f"icons.json: {where}: '{icon}' is not an mdi: icon"
        elif rules.icon_names and name not in rules.icon_names:
            yield f"icons.json: {where}: the frontend has no icon '{icon}'"
    if not rules.icon_names:
        yield "icons: no frontend icon list (install home-assistant-frontend)"


def _icon_values(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _icon_values(value, f"{path}.{key}" if path else key)
    elif isinstance(node, str):
        yield path, node


def _entity_keys(code: Code) -> dict[str, set[str]]:
    keys = {
        platform: {d.translation_key for d in descriptions if d.translation_key}
        for platform, descriptions in code.entity_descriptions.items()
    }
    for platform, class_keys in code.entity_class_keys.items():
        keys.setdefault(platform, set()).update(class_keys)
    return {platform: found for platform, found in keys.items() if found}


def check_translations(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """Every key the code uses is translated, none unused, every language complete."""
    english = checkout.json("translations/en.json")
    entity = english.get("entity", {})
    for platform, descriptions in code.entity_descriptions.items():
        for description in descriptions:
            key = description.translation_key
            if key is None:
                continue
            text = entity.get(platform, {}).get(key)
            if text is None:
                yield f"en.json: entity.{platform}.{key} is missing"
                continue
            for option in getattr(description, "options", None) or ():
                if option not in text.get("state", {}):
                    yield f"en.json: entity.{platform}.{key}.state.{option} is missing"
            event_states = (
                text.get("state_attributes", {}).get("event_type", {}).get("state", {})
            )
            for event_type in getattr(description, "event_types", None) or ():
                if event_type not in event_states:
                    yield (
                        f"en.json: entity.{platform}.{key}.state_attributes.event_type"
                        f".state.{event_type} is missing"
                    )
    used_entities = _entity_keys(code)
    for platform, texts in entity.items():
        for key in sorted(texts.keys() - used_entities.get(platform, set())):
            yield f"en.json: entity.{platform}.{key} belongs to no entity"
    used = used_translation_keys(code)
    for where in used.hidden:
        yield f"{where}: translation key is not readable from the code"
    config = english.get("config", {})
    for section, keys, texts in (
        ("exceptions", used.exceptions, english.get("exceptions", {})),
        ("issues", used.issues, english.get("issues", {})),
        ("config.step", used.config_steps, config.get("step", {})),
        ("options.step", used.options_steps, english.get("options", {}).get("step", {})),
        ("config.abort", used.aborts, config.get("abort", {})),
        ("config.error", used.form_errors, config.get("error", {})),
    ):
        for key in sorted(keys - texts.keys()):
            yield f"en.json: {section}.{key} is used by the code but missing"
        for key in sorted(texts.keys() - keys):
            yield f"en.json: {section}.{key} is not used by the code"
    yield from _languages(checkout, english)


def _languages(checkout: Checkout, english: dict[str, Any]) -> Iterator[str]:
    """Every other language has the English keys, each with its placeholders."""
    english_texts = dict(_texts(english))
    for path in sorted((checkout.package / "translations").glob("*.json")):
        if path.stem == "en":
            continue
        texts = dict(_texts(json.loads(path.read_text(encoding="utf-8"))))
        for key in sorted(english_texts.keys() - texts.keys()):
            yield f"{path.name}: {key} is missing"
        for key in sorted(texts.keys() - english_texts.keys()):
            yield f"{path.name}: {key} is not an English key"
        for key in sorted(english_texts.keys() & texts.keys()):
            if not isinstance(texts[key], str) or not texts[key].strip():
                yield f"{path.name}: {key} is empty"
            elif sorted(PLACEHOLDER.findall(texts[key])) != sorted(
                PLACEHOLDER.findall(english_texts[key])
            ):
                yield f"{path.name}: {key} has other placeholders than English"


def _texts(node: dict[str, Any], path: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in node.items():
        if isinstance(value, dict):
            yield from _texts(value, f"{path}{key}.")
        else:
            yield f"{path}{key}", value


def check_hacs(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """hacs.json has HACS's keys only, and the minimum the tests run on."""
    hacs: dict[str, Any] = json.loads((checkout.root / "hacs.json").read_text())
    if "render_readme" in hacs:
        yield "hacs.json: render_readme is obsolete (HACS always shows the README)"
    for key in sorted(hacs.keys() - HACS_KEYS - {"render_readme"}):
        yield f"hacs.json: '{key}' is not a hacs.json key"
    if not isinstance(hacs.get("name"), str) or not hacs["name"].strip():
        yield "hacs.json: name is required"
    minimum = hacs.get("homeassistant")
    if rules.tested_minimum is None:
        yield "hacs.json: no minimum Home Assistant environment to compare with"
    elif minimum != rules.tested_minimum:
        yield (
            f"hacs.json: homeassistant is {minimum}, but the oldest Home Assistant "
            f"tested is {rules.tested_minimum}"
        )


def check_brand(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """brand/ holds at least icon.png, each image a PNG of the brands' sizes."""
    brand = checkout.package / "brand"
    if not (brand / "icon.png").exists():
        yield "brand/icon.png is missing (HACS and Home Assistant 2026.3+ need it)"
    for path in sorted(brand.glob("*")) if brand.exists() else ():
        if path.name not in BRAND_IMAGES:
            yield f"brand/{path.name}: not a brand image name"
            continue
        size = _png_size(path)
        if size is None:
            yield f"brand/{path.name}: not a PNG image"
            continue
        lowest, highest, square = BRAND_IMAGES[path.name]
        if square and size[0] != size[1]:
            yield f"brand/{path.name}: must be square, is {size[0]}x{size[1]}"
        if not lowest <= min(size) <= highest:
            yield (
                f"brand/{path.name}: shortest side must be {lowest}"
                + (f"-{highest}" if highest != lowest else "")
                + f" pixels, is {min(size)}"
            )


def _png_size(path: Path) -> tuple[int, int] | None:
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def check_changelog(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """CHANGELOG.md's newest release is the manifest's version."""
    path = checkout.root / "CHANGELOG.md"
    if not path.exists():
        yield "CHANGELOG.md is missing"
        return
    versions = CHANGELOG_VERSION.findall(path.read_text(encoding="utf-8"))
    released = [version for version in versions if version.lower() != "unreleased"]
    version = checkout.json("manifest.json").get("version")
    if not released:
        yield "CHANGELOG.md: no '## [version]' entry"
    elif released[0] != version:
        yield f"CHANGELOG.md: newest entry is {released[0]}, the manifest says {version}"


CHECKS: tuple[Callable[[Checkout, Rules, Code], Iterator[str]], ...] = (
    check_manifest,
    check_quality_scale,
    check_actions,
    check_icons,
    check_translations,
    check_hacs,
    check_brand,
    check_changelog,
)


def validate(root: Path, rules: Rules) -> list[str]:
    """Return every broken rule of the checkout at ``root``."""
    checkout = Checkout(root)
    code = load_code(checkout.package)
    return [problem for check in CHECKS for problem in check(checkout, rules, code)]


def main() -> int:
    """Validate the checkout given (default: this one) and report."""
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else CHECKOUT
    problems = validate(root, installed_rules())
    for problem in problems:
        print(problem)
    names = ", ".join(check.__name__.removeprefix("check_") for check in CHECKS)
    print(
        f"{len(problems)} problem(s) in {root}" if problems else f"valid: {names}",
        file=sys.stderr,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

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
from dataclasses import dataclass, field
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
from typing import TYPE_CHECKING, Any, get_args, get_type_hints

from awesomeversion import (
    AwesomeVersion,
    AwesomeVersionStrategy,
    AwesomeVersionStrategyException,
)
from homeassistant.const import Platform
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.loader import Manifest
from homeassistant.util.yaml import load_yaml
import voluptuous as vol

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

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


def load_yaml_dict(path: Path) -> dict[str, Any]:
    """Read a YAML mapping the way Home Assistant does (anchors and merge keys)."""
    content = load_yaml(path)
    return content if isinstance(content, dict) else {}


def installed_rules() -> Rules:
    """Return the rules of the Home Assistant this Python runs."""
    components = Path(importlib.import_module("homeassistant.components").__path__[0])
    platinum_rules: list[frozenset[str]] = []
    for manifest_path in components.glob("*/manifest.json"):
        scale = manifest_path.with_name("quality_scale.yaml")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("quality_scale") == "platinum" and scale.exists():
            platinum_rules.append(frozenset(load_yaml_dict(scale)["rules"]))
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
    assert spec is not None
    assert spec.loader is not None
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
    return any(
        cls.__name__ == EntityDescription.__name__ for cls in type(value).__mro__
    )


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
        return _returned_strings(namespace.get(node.func.id), index)
    if isinstance(node, ast.Name):
        return _name_strings(node.id, scope, namespace, index)
    return None


def _returned_strings(function: object, index: int | None) -> set[str] | None:
    """Return the strings a function of the integration returns (at ``index``)."""
    if not inspect.isfunction(function):
        return None
    tree = ast.parse(textwrap.dedent(inspect.getsource(function))).body[0]
    returns = [n.value for n in ast.walk(tree) if isinstance(n, ast.Return)]
    # ``return None`` says "no key": an optional key's function returns it.
    return _union(
        _strings(value, tree, function.__globals__, index)
        for value in returns
        if value is not None
        and not (isinstance(value, ast.Constant) and value.value is None)
    )


def _name_strings(
    name: str, scope: ast.AST, namespace: dict[str, Any], index: int | None
) -> set[str] | None:
    """Return what a name is assigned in its function, else its module constant."""
    assigned: list[set[str] | None] = []
    for statement in ast.walk(scope):
        if not isinstance(statement, ast.Assign):
            continue
        for target in statement.targets:
            if isinstance(target, ast.Name) and target.id == name:
                assigned.append(_strings(statement.value, scope, namespace, index))
            elif isinstance(target, ast.Tuple):
                names = [getattr(element, "id", None) for element in target.elts]
                if name in names:
                    position = names.index(name)
                    assigned.append(
                        _strings(statement.value, scope, namespace, position)
                    )
    if assigned:
        return _union(assigned)
    value = namespace.get(name)
    return {value} if isinstance(value, str) else None


def _union(sets: Iterable[set[str] | None]) -> set[str] | None:
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


# en.json sections whose keys the code names, by where the code names them.
USED_SECTIONS = (
    "exceptions",
    "issues",
    "config.step",
    "options.step",
    "config.abort",
    "config.error",
)
# Flow helpers that abort with a fixed reason.
FIXED_ABORTS = {
    "_abort_if_unique_id_configured": "already_configured",
    "_abort_if_unique_id_mismatch": "unique_id_mismatch",
}


@dataclass
class UsedKeys:
    """Translation keys the code uses, by section of en.json."""

    sections: dict[str, set[str]] = field(
        default_factory=lambda: {section: set() for section in USED_SECTIONS}
    )
    hidden: list[str] = field(default_factory=list)

    def add(
        self, section: str, node: ast.AST, scope: ast.AST, module: ModuleType
    ) -> None:
        """Add the strings an expression can have, or say the code hides them."""
        values = _strings(node, scope, vars(module))
        if values is None:
            name = Path(module.__file__ or "").name
            self.hidden.append(
                f"{name}:{getattr(node, 'lineno', 0)}: {ast.unparse(node)}"
            )
        else:
            self.sections[section] |= values


def used_translation_keys(code: Code) -> UsedKeys:
    """Read the keys of raised errors, repair issues and flow steps from the code."""
    used = UsedKeys()
    for module in code.modules.values():
        tree = ast.parse(inspect.getsource(module))
        options_methods = _options_flow_methods(tree)
        form_errors = _form_error_positions(module)
        for scope, call in _calls(tree):
            _translation_key(used, call, scope, module)
            _flow_keys(used, call, scope, module, options=scope in options_methods)
            error = _form_error(call, form_errors.get(_call_name(call)))
            if error is not None:
                used.add("config.error", error, scope, module)
    return used


def _form_error(call: ast.Call, position: int | None) -> ast.expr | None:
    """Return the form error argument of a call of a form error type."""
    if position is None:
        return None
    return call.args[position] if position < len(call.args) else _keyword(call, "error")


def _translation_key(
    used: UsedKeys, call: ast.Call, scope: ast.AST, module: ModuleType
) -> None:
    """A repair issue's or a translated exception's key."""
    key = _keyword(call, "translation_key")
    # An attribute passes on the key of an error raised elsewhere.
    if key is None or isinstance(key, ast.Attribute):
        return
    if _call_name(call) == "async_create_issue":
        used.add("issues", key, scope, module)
    elif _keyword(call, "translation_domain") is not None:
        used.add("exceptions", key, scope, module)


def _flow_keys(
    used: UsedKeys, call: ast.Call, scope: ast.AST, module: ModuleType, *, options: bool
) -> None:
    """A flow step shown or an abort reason."""
    name = _call_name(call)
    step = _keyword(call, "step_id")
    reason = _keyword(call, "reason")
    if name == "async_show_form" and step is not None:
        used.add("options.step" if options else "config.step", step, scope, module)
    elif name in {"async_abort", "async_update_reload_and_abort"} and reason:
        used.add("config.abort", reason, scope, module)
    elif name == "async_update_reload_and_abort":
        # Home Assistant's default reason follows the step's source.
        method = getattr(scope, "name", "")
        kind = "reauth" if "reauth" in method else "reconfigure"
        used.sections["config.abort"].add(f"{kind}_successful")
    elif name in FIXED_ABORTS:
        used.sections["config.abort"].add(FIXED_ABORTS[name])


def _form_error_positions(module: ModuleType) -> dict[str, int]:
    """Return the module's error types that carry a form error, by argument position.

    Such a type has an ``error`` parameter: the key of config.error it names.
    """
    positions: dict[str, int] = {}
    for name, value in vars(module).items():
        if (
            inspect.isclass(value)
            and issubclass(value, Exception)
            and value.__module__ == module.__name__
        ):
            parameters = list(inspect.signature(value).parameters)
            if "error" in parameters:
                positions[name] = parameters.index("error")
    return positions


def _options_flow_methods(tree: ast.AST) -> set[ast.AST]:
    """Return the methods of the options flows in a tree (their steps are options.*)."""
    methods: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
            "OptionsFlow" in ast.unparse(base) for base in node.bases
        ):
            methods |= set(ast.walk(node))
    return methods


# --- the checks -----------------------------------------------------------------


def check_manifest(checkout: Checkout, rules: Rules, _code: Code) -> Iterator[str]:
    """Keys and their order in manifest.json, as hassfest and HACS require."""
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
    yield from _manifest_values(checkout, manifest, rules)


def _manifest_values(
    checkout: Checkout, manifest: dict[str, Any], rules: Rules
) -> Iterator[str]:
    """The values of manifest.json's keys."""
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
    yield from _manifest_urls(manifest)
    for key, allowed in (
        ("iot_class", IOT_CLASSES),
        ("integration_type", rules.integration_types),
        ("quality_scale", QUALITY_SCALES),
    ):
        if manifest.get(key) not in allowed:
            yield f"manifest.json: {key} must be one of {sorted(allowed)}"
    requirements = manifest.get("requirements")
    if not isinstance(requirements, list) or not all(
        isinstance(requirement, str) and "==" in requirement
        for requirement in requirements
    ):
        yield "manifest.json: requirements must be a list of pinned (==) packages"
    try:
        AwesomeVersion(str(manifest.get("version")), ensure_strategy=VERSION_STRATEGIES)
    except AwesomeVersionStrategyException:
        yield "manifest.json: version must be a CalVer, SemVer or PEP 440 version"


def _manifest_urls(manifest: dict[str, Any]) -> Iterator[str]:
    """The integration's own pages, over HTTPS."""
    for key in ("documentation", "issue_tracker"):
        url = manifest.get(key)
        if not isinstance(url, str) or not url.startswith("https://"):
            yield f"manifest.json: {key} must be an https URL"
        elif "home-assistant.io" in url:
            yield f"manifest.json: {key} of a custom integration must be its own page"


def check_quality_scale(checkout: Checkout, rules: Rules, _code: Code) -> Iterator[str]:
    """quality_scale.yaml names every rule, with a reason for each exemption."""
    scale = load_yaml_dict(checkout.package / "quality_scale.yaml")
    declared: dict[str, Any] = scale.get("rules") or {}
    tiered = {rule for tier in RULE_TIERS.values() for rule in tier}
    for rule in sorted(rules.quality_scale_rules - tiered):
        yield f"validate.py: the installed rule '{rule}' has no tier in RULE_TIERS"
    for rule in sorted(rules.quality_scale_rules - declared.keys()):
        yield f"quality_scale.yaml: rule '{rule}' is missing"
    for rule in sorted(declared.keys() - rules.quality_scale_rules):
        yield f"quality_scale.yaml: '{rule}' is not a rule of this Home Assistant"
    statuses: dict[str, object] = {}
    for rule, value in declared.items():
        statuses[rule] = value.get("status") if isinstance(value, dict) else value
        yield from _rule_status(rule, value)
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


def _rule_status(rule: str, value: object) -> Iterator[str]:
    """A rule is done or todo, or a mapping of status and comment."""
    status = value.get("status") if isinstance(value, dict) else value
    if status not in {"done", "todo", "exempt"}:
        yield f"quality_scale.yaml: {rule}: status must be done, todo or exempt"
    elif status == "exempt" and not (
        isinstance(value, dict) and str(value.get("comment") or "").strip()
    ):
        yield f"quality_scale.yaml: {rule}: an exemption needs a comment saying why"
    if isinstance(value, dict) and value.keys() - {"status", "comment"}:
        yield f"quality_scale.yaml: {rule}: only status and comment are allowed"


def check_actions(checkout: Checkout, _rules: Rules, code: Code) -> Iterator[str]:
    """services.yaml describes exactly the registered actions, all translated."""
    described = {
        name: description or {}
        for name, description in load_yaml_dict(
            checkout.package / "services.yaml"
        ).items()
        if not name.startswith(".")
    }
    english = checkout.json("translations/en.json")
    translated = english.get("services", {})
    for name in sorted(code.actions.keys() - described.keys()):
        yield f"services.yaml: '{name}' is registered but not described"
    for name in sorted(described.keys() - code.actions.keys()):
        yield f"services.yaml: '{name}' is not a registered action"
    for name in sorted(translated.keys() - code.actions.keys()):
        yield f"en.json: services.{name} translates an action that is not registered"
    for name in sorted(code.actions.keys() & described.keys()):
        fields: dict[str, Any] = described[name].get("fields") or {}
        yield from _action_fields(name, fields, code.actions[name], english)
        text = translated.get(name, {})
        if not text.get("name") or not text.get("description"):
            yield f"en.json: services.{name} needs a name and a description"
        for field_name in sorted(fields.keys() ^ text.get("fields", {}).keys()):
            yield f"en.json: services.{name}.fields.{field_name} does not match services.yaml"
        for field_name, field_text in text.get("fields", {}).items():
            if not field_text.get("name") or not field_text.get("description"):
                yield f"en.json: services.{name}.fields.{field_name} needs name and description"


def _action_fields(
    name: str, fields: dict[str, Any], schema: object, english: dict[str, Any]
) -> Iterator[str]:
    """An action's fields are its schema's keys, required alike, options translated."""
    validators = schema.schema if isinstance(schema, vol.Schema) else {}
    keys = {str(key): key for key in validators}
    for field_name in sorted(keys.keys() ^ fields.keys()):
        side = "services.yaml" if field_name in fields else "the code's schema"
        yield f"services.yaml: {name}.{field_name} is only in {side}"
    for field_name in sorted(keys.keys() & fields.keys()):
        key = keys[field_name]
        if bool(fields[field_name].get("required")) != isinstance(key, vol.Required):
            yield f"services.yaml: {name}.{field_name}: required differs from the code"
        select = (fields[field_name].get("selector") or {}).get("select") or {}
        options = select.get("options", [])
        validator = validators[key]
        # Typed as a Container; the code passes lists and tuples of the options.
        allowed: Iterable[object] = getattr(validator, "container", options)
        if isinstance(validator, vol.In) and set(options) != set(allowed):
            yield f"services.yaml: {name}.{field_name}: options differ from the code"
        selector_key = select.get("translation_key")
        texts = english.get("selector", {}).get(selector_key, {}).get("options", {})
        for option in options if selector_key else ():
            if option not in texts:
                yield f"en.json: selector.{selector_key}.options.{option} is missing"


def check_icons(checkout: Checkout, rules: Rules, code: Code) -> Iterator[str]:
    """icons.json covers every entity and action with icons the frontend has."""
    icons = checkout.json("icons.json")
    yield from _entity_icons(icons, checkout.json("translations/en.json"), code)
    services = icons.get("services", {})
    for name in sorted(code.actions.keys() - services.keys()):
        yield f"icons.json: services.{name} is missing"
    for name in sorted(services.keys() - code.actions.keys()):
        yield f"icons.json: services.{name} is not a registered action"
    if not rules.icon_names:
        yield "icons.json: no frontend icon list (install home-assistant-frontend)"
    for where, icon in _icon_values(icons):
        prefix, _, name = icon.partition(":")
        if prefix != "mdi":
            yield f"icons.json: {where}: '{icon}' is not an mdi: icon"
        elif rules.icon_names and name not in rules.icon_names:
            yield f"icons.json: {where}: the frontend has no icon '{icon}'"


def _entity_icons(
    icons: dict[str, Any], english: dict[str, Any], code: Code
) -> Iterator[str]:
    """Every entity's translation key has a default icon, state icons known states."""
    for platform, keys in _entity_keys(code).items():
        platform_icons = icons.get("entity", {}).get(platform, {})
        for key in sorted(keys - platform_icons.keys()):
            yield f"icons.json: entity.{platform}.{key} is missing"
        for key in sorted(platform_icons.keys() - keys):
            yield f"icons.json: entity.{platform}.{key} belongs to no entity"
        texts = english.get("entity", {}).get(platform, {})
        for key in sorted(keys & platform_icons.keys()):
            if "default" not in platform_icons[key]:
                yield f"icons.json: entity.{platform}.{key} needs a default icon"
            states = texts.get(key, {}).get("state")
            for state in platform_icons[key].get("state", {}) if states else ():
                if state not in states:
                    yield f"icons.json: entity.{platform}.{key}: no state '{state}'"


def _icon_values(node: object, path: str = "") -> Iterator[tuple[str, str]]:
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


def check_translations(checkout: Checkout, _rules: Rules, code: Code) -> Iterator[str]:
    """Every key the code uses is translated, none unused, every language complete."""
    english = checkout.json("translations/en.json")
    yield from _entity_texts(english.get("entity", {}), code)
    used = used_translation_keys(code)
    for where in used.hidden:
        yield f"{where}: translation key is not readable from the code"
    for section, keys in used.sections.items():
        texts = english
        for part in section.split("."):
            texts = texts.get(part, {})
        for key in sorted(keys - texts.keys()):
            yield f"en.json: {section}.{key} is used by the code but missing"
        for key in sorted(texts.keys() - keys):
            yield f"en.json: {section}.{key} is not used by the code"
    yield from _languages(checkout, english)


def _entity_texts(entity: dict[str, Any], code: Code) -> Iterator[str]:
    """Each entity description's name, states and event types are translated."""
    for platform, descriptions in code.entity_descriptions.items():
        for description in descriptions:
            key = description.translation_key
            text = entity.get(platform, {}).get(key)
            if key is not None and text is None:
                yield f"en.json: entity.{platform}.{key} is missing"
            elif key is not None:
                yield from _entity_states(f"entity.{platform}.{key}", description, text)
    used = _entity_keys(code)
    for platform, texts in entity.items():
        for key in sorted(texts.keys() - used.get(platform, set())):
            yield f"en.json: entity.{platform}.{key} belongs to no entity"


def _entity_states(
    where: str, description: EntityDescription, text: dict[str, Any]
) -> Iterator[str]:
    """An enum's options are translated states, an event's types too."""
    states = text.get("state", {})
    events = text.get("state_attributes", {}).get("event_type", {}).get("state", {})
    for option in getattr(description, "options", None) or ():
        if option not in states:
            yield f"en.json: {where}.state.{option} is missing"
    for event_type in getattr(description, "event_types", None) or ():
        if event_type not in events:
            yield f"en.json: {where}: event type {event_type} is missing"


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
    sys.stdout.writelines(f"{problem}\n" for problem in problems)
    names = ", ".join(check.__name__.removeprefix("check_") for check in CHECKS)
    sys.stderr.write(
        f"{len(problems)} problem(s) in {root}\n" if problems else f"valid: {names}\n"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

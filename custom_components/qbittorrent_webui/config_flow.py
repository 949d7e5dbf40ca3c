"""Config flow of the qBittorrent WebUI integration."""

import contextlib
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import (
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.const import (
    CONF_API_KEY,
    CONF_PASSWORD,
    CONF_SCAN_INTERVAL,
    CONF_URL,
    CONF_USERNAME,
    CONF_VERIFY_SSL,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.selector import (
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)
import voluptuous as vol
from yarl import URL

from .client import create_client, forget_ban
from .const import (
    CONF_ENABLE_EVENTS,
    CONF_TORRENT_DEVICES,
    CONF_TORRENT_FILTER,
    CONF_TORRENT_FILTER_VALUE,
    CONF_TORRENT_LIMIT,
    CONF_VOICE_SENTENCES,
    DEFAULT_ENABLE_EVENTS,
    DEFAULT_TORRENT_DEVICES,
    DEFAULT_TORRENT_FILTER,
    DEFAULT_TORRENT_LIMIT,
    DEFAULT_VOICE_SENTENCES,
    DOMAIN,
    LOGGER,
    MAX_SCAN_INTERVAL,
    MAX_TORRENT_LIMIT,
    MIN_SCAN_INTERVAL,
    TORRENT_FILTER_ACTIVE,
    TORRENT_FILTER_ALL,
    TORRENT_FILTERS,
    UPDATE_INTERVAL,
)
from .device import find_entry_device
from .errors import ban_translation
from .qbittorrent_webui_client import (
    QBittorrentAuthenticationError,
    QBittorrentBannedError,
    QBittorrentCertificateError,
    QBittorrentConnectionError,
    QBittorrentError,
    QBittorrentRequestRejectedError,
    QBittorrentTimeoutError,
    QBittorrentUnsupportedVersionError,
    ServerInfo,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .coordinator import QBittorrentConfigEntry
    from .qbittorrent_webui_client import QBittorrentClient

URL_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.URL))
USERNAME_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.TEXT, autocomplete="username")
)
PASSWORD_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="current-password")
)
API_KEY_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="off")
)

CONNECTION_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_URL): URL_SELECTOR,
        vol.Optional(CONF_USERNAME): USERNAME_SELECTOR,
        vol.Optional(CONF_PASSWORD): PASSWORD_SELECTOR,
        vol.Optional(CONF_API_KEY): API_KEY_SELECTOR,
        vol.Optional(CONF_VERIFY_SSL, default=True): bool,
    }
)
CREDENTIALS_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_USERNAME): USERNAME_SELECTOR,
        vol.Optional(CONF_PASSWORD): PASSWORD_SELECTOR,
        vol.Optional(CONF_API_KEY): API_KEY_SELECTOR,
    }
)
CREDENTIAL_FIELDS = frozenset({CONF_USERNAME, CONF_PASSWORD, CONF_API_KEY})
OPTIONS_SCHEMA = vol.Schema(
    {
        vol.Optional(
            CONF_SCAN_INTERVAL, default=UPDATE_INTERVAL.total_seconds()
        ): NumberSelector(
            NumberSelectorConfig(
                min=MIN_SCAN_INTERVAL,
                max=MAX_SCAN_INTERVAL,
                step=1,
                unit_of_measurement="s",
                mode=NumberSelectorMode.BOX,
            )
        ),
        vol.Optional(CONF_ENABLE_EVENTS, default=DEFAULT_ENABLE_EVENTS): bool,
        vol.Optional(CONF_VOICE_SENTENCES, default=DEFAULT_VOICE_SENTENCES): bool,
        vol.Optional(CONF_TORRENT_DEVICES, default=DEFAULT_TORRENT_DEVICES): bool,
        vol.Optional(
            CONF_TORRENT_FILTER, default=DEFAULT_TORRENT_FILTER
        ): SelectSelector(
            SelectSelectorConfig(
                options=list(TORRENT_FILTERS),
                mode=SelectSelectorMode.DROPDOWN,
                translation_key=CONF_TORRENT_FILTER,
            )
        ),
        vol.Optional(CONF_TORRENT_FILTER_VALUE): TextSelector(),
        vol.Optional(CONF_TORRENT_LIMIT, default=DEFAULT_TORRENT_LIMIT): vol.All(
            NumberSelector(
                NumberSelectorConfig(
                    min=1, max=MAX_TORRENT_LIMIT, step=1, mode=NumberSelectorMode.BOX
                )
            ),
            vol.Coerce(int),
        ),
    }
)
# The filters that need a name: a category or a tag.
NAMED_TORRENT_FILTERS = frozenset(TORRENT_FILTERS) - {
    TORRENT_FILTER_ACTIVE,
    TORRENT_FILTER_ALL,
}
DEFAULT_PORTS = {"http": 80, "https": 443}


class CannotValidateError(Exception):
    """Connecting failed; carries the form error and its placeholders."""

    def __init__(self, field: str, error: str, placeholders: dict[str, str]) -> None:
        """Remember which field the error belongs to."""
        super().__init__(error)
        self.field = field
        self.error = error
        self.placeholders = placeholders


def normalize_url(text: str) -> str:
    """Return the canonical form of a WebUI URL, used as the unique id.

    Scheme and host are lower-cased, a default port is left out and a
    trailing slash is dropped, so equivalent spellings give one entry.

    Raises:
        CannotValidateError: The text is not an http(s) URL with a host.
    """
    try:
        url = URL(text.strip())
    except ValueError as error:
        raise CannotValidateError(CONF_URL, "invalid_url", {}) from error
    if url.scheme not in DEFAULT_PORTS or not url.host:
        raise CannotValidateError(CONF_URL, "invalid_url", {})
    port = url.explicit_port or DEFAULT_PORTS[url.scheme]
    path = url.path.rstrip("/")
    return str(
        URL.build(scheme=url.scheme, host=url.host.lower(), port=port, path=path)
    )


def _connection_data(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Return the entry data for the form input, with the URL normalized.

    Raises:
        CannotValidateError: The URL is not an http(s) URL with a host.
    """
    return {
        CONF_URL: normalize_url(user_input[CONF_URL]),
        CONF_USERNAME: user_input.get(CONF_USERNAME, ""),
        CONF_PASSWORD: user_input.get(CONF_PASSWORD, ""),
        CONF_API_KEY: user_input.get(CONF_API_KEY, ""),
        CONF_VERIFY_SSL: user_input.get(CONF_VERIFY_SSL, True),
    }


async def validate_connection(
    hass: HomeAssistant, data: Mapping[str, Any]
) -> ServerInfo:
    """Connect, log in and detect the server, as setup will.

    Raises:
        CannotValidateError: With the form error explaining the failure.
    """
    client, session = create_client(hass, data, auto_cleanup=False)
    try:
        info = await _detect(client, data)
    finally:
        session.detach()
    # A server that lets this address in without authentication answers even
    # when it ignores the key; the key would then fail once that changes.
    if data.get(CONF_API_KEY) and not info.capabilities.api_key:
        raise CannotValidateError(
            CONF_API_KEY,
            "api_key_unsupported",
            {"version": info.app_version or "unknown"},
        )
    return info


async def _detect(client: QBittorrentClient, data: Mapping[str, Any]) -> ServerInfo:
    """Detect the server and log out again, mapping failures to form errors."""
    try:
        info = await client.detect()
    except QBittorrentBannedError as error:
        key, placeholders = ban_translation(error)
        raise CannotValidateError("base", key, placeholders) from error
    except QBittorrentAuthenticationError as error:
        # Before 5.2 qBittorrent ignores the key and refuses the request just
        # as it refuses a wrong key, so one error covers both causes.
        if data.get(CONF_API_KEY):
            raise CannotValidateError(CONF_API_KEY, "invalid_api_key", {}) from error
        raise CannotValidateError(CONF_PASSWORD, "invalid_auth", {}) from error
    except QBittorrentRequestRejectedError as error:
        raise CannotValidateError(CONF_URL, "request_rejected", {}) from error
    except QBittorrentUnsupportedVersionError as error:
        raise CannotValidateError(CONF_URL, "unsupported", {}) from error
    except QBittorrentConnectionError as error:
        raise _connection_form_error(error) from error
    except Exception as error:
        LOGGER.exception("Unexpected error while connecting to qBittorrent")
        raise CannotValidateError("base", "unknown", {}) from error
    else:
        # Setup logs in afresh; ending this session keeps qBittorrent's
        # session count (capped at 15 in 5.3) low.
        with contextlib.suppress(QBittorrentError):
            await client.logout()
    return info


def _connection_form_error(error: QBittorrentConnectionError) -> CannotValidateError:
    """Say whether the certificate, a slow answer or the address is at fault."""
    if isinstance(error, QBittorrentCertificateError):
        return CannotValidateError(CONF_VERIFY_SSL, "invalid_certificate", {})
    if isinstance(error, QBittorrentTimeoutError):
        return CannotValidateError(CONF_URL, "timeout", {})
    return CannotValidateError(CONF_URL, "cannot_connect", {})


def _title(url: str) -> str:
    """Name the entry after the server's address."""
    parsed = URL(url)
    return f"{parsed.host}:{parsed.port}{parsed.path.rstrip('/')}"


class QBittorrentConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up a qBittorrent server."""

    VERSION = 1

    @staticmethod
    @callback
    def async_get_options_flow(
        config_entry: QBittorrentConfigEntry,  # noqa: ARG004
    ) -> QBittorrentOptionsFlow:
        """Return the options flow."""
        return QBittorrentOptionsFlow()

    async def _async_validated_data(
        self, user_input: dict[str, Any], *, current_unique_id: str | None = None
    ) -> dict[str, Any]:
        """Return the entry data for the form's input once connecting works.

        The URL is the unique id: the flow aborts if another entry has it. An
        entry reconfigured with its own URL (``current_unique_id``) keeps it.

        Raises:
            CannotValidateError: With the form error explaining the failure.
        """
        data = _connection_data(user_input)
        if data[CONF_URL] != current_unique_id:
            await self.async_set_unique_id(data[CONF_URL])
            self._abort_if_unique_id_configured()
        await validate_connection(self.hass, data)
        return data

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the WebUI address and credentials, then test them."""
        errors: dict[str, str] = {}
        placeholders: dict[str, str] = {}
        if user_input is not None:
            try:
                data = await self._async_validated_data(user_input)
            except CannotValidateError as error:
                errors[error.field] = error.error
                placeholders = error.placeholders
            else:
                return self.async_create_entry(title=_title(data[CONF_URL]), data=data)
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(
                CONNECTION_SCHEMA, user_input
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_reauth(
        self,
        entry_data: Mapping[str, Any],  # noqa: ARG002
    ) -> ConfigFlowResult:
        """Start re-authentication after qBittorrent rejected the credentials."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for new credentials and test them."""
        entry = self._get_reauth_entry()
        errors: dict[str, str] = {}
        placeholders = {CONF_URL: entry.data[CONF_URL]}
        if user_input is not None:
            data = {
                **entry.data,
                CONF_USERNAME: user_input.get(CONF_USERNAME, ""),
                CONF_PASSWORD: user_input.get(CONF_PASSWORD, ""),
                CONF_API_KEY: user_input.get(CONF_API_KEY, ""),
            }
            try:
                await validate_connection(self.hass, data)
            except CannotValidateError as error:
                # This form shows only the credentials; the rest goes on top.
                field = error.field if error.field in CREDENTIAL_FIELDS else "base"
                errors[field] = error.error
                placeholders |= error.placeholders
            else:
                forget_ban(self.hass, entry.entry_id)
                return self.async_update_reload_and_abort(entry, data=data)
        return self.async_show_form(
            step_id="reauth_confirm",
            data_schema=self.add_suggested_values_to_schema(
                CREDENTIALS_SCHEMA,
                user_input or {CONF_USERNAME: entry.data[CONF_USERNAME]},
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the address, credentials or certificate check."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        placeholders: dict[str, str] = {}
        if user_input is not None:
            try:
                data = await self._async_validated_data(
                    user_input, current_unique_id=entry.unique_id
                )
            except CannotValidateError as error:
                errors[error.field] = error.error
                placeholders = error.placeholders
            else:
                forget_ban(self.hass, entry.entry_id)
                _move_registry_ids(self.hass, entry, data[CONF_URL])
                return self.async_update_reload_and_abort(
                    entry,
                    unique_id=data[CONF_URL],
                    title=_title(data[CONF_URL]),
                    data=data,
                )
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                CONNECTION_SCHEMA, user_input or entry.data
            ),
            errors=errors,
            description_placeholders=placeholders,
        )


def _move_registry_ids(
    hass: HomeAssistant, entry: QBittorrentConfigEntry, new_unique_id: str
) -> None:
    """Carry entities and the device over when the URL (the unique id) changes.

    Entities keep their ids, names and history; only the keys they are
    registered under follow the entry's new unique id.
    """
    old_unique_id = str(entry.unique_id)
    if new_unique_id == old_unique_id:
        return
    entity_registry = er.async_get(hass)
    for entity in er.async_entries_for_config_entry(entity_registry, entry.entry_id):
        entity_registry.async_update_entity(
            entity.entity_id,
            new_unique_id=new_unique_id + entity.unique_id.removeprefix(old_unique_id),
        )
    device_registry = dr.async_get(hass)
    if device := find_entry_device(
        device_registry, entry.entry_id, (DOMAIN, old_unique_id)
    ):
        device_registry.async_update_device(
            device.id, new_identifiers={(DOMAIN, new_unique_id)}
        )


class QBittorrentOptionsFlow(OptionsFlowWithReload):
    """Tune what the integration does with a server."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and store the options."""
        errors: dict[str, str] = {}
        if user_input is not None:
            if (
                user_input[CONF_TORRENT_DEVICES]
                and user_input[CONF_TORRENT_FILTER] in NAMED_TORRENT_FILTERS
                and not user_input.get(CONF_TORRENT_FILTER_VALUE, "").strip()
            ):
                errors[CONF_TORRENT_FILTER_VALUE] = "torrent_filter_value_required"
            else:
                return self.async_create_entry(data=user_input)
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                OPTIONS_SCHEMA, user_input or self.config_entry.options
            ),
            errors=errors,
        )

"""The integration's own sentences for Home Assistant's built-in Assist agent.

The built-in agent reads sentences from the home-assistant-intents package,
from files in the user's configuration and from sentence triggers; an
integration has no way to add intents to it. The sentence triggers are kept
in memory by the conversation integration's agent manager: registering the
sentences shipped in ``sentences/<language>.yaml`` there, while a server with
the "Voice sentences" option is loaded, writes no file, comes back with every
start, and goes with the last server's unload. A trigger's sentences match in
any language; the answer is in the language of the pipeline asked.
"""

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
import re
from typing import TYPE_CHECKING, Any, Final

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.setup import async_when_setup
from homeassistant.util.hass_dict import HassKey
from homeassistant.util.yaml import load_yaml_dict

from .const import DOMAIN
from .intent import INTENT_ADD_TORRENT, SLOT_SERVER, SLOT_URL, VOICE_INTENTS
from .voice import (
    VoiceRefusalError,
    VoiceRequest,
    async_render,
    base_language,
    find_url,
)

if TYPE_CHECKING:
    from hassil.recognize import RecognizeResult
    from homeassistant.components.conversation import ConversationInput

    from .coordinator import QBittorrentConfigEntry
    from .intent import VoiceIntent

SENTENCES_DIR: Final = Path(__file__).parent / "sentences"
# The built-in agent's name among the assistants entities are exposed to.
ASSISTANT: Final = "conversation"
RULE: Final = re.compile(r"<(\w+)>")

DATA_SENTENCES: HassKey[SentenceTriggers] = HassKey(f"{DOMAIN}_sentences")


@dataclass(frozen=True)
class SentenceGroup:
    """Sentences of every language that run one intent with the same fixed slots."""

    intent_type: str
    slots: tuple[tuple[str, Any], ...]
    sentences: tuple[str, ...]


@dataclass
class SentenceTriggers:
    """Which servers offer the sentences, and how to withdraw them."""

    entry_ids: set[str] = field(default_factory=set)
    unregister: list[CALLBACK_TYPE] = field(default_factory=list)


def expand_rules(sentence: str, rules: dict[str, str]) -> str:
    """Replace ``<rule>`` by its template; triggers know no expansion rules."""
    while (expanded := RULE.sub(lambda match: rules[match[1]], sentence)) != sentence:
        sentence = expanded
    return sentence


def load_language(path: Path) -> dict[str, list[tuple[dict[str, Any], list[str]]]]:
    """One language's sentences by intent: (fixed slots, sentences) blocks."""
    content = load_yaml_dict(path)
    rules: dict[str, str] = content.get("expansion_rules", {})
    return {
        intent_type: [
            (
                block.get("slots", {}),
                [expand_rules(sentence, rules) for sentence in block["sentences"]],
            )
            for block in blocks["data"]
        ]
        for intent_type, blocks in content["intents"].items()
    }


def load_sentence_groups() -> list[SentenceGroup]:
    """Every language's sentences, grouped by intent and fixed slots (blocking)."""
    grouped: dict[tuple[str, tuple[tuple[str, Any], ...]], list[str]] = {}
    for path in sorted(SENTENCES_DIR.glob("*.yaml")):
        for intent_type, blocks in load_language(path).items():
            for slots, sentences in blocks:
                key = (intent_type, tuple(sorted(slots.items())))
                grouped.setdefault(key, []).extend(sentences)
    return [
        SentenceGroup(intent_type, slots, tuple(sentences))
        for (intent_type, slots), sentences in grouped.items()
    ]


async def _async_answer(
    hass: HomeAssistant,
    voice_intent: VoiceIntent,
    group: SentenceGroup,
    user_input: ConversationInput,
    result: RecognizeResult,
) -> str:
    """Run the intent a sentence matched and say the outcome."""
    values: dict[str, Any] = dict(group.slots)
    values.update(
        (name, str(entity.value).strip()) for name, entity in result.entities.items()
    )
    if voice_intent.intent_type == INTENT_ADD_TORRENT:
        # Matching drops punctuation (magnet:? and ://); take the URL as typed.
        values[SLOT_URL] = find_url(user_input.text) or values[SLOT_URL]
    language = base_language(user_input.language, hass)
    request = VoiceRequest(
        hass=hass,
        language=language,
        assistant=ASSISTANT,
        server=values.get(SLOT_SERVER),
        from_sentences=True,
    )
    try:
        phrases = await voice_intent.operation(request, values)
    except VoiceRefusalError as refusal:
        return await async_render(hass, language, refusal.phrases)
    return await async_render(hass, language, phrases)


async def async_offer_sentences(
    hass: HomeAssistant, entry: QBittorrentConfigEntry
) -> None:
    """Offer the sentences to the built-in agent while ``entry`` is loaded."""
    triggers = hass.data.setdefault(DATA_SENTENCES, SentenceTriggers())
    triggers.entry_ids.add(entry.entry_id)
    entry.async_on_unload(partial(_withdraw, hass, entry.entry_id))
    if triggers.unregister:
        return
    groups = await hass.async_add_executor_job(load_sentence_groups)

    async def register(hass: HomeAssistant, _component: str) -> None:
        # The conversation integration may load after the first server, and
        # the servers may be gone by then.
        if not triggers.entry_ids or triggers.unregister:
            return
        # Imported once conversation is set up: its requirements are there then.
        from homeassistant.components.conversation.agent_manager import (  # noqa: PLC0415
            get_agent_manager,
        )

        manager = get_agent_manager(hass)
        intents = {
            voice_intent.intent_type: voice_intent for voice_intent in VOICE_INTENTS
        }
        triggers.unregister.extend(
            manager.register_trigger(
                list(group.sentences),
                partial(_async_answer, hass, intents[group.intent_type], group),
            )
            for group in groups
        )

    async_when_setup(hass, "conversation", register)


@callback
def _withdraw(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw the sentences when the last server offering them unloads."""
    triggers = hass.data[DATA_SENTENCES]
    triggers.entry_ids.discard(entry_id)
    if triggers.entry_ids:
        return
    for unregister in triggers.unregister:
        unregister()
    triggers.unregister.clear()

"""The translated strings that qBittorrent 3.1.x puts in its JSON.

3.1.x formats sizes, speeds, ratios and ETAs on the server, in the GUI
language (``misc.cpp`` ``friendlyUnit``/``userFriendlyDuration``): one decimal
above bytes, ``∞`` for ratios over 100 and for "never" ETAs.
"""

from __future__ import annotations

from dataclasses import dataclass

INFINITY = "∞"
MAX_ETA = 8640000
MAX_RATIO = 100


@dataclass(frozen=True, slots=True)
class Language:
    """The strings of one GUI language."""

    units: tuple[str, str, str, str, str]
    per_second: str
    unknown: str
    less_than_a_minute: str
    minutes: str
    hours_minutes: str
    days_hours: str
    download_info: str
    upload_info: str
    session_suffix: str
    seeded_for: str
    max_connections: str


LANGUAGES: dict[str, Language] = {
    "en": Language(
        units=("B", "KiB", "MiB", "GiB", "TiB"),
        per_second="/s",
        unknown="Unknown",
        less_than_a_minute="< 1m",
        minutes="{m}m",
        hours_minutes="{h}h {m}m",
        days_hours="{d}d {h}h",
        download_info="D: {speed}/s - T: {total}",
        upload_info="U: {speed}/s - T: {total}",
        session_suffix="{total} ({session} this session)",
        seeded_for="{elapsed} (seeded for {seeding})",
        max_connections="{count} ({limit} max)",
    ),
    "ru": Language(
        units=("Б", "КиБ", "МиБ", "ГиБ", "ТиБ"),
        per_second="/с",  # noqa: RUF001 - Russian
        unknown="Неизвестно",
        less_than_a_minute="< 1м",
        minutes="{m}м",
        hours_minutes="{h}ч {m}м",
        days_hours="{d}д {h}ч",
        download_info="Приём: {speed}/с - Передано: {total}",  # noqa: RUF001 - Russian
        upload_info="Отдача: {speed}/с - Передано: {total}",  # noqa: RUF001 - Russian
        session_suffix="{total} ({session} за эту сессию)",
        seeded_for="{elapsed} (Раздается {seeding})",
        max_connections="{count} ({limit} макс)",
    ),
}


def language(locale: str) -> Language:
    """Return the strings for ``locale`` (``ru``, ``ru_RU``, ``en``...)."""
    code = locale.split("_", maxsplit=1)[0].lower()
    if code not in LANGUAGES:
        msg = f"no translation for locale {locale!r}; have {sorted(LANGUAGES)}"
        raise ValueError(msg)
    return LANGUAGES[code]


def friendly_size(lang: Language, value: float) -> str:
    """Format bytes as qBittorrent does: ``0 B``, ``1.8 GiB``."""
    if value < 0:
        return lang.unknown
    unit = 0
    while value >= 1024 and unit < len(lang.units) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{int(value)} {lang.units[0]}"
    return f"{value:.1f} {lang.units[unit]}"


def friendly_speed(lang: Language, value: float) -> str:
    """Format a rate: the size followed by the translated ``/s``."""
    if value < 0:
        return lang.unknown
    return friendly_size(lang, value) + lang.per_second


def friendly_ratio(ratio: float) -> str:
    """One decimal, or ``∞`` above 100."""
    if ratio > MAX_RATIO:
        return INFINITY
    return f"{ratio:.1f}".removesuffix(".0") if ratio == int(ratio) else f"{ratio:.1f}"


def friendly_eta(lang: Language, seconds: int) -> str:
    """``∞``, ``0``, ``< 1m``, ``MMm``, ``HHh MMm`` or ``DDd HHh``."""
    if seconds < 0 or seconds >= MAX_ETA:
        return INFINITY
    if seconds == 0:
        return "0"
    if seconds < 60:
        return lang.less_than_a_minute
    minutes = seconds // 60
    if minutes < 60:
        return lang.minutes.format(m=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return lang.hours_minutes.format(h=hours, m=minutes)
    days, hours = divmod(hours, 24)
    return lang.days_hours.format(d=days, h=hours)


def transfer_line(
    lang: Language, template: str, speed: int, total: int, *, double_suffix: bool
) -> str:
    """Build ``D: 1.2 MiB/s - T: 3.4 GiB``.

    From 3.1.10 the speed comes from ``friendlyUnit(rate, true)`` which already
    ends in ``/s``, and the template adds another one: ``1.2 MiB/s/s``.
    """
    rendered = (
        friendly_speed(lang, speed) if double_suffix else friendly_size(lang, speed)
    )
    return template.format(speed=rendered, total=friendly_size(lang, total))

// Numbers as qBittorrent shows them: binary units, compact durations.

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

// qBittorrent's ETA for "never" (100 days).
export const ETA_INFINITE = 8_640_000;

export function formatBytes(bytes: number | null): string {
  if (bytes === null) {
    return "—";
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

export function formatSpeed(bytesPerSecond: number | null): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || seconds >= ETA_INFINITE) {
    return "∞";
  }
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  if (days) return `${days}d ${hours}h`;
  if (hours) return `${hours}h ${minutes}m`;
  if (minutes) return `${minutes}m ${rest}s`;
  return `${rest}s`;
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? "—" : ratio.toFixed(2);
}

export function formatPercent(progress: number | null): string {
  return progress === null ? "—" : `${Math.floor(progress * 1000) / 10}%`;
}

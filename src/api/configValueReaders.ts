// Readers of single configuration values that never throw: a value of the
// wrong type is reported in plain words and the reader falls back, so an
// invalid key never breaks a view.

/** The sentences that say which values were ignored, and what is used instead. */
export type Problems = string[];

/** Whether a value is a plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a problem sentence names it. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Reads a nested object. A value of the wrong type is reported and treated
 * as absent, so its children fall back to their defaults.
 */
export function readObject(
  parent: Record<string, unknown> | undefined,
  key: string,
  path: string,
  problems: Problems,
): Record<string, unknown> | undefined {
  const value = parent?.[key];
  if (value === undefined) return undefined;
  if (isRecord(value)) return value;
  problems.push(
    `${path} must be an object, got ${describeValue(value)}; using the defaults for its keys.`,
  );
  return undefined;
}

/** A non-empty string, trimmed; anything else is reported. */
export function readString(
  value: unknown,
  path: string,
  problems: Problems,
  fallbackNote: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim()) return value.trim();
  problems.push(
    `${path} must be a non-empty string, got ${describeValue(value)}; ${fallbackNote}.`,
  );
  return undefined;
}

/**
 * Numbers may arrive as strings when app-config substitutes environment
 * variables, so numeric strings are accepted the way `Config.getNumber` does.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/** A whole number above 0, or the fallback with a problem. */
export function readPositiveInteger(
  value: unknown,
  path: string,
  fallback: number,
  problems: Problems,
): number {
  if (value === undefined) return fallback;
  const parsed = toNumber(value);
  if (parsed !== undefined && Number.isSafeInteger(parsed) && parsed > 0)
    return parsed;
  problems.push(
    `${path} must be a whole number above 0, got ${describeValue(value)}; using ${fallback}.`,
  );
  return fallback;
}

/** A list of non-empty strings; items that are not are reported and left out. */
export function readStringList(
  value: unknown,
  path: string,
  problems: Problems,
  fallbackNote: string,
): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(
      `${path} must be a list of strings, got ${describeValue(value)}; ${fallbackNote}.`,
    );
    return undefined;
  }
  const strings: string[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string' && item.trim()) strings.push(item.trim());
    else
      problems.push(
        `${path}[${index}] must be a non-empty string, got ${describeValue(item)}; ignoring it.`,
      );
  });
  return strings;
}

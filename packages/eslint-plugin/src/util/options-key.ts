/**
 * A key that is equal for two option values exactly when they hold the same data, or undefined when the
 * value holds something a key cannot stand for (a function, a RegExp, a class instance, a non-finite number,
 * an undefined property). Rule options are JSON by schema; anything else is merged afresh every time.
 */
export function optionsKey(value: unknown): string | undefined {
  return isPlainData(value) ? JSON.stringify(value) : undefined;
}

function isPlainData(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isPlainData);
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return false;
      return Object.values(value).every(isPlainData);
    }
    default:
      return false;
  }
}

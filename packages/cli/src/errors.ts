/**
 * A problem with how vibeguard was called or configured (exit code 2).
 * `hint` says how to fix it; both are printed.
 */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

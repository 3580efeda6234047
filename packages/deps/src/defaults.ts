// The checker's defaults, in a module of their own: the CLI shows them in its help, and loading the
// checker (the TypeScript compiler, the registry client) just to print a number made every command slow.

/** Default for `recentDays`: a package first published fewer days ago than this is "very recent". */
export const DEFAULT_RECENT_DAYS = 30;

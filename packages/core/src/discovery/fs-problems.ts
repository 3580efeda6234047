/** Words for the filesystem errors a scan meets, so a diagnostic says what went wrong, not an errno. */
const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EIO: "read error (EIO)",
  ELOOP: "symlink loop",
  ENOENT: "does not exist",
  ENOTDIR: "a parent is not a folder",
  EISDIR: "is a folder",
  EMFILE: "too many open files",
  ENAMETOOLONG: "name too long",
};

/** A short reason for a failed fs call: "permission denied", "read error (EIO)", ... */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return (error as Error | undefined)?.message?.split("\n")[0] ?? String(error);
}

/** What kind of non-regular file a stat describes ("FIFO", "socket", ...). */
export function specialFileKind(stats: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

import { createHash } from "node:crypto";

/** FNV-1a over a string's UTF-16 code units: a fast 32-bit hash for tokens. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Combines two 32-bit hashes (order matters). */
export function combineHashes(a: number, b: number): number {
  return mix32(Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b);
}

/** murmur3's finaliser: spreads the bits of a 32-bit value. */
export function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The key a file's cached index is stored under. */
export function contentHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

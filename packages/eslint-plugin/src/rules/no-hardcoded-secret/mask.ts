import { formatEntropy, shannonEntropy } from "./entropy.js";

/**
 * A preview that identifies a secret without revealing it: the first four and last three
 * characters of 20+ character values (`sk_l…9f2`), two and two from 12, one and one from 8,
 * and nothing below that, so at most seven characters — never enough to use — are shown.
 */
export function maskSecret(secret: string): string {
  const characters = [...secret];
  const [head, tail] = characters.length >= 20 ? [4, 3] : characters.length >= 12 ? [2, 2] : characters.length >= 8 ? [1, 1] : [0, 0];
  return `${characters.slice(0, head).join("")}…${tail > 0 ? characters.slice(-tail).join("") : ""}`;
}

/** Message data describing a secret without printing it. */
export function describeSecret(secret: string): { preview: string; length: string; entropy: string } {
  return {
    preview: maskSecret(secret),
    length: String([...secret].length),
    entropy: formatEntropy(shannonEntropy(secret)),
  };
}

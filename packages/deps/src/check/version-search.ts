import semver from "semver";

/** At most this many extra versions are downloaded per question. */
const MAX_PROBES = 6;

/**
 * Finds, among published versions, where a predicate ("this version exports X") holds, with few downloads:
 * the last and first version of each major first, then a binary search between the nearest hit and miss.
 */
export class VersionSearch {
  private readonly versions: string[];

  constructor(
    published: readonly string[],
    private readonly pinned: string,
    private readonly holds: (version: string) => Promise<boolean | undefined>,
  ) {
    const pre = semver.prerelease(pinned) !== null;
    this.versions = published.filter((v) => semver.valid(v) && (pre || semver.prerelease(v) === null)).sort(semver.compare);
  }

  /** The last version before the pinned one where it holds. */
  async lastBefore(): Promise<string | undefined> {
    const older = this.versions.filter((v) => semver.lt(v, this.pinned));
    return this.search(older, "last");
  }

  /** The first version after the pinned one where it holds. */
  async firstAfter(): Promise<string | undefined> {
    const newer = this.versions.filter((v) => semver.gt(v, this.pinned));
    return this.search(newer, "first");
  }

  private async search(range: string[], want: "last" | "first"): Promise<string | undefined> {
    if (range.length === 0) return undefined;
    let probes = 0;
    const check = async (version: string) => {
      probes += 1;
      return (await this.holds(version)) === true;
    };
    // Major boundaries, nearest to the pinned version first.
    const boundaries = new Set<string>();
    const byMajor = new Map<number, string[]>();
    for (const v of range) byMajor.set(semver.major(v), [...(byMajor.get(semver.major(v)) ?? []), v]);
    const majors = [...byMajor.keys()].sort((a, b) => (want === "last" ? b - a : a - b));
    for (const major of majors) {
      const list = byMajor.get(major)!;
      if (want === "last") boundaries.add(list[list.length - 1]!).add(list[0]!);
      else boundaries.add(list[0]!).add(list[list.length - 1]!);
    }
    const ordered = want === "last" ? [...range].reverse() : range;
    let hitIndex = -1;
    let missIndex = -1; // nearest checked version (toward pinned) where it does not hold
    for (const candidate of boundaries) {
      if (probes >= MAX_PROBES) break;
      const index = ordered.indexOf(candidate);
      if (await check(candidate)) {
        hitIndex = index;
        break;
      }
      missIndex = Math.max(missIndex, index);
    }
    if (hitIndex === -1) return undefined;
    // Narrow between the miss nearest the pinned version and the hit (monotone within that stretch).
    let lo = missIndex; // miss
    let hi = hitIndex; // hit
    while (hi - lo > 1 && probes < MAX_PROBES + 4) {
      const mid = Math.floor((lo + hi) / 2);
      if (await check(ordered[mid]!)) hi = mid;
      else lo = mid;
    }
    return ordered[hi];
  }
}

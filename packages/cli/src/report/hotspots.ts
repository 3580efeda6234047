import path from "node:path";

export interface Hotspot {
  path: string;
  findings: number;
  points: number;
  /** Commits that touched the file (or files of the folder) in the history read. */
  churn: number;
  /** points × (1 + ln(1 + churn)): risk that keeps being edited ranks first. */
  score: number;
}

export const HOTSPOT_FORMULA = "hotspot = risk points × (1 + ln(1 + changes: commits touching the file, summed over a folder))";

export interface FileRisk {
  path: string;
  findings: number;
  points: number;
}

function hotspot(pathName: string, findings: number, points: number, churn: number): Hotspot {
  return { path: pathName, findings, points: round(points), churn, score: round(points * (1 + Math.log(1 + churn))) };
}

/** Top files and folders by risk weighted by churn (churn is empty without git history). */
export function rankHotspots(files: readonly FileRisk[], churn: ReadonlyMap<string, number>, limit = 15): { files: Hotspot[]; folders: Hotspot[] } {
  const fileSpots = files.map((f) => hotspot(f.path, f.findings, f.points, churn.get(f.path) ?? 0));
  const folders = new Map<string, { findings: number; points: number; churn: number }>();
  for (const spot of fileSpots) {
    for (let dir = path.posix.dirname(spot.path); dir !== "."; dir = path.posix.dirname(dir)) {
      const folder = folders.get(dir) ?? { findings: 0, points: 0, churn: 0 };
      folder.findings += spot.findings;
      folder.points += spot.points;
      folder.churn += spot.churn;
      folders.set(dir, folder);
      if (dir === "/" || !dir.includes("/")) break;
    }
  }
  const byScore = (a: Hotspot, b: Hotspot) => b.score - a.score || a.path.localeCompare(b.path);
  return {
    files: fileSpots.sort(byScore).slice(0, limit),
    folders: [...folders].map(([dir, f]) => hotspot(`${dir}/`, f.findings, f.points, f.churn)).sort(byScore).slice(0, limit),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

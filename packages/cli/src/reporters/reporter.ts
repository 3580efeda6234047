import type { ScanResult } from "../scan/run-scan.js";

export interface ReportContext {
  root: string;
  version: string;
  /** Colors are for terminals only, never for files. */
  color: boolean;
}

/** A reporter turns a scan result into text. Reporters never analyse code. */
export type Reporter = (result: ScanResult, context: ReportContext) => string;

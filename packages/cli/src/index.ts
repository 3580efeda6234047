export { main } from "./main.js";
export { runScan, type ScanOptions, type ScanResult } from "./scan/run-scan.js";
export type { VibeguardConfig } from "./config/config-schema.js";

import type { VibeguardConfig } from "./config/config-schema.js";

export { main } from "./main.js";
export { runScan, type ScanOptions, type ScanResult } from "./scan/run-scan.js";
export type { VibeguardConfig };

/** Typed helper for `vibeguard.config.ts`: `export default defineConfig({ ... })`. */
export function defineConfig(config: VibeguardConfig): VibeguardConfig {
  return config;
}

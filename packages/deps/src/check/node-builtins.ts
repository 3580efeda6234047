import { builtinModules } from "node:module";

/** First Node.js version of builtin modules and members that projects still target older Nodes with. From the Node docs' "Added in". */
export const BUILTIN_SINCE: Record<string, string> = {
  "node:test": "18.0.0",
  "node:sqlite": "22.5.0",
  "node:sea": "20.12.0",
  "fs/promises": "14.0.0",
  "dns/promises": "15.0.0",
  "stream/promises": "15.0.0",
  "timers/promises": "15.0.0",
  "readline/promises": "17.0.0",
  "stream/web": "16.5.0",
  "util/types": "15.3.0",
  "diagnostics_channel": "15.1.0",
  "test/reporters": "19.9.0",
  "fs.cp": "16.7.0",
  "fs.cpSync": "16.7.0",
  "fs.glob": "22.0.0",
  "fs.globSync": "22.0.0",
  "fs.openAsBlob": "19.8.0",
  "fs/promises.glob": "22.0.0",
  "fs/promises.cp": "16.7.0",
  "util.parseArgs": "18.3.0",
  "util.styleText": "20.12.0",
  "util.stripVTControlCharacters": "16.11.0",
  "util.aborted": "19.7.0",
  "util.getCallSites": "22.9.0",
  "util.parseEnv": "21.7.0",
  "crypto.randomUUID": "14.17.0",
  "crypto.hash": "21.7.0",
  "crypto.getRandomValues": "17.4.0",
  "events.addAbortListener": "20.5.0",
  "module.register": "20.6.0",
  "process.loadEnvFile": "21.7.0",
  "test.mock": "18.13.0",
  "path.matchesGlob": "22.5.0",
  "os.availableParallelism": "18.14.0",
  "buffer.File": "19.2.0",
  "stream.compose": "16.9.0",
  "string_decoder.StringDecoder": "0.1.0",
};

const BUILTINS = new Set(builtinModules);

/** "node:fs/promises" / "fs/promises" → "fs/promises"; undefined when not a Node builtin. */
export function builtinName(specifier: string): string | undefined {
  if (specifier.startsWith("node:")) return specifier.slice(5);
  return BUILTINS.has(specifier) ? specifier : undefined;
}

/** The version a builtin module (or `module.member`) appeared in, when we know it. */
export function builtinSince(module: string, member?: string): string | undefined {
  const base = module.replace(/^node:/, "");
  if (member) return BUILTIN_SINCE[`${base}.${member}`];
  return BUILTIN_SINCE[base] ?? BUILTIN_SINCE[`node:${base}`];
}

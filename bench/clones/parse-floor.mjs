// The floor any ts-morph analyzer pays: ts-morph reading and parsing the same files, nothing else.
// usage: node parse-floor.mjs <tree> <out.json>
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { discoverFiles } from "../../packages/core/dist/index.js";

const { Project } = createRequire(new URL("../../packages/analyzer/package.json", import.meta.url))("ts-morph");
const [tree, out] = process.argv.slice(2);
const started = performance.now();
const { files } = await discoverFiles({ root: tree });
const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } });
for (const file of files) project.addSourceFileAtPath(path.join(tree, file));
let statements = 0;
for (const source of project.getSourceFiles()) statements += source.compilerNode.statements.length;
writeFileSync(out, JSON.stringify({ ms: performance.now() - started, files: files.length, statements }));

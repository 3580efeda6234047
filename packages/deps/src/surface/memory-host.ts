import ts from "typescript";
import type { PackageFiles } from "./package-files.js";

/**
 * A compiler host that serves one package's files from memory under `root` and nothing else: the
 * declarations are read from a tarball, never from disk, and no default lib is loaded.
 */
export function memoryCompilerHost(files: PackageFiles, root: string): ts.CompilerHost {
  const known = new Set(files.list().map((file) => `${root}/${file}`));
  const read = (name: string) => (known.has(name) ? files.read(name.slice(root.length + 1)) : undefined);
  return {
    getSourceFile: (name, languageVersion) => {
      const text = read(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
    },
    getDefaultLibFileName: () => "/lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => root,
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => known.has(name),
    readFile: read,
    directoryExists: (dir) => dir === root || [...known].some((file) => file.startsWith(`${dir}/`)),
    getDirectories: () => [],
    realpath: (name) => name,
  };
}

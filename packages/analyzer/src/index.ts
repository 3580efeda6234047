// The batch analysis. The editor's incremental index is the "./repo-index" entry: it parses on every
// lint, so it loads the compiler up front, which this entry avoids until a file needs parsing.
export { analyzeDuplicates, matchIndexes, type AnalyzeOptions, type AnalyzeResult, type AnalyzeStats } from "./analyze.js";
export { defaultCacheDir, IndexCache } from "./cache.js";
export { canonicalContext, duplicatesOf, findDuplicates } from "./find-duplicates.js";
export { contentHash } from "./hash.js";
export { SIMILARITY_THRESHOLD } from "./match/find-clone-pairs.js";
export { duplicateMessage } from "./message.js";
export { analyzerSkipReason, type FileSelection } from "./select-files.js";
export type * from "./types.js";

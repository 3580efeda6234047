/** One function-like unit worth comparing, as extracted from a file (serialisable: cached on disk, sent between threads). */
export interface FunctionUnit {
  /** Display name: `slugify`, `Strings.slugify`, `default`. */
  name: string;
  /** The name another file imports to use it (the function's, or its class's for a method). */
  importName: string;
  kind: "function" | "arrow" | "function-expression" | "method";
  exported: boolean;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Statements in the body, nested ones included. */
  statements: number;
  /** Hash of the normalised token stream with locals numbered by first use: equal for type-1 and type-2 clones. */
  exactHash: string;
  /** Hash of the literal values in the body, in order. */
  literalHash: number;
  /** Normalised tokens with every local identifier blinded, hashed to 32-bit ints: the input of type-3 similarity. */
  tokens: number[];
  /** Hash of each statement's own normalised tokens (the parameters are one more), and its token count. */
  statementHashes: number[];
  statementSizes: number[];
}

/** A module specifier a file imports from, with the names it takes ("default" and "*" included). */
export interface ImportRecord {
  specifier: string;
  names: string[];
}

/** Everything the analyzer keeps about one file; depends only on the file's text (keyed by its content hash). */
export interface FileIndex {
  units: FunctionUnit[];
  imports: ImportRecord[];
  /** First syntax error, when the file does not parse; such a file contributes no units. */
  parseError?: { line: number; column: number; message: string };
}

/** A unit together with the file it lives in. */
export interface UnitRef {
  file: string;
  unit: FunctionUnit;
}

/** A clone family: members that copy one another, and the one to keep. */
export interface CloneFamily {
  canonical: UnitRef;
  members: UnitRef[];
  /** Members tied with the canonical one on every sign (it first): each other member is reported against the keeper it resembles most. */
  keepers?: UnitRef[];
}

/** One redundant copy to report: it duplicates `canonical`. */
export interface Duplicate {
  copy: UnitRef;
  canonical: UnitRef;
  /** Every other member of the family, the canonical one first. */
  others: UnitRef[];
  /** 0..1 similarity between the copy and the canonical member. */
  similarity: number;
  /** "exact" when the normalised bodies are equal (type-1/2), "near" otherwise (type-3/4). */
  match: "exact" | "near";
  message: string;
}

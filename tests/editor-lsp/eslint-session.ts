import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LspClient, type CodeAction, type Command, type Diagnostic, type TextEdit } from "./lsp-client.js";

/**
 * The `eslint.*` settings VS Code's ESLint extension sends, resolved. The server reads several keys without a
 * fallback (experimental, problems, rulesCustomizations, nodePath, codeAction), so all of them are here.
 * `experimental.useFlatConfig` stays false and `useFlatConfig` unset: ESLint 9 and 10 find the flat config
 * themselves, and `experimental.useFlatConfig: true` turns validation off on ESLint 10.
 */
function serverSettings(projectDir: string) {
  return {
    validate: "on",
    packageManager: "npm",
    useESLintClass: false,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: "separateLine", commentStyle: "line" },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: "all" },
    format: false,
    quiet: false,
    onIgnoredFiles: "off",
    options: {},
    rulesCustomizations: [],
    run: "onType",
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: "location" },
    workspaceFolder: { name: path.basename(projectDir), uri: pathToFileURL(projectDir).href },
  };
}

const languageId = (file: string) => (/\.tsx$/.test(file) ? "typescriptreact" : /\.[cm]?ts$/.test(file) ? "typescript" : "javascript");

/** An editor window on one project: open and edit documents, pull their diagnostics, ask for quick fixes. */
export class EslintEditorSession {
  private readonly versions = new Map<string, number>();

  private constructor(
    private readonly client: LspClient,
    private readonly projectDir: string,
  ) {}

  static async start(serverScript: string, projectDir: string): Promise<EslintEditorSession> {
    const client = LspClient.start(serverScript, projectDir, serverSettings(projectDir));
    const rootUri = pathToFileURL(projectDir).href;
    const init = await client.request<{ capabilities: { diagnosticProvider?: unknown } }>("initialize", {
      processId: process.pid,
      clientInfo: { name: "vibeguard-editor-test", version: "1" },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(projectDir) }],
      capabilities: {
        workspace: { applyEdit: true, configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } } },
        },
      },
      initializationOptions: {},
    });
    if (!init.capabilities.diagnosticProvider) {
      await client.close();
      throw new Error("the server does not offer pull diagnostics (textDocument/diagnostic)");
    }
    client.notify("initialized", {});
    return new EslintEditorSession(client, projectDir);
  }

  get log(): string {
    return this.client.recentLog();
  }

  /** The version of the ESLint package the server says it loaded ("ESLint library loaded from: <dir>/lib/api.js"). */
  loadedEslintVersion(): string | undefined {
    const line = this.client.log.find((entry) => entry.includes("ESLint library loaded from:"));
    const apiPath = line && /ESLint library loaded from: (.+?\.js)/.exec(JSON.parse(line.slice(line.indexOf("{"))).message)?.[1];
    if (!apiPath) return undefined;
    const packageJson = path.join(path.dirname(apiPath), "..", "package.json");
    return (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
  }

  uri(file: string): string {
    return pathToFileURL(path.join(this.projectDir, file)).href;
  }

  open(file: string, text: string): void {
    this.versions.set(file, 1);
    this.client.notify("textDocument/didOpen", { textDocument: { uri: this.uri(file), languageId: languageId(file), version: 1, text } });
  }

  /** A full-text change of an open document: what the editor sends as the user types (unsaved buffer). */
  change(file: string, text: string): void {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    this.client.notify("textDocument/didChange", { textDocument: { uri: this.uri(file), version }, contentChanges: [{ text }] });
  }

  /** Pulls the document's diagnostics; pulls again when the server asked for a refresh while it answered. */
  async diagnostics(file: string): Promise<Diagnostic[]> {
    let items: Diagnostic[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const refreshesBefore = this.client.refreshRequests;
      const report = await this.client.request<{ items?: Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri: this.uri(file) } });
      items = report.items ?? [];
      if (this.client.refreshRequests === refreshesBefore) break;
    }
    return items;
  }

  async codeActions(file: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await this.client.request<CodeAction[] | null>("textDocument/codeAction", {
      textDocument: { uri: this.uri(file) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ["quickfix"] },
    });
    return actions ?? [];
  }

  /**
   * Runs a code action's command (the server's quick fixes are commands such as `eslint.applySuggestion`) and
   * returns the text edits for `file` that the server asked the editor to apply meanwhile.
   */
  async execute(command: Command, file: string): Promise<TextEdit[]> {
    const before = this.client.appliedEdits.length;
    await this.client.request("workspace/executeCommand", { command: command.command, arguments: command.arguments });
    const uri = this.uri(file);
    return this.client.appliedEdits.slice(before).flatMap((edit) => [
      ...(edit.changes?.[uri] ?? []),
      ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits),
    ]);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** The rule id of a diagnostic (the server sends it as `code`, a string or `{ value }`). */
export function ruleIdOf(diagnostic: Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === "object" ? code.value : code);
}

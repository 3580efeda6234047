import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** The parts of LSP messages these tests read. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number | { value: string | number };
  source?: string;
  message: string;
  codeDescription?: { href: string };
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}
export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  edit?: WorkspaceEdit;
  command?: Command;
}

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A minimal LSP client over the stdio of a spawned server, doing what an editor does: JSON-RPC framing,
 * answers to the server's own requests (`workspace/configuration` gets `settings`), and a log of what
 * the server said so a failed expectation can show it.
 */
export class LspClient {
  readonly log: string[] = [];
  /** How many times the server asked the client to pull diagnostics again (`workspace/diagnostic/refresh`). */
  refreshRequests = 0;
  /** The edits the server asked the client to apply (`workspace/applyEdit`), in order; the client accepts each. */
  readonly appliedEdits: WorkspaceEdit[] = [];
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, Pending>();
  private exited = false;

  private constructor(
    private readonly server: ChildProcessWithoutNullStreams,
    private readonly settings: object,
    private readonly requestTimeoutMs: number,
  ) {
    server.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    server.stderr.on("data", (chunk: Buffer) => this.note(`stderr: ${chunk.toString().trim()}`));
    server.on("exit", (code, signal) => {
      this.exited = true;
      this.note(`server exited (${code ?? signal})`);
      for (const [id, request] of this.pending) this.settle(id, new Error(`${request.method}: the server exited`));
    });
  }

  /** Spawns `node <serverScript> --stdio` in `cwd`. */
  static start(serverScript: string, cwd: string, settings: object, requestTimeoutMs = 30_000): LspClient {
    const server = spawn(process.execPath, [serverScript, "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    return new LspClient(server, settings, requestTimeoutMs);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(id, new Error(`${method}: no answer in ${this.requestTimeoutMs} ms\n${this.recentLog()}`)),
        this.requestTimeoutMs,
      );
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject, timer });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Asks the server to shut down, then makes sure the process is gone. */
  async close(): Promise<void> {
    if (!this.exited) {
      try {
        await this.request("shutdown", null);
        this.notify("exit", null);
      } catch (error) {
        this.note(`shutdown failed: ${(error as Error).message}`);
      }
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const kill = setTimeout(() => this.server.kill(), 2_000);
      this.server.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
    });
  }

  recentLog(lines = 30): string {
    return this.log.slice(-lines).join("\n");
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1]);
      const bodyStart = headerEnd + 4;
      if (this.buffer.length < bodyStart + length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString("utf8");
      this.buffer = this.buffer.subarray(bodyStart + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      // The answer to one of our requests.
      this.settle(message.id, message.error ? new Error(`${this.pending.get(message.id)?.method}: ${message.error.message}`) : undefined, message.result);
    } else if (message.method !== undefined && message.id !== undefined) {
      this.send({ id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.method !== undefined) {
      this.note(`${message.method}: ${JSON.stringify(message.params)}`);
    }
  }

  /** What the client answers to a request from the server. */
  private answer(method: string, params: unknown): unknown {
    this.note(`server asks ${method}: ${JSON.stringify(params)}`);
    if (method === "workspace/diagnostic/refresh") this.refreshRequests++;
    if (method === "workspace/applyEdit") {
      this.appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    }
    if (method === "workspace/configuration") {
      // One settings object per requested item; the server asks with section "" for the whole `eslint.*` object.
      return (params as { items: unknown[] }).items.map(() => this.settings);
    }
    // registerCapability, diagnostic/refresh, eslint/noLibrary, eslint/noConfig, ...: acknowledged, logged above.
    return null;
  }

  private settle(id: number, error: Error | undefined, result?: unknown): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    clearTimeout(request.timer);
    if (error) request.reject(error);
    else request.resolve(result);
  }

  private note(line: string): void {
    this.log.push(line.length > 2_000 ? `${line.slice(0, 2_000)}…` : line);
  }
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

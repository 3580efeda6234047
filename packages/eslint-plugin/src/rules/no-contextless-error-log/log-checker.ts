import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isWithin } from "../../util/ast.js";
import { consolePrintBeforeExit, printsEitherOutcome, printsForPersonAndExits } from "./cli-exit.js";
import { anotherLineDescribesFailure, anotherLineMentionsError } from "./companion-lines.js";
import { type ErrorHandler, type HandlerMatch, HANDLER_DESCRIPTIONS } from "./error-handler.js";
import { cannotBothRun, consistsOnlyOfLogs, findHandoffs, isGuardedByErrorKind, type Handoff } from "./error-preservation.js";
import { ErrorReferences, carriesError } from "./error-references.js";
import { isDeveloperTrace } from "./log-level.js";
import { LogCallRecognizer, mightBeLogCall, type LogCall, type LoggerNameOptions } from "./log-call.js";
import { analyzeEntry, contextOf, misplacedErrorProperty, objectKeys, type EntryAnalysis } from "./log-context.js";
import { bindErrorFix, freshErrorName, passErrorFixes, renameToErrKeyFix, replaceWithErrorFix } from "./suggestions.js";
import { createLogTypeFacts, passesOtherErrorObject, type LogTypeFacts } from "./type-facts.js";

export type MessageIds =
  | "errorDropped"
  | "errorDroppedUnbound"
  | "noContext"
  | "missingContextKey"
  | "pinoErrorKey"
  | "useErrKey"
  | "addErrorObject"
  | "replaceWithErrorObject"
  | "bindAndLogError";

/** The rule's options, read once per options object. */
export interface CheckSettings {
  extraNames: LoggerNameOptions;
  requiredKeys: readonly string[];
  allowHandoff: boolean;
  reportDebugLevels: boolean;
}

/** A report the checker gives; the rule hands it to ESLint. */
export interface LogReport {
  node: TSESTree.Node;
  messageId: MessageIds;
  data: Record<string, string>;
  suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[];
}
type BoundHandler = ErrorHandler & { binding: TSESTree.Identifier };

/** `catch (_)`, `catch (_err)`: the name says the error is deliberately unused (when it really is). */
const IGNORED_BINDING = /^_/;
const MAX_CALLEE_TEXT = 40;

/**
 * Checks the log calls of one file that sit in an error handler. Created on the first such call, so the
 * many files without one pay for none of its state; it keeps the per-file caches (the error's references
 * per handler, the handoffs per handler scope, the recognised loggers and their module bindings).
 */
export class ErrorLogChecker {
  private readonly recognizer: LogCallRecognizer;
  /** Type information, asked for only when a log call in an error handler needs it; null when the file has none. */
  private typeFacts: LogTypeFacts | null | undefined;
  private readonly referencesByOwner = new Map<TSESTree.Node, ErrorReferences>();
  private readonly handoffsByScope = new Map<TSESTree.Node, Handoff[]>();
  /** A handler with several logs asks this once per log; the answer depends only on the handler. */
  private readonly onlyLogsByRoot = new Map<TSESTree.Node, boolean>();
  /** What `recognize` said of each call: the handoff and companion-line checks ask again about the calls of a handler. */
  private readonly recognized = new Map<TSESTree.CallExpression, LogCall | null>();
  private readonly isLogCall = (call: TSESTree.CallExpression): boolean => mightBeLogCall(call, this.settings.extraNames) && this.recognize(call) !== undefined;
  private readonly isErrorTyped: ((node: TSESTree.Node) => boolean) | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly filename: string,
    private readonly settings: CheckSettings,
    private readonly report: (report: LogReport) => void,
  ) {
    // Without a program the rule runs on syntax alone.
    const hasProgram = this.sourceCode.parserServices?.program != null;
    const types = hasProgram ? () => this.types() : undefined;
    this.isErrorTyped = hasProgram ? (node) => this.types()?.isErrorObject(node) ?? false : undefined;
    this.recognizer = new LogCallRecognizer(this.sourceCode, settings.extraNames, types);
  }

  /** Checks `call`, a call that may be a log call (`mightBeLogCall`), inside the error handler `match`. */
  check(call: TSESTree.CallExpression, match: HandlerMatch): void {
    const log = this.recognize(call);
    if (log) this.checkLog(log, match);
  }

  private recognize(call: TSESTree.CallExpression): LogCall | undefined {
    let log = this.recognized.get(call);
    if (log === undefined) {
      log = this.recognizer.recognize(call) ?? null;
      this.recognized.set(call, log);
    }
    return log ?? undefined;
  }

  private types(): LogTypeFacts | undefined {
    if (this.typeFacts === undefined) this.typeFacts = createLogTypeFacts(this.sourceCode) ?? null;
    return this.typeFacts ?? undefined;
  }

  private consistsOnlyOfLogs(root: TSESTree.Node): boolean {
    let answer = this.onlyLogsByRoot.get(root);
    if (answer === undefined) {
      answer = consistsOnlyOfLogs(root, this.isLogCall);
      this.onlyLogsByRoot.set(root, answer);
    }
    return answer;
  }

  private referencesOf(handler: BoundHandler): ErrorReferences {
    let references = this.referencesByOwner.get(handler.owner);
    if (!references) {
      references = ErrorReferences.fromBinding(this.sourceCode, handler.owner, handler.binding, this.isErrorTyped);
      this.referencesByOwner.set(handler.owner, references);
    }
    return references;
  }

  private handoffsOf(handler: ErrorHandler, references: ErrorReferences): Handoff[] {
    let handoffs = this.handoffsByScope.get(handler.handoffScope);
    if (!handoffs) {
      handoffs = findHandoffs(handler.handoffScope, references, this.isLogCall);
      this.handoffsByScope.set(handler.handoffScope, handoffs);
    }
    return handoffs;
  }

  /** With type information: the log passes an Error-typed value the syntax could not trace to the caught error. */
  private passesErrorByType(log: LogCall, references: ErrorReferences | undefined): boolean {
    if (!this.isErrorTyped) return false;
    const facts = this.types();
    return facts !== undefined && passesOtherErrorObject(this.sourceCode, log.entryArguments, references, facts);
  }

  private calleeText(log: LogCall): string {
    const text = this.sourceCode.getText(log.call.callee).replace(/\s+/g, "");
    return text.length > MAX_CALLEE_TEXT ? `${text.slice(0, MAX_CALLEE_TEXT - 1)}…` : text;
  }

  private checkLog(log: LogCall, match: HandlerMatch): void {
    const settings = this.settings;
    const handler = match.handler;
    if (!handler.binding) {
      this.checkIgnoredError(log, match);
      return;
    }
    const references = this.referencesOf({ ...handler, binding: handler.binding });
    if (IGNORED_BINDING.test(handler.binding.name) && references.isUnused) {
      this.checkIgnoredError(log, match);
      return;
    }
    const entry = analyzeEntry(log.entryArguments, references);
    if (entry.errorUse === "detail") return;
    const isLogCall = this.isLogCall;
    // Traces off in production, and REPL helpers printing either outcome, are not what on-call reads.
    const notForOnCall = () => (!settings.reportDebugLevels && isDeveloperTrace(log, match.branches)) || printsEitherOutcome(log.call, match.branches[0]);
    if (!carriesError(entry.errorUse)) {
      // `debug("falling back to defaults")`: a trace of what happens next, not a report of the failure.
      if (log.isDiagnosticLevel && entry.errorUse === "none") return;
      if (notForOnCall()) return;
      if (entry.errorUse === "none" && anotherLineMentionsError(handler.root, log.call, references, isLogCall)) return;
      if (isGuardedByErrorKind(match.branches, references)) return;
      // Another line that logs or records the error keeps it; a rethrow or `next(err)` does too when
      // `allowHandoff` is set, but by default this line, the one on-call reads first, still lacks it.
      const keeps = (handoff: Handoff) => handoff.isLog || !handoff.passesOn || settings.allowHandoff;
      if (this.handoffsOf(handler, references).some((handoff) => keeps(handoff) && !cannotBothRun(handoff.node, log.call))) return;
      // A CLI printing `err.message` for the person at the terminal, then exiting non-zero.
      if (entry.errorUse === "text" && printsForPersonAndExits(log.call, this.filename)) return;
      // Instructions or blank lines printed for the person at the terminal next to the line that says what
      // failed, before a non-zero exit (`console.log("sudo chown -R ...")`).
      const besideFailureLine = () => anotherLineDescribesFailure(handler.root, log.call, references, isLogCall);
      if (entry.errorUse === "none" && !log.isErrorLevel && consolePrintBeforeExit(log.call) && besideFailureLine()) return;
      if (this.passesErrorByType(log, references)) return;
      this.reportDropped(log, match, references, entry);
      return;
    }
    if (log.serializesOnlyErrKey) {
      const misplaced = misplacedErrorProperty(log.entryArguments, references);
      if (misplaced) {
        const sourceCode = this.sourceCode;
        this.report({
          node: misplaced,
          messageId: "pinoErrorKey",
          data: { key: sourceCode.getText(misplaced.key), error: references.bindingName },
          suggest: [{ messageId: "useErrKey", fix: (fixer) => renameToErrKeyFix(fixer, sourceCode, misplaced) }],
        });
        return;
      }
    }
    if (log.boundContext) return;
    if (!entry.hasContext && !handler.global) {
      // A rethrow or `next(err)` lets the caller add the context.
      const handedOn = this.handoffsOf(handler, references).some(
        (handoff) => !handoff.isLog && !isWithin(log.call, handoff.node) && !cannotBothRun(handoff.node, log.call),
      );
      if (handedOn || notForOnCall()) return;
      if (anotherLineDescribesFailure(handler.root, log.call, references, isLogCall) || consolePrintBeforeExit(log.call)) return;
      this.report({
        node: log.call,
        messageId: "noContext",
        data: {
          call: this.calleeText(log),
          error: references.bindingName,
          missing: entry.genericMessage === undefined ? "no message" : `only the generic message "${entry.genericMessage.trim()}"`,
        },
        suggest: [],
      });
      return;
    }
    this.checkRequiredKeys(log, handler, entry);
  }

  /**
   * `catch {}`, `.catch(() => ...)`, `catch (_e)`: the author chose not to use the error. Report only when an
   * error-level log is all the handler does, so the log is plainly the reaction to the failure.
   */
  private checkIgnoredError(log: LogCall, match: HandlerMatch): void {
    const handler = match.handler;
    if (!log.isErrorLevel || !this.consistsOnlyOfLogs(handler.root)) return;
    if (handler.binding) {
      const references = this.referencesOf({ ...handler, binding: handler.binding });
      if (this.passesErrorByType(log, references)) return;
      this.reportDropped(log, match, references, analyzeEntry(log.entryArguments, references));
      return;
    }
    if (this.passesErrorByType(log, undefined)) return;
    const sourceCode = this.sourceCode;
    const name = freshErrorName(sourceCode, handler);
    this.report({
      node: log.call,
      messageId: "errorDroppedUnbound",
      data: { call: this.calleeText(log), handler: HANDLER_DESCRIPTIONS[handler.kind] },
      suggest: [
        {
          messageId: "bindAndLogError",
          data: { error: name },
          fix: (fixer) => {
            const binding = bindErrorFix(fixer, sourceCode, handler, name);
            const pass = passErrorFixes(fixer, sourceCode, log, name);
            return binding && pass ? [binding, ...pass] : null;
          },
        },
      ],
    });
  }

  private reportDropped(log: LogCall, match: HandlerMatch, references: ErrorReferences, entry: EntryAnalysis): void {
    const sourceCode = this.sourceCode;
    const handler = match.handler;
    const errorName = references.bindingName;
    // `console.error("Load failed:", err.message)` → `console.error("Load failed:", err)`: the argument that is only
    // the error's text becomes the error. pino and bunyan want the error first, so only a sole argument is swapped.
    // A variable (`const wrapped = new AppError(\`...${err.message}\`)`) may hold more than the message: append instead.
    const textOnly = log.entryArguments.filter(
      (argument) => argument.type !== AST_NODE_TYPES.Identifier && references.classify(argument) === "text" && !contextOf(argument, references).context,
    );
    const swappable = log.style === "pino" || log.style === "bunyan" ? log.entryArguments.length === 1 : true;
    const replaced = textOnly.length === 1 && swappable ? textOnly[0] : undefined;
    // Prefer the alias the call already uses: `this.logger.error(error.message)` → `this.logger.error(error)`.
    const replacement = (replaced && references.errorObjectIn(replaced)?.name) ?? errorName;
    this.report({
      node: log.call,
      messageId: "errorDropped",
      data: {
        call: this.calleeText(log),
        handler: HANDLER_DESCRIPTIONS[handler.kind],
        logged: entry.errorUse === "text" ? "only the error's message" : "a message",
        error: errorName,
      },
      suggest: replaced
        ? [{ messageId: "replaceWithErrorObject", data: { error: replacement }, fix: (fixer) => replaceWithErrorFix(fixer, replaced, replacement) }]
        : [{ messageId: "addErrorObject", data: { error: errorName }, fix: (fixer) => passErrorFixes(fixer, sourceCode, log, errorName) ?? null }],
    });
  }

  private checkRequiredKeys(log: LogCall, handler: ErrorHandler, entry: EntryAnalysis): void {
    const requiredKeys = this.settings.requiredKeys;
    if (requiredKeys.length === 0 || entry.structuredObjects.length === 0) return;
    const satisfied = entry.structuredObjects.some((object) => {
      const keys = objectKeys(object);
      return keys === undefined || keys.some((key) => requiredKeys.includes(key));
    });
    if (satisfied) return;
    this.report({
      node: log.call,
      messageId: "missingContextKey",
      data: { call: this.calleeText(log), handler: HANDLER_DESCRIPTIONS[handler.kind], keys: requiredKeys.map((key) => `\`${key}\``).join(", ") },
      suggest: [],
    });
  }
}

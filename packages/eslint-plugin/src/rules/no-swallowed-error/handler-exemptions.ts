import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, outermostWrapper, unwrap } from "../../util/ast.js";
import { startsFromCall } from "./ast.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The call's value is thrown away: `p.catch(() => {});`. */
export function resultIsDiscarded(call: TSESTree.CallExpression): boolean {
  const parent = outermostWrapper(call).parent;
  return parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "void");
}

/** The statement in which the handled promise is awaited: `await p.catch(...);` or `const x = await p.catch(...);`. */
export function awaitedStatement(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const awaitExpression = outermostWrapper(call).parent;
  if (awaitExpression?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const parent = awaitExpression.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.declarations.length === 1) return parent.parent;
  return undefined;
}

/**
 * A handler on a promise that lives on elsewhere (a variable read again, a property, a private field),
 * whose result is not used: it only keeps Node from reporting an unhandled rejection, or waits for
 * the promise to settle. Whoever awaits the promise itself still sees the failure:
 * `const p = work(); p.catch(noop); return p;`, `this.ready.catch(() => {})`, `await state.test.catch(() => undefined);`.
 */
export function isHandlerOnSharedPromise(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  const awaited = awaitedStatement(call);
  const resultUnused = resultIsDiscarded(call) || awaited?.type === AST_NODE_TYPES.ExpressionStatement;
  if (!resultUnused) return false;
  const receiver = unwrap((call.callee as TSESTree.MemberExpression).object);
  if (receiver.type === AST_NODE_TYPES.Identifier) return isReadElsewhere(receiver, sourceCode);
  if (receiver.type === AST_NODE_TYPES.MemberExpression) return !startsFromCall(receiver);
  // TypeScript's down-levelled private field read: `__classPrivateFieldGet(this, _X_promise, "f")`.
  return (
    receiver.type === AST_NODE_TYPES.CallExpression &&
    /__classPrivateFieldGet$/.test(sourceCode.getText(receiver.callee))
  );
}

function isReadElsewhere(identifier: TSESTree.Identifier, sourceCode: SourceCode): boolean {
  const scope = sourceCode.getScope(identifier);
  const reference = scope.references.find((candidate) => candidate.identifier === identifier);
  const variable = reference?.resolved;
  return variable !== null && variable !== undefined && variable.references.some((other) => other !== reference && other.isRead());
}

/** `.then(() => true).catch(() => false)` and `.then(() => true, () => false)`: a yes/no probe. */
export function chainAnswersTrue(call: TSESTree.CallExpression): boolean {
  const callee = call.callee as TSESTree.MemberExpression;
  if (memberName(callee) === "then") return returnsTrue(call.arguments[0]);
  const previous = unwrap(callee.object);
  return (
    previous.type === AST_NODE_TYPES.CallExpression &&
    previous.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(previous.callee) === "then" &&
    returnsTrue(previous.arguments[0])
  );
}

function returnsTrue(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const fn = unwrap(node);
  if (!isFunction(fn)) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrap(fn.body);
    return body.type === AST_NODE_TYPES.Literal && body.value === true;
  }
  const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
  return only?.type === AST_NODE_TYPES.ReturnStatement && only.argument?.type === AST_NODE_TYPES.Literal && only.argument.value === true;
}

/**
 * `try { store.delete(key)?.catch?.(noop) } catch { // fail silently }`: the handler sits in a try whose
 * empty catch already explains that every failure of this code is ignored.
 */
export function isInsideExplainedTry(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  for (let node: TSESTree.Node | undefined = call.parent; node && !isFunction(node); node = node.parent) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.TryStatement && parent.block === node && parent.handler?.body.body.length === 0) {
      return sourceCode.getCommentsInside(parent.handler.body).length > 0;
    }
  }
  return false;
}

/**
 * `client.info(function (err, res) { ... }).catch(noop)`: the call also takes a Node-style callback,
 * which receives the error; the handler only stops the same failure being reported twice.
 */
export function isAlsoReportedToCallback(receiver: TSESTree.Node): boolean {
  const call = unwrap(receiver);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const last = call.arguments.at(-1);
  const callback = last && unwrap(last);
  if (!callback || !isFunction(callback)) return false;
  const first = callback.params[0];
  return first?.type === AST_NODE_TYPES.Identifier && /^err(?:or)?$/i.test(first.name);
}

// Seeded clone injection: copies of real functions of the corpus, written into other files as type-1
// (identical), type-2 (locals renamed, literals changed), type-3 (type-2 plus statements added, removed
// or swapped) and type-4 (the same logic in another syntax) clones. Returns the ground truth.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const parse = (text, name = "x.ts") => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

function countStatements(node) {
  let count = 0;
  const visit = (child) => {
    if (child.kind >= ts.SyntaxKind.FirstStatement && child.kind <= ts.SyntaxKind.LastStatement) count++;
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return count;
}

/** Module-level named functions with a block body of 4 to 25 statements: the utilities people copy. */
function candidatesIn(file, text) {
  const source = parse(text, file);
  if (source.parseDiagnostics?.length) return [];
  const found = [];
  const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line + 1;
  for (const statement of source.statements) {
    let fn;
    let name;
    if (ts.isFunctionDeclaration(statement) && statement.body && statement.name) [fn, name] = [statement, statement.name.text];
    else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const d = statement.declarationList.declarations[0];
      if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)) && ts.isBlock(d.initializer.body)) {
        [fn, name] = [d.initializer, d.name.text];
      }
    }
    if (!fn) continue;
    const statements = countStatements(fn.body);
    const textOf = statement.getText(source);
    if (statements < 4 || statements > 25 || textOf.length > 4000 || /\bthis\b/.test(textOf)) continue;
    found.push({ file, name, startLine: lineOf(statement.getStart(source)), endLine: lineOf(statement.getEnd()), text: textOf.replace(/^export\s+(default\s+)?/, "") });
  }
  return found;
}

function applyEdits(text, edits) {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function theFunction(source) {
  const statement = source.statements[0];
  if (ts.isFunctionDeclaration(statement)) return statement;
  return statement.declarationList.declarations[0].initializer;
}

const PREFIXES = ["next", "local", "current", "my", "raw", "item", "tmp", "the"];

/** type-2: every name the function binds renamed, every string and number literal changed, the function renamed. */
function renameAndRelabel(text, rng, newName) {
  const source = parse(text);
  const fn = theFunction(source);
  const locals = new Map();
  const bind = (name) => {
    if (ts.isIdentifier(name)) {
      if (!locals.has(name.text)) locals.set(name.text, `${PREFIXES[Math.floor(rng() * PREFIXES.length)]}${name.text[0].toUpperCase()}${name.text.slice(1)}`);
    } else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const collect = (node) => {
    if (ts.isParameter(node) || ts.isVariableDeclaration(node)) bind(node.name);
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name && node !== fn) locals.set(node.name.text, `${node.name.text}Inner`);
    ts.forEachChild(node, collect);
  };
  collect(fn);
  const edits = [];
  const statement = source.statements[0];
  const nameNode = ts.isFunctionDeclaration(statement) ? statement.name : statement.declarationList.declarations[0].name;
  edits.push({ start: nameNode.getStart(source), end: nameNode.getEnd(), text: newName });
  const visit = (node) => {
    if (ts.isIdentifier(node) && locals.has(node.text) && node !== nameNode) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node) ||
        ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent);
      if (ts.isShorthandPropertyAssignment(parent)) edits.push({ start: node.getStart(source), end: node.getEnd(), text: `${node.text}: ${locals.get(node.text)}` });
      else if (ts.isBindingElement(parent) && parent.name === node && !parent.propertyName && ts.isObjectBindingPattern(parent.parent)) edits.push({ start: node.getStart(source), end: node.getEnd(), text: `${node.text}: ${locals.get(node.text)}` });
      else if (!isPropertyName) edits.push({ start: node.getStart(source), end: node.getEnd(), text: locals.get(node.text) });
    } else if (ts.isStringLiteral(node) && !ts.isImportTypeNode(node.parent) && !ts.isLiteralTypeNode(node.parent)) {
      edits.push({ start: node.getStart(source), end: node.getEnd(), text: JSON.stringify(`${node.text}-v2`) });
    } else if (ts.isNumericLiteral(node) && !ts.isLiteralTypeNode(node.parent)) {
      edits.push({ start: node.getStart(source), end: node.getEnd(), text: String(Number(node.text) + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return applyEdits(text, edits);
}

/** type-3: one or two statement edits at the top of the body: a guard or log line added, a statement removed, two swapped. */
function editStatements(text, rng) {
  let out = text;
  const operations = 1 + Math.floor(rng() * 2);
  for (let op = 0; op < operations; op++) out = editOnce(out, rng); // re-parsed between edits so they never overlap
  return out;
}

function editOnce(text, rng) {
  const source = parse(text);
  const fn = theFunction(source);
  const body = fn.body.statements;
  const kind = Math.floor(rng() * 3);
  const index = Math.floor(rng() * Math.max(body.length - 1, 1));
  const statement = body[index];
  if (!statement) return text;
  if (kind === 1 && body.length >= 4 && index < body.length - 1) {
    return applyEdits(text, [{ start: statement.getStart(source), end: statement.getEnd(), text: "" }]);
  }
  if (kind === 2 && body[index + 1] && index + 1 < body.length - 1) {
    const next = body[index + 1];
    return applyEdits(text, [
      { start: statement.getStart(source), end: statement.getEnd(), text: next.getText(source) },
      { start: next.getStart(source), end: next.getEnd(), text: statement.getText(source) },
    ]);
  }
  const param = fn.parameters[0] && ts.isIdentifier(fn.parameters[0].name) ? fn.parameters[0].name.text : undefined;
  const line = param ? `if (${param} === undefined) {\n    throw new TypeError("${param} is required");\n  }\n  ` : `console.debug("entering helper");\n  `;
  return applyEdits(text, [{ start: statement.getStart(source), end: statement.getStart(source), text: line }]);
}

function hasJump(node) {
  let found = false;
  const visit = (child) => {
    if (found || ts.isFunctionLike(child)) return;
    if (ts.isReturnStatement(child) || ts.isBreakStatement(child) || ts.isContinueStatement(child) || ts.isAwaitExpression(child) || ts.isYieldExpression(child)) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** type-4: the same logic in another syntax. Returns the rewritten text and the shapes used. */
function rewriteSyntax(text) {
  const source = parse(text);
  const fn = theFunction(source);
  const edits = [];
  const shapes = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node !== fn) return;
    if (ts.isForOfStatement(node) && !node.awaitModifier && ts.isVariableDeclarationList(node.initializer) && !hasJump(node.statement)) {
      const binding = node.initializer.declarations[0].name.getText(source);
      const body = ts.isBlock(node.statement) ? node.statement.getText(source) : `{ ${node.statement.getText(source)} }`;
      edits.push({ start: node.getStart(source), end: node.getEnd(), text: `${node.expression.getText(source)}.forEach((${binding}) => ${body});` });
      shapes.push("for-of→forEach");
      return;
    }
    if (ts.isReturnStatement(node) && node.expression && ts.isConditionalExpression(node.expression)) {
      const c = node.expression;
      edits.push({ start: node.getStart(source), end: node.getEnd(), text: `if (${c.condition.getText(source)}) {\n    return ${c.whenTrue.getText(source)};\n  }\n  return ${c.whenFalse.getText(source)};` });
      shapes.push("ternary→if/return");
      return;
    }
    if (ts.isSwitchStatement(node) && node.caseBlock.clauses.every((clause) => clause.statements.length > 0)) {
      const d = node.expression.getText(source);
      const parts = node.caseBlock.clauses.map((clause, i) => {
        const statements = clause.statements.filter((s, j) => !(ts.isBreakStatement(s) && j === clause.statements.length - 1)).map((s) => s.getText(source)).join("\n");
        if (ts.isDefaultClause(clause)) return `{\n${statements}\n}`;
        return `${i ? "" : ""}if (${d} === ${clause.expression.getText(source)}) {\n${statements}\n}`;
      });
      edits.push({ start: node.getStart(source), end: node.getEnd(), text: parts.join(" else ") });
      shapes.push("switch→if-chain");
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  let out = applyEdits(text, edits);
  const reparsed = parse(out);
  const statement = reparsed.statements[0];
  if (statement && ts.isFunctionDeclaration(statement) && statement.name && !statement.asteriskToken) {
    const params = statement.parameters.map((p) => p.getText(reparsed)).join(", ");
    const typeParams = statement.typeParameters ? `<${statement.typeParameters.map((p) => p.getText(reparsed)).join(", ")}>` : "";
    const returnType = statement.type ? `: ${statement.type.getText(reparsed)}` : "";
    const isAsync = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ? "async " : "";
    out = `const ${statement.name.text} = ${isAsync}${typeParams}(${params})${returnType} => ${statement.body.getText(reparsed)};`;
    shapes.push("declaration→arrow");
  }
  return { text: out, shapes };
}

/** `xs.map((x) => e)`, `xs.filter((x) => p)` or `xs.reduce((acc, x) => e, init)` with an arrow callback. */
function collectionCall(expression) {
  let call = expression;
  while (call && ts.isParenthesizedExpression(call)) call = call.expression;
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.questionDotToken) return undefined;
  const kind = call.expression.name.text;
  if (!["map", "filter", "reduce"].includes(kind) || call.arguments.length !== (kind === "reduce" ? 2 : 1)) return undefined;
  const callback = call.arguments[0];
  if (!ts.isArrowFunction(callback) || callback.parameters.length !== (kind === "reduce" ? 2 : 1)) return undefined;
  let value = callback.body;
  if (ts.isBlock(value)) {
    if (value.statements.length !== 1 || !ts.isReturnStatement(value.statements[0]) || !value.statements[0].expression) return undefined;
    value = value.statements[0].expression;
  }
  return { kind, call, callback, value };
}

/**
 * type-4, loop vs array method: the first `return xs.map(...)`, `const v = xs.filter(...)` or
 * `return xs.reduce(...)` of the body rewritten as the loop an agent would write instead. Undefined when the
 * function has none.
 */
function rewriteCollection(text) {
  const source = parse(text);
  const fn = theFunction(source);
  const statements = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node !== fn) return;
    if (ts.isBlock(node)) statements.push(...node.statements);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  for (const statement of statements) {
    const declaration = ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1 ? statement.declarationList.declarations[0] : undefined;
    const expression = ts.isReturnStatement(statement) ? statement.expression : declaration && ts.isIdentifier(declaration.name) ? declaration.initializer : undefined;
    const found = expression && collectionCall(expression);
    if (!found || (found.kind === "reduce" && !ts.isReturnStatement(statement))) continue;
    const t = (node) => node.getText(source);
    const iterable = t(found.call.expression.expression);
    const [first, second] = found.callback.parameters.map((parameter) => t(parameter.name));
    const result = declaration ? t(declaration.name) : "result";
    let loop;
    if (found.kind === "map") loop = `const ${result} = [];\n  for (const ${first} of ${iterable}) {\n    ${result}.push(${t(found.value)});\n  }`;
    else if (found.kind === "filter") loop = `const ${result} = [];\n  for (const ${first} of ${iterable}) {\n    if (${t(found.value)}) ${result}.push(${first});\n  }`;
    else loop = `let ${first} = ${t(found.call.arguments[1])};\n  for (const ${second} of ${iterable}) {\n    ${first} = ${t(found.value)};\n  }\n  return ${first};`;
    if (ts.isReturnStatement(statement) && found.kind !== "reduce") loop += `\n  return ${result};`;
    return { text: applyEdits(text, [{ start: statement.getStart(source), end: statement.getEnd(), text: loop }]), shapes: [`array ${found.kind}→loop`] };
  }
  return undefined;
}

/**
 * type-4, the other way: the first accumulator loop of the body (`const out = []` then a `for…of` whose
 * one statement pushes, or pushes under an `if`; `let acc = init` then `acc = e` / `acc += e`) rewritten
 * as `map`, `filter` or `reduce`. Undefined when the function has none.
 */
function rewriteLoop(text) {
  const source = parse(text);
  const fn = theFunction(source);
  const t = (node) => node.getText(source);
  const blocks = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node !== fn) return;
    if (ts.isBlock(node)) blocks.push(node);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  const only = (statement) => (ts.isBlock(statement) ? (statement.statements.length === 1 ? statement.statements[0] : undefined) : statement);
  for (const block of blocks) {
    for (let i = 0; i + 1 < block.statements.length; i++) {
      const [first, loop] = [block.statements[i], block.statements[i + 1]];
      if (!ts.isVariableStatement(first) || first.declarationList.declarations.length !== 1 || !ts.isForOfStatement(loop) || loop.awaitModifier) continue;
      const declaration = first.declarationList.declarations[0];
      const item = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations[0]?.name : undefined;
      const body = only(loop.statement);
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer || !item || !body) continue;
      const name = declaration.name.text;
      const keyword = first.declarationList.flags & ts.NodeFlags.Const ? "const" : "let";
      const pushOf = (statement) => {
        const call = statement && ts.isExpressionStatement(statement) ? statement.expression : undefined;
        return call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "push" && t(call.expression.expression) === name && call.arguments.length === 1 ? call.arguments[0] : undefined;
      };
      let replacement;
      let kind;
      if (ts.isArrayLiteralExpression(declaration.initializer) && declaration.initializer.elements.length === 0) {
        const pushed = pushOf(body);
        const kept = ts.isIfStatement(body) && !body.elseStatement ? pushOf(only(body.thenStatement)) : undefined;
        if (pushed) [kind, replacement] = ["map", `${keyword} ${name} = ${t(loop.expression)}.map((${t(item)}) => ${t(pushed)});`];
        else if (kept && t(kept) === t(item)) [kind, replacement] = ["filter", `${keyword} ${name} = ${t(loop.expression)}.filter((${t(item)}) => ${t(body.expression)});`];
      } else if (ts.isExpressionStatement(body) && ts.isBinaryExpression(body.expression) && t(body.expression.left) === name) {
        const operator = body.expression.operatorToken.kind;
        const value = operator === ts.SyntaxKind.EqualsToken ? t(body.expression.right) : operator === ts.SyntaxKind.PlusEqualsToken ? `${name} + (${t(body.expression.right)})` : undefined;
        if (value) [kind, replacement] = ["reduce", `${keyword} ${name} = ${t(loop.expression)}.reduce((${name}, ${t(item)}) => ${value}, ${t(declaration.initializer)});`];
      }
      if (!replacement) continue;
      return { text: applyEdits(text, [{ start: first.getStart(source), end: loop.getEnd(), text: replacement }]), shapes: [`loop→array ${kind}`] };
    }
  }
  return undefined;
}

/**
 * Injects `perType` copies of each clone type into the tree (distinct source functions, each copy in a
 * file of another package). Returns the ground truth with line ranges as they are after injection.
 */
export function injectClones(tree, files, { seed, perType }) {
  const rng = mulberry32(seed);
  const texts = new Map(files.map((file) => [file, readFileSync(path.join(tree, file), "utf8")]));
  const candidates = files.flatMap((file) => candidatesIn(file, texts.get(file)));
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  const pkg = (file) => file.split("/")[0];
  const appended = new Map();
  const truth = [];
  const used = new Set();
  const take = (predicate) => {
    const found = candidates.find((c) => !used.has(c) && predicate(c));
    if (found) used.add(found);
    return found;
  };
  const plan = [];
  for (let i = 0; i < perType; i++) plan.push("type-1", "type-2", "type-3", "type-4");
  let counter = 0;
  for (const type of plan) {
    const original = take((c) => type !== "type-4" || /\bfor\s*\(\s*const\b[^;]*\bof\b|return [^;]*\?[^;]*:|\bswitch\s*\(|^function\b/m.test(c.text));
    if (!original) continue;
    counter++;
    let text = original.text;
    let shapes = [];
    const copyName = `${original.name}${["Copy", "Local", "Impl", "Helper"][counter % 4]}${counter}`;
    if (type === "type-2" || type === "type-3") text = renameAndRelabel(text, rng, copyName);
    if (type === "type-3") text = editStatements(text, rng);
    if (type === "type-4") ({ text, shapes } = rewriteSyntax(text));
    const targets = files.filter((file) => pkg(file) !== pkg(original.file));
    const target = targets[Math.floor(rng() * targets.length)];
    const before = (texts.get(target) + (appended.get(target) ?? "")).split("\n").length;
    const block = `\n\n${text}\n`;
    appended.set(target, (appended.get(target) ?? "") + block);
    const startLine = before + 2;
    truth.push({ type, shapes, source: { file: original.file, name: original.name, startLine: original.startLine, endLine: original.endLine }, copy: { file: target, startLine, endLine: startLine + text.split("\n").length - 1 } });
  }
  // A few more type-4 copies, loop vs map/filter/reduce, drawn after the rest so the copies above stay the same for a seed.
  for (let i = 0; i < Math.max(3, Math.round(perType / 8)); i++) {
    const rewrite = (c) => (/\.(map|filter|reduce)\(/.test(c.text) ? rewriteCollection(c.text) : undefined) ?? (/\bfor\s*\(/.test(c.text) ? rewriteLoop(c.text) : undefined);
    const original = take((c) => rewrite(c) !== undefined);
    if (!original) break;
    const { text, shapes } = rewrite(original);
    const targets = files.filter((file) => pkg(file) !== pkg(original.file));
    const target = targets[Math.floor(rng() * targets.length)];
    const before = (texts.get(target) + (appended.get(target) ?? "")).split("\n").length;
    appended.set(target, (appended.get(target) ?? "") + `\n\n${text}\n`);
    const startLine = before + 2;
    truth.push({ type: "type-4", shapes, source: { file: original.file, name: original.name, startLine: original.startLine, endLine: original.endLine }, copy: { file: target, startLine, endLine: startLine + text.split("\n").length - 1 } });
  }
  for (const [file, extra] of appended) writeFileSync(path.join(tree, file), texts.get(file) + extra);
  return truth;
}

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap } from "../../util/ast.js";

/*
 * `if (values.every((v) => typeof v === "number")) sql = `... IN (${values.join(", ")})``: the array is
 * proven to hold only numbers where it is spliced (TypeORM's RelationIdLoader). The check may sit in a
 * `const` (`const areAllNumbers = values.every(...)`), as it usually does.
 */

type FindVariable = (identifier: TSESTree.Identifier) => TSESLint.Scope.Variable | undefined;

/** Whether `use` (the splice of `array`) runs only when every element of `array` was checked to be a number. */
export function isCheckedAllNumbers(array: TSESTree.Node, use: TSESTree.Node, findVariable: FindVariable): boolean {
  const target = unwrap(array);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  for (let child: TSESTree.Node = use, parent = use.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (parent.consequent === child && provesNumbers(parent.test, target.name, findVariable, 0)) return true;
  }
  return false;
}

function provesNumbers(test: TSESTree.Node, arrayName: string, findVariable: FindVariable, depth: number): boolean {
  if (depth > 2) return false;
  const expression = unwrap(test);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === "&&") {
    return provesNumbers(expression.left, arrayName, findVariable, depth + 1) || provesNumbers(expression.right, arrayName, findVariable, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(expression);
    const definition = variable?.defs[0];
    if (variable?.defs.length !== 1 || definition?.type !== "Variable" || definition.parent.kind !== "const" || !definition.node.init) return false;
    return provesNumbers(definition.node.init, arrayName, findVariable, depth + 1);
  }
  return isEveryNumberCall(expression, arrayName);
}

/** `arrayName.every((v) => typeof v === "number")`. */
function isEveryNumberCall(node: TSESTree.Node, arrayName: string): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "every") return false;
  const receiver = unwrap(callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier || receiver.name !== arrayName) return false;
  const callback = node.arguments[0];
  if (callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression || callback.body.type === AST_NODE_TYPES.BlockStatement) return false;
  const param = callback.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  return isTypeofNumber(callback.body, param.name);
}

function isTypeofNumber(node: TSESTree.Node, name: string): boolean {
  const body = unwrap(node);
  if (body.type !== AST_NODE_TYPES.BinaryExpression || (body.operator !== "===" && body.operator !== "==")) return false;
  const sides = [unwrap(body.left), unwrap(body.right)];
  const typeofSide = sides.find((side) => side.type === AST_NODE_TYPES.UnaryExpression && side.operator === "typeof");
  const literalSide = sides.find((side) => side.type === AST_NODE_TYPES.Literal && side.value === "number");
  if (!typeofSide || !literalSide || typeofSide.type !== AST_NODE_TYPES.UnaryExpression) return false;
  const operand = unwrap(typeofSide.argument);
  return operand.type === AST_NODE_TYPES.Identifier && operand.name === name;
}

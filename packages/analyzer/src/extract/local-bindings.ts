import { ts } from "ts-morph";

/**
 * Names a function binds itself: its own name, parameters, variables, inner functions and classes, catch
 * variables. Identifiers with these names are renamed in the normalised form; every other identifier
 * (globals, imports, module constants) keeps its text, because calling `encodeURIComponent` is not the
 * same logic as calling `escape`.
 */
export function localBindings(unit: ts.Node): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName | undefined) => {
    if (!name) return;
    if (ts.isIdentifier(name)) {
      names.add(name.text);
      return;
    }
    for (const element of name.elements) {
      if (!ts.isOmittedExpression(element)) addBinding(element.name);
    }
  };
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.Parameter:
      case ts.SyntaxKind.VariableDeclaration:
        addBinding((node as ts.ParameterDeclaration | ts.VariableDeclaration).name);
        break;
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.ClassDeclaration: {
        const name = (node as ts.FunctionDeclaration | ts.FunctionExpression | ts.ClassDeclaration).name;
        if (name) names.add(name.text);
        break;
      }
      default:
        break;
    }
    ts.forEachChild(node, visit);
  };
  visit(unit);
  return names;
}

// Safari 15 (WebKit bug 236843) throws a ReferenceError for a class field initializer that names a
// binding of an outer scope: `#id = nextId()`, `#set = new Set()`, `#x = a ?? b`. The bundles keep
// class fields native (scripts/build.ts), so every initializer in the widget must be of a shape that
// bug leaves alone: literals, `this` reads, functions, and object/array literals of those. The rest
// is set in the constructor. The shapes follow Babel's bugfix-safari-class-field-initializer-scope.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const srcDir = join(process.cwd(), "widget/src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** True when Safari 15 could fail to resolve a name the initializer reads. */
function touchesOuterScope(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
    return touchesOuterScope(node.expression);
  }
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isBigIntLiteral(node) || ts.isRegularExpressionLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return false;
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword || node.kind === ts.SyntaxKind.ThisKeyword) return false;
  if (ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isClassExpression(node)) return false;
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return touchesOuterScope(node.expression) || (node.arguments ?? []).some(touchesOuterScope);
  if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => touchesOuterScope(span.expression));
  if (ts.isTaggedTemplateExpression(node)) return true;
  if (ts.isArrayLiteralExpression(node)) return node.elements.some((element) => !ts.isOmittedExpression(element) && touchesOuterScope(element));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.some((property) => {
      if (ts.isPropertyAssignment(property)) {
        return touchesOuterScope(property.initializer) || (ts.isComputedPropertyName(property.name) && touchesOuterScope(property.name.expression));
      }
      // A shorthand `{ outer }` or a spread `{ ...outer }` reads an outer binding (Babel lets the spread by).
      return ts.isShorthandPropertyAssignment(property) || ts.isSpreadAssignment(property);
    });
  }
  if (ts.isPropertyAccessExpression(node)) return touchesOuterScope(node.expression);
  if (ts.isElementAccessExpression(node)) return touchesOuterScope(node.expression) || touchesOuterScope(node.argumentExpression);
  return true; // an identifier, an operator, a condition…
}

function unsafeInitializers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyDeclaration(node) && node.initializer && touchesOuterScope(node.initializer)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(process.cwd(), file)}:${line + 1}: ${node.getText().split("\n")[0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("class field initializers (Safari 15)", () => {
  it("classify shapes as Babel's Safari bugfix does", () => {
    const shape = (code: string) =>
      touchesOuterScope((ts.createSourceFile("x.ts", `(${code})`, ts.ScriptTarget.Latest).statements[0] as ts.ExpressionStatement).expression);
    for (const safe of ['""', "0", "null", "false", "{}", "[]", "{ a: 1 }", "this.props.x", "() => outer()", "({ errors: {} as X })"]) expect(shape(safe), safe).toBe(false);
    for (const unsafe of ["outer()", "new Set()", "createRef()", "a ?? null", "this.props.x ?? null", "[outer]", "{ outer }", "{ ...outer }", "`${outer}`"]) expect(shape(unsafe), unsafe).toBe(true);
  });

  it("no initializer in widget/src names an outer binding", () => {
    expect(sources(srcDir).flatMap(unsafeInitializers)).toEqual([]);
  });
});

// Finds visible text written straight into renderer code instead of going through the i18n catalogues. It reads
// the syntax tree (TypeScript compiler API), so comments, import paths and translation keys never count.
import ts from 'typescript';

export interface HardCodedString {
  file: string;
  line: number;
  text: string;
  why: string;
}

/**
 * Text that is the same in every language, so it may stay in code: the product name, file-format names, and key
 * names shown in shortcuts. Nothing else: a word a person reads belongs in shared/i18n.
 */
export const ALLOWED_TEXTS = new Set([
  'Ami',
  // Formats and protocols, named the same in every language.
  'Markdown',
  'HTML',
  'JSON',
  'HTTP',
  // Key names in shortcut hints.
  'Ctrl',
  'Enter',
  'Esc',
  'Shift',
  'Alt',
  '⌘',
  'Ctrl/⌘',
  // The field OpenRouter receives, shown as code in Settings: it is what goes on the wire, not a sentence.
  'data_collection: deny',
  'data_collection: allow',
]);

/** Attributes a person reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'summary',
]);

/** Object properties that hold text for a person (error messages, option labels, titles). */
const TEXT_PROPERTIES = new Set(['message', 'label', 'title', 'placeholder', 'ariaLabel', 'description', 'text', 'reasons']);

/** Calls whose argument is shown: browser dialogs and the state setters that hold a notice or message. */
const TEXT_SINK = /^(?:confirm|alert|prompt|toast|notify|announce|set(?:\w*(?:Problem|Notice|Notices|Copied|Message|Status|Label|Error|Hint|Note)))$/;

/** Constants whose name says they hold text for a person (KIND_LABELS, EMPTY_MESSAGE…). */
const TEXT_CONSTANT = /(?:LABEL|TEXT|NAME|MESSAGE|TITLE|PLACEHOLDER|NOTICE)S?$/i;

/** Translation calls: their first argument is a key, not text. */
const TRANSLATE = /^(?:t|i18n\.t|i18next\.t|translate)$/;

const LETTER = /\p{L}/u;
/** Two words separated by a space: prose, wherever it appears in code. */
const PROSE = /\p{L}{2,}[\s\u00a0\u202f]+\p{L}{2,}/u;

function calleeName(call: ts.CallExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const left = ts.isIdentifier(e.expression) ? e.expression.text : ts.isPropertyAccessExpression(e.expression) ? e.expression.name.text : '';
    return left ? `${left}.${e.name.text}` : e.name.text;
  }
  return '';
}

const lastName = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** The string pieces an expression can evaluate to (branches of ?:, ??, ||, &&, +, templates), not its conditions. */
function resultLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((s) => s.literal)];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return resultLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...resultLiterals(node.whenTrue), ...resultLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      return [...resultLiterals(node.left), ...resultLiterals(node.right)];
    }
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return resultLiterals(node.right);
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => resultLiterals(e as ts.Expression));
  return [];
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text;
  if (ts.isJsxText(node)) return node.text;
  return '';
}

/** Inside a call to t(…), a style object, a CodeMirror theme or a comparison: code, not text. */
function inCodeContext(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p)) {
      const name = calleeName(p);
      if (TRANSLATE.test(name) || /(?:^|\.)(?:theme|baseTheme|querySelector|querySelectorAll|closest|matchMedia|addEventListener|removeEventListener|getItem|setItem|removeItem|Error)$/.test(name)) return true;
    }
    if (ts.isNewExpression(p) && ts.isIdentifier(p.expression) && /^(?:RegExp|Error|TypeError)$/.test(p.expression.text)) return true;
    if (ts.isJsxAttribute(p) && ts.isIdentifier(p.name) && (p.name.text === 'style' || p.name.text === 'className')) return true;
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return true;
    }
    if (ts.isCaseClause(p) && p.expression === node) return true;
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isImportTypeNode(p) || ts.isLiteralTypeNode(p)) return true;
    if (ts.isPropertyAssignment(p) && p.name === node) return true;
    if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
  }
  return false;
}

function allowed(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!LETTER.test(t)) return true;
  return ALLOWED_TEXTS.has(t);
}

export function findHardCodedStrings(source: string, file = 'snippet.tsx'): HardCodedString[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: HardCodedString[] = [];
  const reported = new Set<ts.Node>();
  const report = (node: ts.Node, why: string) => {
    if (reported.has(node)) return;
    const text = literalText(node);
    if (allowed(text)) return;
    reported.add(node);
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim(), why });
  };
  const reportExpression = (expr: ts.Expression | undefined, why: string) => {
    if (!expr) return;
    for (const lit of resultLiterals(expr)) if (!inCodeContext(lit)) report(lit, why);
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, 'JSX text');
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      reportExpression(node.expression, 'text in a JSX child expression');
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, `${node.name.getText(sf)} attribute`);
      else if (ts.isJsxExpression(init)) reportExpression(init.expression, `${node.name.getText(sf)} attribute`);
    } else if (ts.isPropertyAssignment(node) && (TEXT_PROPERTIES.has(node.name.getText(sf).replace(/['"]/g, '')) || TEXT_ATTRIBUTES.has(node.name.getText(sf).replace(/['"]/g, '')))) {
      reportExpression(node.initializer, `${node.name.getText(sf)} property`);
    } else if ((ts.isParameter(node) || ts.isBindingElement(node)) && node.initializer && TEXT_PROPERTIES.has(node.name.getText(sf))) {
      reportExpression(node.initializer, `default value of ${node.name.getText(sf)}`);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && TEXT_CONSTANT.test(node.name.text) && node.initializer) {
      const init = node.initializer;
      const values = ts.isObjectLiteralExpression(init)
        ? init.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? [p.initializer] : []))
        : [init];
      for (const v of values) reportExpression(v, `value of ${node.name.text}`);
    } else if (ts.isCallExpression(node) && TEXT_SINK.test(lastName(calleeName(node)))) {
      for (const arg of node.arguments) reportExpression(arg, `argument of ${calleeName(node)}()`);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (PROSE.test(literalText(node)) && !inCodeContext(node)) report(node, 'prose in a string');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

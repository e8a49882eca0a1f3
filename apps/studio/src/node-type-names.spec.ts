import { NODE_TYPES } from '@postino/flow-model';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every source file of the studio, this one included, as text.
const SOURCES = import.meta.glob<string>('./**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
const NODE_TYPE_NAMES = new Set(Object.keys(NODE_TYPES));

/**
 * The string values in a file that equal a node type's name. Literals in type positions and JSX attribute
 * values are left out: they cannot branch at run time, and a channel ('webhook') or a CSS class ('tag') may
 * share a word.
 */
function nodeTypeNamesIn(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isLiteralTypeNode(node) || ts.isJsxAttribute(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && NODE_TYPE_NAMES.has(node.text)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${path}:${line + 1} '${node.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the studio names no node type', () => {
  it('has no string equal to a registered node type name: nodes are described through the registry', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    expect(Object.entries(SOURCES).flatMap(([path, text]) => nodeTypeNamesIn(path, text))).toEqual([]);
  });

  it('finds such a string where one is written', () => {
    const branch = "if (node.type === 'wait') return;\nconst label = `send_email`;\ntype Channel = 'webhook';\n<li className=\"tag\" />;\n";
    expect(nodeTypeNamesIn('example.tsx', branch)).toEqual(["example.tsx:1 'wait'", "example.tsx:2 'send_email'"]);
  });
});

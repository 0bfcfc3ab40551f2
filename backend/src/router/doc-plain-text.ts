import { parseArchitectureDoc } from 'backstage-plugin-architecture-docs-common';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Blocks whose text is one line of the plain text. */
const TEXT_BLOCKS = new Set<Nodes['type']>([
  'heading',
  'paragraph',
  'code',
  'tableCell',
]);

/**
 * The text of a markdown doc without its markdown, one line per heading,
 * paragraph, code block and table cell, for full-text search. Raw HTML is
 * left out. Parses with the analyzer's bounds, so it never throws and its
 * work is bounded for any input.
 */
export function docPlainText(markdown: string): string {
  const { tree } = parseArchitectureDoc(markdown);
  const lines: string[] = [];
  // An explicit stack in document order; the parse bounds the nesting.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (TEXT_BLOCKS.has(node.type)) {
      const text = toString(node, { includeHtml: false }).trim();
      if (text) lines.push(text);
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push(node.children[i] as Nodes);
      }
    }
  }
  return lines.join('\n');
}

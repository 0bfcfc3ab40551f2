import type { RootContent, Nodes } from 'mdast';
import { nodeText } from './markdown-tree';

/**
 * Splits block content into the smallest pieces an author writes on their
 * own: a paragraph, a list item, a table row, a code block. Placeholder
 * detection judges each piece; the template's guidance is split the same way
 * so both sides compare like with like.
 */
export function contentUnits(blocks: readonly RootContent[]): string[] {
  const units: string[] = [];
  const stack: Nodes[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) stack.push(blocks[i]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'heading':
      case 'thematicBreak':
      case 'html':
      case 'definition':
        break;
      case 'code':
        if (node.value.trim()) units.push(node.value);
        break;
      case 'table':
        for (const row of node.children) {
          const text = row.children.map(cell => nodeText(cell)).join(' | ');
          if (text.replace(/\|/g, '').trim()) units.push(text);
        }
        break;
      case 'list':
      case 'listItem':
      case 'blockquote':
      case 'footnoteDefinition':
        for (let i = node.children.length - 1; i >= 0; i--) {
          stack.push(node.children[i]);
        }
        break;
      default: {
        const text = nodeText(node).trim();
        if (text) units.push(text);
      }
    }
  }
  return units;
}

const STOP_WORDS = new Set(
  'a an the and or of to in on for with by as at is are be it its this that these those from into if any when what which how your our their e g eg etc'.split(
    ' ',
  ),
);

/** The meaning-bearing words of a text, lower case, for similarity checks. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length > 1 && !STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

import * as fs from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { nodeText, parseMarkdown } from './markdown-tree';
import {
  corpusDir,
  markdownFiles,
  itWithSharedFiles,
} from '@internal/architecture-docs-testing';

/** Larger than any size at which a doc could be treated differently from a small one. */
const LARGE = 20 * 1024;

function parseInOnePiece(markdown: string) {
  return fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
}

describe('parseMarkdown', () => {
  // Literal autolinks are looked for only where text could hold one: that
  // may not change the tree.
  itWithSharedFiles(
    'should give every corpus doc the same tree as the plain GFM parse',
    () => {
      const docs = markdownFiles(corpusDir).map(file =>
        fs.readFileSync(file, 'utf8'),
      );
      expect(docs.length).toBeGreaterThan(200);
      expect(docs.filter(text => text.length > LARGE).length).toBeGreaterThan(
        5,
      );
      for (const text of docs) {
        expect(parseMarkdown(text)).toEqual(parseInOnePiece(text));
      }
    },
  );

  it.each([
    ['a bare URL', 'See https://example.com/a.md and more.'],
    ['an upper-case URL', 'See HTTP://EXAMPLE.COM today.'],
    ['a www host', 'Go to www.example.com/path, then back.'],
    ['a www host after a word character', 'x_www.example.com is odd.'],
    ['an email address', 'Write to team@example.com or ops@example.org.'],
    ['mailto and xmpp', 'mailto:a@example.com and xmpp:b@example.com/res'],
    ['a URL inside emphasis', '*see https://example.com*'],
    [
      'a URL in a table',
      '| a | b |\n| - | - |\n| www.example.com | x@example.com |',
    ],
    [
      'a URL as link text',
      '[https://example.com](https://example.com) and [www.x.com][r]\n\n[r]: https://x.com',
    ],
    // Only the transform finds these two: the parser sees the references.
    ['a www host after a character reference', '&amp;www.example.com'],
    ['an address written with a character reference', 'hello&#x40;example.com'],
    [
      'no candidate at all',
      '# Title\n\nPlain words, [a link](./a.md) and `code`.',
    ],
    [
      'words an address could start with, and no address',
      'snake_case-name.ext, _emphasis_ and a-b.c_d',
    ],
    [
      'a protocol with one slash or none',
      'http:/example.com and https:example.com',
    ],
    [
      'a mixed-case protocol and host',
      'HtTpS://Example.com and WwW.Example.com',
    ],
    ['an address inside code', 'Run `mail team@example.com` now.'],
  ])(
    'should turn literal autolinks into the same links as the plain GFM parse: %s',
    (_name, text) => {
      expect(parseMarkdown(text)).toEqual(parseInOnePiece(text));
    },
  );

  it('should resolve a reference whose definition stands far below it', () => {
    const filler = 'A paragraph of filler text.\n\n'.repeat(
      Math.ceil(LARGE / 20),
    );
    const doc = `[early][ref]\n\n${filler}Later text.\n\n[ref]: ./Target.md\n`;
    const tree = parseMarkdown(doc);
    expect(tree.children[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'linkReference', identifier: 'ref' }],
    });
    expect(tree.children.filter(c => c.type === 'definition')).toHaveLength(1);
  });

  // Filler just short of the piece size: the first paragraph start past it,
  // inside the block, would be a split point.
  const inner = 'Lines an author typed.\n\n'.repeat(4);
  it.each([
    ['a comment', `<!--\n\n${inner}-->`],
    ['a pre block', `<pre>\n\n${inner}</pre>`],
    ['a style block', `<style>\n\n${inner}</style>`],
    ['a processing instruction', `<?php\n\n${inner}?>`],
    ['a declaration', `<!DOCTYPE\n\n${inner}>`],
    ['CDATA', `<![CDATA[\n\n${inner}]]>`],
  ])(
    'should read %s that holds blank lines as one HTML block',
    (_name, block) => {
      const paragraph = 'A paragraph of filler text.\n\n';
      const filler = paragraph.repeat(
        Math.floor((LARGE - 1) / paragraph.length),
      );
      const doc = `${filler}${block}\n\nAfter the block.\n\n${filler}`;
      const tree = parseMarkdown(doc);
      expect(tree).toEqual(parseInOnePiece(doc));
      expect(tree.children.filter(node => node.type === 'html')).toHaveLength(
        1,
      );
    },
  );

  it.each([
    ['a definition shown in fenced code', '```md\n[ref]: ./Shown.md\n```'],
    ['a definition in an HTML comment', '<!--\n[ref]: ./Hidden.md\n-->'],
    [
      'a definition-like line inside a paragraph',
      'A paragraph that goes on\n[ref]: ./Not-a-definition.md',
    ],
    ['a definition in a list item', '- An item\n\n  [ref]: ./Listed.md'],
    ['a definition in a quote', '> [ref]: ./Quoted.md'],
    [
      'a definition after a line that looks like a fence but is inline code',
      '```js` is text\n\n[ref]: ./After.md',
    ],
  ])(
    'should resolve references document-wide as one parse does, with %s',
    (_name, block) => {
      const paragraph = 'A paragraph of filler text.\n\n';
      const filler = paragraph.repeat(
        Math.ceil((LARGE * 2) / paragraph.length),
      );
      const doc = `See [the target][ref].\n\n${filler}${block}\n\n${filler}And [ref] again.\n`;
      expect(parseMarkdown(doc)).toEqual(parseInOnePiece(doc));
    },
  );

  it('should leave the definitions of a doc with an unclosed Mermaid fence out of its code', () => {
    const paragraph = 'A paragraph of filler text.\n\n';
    const filler = paragraph.repeat(Math.ceil(LARGE / paragraph.length));
    const doc = `See [the target][ref].\n\n[ref]: ./Target.md\n\n${filler}\`\`\`mermaid\nflowchart LR\n  a --> b\n`;
    const tree = parseMarkdown(doc);
    expect(tree).toEqual(parseInOnePiece(doc));
    const code = tree.children[tree.children.length - 1];
    expect(code).toMatchObject({
      type: 'code',
      lang: 'mermaid',
      value: 'flowchart LR\n  a --> b',
    });
  });

  it('should resolve a reference whose definition stands in a quote of a doc over 16 KB', () => {
    const paragraph = 'A paragraph of filler text.\n\n';
    const filler = paragraph.repeat(Math.ceil(LARGE / paragraph.length));
    const doc = `See [the target][ref].\n\n${filler}> [ref]: ./Quoted.md\n\n${filler}And [ref] again.\n`;
    expect(doc.length).toBeGreaterThan(2 * LARGE);
    const tree = parseMarkdown(doc);
    expect(tree).toEqual(parseInOnePiece(doc));
    expect(tree.children[0]).toMatchObject({
      type: 'paragraph',
      children: [
        { type: 'text' },
        { type: 'linkReference', identifier: 'ref' },
        { type: 'text' },
      ],
    });
  });

  it('should keep source positions far into a doc', () => {
    const filler = 'Filler paragraph here.\n\n'.repeat(Math.ceil(LARGE / 20));
    const doc = `${filler}## Last\n`;
    const tree = parseMarkdown(doc);
    const last = tree.children[tree.children.length - 1];
    expect(last.position?.start.line).toBe(doc.split('\n').length - 1);
    expect(last.position?.start.offset).toBe(doc.lastIndexOf('## Last'));
  });
});

describe('nodeText', () => {
  it('should read text of a deeply nested tree without recursion', () => {
    const tree = parseMarkdown(`${'> '.repeat(32)}deep *text*`);
    expect(nodeText(tree)).toBe('deep text');
  });
});

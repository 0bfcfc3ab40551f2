import { docPlainText } from './doc-plain-text';

describe('docPlainText', () => {
  it('should keep the words of headings, paragraphs, lists, tables and code without their markdown', () => {
    const markdown = [
      '# Orders service',
      '',
      'Takes **orders** from the [shop](./shop.md) and `emits` events.',
      '',
      '- first *item*',
      '- second item',
      '',
      '| Responsibility | Contract |',
      '| --- | --- |',
      '| Payments | [api](./api.yaml) |',
      '',
      '```mermaid',
      'sequenceDiagram',
      '  Shop->>Orders: place',
      '```',
    ].join('\n');
    expect(docPlainText(markdown)).toBe(
      [
        'Orders service',
        'Takes orders from the shop and emits events.',
        'first item',
        'second item',
        'Responsibility',
        'Contract',
        'Payments',
        'api',
        'sequenceDiagram\n  Shop->>Orders: place',
      ].join('\n'),
    );
  });

  it('should leave raw HTML out', () => {
    expect(
      docPlainText(
        'Before <script>alert(1)</script> after\n\n<div>block</div>',
      ),
    ).toBe('Before alert(1) after');
  });

  it('should answer hostile input without throwing', () => {
    const nested = `${'> '.repeat(10_000)}deep`;
    expect(docPlainText(nested)).toContain('deep');
    expect(docPlainText('')).toBe('');
    expect(docPlainText('[x](javascript:alert(1))')).toBe('x');
  });
});

import {
  analyzeParsedDoc,
  parseArchitectureDoc,
} from 'backstage-plugin-architecture-docs-common';
import { placeMissingSections } from './sectionPlacement';

const FILLER =
  'The service keeps orders consistent across the warehouse and billing systems every day.';

/** Placements as `index: section ids`, with the block the callouts precede named by its first words. */
function placements(markdown: string): string[] {
  const parsed = parseArchitectureDoc(markdown);
  const report = analyzeParsedDoc(parsed);
  const children = parsed.tree.children;
  return placeMissingSections(children, report).map(placement => {
    const next = children[placement.index];
    const before = next?.position
      ? markdown.split('\n')[next.position.start.line - 1]
      : '<end>';
    return `${before}: ${placement.sections.map(section => section.id).join(', ')}`;
  });
}

describe('placeMissingSections', () => {
  it('should place a missing section at the end of the previous present section, past its subsections', () => {
    const markdown = [
      '# Orders',
      '',
      '## Purpose',
      '',
      FILLER,
      '',
      '### Detail',
      '',
      FILLER,
      '',
      '## Design drivers',
      '',
      FILLER,
      '',
    ].join('\n');
    expect(placements(markdown)[0]).toBe('## Design drivers: context');
  });

  it('should place a section with no earlier present section before the first later one', () => {
    const markdown = [
      '# Orders',
      '',
      'Intro.',
      '',
      '## Context',
      '',
      FILLER,
      '',
    ].join('\n');
    expect(placements(markdown)[0]).toBe('## Context: purpose');
  });

  it('should place sections after the title and Related line when none is present', () => {
    const markdown = [
      '# Orders',
      '',
      '_Related: [A](a.md)_',
      '',
      'Loose notes.',
      '',
    ].join('\n');
    const result = placements(markdown);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(
      /^Loose notes\.: purpose, context, design-drivers, .*, see-also$/,
    );
  });

  it('should place sections at the top of a doc with neither title nor Related line', () => {
    const parsed = parseArchitectureDoc('Loose notes.\n');
    const result = placeMissingSections(
      parsed.tree.children,
      analyzeParsedDoc(parsed),
    );
    expect(
      result.map(placement => [placement.index, placement.sections.length]),
    ).toEqual([[0, 12]]);
  });

  it('should keep a callout ahead of a later section nested in the earlier one', () => {
    const markdown = [
      '# Orders',
      '',
      '## Purpose',
      '',
      FILLER,
      '',
      '### Design drivers',
      '',
      FILLER,
      '',
    ].join('\n');
    expect(placements(markdown)[0]).toBe('### Design drivers: context');
  });

  it('should treat a placeholder section as a place to anchor on', () => {
    const markdown = [
      '# Orders',
      '',
      '## Purpose',
      '',
      'TODO',
      '',
      '## Design drivers',
      '',
      FILLER,
      '',
    ].join('\n');
    expect(placements(markdown)[0]).toBe('## Design drivers: context');
  });

  it('should keep several missing sections at one place in template order', () => {
    const markdown = [
      '# Orders',
      '',
      '## Purpose',
      '',
      FILLER,
      '',
      '## Responsibilities',
      '',
      FILLER,
      '',
    ].join('\n');
    expect(placements(markdown)[0]).toBe(
      '## Responsibilities: context, design-drivers',
    );
  });
});

import { stemWord } from './heading-text';
import { matcherFor, matchHeading } from './section-matching';
import { arc42TemplateModel } from './arc42-template';
import { defaultTemplateModel } from './template-model';

const matcher = () => matcherFor(defaultTemplateModel());
const titlesOf = (heading: string) =>
  (matchHeading(heading, matcher())?.sections ?? []).map(
    i => defaultTemplateModel().sections[i].title,
  );

describe('stemWord', () => {
  it('should bring inflections of one word to one stem', () => {
    expect(stemWord('deployment')).toBe(stemWord('deploying'));
    expect(stemWord('services')).toBe(stemWord('service'));
    expect(stemWord('principles')).toBe(stemWord('principle'));
    expect(stemWord('responsibilities')).toBe(stemWord('responsibility'));
  });

  it('should leave short words and numbers alone', () => {
    expect(stemWord('api')).toBe('api');
    expect(stemWord('uses')).not.toBe('us');
    expect(stemWord('v2s')).toBe('v2s');
  });
});

describe('matchHeading', () => {
  it('should answer a heading it has matched before as it did the first time', () => {
    const template = matcherFor(defaultTemplateModel());
    const first = matchHeading('Scaling and deployment', template);
    expect(template.matches.has('Scaling and deployment')).toBe(true);
    first!.sections.push(99);
    first!.rule = 'contains';
    expect(matchHeading('Scaling and deployment', template)).toEqual({
      ...first,
      rule: 'word-order',
      sections: first!.sections.slice(0, -1),
    });
    expect(matchHeading('Nothing to see', template)).toBeUndefined();
    expect(matchHeading('Nothing to see', template)).toBeUndefined();
  });

  it('should bound the headings a matcher remembers', () => {
    const template = matcherFor(defaultTemplateModel());
    for (let i = 0; i < 5000; i++) matchHeading(`Heading ${i}`, template);
    expect(template.matches.size).toBeLessThanOrEqual(2000);
    const long = `Deployment and scaling ${'of the service '.repeat(20)}`;
    expect(matchHeading(long, template)?.sections).toEqual(
      matchHeading('Deployment and scaling', template)?.sections,
    );
    expect(template.matches.has(long)).toBe(false);
    expect(titlesOf('Scaling and deployment')).toEqual([
      'Deployment and scaling',
    ]);
  });

  it('should match a title with its words in another order', () => {
    const match = matchHeading('Scaling and deployment', matcher());
    expect(match).toMatchObject({ rule: 'word-order', score: 3 });
    expect(titlesOf('Scaling and deployment')).toEqual([
      'Deployment and scaling',
    ]);
  });

  it('should match the key word of a multi-word title', () => {
    const arc42 = matcherFor(arc42TemplateModel());
    const match = matchHeading('Constraints', arc42);
    expect(match?.rule === 'key-words' || match?.rule === 'same-words').toBe(
      true,
    );
    expect(arc42TemplateModel().sections[match!.sections[0]].title).toBe(
      'Architecture Constraints',
    );
    expect(matchHeading('Scenarios', arc42)).toBeDefined();
    // A title's generic word alone names nothing.
    expect(matchHeading('View', arc42)).toBeUndefined();
    expect(matchHeading('Strategy', matcher())).toBeUndefined();
  });

  it('should match a typo in a long word but not in a short one', () => {
    expect(matchHeading('Responsibilites', matcher())).toMatchObject({
      rule: 'spelling',
    });
    expect(titlesOf('Responsibilites')).toEqual(['Responsibilities']);
    expect(titlesOf('Audio issues')).toEqual([]);
  });

  it('should treat hyphen and space variants as the same words', () => {
    expect(titlesOf('Fall-back behaviour on failure')).toContain(
      'Failure and fallback behavior',
    );
    expect(titlesOf('Fall back')).toEqual(['Failure and fallback behavior']);
    expect(matchHeading('Fall back', matcher())?.rule).toBe('spelling');
  });

  it('should ignore numbering with a dot, a bracket or nothing, and pandoc attributes', () => {
    for (const heading of [
      '1. Purpose',
      '1 Purpose',
      '1) Purpose',
      '2.3 Purpose',
      'Purpose {#purpose}',
      'Purpose {#why .unnumbered}',
    ]) {
      expect([heading, titlesOf(heading)]).toEqual([heading, ['Purpose']]);
    }
  });

  it('should prefer the alias that covers more of the heading', () => {
    expect(titlesOf('Integration tests')).toEqual(['Testing strategy']);
  });

  it('should recognise German arc42 titles', () => {
    const arc42 = arc42TemplateModel();
    const title = (heading: string) => {
      const match = matchHeading(heading, matcherFor(arc42));
      return match ? arc42.sections[match.sections[0]].title : undefined;
    };
    expect(title('1. Einführung und Ziele')).toBe('Introduction and Goals');
    expect(title('Kontextabgrenzung')).toBe('Context and Scope');
    expect(title('5 Bausteinsicht')).toBe('Building Block View');
    expect(title('Laufzeitsicht')).toBe('Runtime View');
    expect(title('Verteilungssicht')).toBe('Deployment View');
    expect(title('Querschnittliche Konzepte')).toBe('Cross-cutting Concepts');
    expect(title('Architekturentscheidungen')).toBe('Architecture Decisions');
    expect(title('Qualitätsanforderungen')).toBe('Quality Requirements');
    expect(title('Risiken und technische Schulden')).toBe(
      'Risks and Technical Debts',
    );
    expect(title('Glossar')).toBe('Glossary');
  });
});

import type { IndexedDocSummary } from 'backstage-plugin-architecture-docs-common';
import { docFacts, sectionFactName } from './architectureDocsFactRetriever';

const DOC: IndexedDocSummary = {
  entityRef: 'component:default/orders',
  kind: 'Component',
  namespace: 'default',
  name: 'orders',
  title: 'Orders',
  owner: '',
  system: '',
  lifecycle: '',
  docTitle: null,
  score: 75,
  sections: [
    { id: 'context', title: 'Context', status: 'present', anchor: 'context' },
  ],
  missing: [],
  placeholder: [],
  brokenLinks: 0,
  failingDiagrams: 0,
  changedAt: '2026-03-01T12:00:00.000Z',
};

describe('sectionFactName', () => {
  it('should write every character other than a letter or digit as an underscore', () => {
    expect(sectionFactName('security-and-compliance')).toBe(
      'section_security_and_compliance',
    );
    expect(sectionFactName('a.b c/d')).toBe('section_a_b_c_d');
  });
});

describe('docFacts', () => {
  const now = new Date('2026-03-11T11:00:00.000Z');

  it('should count whole days since the doc changed', () => {
    expect(docFacts(DOC, now)).toEqual({
      score: 75,
      brokenLinks: 0,
      failingDiagrams: 0,
      daysSinceChange: 9,
      section_context: 'present',
    });
  });

  it('should leave out the age of a doc whose change time is unknown or unreadable', () => {
    expect(docFacts({ ...DOC, changedAt: null }, now)).not.toHaveProperty(
      'daysSinceChange',
    );
    expect(
      docFacts({ ...DOC, changedAt: 'not a date' }, now),
    ).not.toHaveProperty('daysSinceChange');
  });

  it('should not give a negative age to a change time ahead of the clock', () => {
    expect(
      docFacts({ ...DOC, changedAt: '2026-03-12T00:00:00.000Z' }, now)
        .daysSinceChange,
    ).toBe(0);
  });
});

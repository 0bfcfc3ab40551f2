import { buildDocs } from './generate-hostile-docs.mjs';
import { FAULTS } from './fault-expectations.mjs';

/** The states the architecture tab ends in, as the hostile run names them. */
const TAB_STATES = [
  'rendered',
  'not-architecture-doc',
  'too-complex',
  'too-large',
  'empty',
  'not-found',
  'sign-in-needed',
  'failed',
  'timeout',
  'unexpected-content',
];

describe('hostile inputs', () => {
  const docs = buildDocs();
  const expectedOf = kind =>
    docs.filter(doc => doc.kind === kind).map(doc => doc.expected);

  it('should give every doc one expected state the tab can show', () => {
    const without = docs
      .filter(doc => !TAB_STATES.includes(doc.expected))
      .map(doc => doc.name);
    expect(without).toEqual([]);
  });

  it('should expect each autolink flood of 20,000 to be too complex', () => {
    for (const kind of [
      'autolink-flood-bare',
      'autolink-flood-www',
      'autolink-flood-angle',
    ]) {
      expect(expectedOf(kind)).toEqual(['too-complex']);
    }
  });

  it('should expect docs with malformed percent-encodings to render', () => {
    const malformed = docs.filter(doc =>
      doc.kind.startsWith('malformed-encoding-'),
    );
    expect(malformed.map(doc => doc.expected)).toEqual([
      'rendered',
      'rendered',
      'rendered',
      'rendered',
    ]);
  });

  it('should give every fault one expected state per mode and ask the rate limit for its wait', () => {
    for (const [fault, expected] of Object.entries(FAULTS)) {
      expect([
        fault,
        TAB_STATES.includes(expected.plain),
        TAB_STATES.includes(expected.token),
      ]).toEqual([fault, true, true]);
    }
    expect(FAULTS['rate-limited'].shows).toBe('wait 120 s');
  });
});

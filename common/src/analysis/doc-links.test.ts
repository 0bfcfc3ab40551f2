import { isCheckableLink } from './doc-links';

describe('isCheckableLink', () => {
  it('should check doc and contract links', () => {
    expect(isCheckableLink({ kind: 'doc' })).toBe(true);
    expect(isCheckableLink({ kind: 'contract', unsafe: false })).toBe(true);
  });

  it('should not check external links and anchors', () => {
    expect(isCheckableLink({ kind: 'external' })).toBe(false);
    expect(isCheckableLink({ kind: 'anchor' })).toBe(false);
  });

  it('should never check a link whose target is not followed', () => {
    expect(isCheckableLink({ kind: 'doc', unsafe: true })).toBe(false);
  });
});

import {
  defaultTemplateModel,
  templateFromSections,
} from 'backstage-plugin-architecture-docs-common';
import {
  clearCoverageSessionCache,
  sessionCacheFor,
} from './session-result-caches';

beforeEach(() => clearCoverageSessionCache());

describe('sessionCacheFor', () => {
  it('should keep one cache per template for the session', () => {
    const cache = sessionCacheFor(defaultTemplateModel());
    cache.set('component:default/a', { status: 'analysed', score: 10 });
    expect(
      sessionCacheFor(defaultTemplateModel()).get('component:default/a'),
    ).toEqual({ status: 'analysed', score: 10 });
  });

  it('should keep apart templates whose sections weigh differently', () => {
    const light = templateFromSections(
      [{ title: 'Purpose', weight: 1 }],
      'team',
    );
    const heavy = templateFromSections(
      [{ title: 'Purpose', weight: 2 }],
      'team',
    );
    expect(sessionCacheFor(light)).not.toBe(sessionCacheFor(heavy));
  });

  it('should forget every kept result when cleared', () => {
    sessionCacheFor(defaultTemplateModel()).set('component:default/a', {
      status: 'analysed',
      score: 10,
    });
    clearCoverageSessionCache();
    expect(
      sessionCacheFor(defaultTemplateModel()).get('component:default/a'),
    ).toBeUndefined();
  });
});

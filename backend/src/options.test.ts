import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { readBackendOptions } from './options';

function optionsFrom(backend: JsonObject) {
  return readBackendOptions(
    mockServices.rootConfig({ data: { architectureDocs: { backend } } }),
  );
}

describe('readBackendOptions', () => {
  it('should revalidate a doc after 15 minutes by default', () => {
    expect(optionsFrom({}).revalidateAfterMs).toBe(15 * 60_000);
  });

  it('should read revalidateAfter as a duration object or an ISO 8601 string', () => {
    expect(
      optionsFrom({ revalidateAfter: { hours: 6 } }).revalidateAfterMs,
    ).toBe(6 * 3_600_000);
    expect(optionsFrom({ revalidateAfter: 'PT30M' }).revalidateAfterMs).toBe(
      30 * 60_000,
    );
    expect(
      optionsFrom({ revalidateAfter: { seconds: 0 } }).revalidateAfterMs,
    ).toBe(0);
  });

  it('should name the key of a malformed revalidateAfter', () => {
    expect(() => optionsFrom({ revalidateAfter: 'soon' })).toThrow(
      /architectureDocs\.backend\.revalidateAfter/,
    );
    expect(() => optionsFrom({ revalidateAfter: { minutes: -5 } })).toThrow(
      /architectureDocs\.backend\.revalidateAfter/,
    );
  });

  it('should name the key of a malformed number', () => {
    expect(() => optionsFrom({ concurrencyPerHost: 0 })).toThrow(
      /architectureDocs\.backend\.concurrencyPerHost/,
    );
  });
});

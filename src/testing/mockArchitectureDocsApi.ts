import type { ArchitectureDocsApi } from '../api';

/**
 * An `ArchitectureDocsApi` of jest mocks for tests: links resolve as URLs
 * against their base, a file's page on its host is its URL with `?view`,
 * and everything else answers what each test sets.
 */
export function mockArchitectureDocsApi(): jest.Mocked<ArchitectureDocsApi> {
  return {
    getDocLocation: jest.fn(),
    getEntityDoc: jest.fn(),
    getDoc: jest.fn(),
    resolveLink: jest.fn(
      (target: string, base: string) => new URL(target, base).href,
    ),
    getViewUrl: jest.fn((url: string) => `${url}?view`),
    signIn: jest.fn(),
  };
}

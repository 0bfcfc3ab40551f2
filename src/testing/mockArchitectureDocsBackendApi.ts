import type { ArchitectureDocsBackendApi } from '../api';

/**
 * An `ArchitectureDocsBackendApi` of jest mocks for tests: it decides for
 * the backend, and every request answers what each test sets.
 */
export function mockArchitectureDocsBackendApi(): jest.Mocked<ArchitectureDocsBackendApi> {
  return {
    getSource: jest.fn(async () => 'backend' as const),
    getStatus: jest.fn(),
    getCoverage: jest.fn(),
    getCoverageSummary: jest.fn(),
    getCoverageHistory: jest.fn(),
    getEntityDoc: jest.fn(),
    refreshEntityDoc: jest.fn(),
  };
}

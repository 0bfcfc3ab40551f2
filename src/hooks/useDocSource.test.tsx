import type { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { configApiRef } from '@backstage/core-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { architectureDocsBackendApiRef } from '../api';
import { mockArchitectureDocsBackendApi } from '../testing/mockArchitectureDocsBackendApi';
import { useDocSource } from './useDocSource';

function wrapper(
  source: string | undefined,
  backendApi?: ReturnType<typeof mockArchitectureDocsBackendApi>,
) {
  const config = mockApis.config({
    data: source ? { architectureDocs: { source } } : {},
  });
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider
      apis={[
        [configApiRef, config],
        ...(backendApi
          ? [[architectureDocsBackendApiRef, backendApi] as const]
          : []),
      ]}
    >
      {children}
    </TestApiProvider>
  );
}

describe('useDocSource', () => {
  it('should be deciding, then the backend, when auto and the backend answers', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    const { result } = renderHook(() => useDocSource(), {
      wrapper: wrapper(undefined, backendApi),
    });
    expect(result.current.source).toBe('deciding');
    await waitFor(() => expect(result.current.source).toBe('backend'));
  });

  it('should know the decision at once in views mounted after it', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    const first = renderHook(() => useDocSource(), {
      wrapper: wrapper(undefined, backendApi),
    });
    await waitFor(() => expect(first.result.current.source).toBe('backend'));
    const second = renderHook(() => useDocSource(), {
      wrapper: wrapper(undefined, backendApi),
    });
    expect(second.result.current.source).toBe('backend');
  });

  it('should be the browser when auto and the backend is absent', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getSource.mockResolvedValue('browser');
    const { result } = renderHook(() => useDocSource(), {
      wrapper: wrapper('auto', backendApi),
    });
    await waitFor(() => expect(result.current.source).toBe('browser'));
  });

  it('should be the browser when the app registers no backend API', () => {
    const { result } = renderHook(() => useDocSource(), {
      wrapper: wrapper(undefined),
    });
    expect(result.current.source).toBe('browser');
  });

  it('should say the backend cannot be used when it is configured but not registered', () => {
    const { result } = renderHook(() => useDocSource(), {
      wrapper: wrapper('backend'),
    });
    expect(result.current).toEqual({
      source: 'unavailable',
      error: new Error(
        'architectureDocs.source is "backend", but the app provides no architectureDocsBackendApiRef.',
      ),
    });
  });

  it('should not ask the backend when the source is browser', () => {
    const backendApi = mockArchitectureDocsBackendApi();
    const { result } = renderHook(() => useDocSource(), {
      wrapper: wrapper('browser', backendApi),
    });
    expect(result.current.source).toBe('browser');
    expect(backendApi.getSource).not.toHaveBeenCalled();
  });
});

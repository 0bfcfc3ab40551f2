import { act, renderHook, waitFor } from '@testing-library/react';
import { deferred } from '../../testing/deferred';
import { useAsyncInTransition } from './useAsyncInTransition';

describe('useAsyncInTransition', () => {
  it('should be loading, then hold the answer', async () => {
    const answer = deferred<string>();
    const { result } = renderHook(() =>
      useAsyncInTransition(() => answer.promise, []),
    );
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toBeUndefined();
    await act(async () => answer.resolve('rows'));
    await waitFor(() => expect(result.current.value).toBe('rows'));
    expect(result.current.loading).toBe(false);
    expect(result.current.error).toBeUndefined();
  });

  it('should hold a failure as an Error', async () => {
    const { result } = renderHook(() =>
      useAsyncInTransition(() => Promise.reject('down'), []),
    );
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    expect(result.current.error?.message).toBe('down');
    expect(result.current.loading).toBe(false);
  });

  it('should ask again when the deps change, dropping the answer no longer asked for', async () => {
    const answers = new Map([
      ['a', deferred<string>()],
      ['b', deferred<string>()],
    ]);
    const { result, rerender } = renderHook(
      ({ key }) => useAsyncInTransition(() => answers.get(key)!.promise, [key]),
      { initialProps: { key: 'a' } },
    );
    rerender({ key: 'b' });
    await act(async () => answers.get('b')!.resolve('answer b'));
    await waitFor(() => expect(result.current.value).toBe('answer b'));
    await act(async () => answers.get('a')!.resolve('answer a'));
    expect(result.current.value).toBe('answer b');
  });

  it('should keep the answer while a retry runs, then show the new one', async () => {
    let calls = 0;
    const second = deferred<string>();
    const { result } = renderHook(() =>
      useAsyncInTransition(() => {
        calls += 1;
        return calls === 1 ? Promise.resolve('first') : second.promise;
      }, []),
    );
    await waitFor(() => expect(result.current.value).toBe('first'));
    act(() => result.current.retry());
    expect(result.current.loading).toBe(true);
    expect(result.current.value).toBe('first');
    await act(async () => second.resolve('second'));
    await waitFor(() => expect(result.current.value).toBe('second'));
    expect(calls).toBe(2);
  });
});

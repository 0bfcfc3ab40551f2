import { renderHook, waitFor } from '@testing-library/react';
import { useStagedReveal } from './useStagedReveal';

describe('useStagedReveal', () => {
  it('should show no part at first, then one more per frame up to all', async () => {
    const frames = jest.spyOn(window, 'requestAnimationFrame');
    const { result } = renderHook(() => useStagedReveal(3));
    expect(result.current).toBe(0);
    await waitFor(() => expect(result.current).toBe(3));
    // One frame waited for per part, none once all show.
    expect(frames).toHaveBeenCalledTimes(3);
    frames.mockRestore();
  });

  it('should show nothing more when there are no parts', async () => {
    const frames = jest.spyOn(window, 'requestAnimationFrame');
    const { result } = renderHook(() => useStagedReveal(0));
    expect(result.current).toBe(0);
    expect(frames).not.toHaveBeenCalled();
    frames.mockRestore();
  });
});

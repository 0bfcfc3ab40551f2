import { abortReason, raceAbort } from './abortSignals';

describe('abortSignals', () => {
  describe('abortReason', () => {
    it("should give the signal's own reason", () => {
      const controller = new AbortController();
      const reason = new Error('left the page');
      controller.abort(reason);
      expect(abortReason(controller.signal)).toBe(reason);
    });
  });

  describe('raceAbort', () => {
    it('should settle with the promise when the signal does not abort', async () => {
      await expect(
        raceAbort(Promise.resolve(1), new AbortController().signal),
      ).resolves.toBe(1);
      await expect(
        raceAbort(
          Promise.reject(new Error('no')),
          new AbortController().signal,
        ),
      ).rejects.toThrow('no');
    });

    it('should reject with the reason as soon as the signal aborts', async () => {
      const controller = new AbortController();
      const pending = raceAbort(
        new Promise(() => undefined),
        controller.signal,
      );
      controller.abort(new DOMException('gone', 'AbortError'));
      await expect(pending).rejects.toMatchObject({
        name: 'AbortError',
        message: 'gone',
      });
    });

    it('should reject at once for a signal that has already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(
        raceAbort(Promise.resolve(1), controller.signal),
      ).rejects.toMatchObject({ name: 'AbortError' });
    });
  });
});

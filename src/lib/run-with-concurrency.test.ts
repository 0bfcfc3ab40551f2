import { runWithConcurrency } from './run-with-concurrency';

describe('runWithConcurrency', () => {
  it('should never run more than the limit at once and run every item', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runWithConcurrency(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async i => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise(resolve => setTimeout(resolve, i % 3));
        running -= 1;
        done.push(i);
      },
    );
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('should go on after a failing item', async () => {
    const done: number[] = [];
    await runWithConcurrency([1, 2, 3], 1, async i => {
      if (i === 2) throw new Error('boom');
      done.push(i);
    });
    expect(done).toEqual([1, 3]);
  });

  it('should start nothing new once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runWithConcurrency(
      [1, 2, 3, 4],
      2,
      async i => {
        started.push(i);
        controller.abort();
      },
      controller.signal,
    );
    // The first item aborts before the second lane looks for work.
    expect(started).toEqual([1]);
  });
});

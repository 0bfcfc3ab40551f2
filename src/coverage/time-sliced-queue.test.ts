import { createTimeSlicedQueue } from './time-sliced-queue';

describe('createTimeSlicedQueue', () => {
  it('should run tasks in order and yield once the budget of a slice is spent', async () => {
    let clock = 0;
    let yields = 0;
    const log: string[] = [];
    const queue = createTimeSlicedQueue({
      budgetMs: 10,
      now: () => clock,
      yieldToEventLoop: async () => {
        yields += 1;
        log.push('yield');
      },
    });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(n =>
        queue.run(() => {
          clock += 4;
          log.push(`task ${n}`);
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    // 4 ms each: three tasks reach 12 ms > 10 ms, then a new slice starts.
    expect(log).toEqual([
      'yield',
      'task 1',
      'task 2',
      'task 3',
      'yield',
      'task 4',
      'task 5',
    ]);
    expect(yields).toBe(2);
  });

  it("should never run a task inside the caller's turn", () => {
    const queue = createTimeSlicedQueue();
    let ran = false;
    queue.run(() => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(queue.pending).toBe(1);
  });

  it('should reject with what a task threw and keep running the others', async () => {
    const queue = createTimeSlicedQueue();
    const failing = queue.run(() => {
      throw new Error('nope');
    });
    const next = queue.run(() => 'fine');
    await expect(failing).rejects.toThrow('nope');
    await expect(next).resolves.toBe('fine');
  });
});

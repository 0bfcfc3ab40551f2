import { HostLimiter } from './hostLimiter';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

const noRateLimit = {
  rateLimitWait: () => undefined,
  deadline: Number.MAX_SAFE_INTEGER,
  pausedPastDeadline: () => 'paused',
};

describe('HostLimiter', () => {
  it('should start urgent tasks before the others waiting for the host, within the limit', async () => {
    const limiter = new HostLimiter({ concurrencyPerHost: 1 });
    const first = deferred<void>();
    const order: string[] = [];
    const task = (name: string, gate?: Promise<void>) => async () => {
      order.push(name);
      await gate;
      return name;
    };
    const url = 'https://a.example/x.md';
    const runs = [
      limiter.run(url, task('first', first.promise), noRateLimit),
      limiter.run(url, task('doc'), noRateLimit),
      limiter.run(url, task('link'), { ...noRateLimit, urgent: true }),
    ];
    await new Promise(r => setImmediate(r));
    expect(order).toEqual(['first']);
    first.resolve();
    await Promise.all(runs);
    expect(order).toEqual(['first', 'link', 'doc']);
  });

  it('should run at most the limit per host at once', async () => {
    const limiter = new HostLimiter({ concurrencyPerHost: 2 });
    const gates = [deferred<void>(), deferred<void>(), deferred<void>()];
    let running = 0;
    let most = 0;
    const runs = gates.map(gate =>
      limiter.run(
        'https://a.example/x.md',
        async () => {
          running += 1;
          most = Math.max(most, running);
          await gate.promise;
          running -= 1;
          return 'done';
        },
        noRateLimit,
      ),
    );
    await new Promise(r => setImmediate(r));
    expect(limiter.activeReads('a.example')).toBe(2);
    gates.forEach(gate => gate.resolve());
    await Promise.all(runs);
    expect(most).toBe(2);
    expect(limiter.activeReads('a.example')).toBe(0);
  });

  it('should not count one host against another', async () => {
    const limiter = new HostLimiter({ concurrencyPerHost: 1 });
    const gate = deferred<void>();
    const first = limiter.run(
      'https://a.example/x.md',
      () => gate.promise.then(() => 'a'),
      noRateLimit,
    );
    await expect(
      limiter.run('https://b.example/x.md', async () => 'b', noRateLimit),
    ).resolves.toBe('b');
    gate.resolve();
    await expect(first).resolves.toBe('a');
  });

  it('should pause the host after a rate-limit answer and run the task again', async () => {
    const limiter = new HostLimiter({ concurrencyPerHost: 4 });
    const started: number[] = [];
    let calls = 0;
    const options = {
      rateLimitWait: (result: string) =>
        result === 'rate-limited' ? 150 : undefined,
      deadline: Date.now() + 10_000,
      pausedPastDeadline: () => 'paused',
    };
    const begin = Date.now();
    const first = limiter.run(
      'https://a.example/x.md',
      async () => {
        started.push(Date.now() - begin);
        calls += 1;
        return calls === 1 ? 'rate-limited' : 'ok';
      },
      options,
    );
    await new Promise(r => setTimeout(r, 20));
    expect(limiter.pausedUntil('a.example')).toBeDefined();
    const other = limiter.run(
      'https://a.example/y.md',
      async () => {
        started.push(Date.now() - begin);
        return 'other';
      },
      options,
    );
    await expect(first).resolves.toBe('ok');
    await expect(other).resolves.toBe('other');
    expect(started[0]).toBeLessThan(100);
    // Both later reads waited for the pause.
    expect(started[1]).toBeGreaterThanOrEqual(140);
    expect(started[2]).toBeGreaterThanOrEqual(140);
  });

  it('should return the rate-limit answer when the wait outlasts the deadline', async () => {
    const limiter = new HostLimiter({ concurrencyPerHost: 1 });
    let calls = 0;
    const options = {
      rateLimitWait: () => 60_000,
      deadline: Date.now() + 1000,
      pausedPastDeadline: () => 'paused',
    };
    await expect(
      limiter.run(
        'https://a.example/x.md',
        async () => {
          calls += 1;
          return 'rate-limited';
        },
        options,
      ),
    ).resolves.toBe('rate-limited');
    expect(calls).toBe(1);
  });

  it('should not call a host paused past the deadline', async () => {
    const limiter = new HostLimiter({ concurrencyPerHost: 1 });
    let calls = 0;
    const task = async () => {
      calls += 1;
      return 'rate-limited';
    };
    await limiter.run('https://a.example/x.md', task, {
      rateLimitWait: () => 600,
      deadline: Date.now() + 1000,
      pausedPastDeadline: () => 'paused',
    });
    // The first answer was retried once after its pause; the second paused the host again.
    expect(calls).toBe(2);
    await expect(
      limiter.run('https://a.example/y.md', task, {
        rateLimitWait: () => undefined,
        deadline: Date.now(),
        pausedPastDeadline: () => 'paused',
      }),
    ).resolves.toBe('paused');
    expect(calls).toBe(2);
  });
});

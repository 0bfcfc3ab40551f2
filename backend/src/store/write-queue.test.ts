import type { DocWrite } from './types';
import { WriteQueue } from './write-queue';

function write(name: string): DocWrite {
  return {
    entity: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      title: name,
      owner: 'group:default/team',
      system: '',
      lifecycle: '',
    },
    outcome: { kind: 'no-annotation' },
    at: new Date(0),
  };
}

/** A queue whose commits are recorded as the entity names of each batch. */
function recordingQueue(
  gatherMs: number,
  fail: (writes: DocWrite[]) => boolean = () => false,
) {
  const batches: string[][] = [];
  const queue = new WriteQueue(
    async writes => {
      if (fail(writes)) throw new Error('commit failed');
      batches.push(writes.map(w => w.entity.name));
    },
    { gatherMs },
  );
  return { queue, batches };
}

describe('WriteQueue', () => {
  it('commits the writes that arrive within the gathering time in one transaction', async () => {
    const { queue, batches } = recordingQueue(50);
    const first = queue.push(write('a'));
    await new Promise(resolve => setTimeout(resolve, 10));
    const second = queue.push(write('b'));
    await Promise.all([first, second]);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('waits the gathering time before committing a lone write', async () => {
    const { queue, batches } = recordingQueue(80);
    const started = Date.now();
    await queue.push(write('a'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    expect(batches).toEqual([['a']]);
  });

  it('commits at once when enough writes are queued, without waiting to gather more', async () => {
    const { queue, batches } = recordingQueue(60_000);
    const names = Array.from({ length: 16 }, (_, i) => `doc-${i}`);
    await Promise.all(names.map(name => queue.push(write(name))));
    expect(batches).toEqual([names]);
  });

  it('commits what is queued when drained, without waiting to gather more', async () => {
    const { queue, batches } = recordingQueue(60_000);
    const pushed = queue.push(write('a'));
    await queue.drain();
    await pushed;
    expect(batches).toEqual([['a']]);
  });

  it('puts a second write of the same entity in the next transaction', async () => {
    const { queue, batches } = recordingQueue(10);
    await Promise.all([
      queue.push(write('a')),
      queue.push(write('b')),
      queue.push(write('a')),
    ]);
    expect(batches).toEqual([['a', 'b'], ['a']]);
  });

  it('retries a failed batch one write at a time, so that only the bad write fails', async () => {
    const { queue, batches } = recordingQueue(10, writes =>
      writes.some(w => w.entity.name === 'bad'),
    );
    const results = await Promise.allSettled([
      queue.push(write('a')),
      queue.push(write('bad')),
      queue.push(write('c')),
    ]);
    expect(results.map(r => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(batches).toEqual([['a'], ['c']]);
  });
});

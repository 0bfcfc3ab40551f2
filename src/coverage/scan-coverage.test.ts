import { scanCoverage } from './scan-coverage';
import { deferred } from '../testing/deferred';
import type { CoverageDocResult } from 'backstage-plugin-architecture-docs-common';

const flush = () => new Promise(resolve => setTimeout(resolve, 0));

describe('scanCoverage', () => {
  const analysed = (score: number): CoverageDocResult => ({
    status: 'analysed',
    score,
    sections: [],
  });

  it('should report each result as it arrives, turn failures into error rows and keep fetching', async () => {
    const gates = new Map(
      ['a', 'b', 'c', 'd'].map(name => [
        name,
        deferred<{ doc: number } | { result: CoverageDocResult }>(),
      ]),
    );
    const results: Array<[string, CoverageDocResult]> = [];
    let inFlight = 0;
    let peak = 0;
    const scan = scanCoverage<string, number>({
      entities: ['a', 'b', 'c', 'd'],
      concurrency: 2,
      load: async name => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          return await gates.get(name)!.promise;
        } finally {
          inFlight -= 1;
        }
      },
      analyze: (_name, doc) => analysed(doc),
      onResult: (name, result) => results.push([name, result]),
      signal: new AbortController().signal,
    });
    gates.get('b')!.resolve({ doc: 40 });
    await flush();
    await flush();
    expect(results).toEqual([['b', analysed(40)]]);
    gates.get('a')!.reject(new Error('connection reset'));
    gates.get('c')!.resolve({ result: { status: 'not-found' } });
    gates.get('d')!.resolve({ doc: 90 });
    await scan;
    expect(peak).toBe(2);
    expect(results).toEqual([
      ['b', analysed(40)],
      ['a', { status: 'error', message: 'connection reset' }],
      ['c', { status: 'not-found' }],
      ['d', analysed(90)],
    ]);
  });

  it('should report an analysis that throws as an error row', async () => {
    const results: CoverageDocResult[] = [];
    await scanCoverage<string, string>({
      entities: ['a'],
      concurrency: 1,
      load: async () => ({ doc: 'x' }),
      analyze: () => {
        throw new Error('bad tree');
      },
      onResult: (_n, result) => results.push(result),
      signal: new AbortController().signal,
    });
    expect(results).toEqual([
      { status: 'error', message: 'The doc could not be analysed: bad tree' },
    ]);
  });

  it('should report nothing after the signal aborted', async () => {
    const controller = new AbortController();
    const results: string[] = [];
    await scanCoverage<string, string>({
      entities: ['a', 'b'],
      concurrency: 1,
      load: async name => {
        if (name === 'a') controller.abort();
        return { doc: name };
      },
      analyze: () => analysed(1),
      onResult: name => results.push(name),
      signal: controller.signal,
    });
    expect(results).toEqual([]);
  });
});

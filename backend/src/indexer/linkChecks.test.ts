import { LinkChecker, linkTargetExists } from './linkChecks';
import type { DocRead } from './readDoc';

const CONTENT: DocRead = {
  kind: 'content',
  content: 'x'.repeat(100),
  contentHash: 'h',
};
const NOT_FOUND: DocRead = {
  kind: 'failed',
  failure: { kind: 'not-found', message: 'gone' },
};

function checker(answers: Record<string, DocRead>, handoffBytes?: number) {
  const read = jest.fn(async (url: string) => answers[url] ?? CONTENT);
  return { read, links: new LinkChecker({ read, handoffBytes }) };
}

describe('LinkChecker', () => {
  it('should read each distinct target once and say whether it exists', async () => {
    const { read, links } = checker({ 'https://h/gone.md': NOT_FOUND });
    const answers = await Promise.all([
      links.exists('https://h/a.md'),
      links.exists('https://h/a.md'),
      links.exists('https://h/gone.md'),
    ]);
    expect(answers).toEqual([true, true, false]);
    expect(read).toHaveBeenCalledTimes(2);
    expect(links.checked).toBe(2);
  });

  it('should take the answer of a doc read of the same URL instead of reading it', async () => {
    const { read, links } = checker({});
    links.noteRead('https://h/doc.md', Promise.resolve(NOT_FOUND));
    links.noteExists('https://h/current.md');
    await expect(links.exists('https://h/doc.md')).resolves.toBe(false);
    await expect(links.exists('https://h/current.md')).resolves.toBe(true);
    expect(read).not.toHaveBeenCalled();
  });

  it('should hand its read of a target over once to a doc read of that URL', async () => {
    const { links } = checker({});
    await links.exists('https://h/related.md');
    await expect(links.takeRead('https://h/related.md')).resolves.toBe(CONTENT);
    expect(links.takeRead('https://h/related.md')).toBeUndefined();
    expect(links.takeRead('https://h/never-checked.md')).toBeUndefined();
  });

  it('should let go of the oldest reads past its byte bound', async () => {
    // Each content read holds 200 bytes (100 UTF-16 code units).
    const { links } = checker({}, 450);
    for (const name of ['a', 'b', 'c'])
      await links.exists(`https://h/${name}.md`);
    await new Promise(resolve => setImmediate(resolve));
    expect(links.takeRead('https://h/a.md')).toBeUndefined();
    expect(links.takeRead('https://h/b.md')).toBeDefined();
    expect(links.takeRead('https://h/c.md')).toBeDefined();
  });

  it('should say nothing about a target whose read failed for another reason', () => {
    expect(
      linkTargetExists({
        kind: 'failed',
        failure: { kind: 'access-denied', message: 'no' },
      }),
    ).toBeUndefined();
    expect(
      linkTargetExists({
        kind: 'failed',
        failure: { kind: 'too-large', message: 'big' },
      }),
    ).toBe(true);
    expect(linkTargetExists({ kind: 'not-modified' })).toBe(true);
  });
});

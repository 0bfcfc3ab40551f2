import { LaterLinkChecks, LinkChecker, linkTargetExists } from './linkChecks';
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

function checker(answers: Record<string, DocRead>) {
  const read = jest.fn(async (url: string) => answers[url] ?? CONTENT);
  return { read, links: new LinkChecker({ read }) };
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

  it('should tell a known answer without reading, and nothing for a target not asked about yet', async () => {
    const { read, links } = checker({});
    links.noteRead('https://h/doc.md', Promise.resolve(NOT_FOUND));
    const checked = links.exists('https://h/related.md');
    await expect(links.known('https://h/doc.md')).resolves.toBe(false);
    expect(links.known('https://h/related.md')).toBe(checked);
    expect(links.known('https://h/never-asked.md')).toBeUndefined();
    expect(read).toHaveBeenCalledTimes(1);
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

describe('LaterLinkChecks', () => {
  it("should keep each doc's links in order and list every target once", () => {
    const later = new LaterLinkChecks();
    later.add({
      entityRef: 'component:default/a',
      contentHash: 'ha',
      linkUrls: ['https://h/x.md', undefined, 'https://h/y.md'],
    });
    later.add({
      entityRef: 'component:default/b',
      contentHash: 'hb',
      linkUrls: ['https://h/y.md'],
    });
    expect(later.docs.map(doc => doc.linkUrls)).toEqual([
      ['https://h/x.md', undefined, 'https://h/y.md'],
      ['https://h/y.md'],
    ]);
    expect(later.targets.sort()).toEqual(['https://h/x.md', 'https://h/y.md']);
  });
});

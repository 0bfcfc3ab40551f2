import {
  analyzeArchitectureDoc,
  DEFAULT_MAX_ANALYSIS_LENGTH,
} from './analyze-architecture-doc';
import {
  ANALYSIS_WORK_LIMIT,
  exceedsAnalysisBudget,
  measureAnalysisWork,
} from './render-budget';

/**
 * Property: no doc the analysis bound accepts takes longer than this to parse
 * and analyse: the 2 s the README promises no view is held for. CPU time of
 * this process, the least of a few runs, so that other work on the machine
 * counts as little as it can.
 */
const LIMIT_MS = 2000;

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Snippet = (k: number, pick: () => number) => string;

/** Every construct the parser turns into nodes, as a doc writes them. */
const CONSTRUCTS: Record<string, Snippet> = {
  heading: k => `## Heading ${k}\n\n`,
  setextHeading: k => `Title ${k}\n---\n\n`,
  words: () => 'Plain words of a paragraph that goes on for a while. ',
  shortLines: () => 'a\n',
  blankLines: () => 'a\n\n',
  emphasis: () => '*a* ',
  strong: () => '**a** ',
  underscores: () => '_a_ ',
  strikethrough: () => '~~a~~ ',
  unmatchedDelimiters: () => '*_[',
  inlineLink: k => `[a](./D${k}.md) `,
  image: k => `![a](i${k}.png) `,
  referenceLink: k => `[a][r${k % 50}] `,
  definition: k => `[r${k}]: ./R${k}.md\n`,
  definitionInQuote: k => `> [q${k}]: ./Q${k}.md\n`,
  definitionInList: k => `- [l${k}]: ./L${k}.md\n`,
  bareUrl: k => `https://e.com/${k} `,
  wwwHost: () => 'www.e.co ',
  email: () => 'a@b.co ',
  angleAutolink: () => '<https://e.com> ',
  inlineHtml: () => '<b>x</b> ',
  htmlBlock: () => '<div>\nx\n</div>\n\n',
  htmlComment: () => '<!--\n\nx\n-->\n\n',
  entity: () => '&amp; ',
  numericEntity: () => '&#x40; ',
  escape: () => '\\* ',
  codeSpan: () => '`x` ',
  fencedCode: () => '```\ncode [x](y) *z*\n```\n\n',
  unclosedFence: () => '```mermaid\nflowchart LR\n',
  mermaid: () => '```mermaid\nflowchart LR\n  a --> b\n```\n\n',
  listItem: () => '- a\n',
  nestedList: (k, pick) =>
    `${'  '.repeat(Math.floor(pick() * 8))}- item ${k}\n`,
  orderedList: k => `${k}. a\n`,
  taskItem: () => '- [x] a\n',
  quote: () => '> a\n',
  nestedQuote: (_k, pick) => `${'> '.repeat(1 + Math.floor(pick() * 8))}a\n`,
  fenceInList: () => '- ```\n  x\n  ```\n',
  fenceInQuote: () => '> ```\n> x\n',
  tableRow: () => '|x|y|\n',
  table: () => '| a | b |\n|---|---|\n| x | y |\n\n',
  footnote: k => `[^${k}] `,
  hardBreak: () => 'a  \n',
};

/**
 * Appends snippets until the doc is just within the bound (its last step
 * would pass it), or as long as the analysis reads.
 */
function docNearTheBound(names: string[], seed: number): string {
  const pick = random(seed);
  const parts: string[] = [];
  let work = 0;
  let k = 0;
  // Grow in chunks, measuring as we go, then fill up one snippet at a time.
  for (let chunk = 512; chunk >= 1; chunk = Math.floor(chunk / 4)) {
    for (;;) {
      const added: string[] = [];
      for (let i = 0; i < chunk; i++)
        added.push(
          CONSTRUCTS[names[Math.floor(pick() * names.length)]](k++, pick),
        );
      const text = parts.join('') + added.join('');
      const next = measureAnalysisWork(text);
      if (
        next > ANALYSIS_WORK_LIMIT ||
        text.length > DEFAULT_MAX_ANALYSIS_LENGTH
      )
        break;
      parts.push(...added);
      work = next;
    }
  }
  expect(
    work > ANALYSIS_WORK_LIMIT * 0.9 ||
      parts.join('').length > DEFAULT_MAX_ANALYSIS_LENGTH * 0.9,
  ).toBe(true);
  return parts.join('');
}

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The least CPU time of up to three runs, stopping at the first within `limit`. */
function leastCpuMs(run: () => void, limit: number): number {
  let least = Infinity;
  for (let attempt = 0; attempt < 3 && least >= limit; attempt++)
    least = Math.min(least, cpuMs(run));
  return least;
}

describe('the analysis bound', () => {
  beforeAll(() => {
    // Load and compile the parser before anything is timed.
    analyzeArchitectureDoc(
      '# Warm up\n\n*a* [b](c) https://x.y <b>i</b> &amp; `c`\n\n| a |\n|---|\n| b |\n'.repeat(
        200,
      ),
    );
  });

  const floods = Object.keys(CONSTRUCTS).map(name => [name, [name]] as const);
  const mixes = Array.from({ length: 12 }, (_, seed) => {
    const pick = random(1000 + seed);
    const names = Object.keys(CONSTRUCTS).filter(() => pick() < 0.3);
    return [
      `mix ${seed} (${names.join(', ')})`,
      names.length ? names : ['words'],
    ] as const;
  });

  it.each([...floods, ...mixes])(
    'should let no accepted doc take over the time limit to parse and analyse: %s',
    (_name, names) => {
      const doc = docNearTheBound([...names], 7 + names.length);
      expect(exceedsAnalysisBudget(doc)).toBeUndefined();
      expect(
        leastCpuMs(() => analyzeArchitectureDoc(doc), LIMIT_MS),
      ).toBeLessThan(LIMIT_MS);
    },
    60_000,
  );
});

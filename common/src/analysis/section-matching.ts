import { contentWords } from './content-units';
import { headingWords, normalizeHeadingText, stemWord } from './heading-text';
import type { HeadingMatchRule, TemplateModel } from './types';

/**
 * Decides which template sections a heading names. Both the heading and every
 * alias are reduced to stemmed words, then compared as sets, so word order,
 * plurals, hyphenation, numbering and small typos never decide the outcome:
 *
 * - the heading has exactly an alias's words (`same-words`, `word-order` or,
 *   with a typo, `spelling`);
 * - the heading contains all words of an alias (`contains`);
 * - the heading is the key word(s) of a multi-word section title, such as
 *   "Deployment" for "Deployment and scaling" (`key-words`).
 */

interface AliasEntry {
  /** The alias as written in the template model, for evidence. */
  alias: string;
  words: string[];
  /** The words joined without spaces, so "fall back" meets "fallback". */
  joined: string;
  section: number;
  /** Only a heading with exactly these words matches. */
  exact: boolean;
}

/** What the analyzer precomputes once per template. */
export interface SectionMatcher {
  entries: AliasEntry[];
  /** Each section's title as the template writes it. */
  titles: string[];
  /** Stemmed words of each section title. */
  titleWords: string[][];
  /** Stemmed content words of each guidance fragment of the template. */
  fragmentWords: Array<Set<string>>;
  /** Each guidance fragment's words joined, to recognise short fragments copied verbatim. */
  fragmentKeys: Set<string>;
  /**
   * Headings already matched against this template, by their text. Docs
   * written to one template repeat the same headings, so a process that
   * analyses many of them matches each heading once.
   */
  matches: Map<string, HeadingMatch | undefined>;
}

/** Headings a matcher remembers; it forgets them all when full. */
const MAX_REMEMBERED_MATCHES = 2000;
/** Longer texts (a paragraph's label, say) are matched each time, so what a matcher holds stays small. */
const MAX_REMEMBERED_LENGTH = 160;

/** A heading's match: the sections it names and how sure the match is. */
export interface HeadingMatch {
  sections: number[];
  /** 3 for a whole-heading match, 2.x for a contained alias, 2 for key words of a title. */
  score: number;
  rule: HeadingMatchRule;
  /** The alias or title that matched. */
  alias: string;
}

/**
 * Words of a title too general to name its section alone: "Strategy" does not
 * mean "Testing strategy", nor "View" "Runtime view".
 */
const GENERIC_TITLE_WORDS = new Set(
  [
    'architecture',
    'view',
    'overview',
    'strategy',
    'behavior',
    'behaviour',
    'design',
    'section',
    'detail',
    'note',
    'concept',
    'cross',
    'cutting',
    'solution',
    'system',
    'open',
    'see',
    'also',
    'technical',
    'general',
    'other',
    'key',
  ].map(stemWord),
);

const matcherCache = new WeakMap<TemplateModel, SectionMatcher>();

/** The matcher of a template, built once per template object. */
export function matcherFor(template: TemplateModel): SectionMatcher {
  const cached = matcherCache.get(template);
  if (cached) return cached;
  const entries: AliasEntry[] = [];
  const seen = new Set<string>();
  template.sections.forEach((section, index) => {
    for (const alias of [section.title, ...section.aliases]) {
      const exact = alias.trim().startsWith('=');
      const words = headingWords(
        normalizeHeadingText(alias.replace(/^\s*=/, '')),
      );
      if (words.length === 0) continue;
      const key = `${index}:${exact ? '=' : ''}${words.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({
        alias: alias.replace(/^\s*=/, '').trim(),
        words,
        joined: words.join(''),
        section: index,
        exact,
      });
    }
  });
  const matcher: SectionMatcher = {
    entries,
    titles: template.sections.map(s => s.title),
    titleWords: template.sections.map(s =>
      headingWords(normalizeHeadingText(s.title)),
    ),
    fragmentWords: template.guidanceFragments.map(
      f => new Set(contentWords(f).map(stemWord)),
    ),
    fragmentKeys: new Set(
      template.guidanceFragments.map(fragmentKey).filter(Boolean),
    ),
    matches: new Map(),
  };
  matcherCache.set(template, matcher);
  return matcher;
}

/** A guidance fragment or doc unit reduced to its words, for verbatim comparison. */
export function fragmentKey(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Edits allowed between two words of this length: none for short words. */
function allowedEdits(length: number): number {
  if (length >= 11) return 2;
  if (length >= 7) return 1;
  return 0;
}

/** Optimal string alignment distance, stopping early once above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2] + 1);
      }
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** 0 when equal, 1 when equal within the typo allowance, -1 when different. */
function compareWords(a: string, b: string): number {
  if (a === b) return 0;
  const limit = allowedEdits(Math.min(a.length, b.length));
  if (limit === 0) return -1;
  return editDistance(a, b, limit) <= limit ? 1 : -1;
}

interface Containment {
  /** Every alias word was found. */
  found: boolean;
  fuzzy: boolean;
  inOrder: boolean;
}

/** Whether every word of `needles` is among `haystack` (each used once). */
function contains(
  haystack: readonly string[],
  needles: readonly string[],
): Containment {
  const used = new Array<boolean>(haystack.length).fill(false);
  let fuzzy = false;
  let inOrder = true;
  let last = -1;
  for (const needle of needles) {
    let hit = -1;
    for (let i = 0; i < haystack.length; i++) {
      if (!used[i] && haystack[i] === needle) {
        hit = i;
        break;
      }
    }
    if (hit < 0) {
      for (let i = 0; i < haystack.length; i++) {
        if (!used[i] && compareWords(haystack[i], needle) === 1) {
          hit = i;
          fuzzy = true;
          break;
        }
      }
    }
    if (hit < 0) return { found: false, fuzzy, inOrder };
    used[hit] = true;
    if (hit < last) inOrder = false;
    last = hit;
  }
  return { found: true, fuzzy, inOrder };
}

/** Which template sections a heading names, by its best alias or title. */
export function matchHeading(
  text: string,
  matcher: SectionMatcher,
): HeadingMatch | undefined {
  if (text.length > MAX_REMEMBERED_LENGTH)
    return findHeadingMatch(text, matcher);
  let match: HeadingMatch | undefined;
  if (matcher.matches.has(text)) {
    match = matcher.matches.get(text);
  } else {
    match = findHeadingMatch(text, matcher);
    if (matcher.matches.size >= MAX_REMEMBERED_MATCHES) matcher.matches.clear();
    matcher.matches.set(text, match);
  }
  // A copy, so that a caller's change never reaches the remembered match.
  return match && { ...match, sections: [...match.sections] };
}

function findHeadingMatch(
  text: string,
  matcher: SectionMatcher,
): HeadingMatch | undefined {
  const words = headingWords(normalizeHeadingText(text));
  if (words.length === 0) return undefined;
  const joined = words.join('');
  const best = new Map<number, HeadingMatch>();
  const offer = (
    section: number,
    score: number,
    rule: HeadingMatchRule,
    alias: string,
  ) => {
    const current = best.get(section);
    if (!current || score > current.score)
      best.set(section, { sections: [section], score, rule, alias });
  };
  for (const entry of matcher.entries) {
    if (
      entry.joined === joined &&
      (entry.words.length !== words.length ||
        entry.words.join(' ') !== words.join(' '))
    ) {
      offer(entry.section, 3, 'spelling', entry.alias);
      continue;
    }
    if (entry.exact && entry.words.length !== words.length) continue;
    if (entry.words.length > words.length) continue;
    const result = contains(words, entry.words);
    if (!result.found) continue;
    if (entry.words.length === words.length) {
      let rule: HeadingMatchRule = 'same-words';
      if (result.fuzzy) rule = 'spelling';
      else if (!result.inOrder) rule = 'word-order';
      offer(entry.section, result.fuzzy ? 2.95 : 3, rule, entry.alias);
    } else if (!entry.exact) {
      offer(
        entry.section,
        2 + 0.1 * entry.words.length - (result.fuzzy ? 0.05 : 0),
        'contains',
        entry.alias,
      );
    }
  }
  // A heading made only of the distinctive words of a multi-word title.
  if (!words.every(w => GENERIC_TITLE_WORDS.has(w))) {
    matcher.titleWords.forEach((title, section) => {
      if (title.length < 2 || words.length >= title.length) return;
      if (contains(title, words).found)
        offer(section, 2, 'key-words', matcher.titles[section]);
    });
  }
  let top: HeadingMatch | undefined;
  for (const match of best.values()) {
    if (!top || match.score > top.score + 1e-9) {
      top = { ...match, sections: [...match.sections] };
    } else if (Math.abs(match.score - top.score) < 1e-9) {
      top.sections.push(...match.sections);
    }
  }
  return top;
}

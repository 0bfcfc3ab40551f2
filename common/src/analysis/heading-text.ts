/**
 * Turns a heading as people write it ("## 4.1 🚨 Failure / Fallback
 * Behavior:") into the words that carry its meaning
 * ("failure fallback behavior"), so that numbering, emoji, case, markup and
 * punctuation never decide whether a section is recognised.
 */

const NUMBERING =
  /^(?:(?:section|step|part|chapter)\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])(?:[.):]|\s+[-–—:])\s*/i;
const BARE_NUMBER = /^\d+(?:\.\d+)*\s+/;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** A trailing pandoc / kramdown attribute block: `{#id}`, `{#id .class}`, `{: #id}`. */
const ATTRIBUTES = /\s*\{:?\s*[#.][^{}]*\}\s*$/;

/** Words that never decide which section a heading is. */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'and',
  'of',
  'our',
  'its',
  'this',
  'for',
  'on',
  'in',
]);

/**
 * Normalises heading text to lower-case words separated by single spaces.
 * @public
 */
export function normalizeHeadingText(text: string): string {
  let value = String(text)
    .replace(ATTRIBUTES, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .trim();
  // Drop leading emoji and symbols before looking for numbering.
  value = value.replace(/^[^\p{L}\p{N}]+/u, '');
  value = value.replace(NUMBERING, '').replace(BARE_NUMBER, '');
  return value.replace(NON_WORD, ' ').trim();
}

/**
 * The words of a normalised heading or alias used for matching: filler words
 * dropped and each word reduced to its stem, so "Design Principles" and
 * "principle", or "Deploying" and "Deployment", meet.
 * @public
 */
export function headingWords(normalized: string): string[] {
  const words: string[] = [];
  for (const word of normalized.split(' ')) {
    if (!word || FILLER.has(word)) continue;
    words.push(stemWord(word));
  }
  return words;
}

/** Endings removed by {@link stemWord}, longest first; `ies` becomes `y`. */
const SUFFIXES = [
  'ational',
  'ations',
  'ation',
  'ments',
  'ment',
  'ities',
  'ity',
  'ings',
  'ing',
  'ies',
  'ied',
  'ed',
  'es',
  's',
  'e',
];
/** Shortest stem left after removing an ending, so "uses" is not cut to "us". */
const MIN_STEM = 3;

/**
 * A light English stemmer: removes one common inflectional or derivational
 * ending ("deployment", "deploying", "deploys" → "deploy"; "services",
 * "service" → "servic"). Not a linguistic stemmer; both sides of every
 * comparison go through it, so only consistency matters.
 * @public
 */
export function stemWord(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is'))
    return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
      const stem = word.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? `${stem}y` : stem;
    }
  }
  return word;
}

/**
 * A stable identifier for a section title: `Design drivers` → `design-drivers`.
 * @public
 */
export function sectionIdFromTitle(title: string): string {
  return normalizeHeadingText(title).replace(/ /g, '-') || 'section';
}

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

/** Words that never decide which section a heading is. */
const FILLER = new Set(['the', 'a', 'an', 'and', 'of', 'our', 'its', 'this', 'for', 'on', 'in']);

/**
 * Normalises heading text to lower-case words separated by single spaces.
 * @public
 */
export function normalizeHeadingText(text: string): string {
  let value = String(text).toLowerCase().replace(/&/g, ' and ').trim();
  // Drop leading emoji and symbols before looking for numbering.
  value = value.replace(/^[^\p{L}\p{N}]+/u, '');
  value = value.replace(NUMBERING, '').replace(BARE_NUMBER, '');
  return value.replace(NON_WORD, ' ').trim();
}

/**
 * The words of a normalised heading or alias used for matching: filler words
 * dropped and a plural `s` removed, so "Design Principles" and
 * "principle" meet.
 * @public
 */
export function headingWords(normalized: string): string[] {
  const words: string[] = [];
  for (const word of normalized.split(' ')) {
    if (!word || FILLER.has(word)) continue;
    words.push(singular(word));
  }
  return words;
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) {
    return word.slice(0, -1);
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

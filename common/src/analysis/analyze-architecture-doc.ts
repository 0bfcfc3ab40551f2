// One file on purpose: the analysis is one pass over one tree, and its steps
// (sections, placeholders, content evidence, links, diagrams, score) share
// the per-doc state of that pass. Matching rules, content signals and aliases
// live in their own modules beside it.
import type {
  Heading,
  Nodes,
  Paragraph,
  Root,
  RootContent,
  Table,
} from 'mdast';
import GithubSlugger from 'github-slugger';
import {
  boundMarkdownInput,
  MAX_INLINE_DELIMITERS,
  MAX_NESTING,
  MAX_SETEXT_UNDERLINES,
} from './bounded-input';
import { contentUnits, contentWords } from './content-units';
import { isContractPath, resolveDocLink } from './doc-links';
import {
  findContentEvidence,
  guidanceVocabularies,
  guidanceWordEvidence,
  type ContentConcept,
  type ContentEvidence,
} from './content-signals';
import { stemWord } from './heading-text';
import {
  fragmentKey,
  matcherFor,
  matchHeading,
  type SectionMatcher,
} from './section-matching';
import { nodeText, parseMarkdown, startLine, walkTree } from './markdown-tree';
import { detectMermaidBlock } from './mermaid-blocks';
import { defaultTemplateModel } from './template-model';
import type {
  ArchitectureDocReport,
  ContractRow,
  HeadingInfo,
  LinkOrigin,
  HeadingMatchRule,
  LinkReport,
  SectionEvidence,
  SectionReport,
  SectionStatus,
  TemplateModel,
  TemplateSection,
} from './types';

/**
 * Options for {@link analyzeArchitectureDoc}.
 * @public
 */
export interface AnalyzeOptions {
  /** The template to check against; the team template by default. */
  template?: TemplateModel;
  /**
   * The doc's own path (POSIX), used to resolve relative links, e.g.
   * `docs/architecture/Foo.md`. Defaults to a doc at the root.
   */
  path?: string;
  /**
   * Tells whether a resolved relative link target exists. Return `undefined`
   * when it cannot tell; links then carry no `exists` field.
   */
  linkExists?: (resolved: string) => boolean | undefined;
  /**
   * Longest input analysed, in characters; longer input is cut there and the
   * report says so. Default 524,288 (512 KiB), far beyond a hand-written doc.
   */
  maxLength?: number;
}

/** The default for {@link AnalyzeOptions.maxLength}. @public */
export const DEFAULT_MAX_ANALYSIS_LENGTH = 512 * 1024;

/** A score at or above this is a whole-heading match (same words, order or spelling aside). */
const WHOLE_MATCH = 2.9;

/** Share of a unit's words found in one guidance fragment that makes it a paraphrase. */
const GUIDANCE_OVERLAP = 0.7;
/** Words an untitled introduction needs before it counts as a Purpose. */
const INTRO_PURPOSE_WORDS = 40;

/** Markers that make a unit a placeholder whatever follows ("TODO: describe X"). */
const TODO_MARKER =
  /^(?:todo|tbd|tbc|tba|fixme|xxx|wip|placeholder|lorem ipsum|to be (?:written|done|determined|defined|decided|completed|added|documented|confirmed))\b/i;
/** Words that are a placeholder only when they are the whole unit ("None."). */
const EMPTY_ANSWER =
  /^\(?(?:none(?: yet)?|nothing(?: yet)?|n\/?a|coming soon|(?:this section is (?:a )?)?(?:still )?(?:a )?work in progress)[\s.!:)]*$/i;
const ELLIPSIS_UNIT = /^[\s.…\-–—_*]*$/;
const ANGLE_PLACEHOLDER = /^(?:[^<>]*<[^<>\s][^<>]*>[^<>]*)+$/;

interface Block {
  node: RootContent;
  /** For headings: index one past the last block of the heading's section. */
  end: number;
}

interface SectionHit {
  heading: string | null;
  line: number;
  anchor: string | null;
  /** Body blocks, when the match is a heading or a labelled paragraph. */
  body: RootContent[];
  score: number;
  depth: number;
  startIndex: number;
  endIndex: number;
  source: SectionEvidence['source'];
  /** The label of a labelled paragraph. */
  label?: string;
  rule?: HeadingMatchRule;
  matched?: string;
}

function isTodoUnit(unit: string): boolean {
  const text = unit.trim();
  if (ELLIPSIS_UNIT.test(text)) return true;
  const bare = text.replace(/^[\s*_>[\]-]+/, '').replace(/[*_]+$/, '');
  if (TODO_MARKER.test(bare) || EMPTY_ANSWER.test(bare)) return true;
  return (
    ANGLE_PLACEHOLDER.test(text) &&
    contentWords(text.replace(/<[^>]*>/g, '')).length < 3
  );
}

/** Fewer words than this are too few to call a paraphrase of anything. */
const MIN_GUIDANCE_WORDS = 3;

function isGuidanceUnit(unit: string, matcher: SectionMatcher): boolean {
  const words = contentWords(unit).map(stemWord);
  if (words.length === 0) return true;
  // A short fragment copied verbatim ("Motivation", "Contents") is guidance too.
  if (matcher.fragmentKeys.has(fragmentKey(unit))) return true;
  if (words.length < MIN_GUIDANCE_WORDS) return false;
  for (const fragment of matcher.fragmentWords) {
    let shared = 0;
    for (const word of words) if (fragment.has(word)) shared++;
    if (shared / words.length >= GUIDANCE_OVERLAP) return true;
  }
  return false;
}

interface BodyVerdict {
  status: SectionStatus;
  placeholderReason?: SectionReport['placeholderReason'];
  /** The start of the unit that decided a placeholder. */
  excerpt?: string;
}

/** Longest excerpt of a body quoted in evidence. */
const EXCERPT_LENGTH = 80;

function excerptOf(unit: string): string {
  const flat = unit.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH
    ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…`
    : flat;
}

function judgeBody(
  body: readonly RootContent[],
  matcher: SectionMatcher,
): BodyVerdict {
  const units = contentUnits(body);
  if (units.length === 0)
    return { status: 'placeholder', placeholderReason: 'empty' };
  let guidance: string | undefined;
  let todo: string | undefined;
  for (const unit of units) {
    if (isTodoUnit(unit)) {
      todo ??= unit;
      continue;
    }
    if (isGuidanceUnit(unit, matcher)) {
      // Quote the longest piece of guidance: it is the one an author recognises.
      if (guidance === undefined || unit.length > guidance.length)
        guidance = unit;
      continue;
    }
    return { status: 'present' };
  }
  if (guidance !== undefined) {
    return {
      status: 'placeholder',
      placeholderReason: 'guidance',
      excerpt: excerptOf(guidance),
    };
  }
  return {
    status: 'placeholder',
    placeholderReason: 'todo',
    excerpt: excerptOf(todo ?? ''),
  };
}

/** `**Purpose:** text` or `See also:` — a paragraph that labels itself. */
function paragraphLabel(node: Paragraph): string | undefined {
  const first = node.children[0];
  if (!first) return undefined;
  if (first.type === 'strong' || first.type === 'emphasis') {
    const label = nodeText(first).trim();
    const after = node.children[1];
    const afterText = after && after.type === 'text' ? after.value : '';
    if (
      label.endsWith(':') ||
      /^\s*:/.test(afterText) ||
      node.children.length === 1
    ) {
      return label.replace(/:\s*$/, '');
    }
    return undefined;
  }
  if (first.type === 'text') {
    const match = /^([^:\n]{2,40}):/.exec(first.value);
    return match ? match[1] : undefined;
  }
  return undefined;
}

function emptyReport(
  template: TemplateModel,
  size: number,
): ArchitectureDocReport {
  return {
    title: null,
    titleLine: null,
    related: [],
    relatedLine: null,
    sections: template.sections.map(s => missingSection(s)),
    links: [],
    contracts: [],
    mermaid: [],
    headings: [],
    findings: [],
    score: 0,
    isArchitectureDoc: false,
    truncated: false,
    size,
  };
}

function missingSection(section: TemplateSection): SectionReport {
  return {
    evidence: {
      source: 'none',
      summary: `No heading names ${section.title} and no content in the doc serves it.`,
    },
    id: section.id,
    title: section.title,
    status: 'missing',
    heading: null,
    line: null,
    anchor: null,
    weight: section.weight,
    required: section.required,
    guidance: section.guidance,
  };
}

/**
 * A doc parsed once, for both the analysis and the rendered page.
 * @public
 */
export interface ParsedArchitectureDoc {
  tree: Root;
  /** True when the input was cut to the length limit. */
  truncated: boolean;
  /** Lines whose nesting was cut to the nesting limit. */
  flattenedLines: number;
  /** Paragraphs whose inline delimiters past the limit were read as text. */
  limitedParagraphs?: number;
  /** Setext heading underlines past the limit, read as text. */
  limitedUnderlines?: number;
  /** Characters parsed. */
  size: number;
}

/**
 * Parses a doc into an mdast tree (GFM) with bounded work: input beyond
 * `maxLength` is cut, absurd nesting flattened and inline delimiters limited per
 * paragraph, so no input can make the
 * parser's work grow without bound or overflow the stack. Never throws.
 * @public
 */
export function parseArchitectureDoc(
  markdown: string,
  options: Pick<AnalyzeOptions, 'maxLength'> = {},
): ParsedArchitectureDoc {
  const input =
    typeof markdown === 'string' ? markdown : String(markdown ?? '');
  const limit = options.maxLength ?? DEFAULT_MAX_ANALYSIS_LENGTH;
  const {
    text,
    truncated,
    flattenedLines,
    limitedParagraphs,
    limitedUnderlines,
  } = boundMarkdownInput(input, limit);
  let tree: Root;
  try {
    tree = parseMarkdown(text);
  } catch {
    // The bounds above make this unreachable for any input we know of; a
    // plain-text fallback still beats a broken page.
    tree = { type: 'root', children: [{ type: 'code', value: text }] };
  }
  return {
    tree,
    truncated,
    flattenedLines,
    limitedParagraphs,
    limitedUnderlines,
    size: text.length,
  };
}

/**
 * Analyses an architecture doc against a template: which sections are
 * present, placeholders or missing, its links, contracts and Mermaid
 * diagrams, and a completeness score. Parses once; never throws.
 * @public
 */
export function analyzeArchitectureDoc(
  markdown: string,
  options: AnalyzeOptions = {},
): ArchitectureDocReport {
  return analyzeParsedDoc(parseArchitectureDoc(markdown, options), options);
}

/**
 * Analyses a doc parsed by {@link parseArchitectureDoc}; use it when the same
 * tree is also rendered.
 * @public
 */
export function analyzeParsedDoc(
  parsed: ParsedArchitectureDoc,
  options: AnalyzeOptions = {},
): ArchitectureDocReport {
  const template = options.template ?? defaultTemplateModel();
  const limit = options.maxLength ?? DEFAULT_MAX_ANALYSIS_LENGTH;
  let report: ArchitectureDocReport;
  try {
    report = analyzeTree(parsed.tree, { ...options, template });
  } catch (error) {
    report = emptyReport(template, parsed.size);
    report.findings.push({
      kind: 'analysis-failed',
      severity: 'error',
      message: `The doc could not be analysed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (parsed.flattenedLines > 0) {
    report.findings.unshift({
      kind: 'input-truncated',
      severity: 'warning',
      message: `${parsed.flattenedLines} line(s) nest deeper than ${MAX_NESTING} levels; the extra levels were ignored.`,
    });
  }
  if (parsed.limitedUnderlines) {
    report.findings.unshift({
      kind: 'input-truncated',
      severity: 'warning',
      message: `${parsed.limitedUnderlines} setext heading underline(s) past the first ${MAX_SETEXT_UNDERLINES} were read as plain text.`,
    });
  }
  if (parsed.limitedParagraphs) {
    report.findings.unshift({
      kind: 'input-truncated',
      severity: 'warning',
      message: `${parsed.limitedParagraphs} paragraph(s) have more than ${MAX_INLINE_DELIMITERS} emphasis or link delimiters; the rest were read as plain text.`,
    });
  }
  if (parsed.truncated) {
    report.truncated = true;
    report.findings.unshift({
      kind: 'input-truncated',
      severity: 'warning',
      message: `The doc is longer than ${limit} characters; only the first ${limit} were analysed.`,
    });
  }
  report.size = parsed.size;
  return report;
}

/**
 * Analyses an already parsed doc. Use it when the same tree is also rendered,
 * so the page and the report come from one parse.
 * @public
 */
export function analyzeTree(
  tree: Root,
  options: AnalyzeOptions = {},
): ArchitectureDocReport {
  const template = options.template ?? defaultTemplateModel();
  const matcher = matcherFor(template);
  const report = emptyReport(template, 0);
  const children = tree.children;

  // Section extents: each heading owns the blocks up to the next heading of
  // the same or a higher level. One pass with a stack of open headings.
  const blocks: Block[] = children.map(node => ({
    node,
    end: children.length,
  }));
  const open: number[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    while (open.length > 0) {
      const top = open[open.length - 1];
      if ((children[top] as Heading).depth < node.depth) break;
      blocks[top].end = index;
      open.pop();
    }
    open.push(index);
  });

  const slugger = new GithubSlugger();
  const headingAnchor = new Map<RootContent, string>();
  let titleIndex = -1;
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const textValue = nodeText(node).trim();
    const anchor = slugger.slug(textValue);
    headingAnchor.set(node, anchor);
    const info: HeadingInfo = {
      text: textValue,
      depth: node.depth,
      line: startLine(node),
      anchor,
    };
    report.headings.push(info);
    if (titleIndex < 0 && node.depth === 1) {
      titleIndex = index;
      report.title = textValue;
      report.titleLine = info.line;
    }
  });
  if (report.title === null) {
    report.findings.push({
      kind: 'no-title',
      severity: 'info',
      message: 'The doc has no level-1 title.',
    });
  }

  // Best heading per template section.
  const hits: Array<SectionHit | undefined> = template.sections.map(
    () => undefined,
  );
  const consider = (index: number, hit: SectionHit) => {
    const current = hits[index];
    if (
      !current ||
      hit.score > current.score ||
      (hit.score === current.score && hit.depth < current.depth)
    ) {
      hits[index] = hit;
    }
  };
  let firstSectionIndex = children.length;
  children.forEach((node, index) => {
    if (node.type !== 'heading' || index === titleIndex) return;
    if (index < firstSectionIndex) firstSectionIndex = index;
    const textValue = nodeText(node).trim();
    const match = matchHeading(textValue, matcher);
    if (!match) return;
    for (const sectionIndex of match.sections) {
      consider(sectionIndex, {
        heading: textValue,
        line: startLine(node),
        anchor: headingAnchor.get(node) ?? null,
        body: children.slice(index + 1, blocks[index].end),
        score: match.score,
        depth: node.depth,
        startIndex: index,
        endIndex: blocks[index].end,
        source: 'heading',
        rule: match.rule,
        matched: match.alias,
      });
    }
  });

  // A doc titled with a section's name ("Data flow") covers that section
  // when no heading does.
  if (titleIndex >= 0) {
    const titleNode = children[titleIndex];
    const match = matchHeading(nodeText(titleNode), matcher);
    if (match && match.score >= WHOLE_MATCH) {
      for (const sectionIndex of match.sections) {
        if (hits[sectionIndex]) continue;
        hits[sectionIndex] = {
          heading: report.title,
          line: startLine(titleNode),
          anchor: headingAnchor.get(titleNode) ?? null,
          body: children.slice(titleIndex + 1, blocks[titleIndex].end),
          score: 1,
          depth: 1,
          startIndex: titleIndex,
          endIndex: blocks[titleIndex].end,
          source: 'title',
          rule: match.rule,
          matched: match.alias,
        };
      }
    }
  }

  // The Related line: the first paragraph before the first section that
  // starts with "Related:".
  let relatedNode: Paragraph | undefined;
  for (let i = 0; i < Math.min(firstSectionIndex, children.length); i++) {
    const node = children[i];
    if (node.type === 'paragraph' && /^\s*related\s*:/i.test(nodeText(node))) {
      relatedNode = node;
      report.relatedLine = startLine(node);
      break;
    }
  }

  // Sections no heading names may still be covered by a labelled paragraph
  // ("**Purpose:** …", "See also: …", a bold "Related:" list at the end).
  children.forEach((node, index) => {
    if (node.type !== 'paragraph' || node === relatedNode) return;
    const label = paragraphLabel(node);
    // "TODO: document X" marks unfinished work in place; it is not a section.
    if (!label || TODO_MARKER.test(label.trim())) return;
    const match = matchHeading(label, matcher);
    if (!match || match.score < WHOLE_MATCH) return;
    for (const sectionIndex of match.sections) {
      if (hits[sectionIndex]) continue;
      const sectionEnd = nextHeadingIndex(children, index + 1);
      hits[sectionIndex] = {
        heading: null,
        line: startLine(node),
        anchor: null,
        body: [labelRemainder(node), ...children.slice(index + 1, sectionEnd)],
        score: 1,
        depth: 7,
        startIndex: index,
        endIndex: sectionEnd,
        source: 'label',
        label,
        rule: match.rule,
        matched: match.alias,
      };
    }
  });

  // An untitled introduction of some length states the purpose.
  const purposeIndex = template.sections.findIndex(s => s.id === 'purpose');
  if (purposeIndex >= 0 && !hits[purposeIndex]) {
    const intro = children
      .slice(titleIndex + 1, firstSectionIndex)
      .filter(n => n !== relatedNode && n.type !== 'heading');
    // Only prose states a purpose; a table or code before the first section
    // is an inventory or an example, not a statement of why the system exists.
    const prose = intro.filter(
      n => n.type !== 'table' && n.type !== 'code' && n.type !== 'html',
    );
    const units = contentUnits(prose);
    const words = units.reduce(
      (sum, unit) => sum + contentWords(unit).length,
      0,
    );
    // It must also speak of purpose in the template's terms (a problem, why
    // it exists), not only walk through the parts.
    const vocabulary = vocabulariesFor(template)[purposeIndex];
    const speaksOfPurpose = units.some(unit =>
      contentWords(unit).some(word => vocabulary.has(stemWord(word))),
    );
    if (words >= INTRO_PURPOSE_WORDS && speaksOfPurpose) {
      hits[purposeIndex] = {
        heading: null,
        line: startLine(intro[0]),
        anchor: null,
        body: intro,
        score: 1,
        depth: 7,
        startIndex: titleIndex + 1,
        endIndex: firstSectionIndex,
        source: 'introduction',
      };
    }
  }

  const unmatched = new Set(
    template.sections.map((_, index) => index).filter(index => !hits[index]),
  );
  const contentEvidence = contentEvidenceBySection(
    children,
    template,
    matcher,
    unmatched,
  );
  report.sections = template.sections.map((section, index) => {
    const hit = hits[index];
    if (!hit) {
      const found = contentEvidence.get(index);
      if (!found) return missingSection(section);
      const node = children[found.index];
      const under = enclosingHeading(children, found.index);
      return {
        ...missingSection(section),
        status: 'present',
        line: startLine(node),
        evidence: {
          source: 'content',
          signal: found.signal,
          ...(under ? { heading: under } : {}),
          summary: `No heading names ${section.title}, but ${found.description} at line ${startLine(node)}${
            under ? ` (under "${under}")` : ''
          } serves it.`,
        },
      };
    }
    const verdict = judgeBody(hit.body, matcher);
    const result: SectionReport = {
      ...missingSection(section),
      status: verdict.status,
      heading: hit.heading,
      line: hit.line,
      anchor: hit.anchor,
      evidence: hitEvidence(section, hit, verdict),
    };
    if (verdict.placeholderReason)
      result.placeholderReason = verdict.placeholderReason;
    return result;
  });

  collectLinks(tree, children, report, hits, template, relatedNode, options);
  collectMermaid(tree, report);

  for (const section of report.sections) {
    if (section.status === 'missing') {
      report.findings.push({
        kind: 'missing-section',
        severity: section.required ? 'error' : 'warning',
        message: `Section "${section.title}" is missing.`,
        section: section.id,
      });
    } else if (section.status === 'placeholder') {
      report.findings.push({
        kind: 'placeholder-section',
        severity: 'warning',
        message: `Section "${section.title}" is a placeholder (${describeReason(section)}).`,
        section: section.id,
        line: section.line ?? undefined,
      });
    }
  }

  const total = template.sections.reduce((sum, s) => sum + s.weight, 0);
  const present = report.sections.reduce(
    (sum, s) => sum + (s.status === 'present' ? s.weight : 0),
    0,
  );
  report.score = total > 0 ? Math.round((present / total) * 100) : 0;
  report.isArchitectureDoc =
    hits.filter(h => h && h.heading !== null).length >= 2;
  return report;
}

const RULE_WORDS: Record<HeadingMatchRule, string> = {
  'same-words': 'same words',
  'word-order': 'same words in another order',
  spelling: 'same words, spelt differently',
  contains: 'the heading contains',
  'key-words': 'the key word of the title',
};

function matchWords(hit: SectionHit): string {
  if (!hit.rule) return '';
  if (hit.rule === 'contains') return `${RULE_WORDS.contains} "${hit.matched}"`;
  return RULE_WORDS[hit.rule];
}

function hitEvidence(
  section: TemplateSection,
  hit: SectionHit,
  verdict: BodyVerdict,
): SectionEvidence {
  const named = hit.heading ?? hit.label ?? '';
  let summary: string;
  switch (hit.source) {
    case 'label':
      summary = `The paragraph labelled "${named}" covers ${section.title}: ${matchWords(hit)}.`;
      break;
    case 'title':
      summary = `The doc's title "${named}" names ${section.title}: ${matchWords(hit)}.`;
      break;
    case 'introduction':
      summary = `The introduction before the first section states the ${section.title.toLowerCase()}.`;
      break;
    default:
      summary = `Matched "${named}" to ${section.title}: ${matchWords(hit)}.`;
  }
  if (verdict.status === 'placeholder') {
    if (verdict.placeholderReason === 'empty')
      summary += ' Its body is empty, and so are its sub-sections.';
    else if (verdict.placeholderReason === 'guidance') {
      summary += ` Its body still repeats the template's guidance: "${verdict.excerpt}".`;
    } else
      summary += ` Its body only holds a marker of unfinished work: "${verdict.excerpt}".`;
  }
  const evidence: SectionEvidence = { source: hit.source, summary };
  if (
    hit.source === 'label' ||
    hit.source === 'heading' ||
    hit.source === 'title'
  )
    evidence.heading = named;
  if (hit.matched) evidence.matched = hit.matched;
  if (hit.rule) evidence.rule = hit.rule;
  if (verdict.excerpt) evidence.excerpt = verdict.excerpt;
  return evidence;
}

/** A heading of the plain name of each content concept, to find its section in any template. */
const CONCEPT_PROBES: Record<ContentConcept, string> = {
  context: 'context',
  responsibilities: 'responsibilities',
  interfaces: 'interfaces',
  flow: 'flow',
  failure: 'failure',
  deployment: 'deployment',
  'see-also': 'see also',
};

const EMPTY_VOCABULARY: ReadonlySet<string> = new Set();

const conceptCache = new WeakMap<
  TemplateModel,
  Map<ContentConcept, number[]>
>();

/** Which sections of a template each content concept serves. */
function conceptSections(
  template: TemplateModel,
  matcher: SectionMatcher,
): Map<ContentConcept, number[]> {
  let map = conceptCache.get(template);
  if (map) return map;
  map = new Map();
  for (const [concept, probe] of Object.entries(CONCEPT_PROBES) as Array<
    [ContentConcept, string]
  >) {
    const match = matchHeading(probe, matcher);
    if (match && match.score >= WHOLE_MATCH) map.set(concept, match.sections);
  }
  conceptCache.set(template, map);
  return map;
}

/** The first content evidence for each section of the template. */
function contentEvidenceBySection(
  children: readonly RootContent[],
  template: TemplateModel,
  matcher: SectionMatcher,
  unmatched: ReadonlySet<number>,
): Map<number, ContentEvidence> {
  const sections = conceptSections(template, matcher);
  const result = new Map<number, ContentEvidence>();
  if (unmatched.size === 0) return result;
  for (const found of findContentEvidence(children)) {
    for (const index of sections.get(found.concept) ?? []) {
      if (!result.has(index)) result.set(index, found);
    }
  }
  const vocabularies = vocabulariesFor(template).map((vocabulary, index) =>
    unmatched.has(index) && !result.has(index) ? vocabulary : EMPTY_VOCABULARY,
  );
  for (const found of guidanceWordEvidence(children, vocabularies)) {
    if (result.has(found.section)) continue;
    result.set(found.section, {
      concept: 'context',
      signal: 'guidance-words',
      index: found.index,
      description: `text using the words of its guidance (${found.words.join(', ')})`,
    });
  }
  return result;
}

const vocabularyCache = new WeakMap<TemplateModel, Array<Set<string>>>();

function vocabulariesFor(template: TemplateModel): Array<Set<string>> {
  let vocabularies = vocabularyCache.get(template);
  if (!vocabularies) {
    vocabularies = guidanceVocabularies(template.sections);
    vocabularyCache.set(template, vocabularies);
  }
  return vocabularies;
}

/** The text of the nearest heading above a block, if any. */
function enclosingHeading(
  children: readonly RootContent[],
  index: number,
): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const node = children[i];
    if (node.type === 'heading') return nodeText(node).trim() || undefined;
  }
  return undefined;
}

function describeReason(section: SectionReport): string {
  switch (section.placeholderReason) {
    case 'empty':
      return 'no content';
    case 'todo':
      return 'only TODO/TBD';
    default:
      return "still the template's guidance";
  }
}

function nextHeadingIndex(
  children: readonly RootContent[],
  from: number,
): number {
  for (let i = from; i < children.length; i++)
    if (children[i].type === 'heading') return i;
  return children.length;
}

/** The part of a labelled paragraph after its label. */
function labelRemainder(node: Paragraph): Paragraph {
  const first = node.children[0];
  const rest = node.children.slice(first && first.type !== 'text' ? 1 : 0);
  if (first && first.type === 'text') {
    const value = first.value.replace(/^[^:\n]{2,40}:/, '');
    return { ...node, children: [{ type: 'text', value }, ...rest.slice(1)] };
  }
  return { ...node, children: rest };
}

function collectLinks(
  tree: Root,
  children: readonly RootContent[],
  report: ArchitectureDocReport,
  hits: Array<SectionHit | undefined>,
  template: TemplateModel,
  relatedNode: Paragraph | undefined,
  options: AnalyzeOptions,
): void {
  const docPath = options.path ?? '';
  const definitions = new Map<string, string>();
  walkTree(tree, node => {
    if (node.type === 'definition') {
      const id = node.identifier.toLowerCase();
      if (!definitions.has(id)) definitions.set(id, node.url);
    }
  });

  const responsibilitiesIndex = template.sections.findIndex(
    s => s.id === 'responsibilities',
  );
  const seeAlsoIndex = template.sections.findIndex(s => s.id === 'see-also');
  const sectionOfBlock: Array<number | undefined> = children.map(
    () => undefined,
  );
  // Deeper matches override their parents, so assign shallow ones first.
  const ordered = hits
    .map((hit, index) => ({ hit, index }))
    .filter((entry): entry is { hit: SectionHit; index: number } => !!entry.hit)
    .sort(
      (a, b) =>
        a.hit.depth - b.hit.depth || a.hit.startIndex - b.hit.startIndex,
    );
  for (const { hit, index } of ordered) {
    for (let i = hit.startIndex; i < hit.endIndex; i++)
      sectionOfBlock[i] = index;
  }

  const contractCells = new Set<Nodes>();
  const contractRows: Array<{ row: ContractRow; cell: Nodes }> = [];
  const responsibilities =
    responsibilitiesIndex >= 0 ? hits[responsibilitiesIndex] : undefined;
  if (responsibilities) {
    for (const block of responsibilities.body) {
      if (block.type !== 'table') continue;
      for (const row of (block as Table).children.slice(1)) {
        const cell = row.children[row.children.length - 1];
        if (!cell || row.children.length < 2) continue;
        contractCells.add(cell);
        contractRows.push({
          row: {
            responsibility: nodeText(row.children[0]).trim(),
            line: startLine(row),
            links: [],
          },
          cell,
        });
      }
    }
  }

  children.forEach((block, blockIndex) => {
    const sectionIndex = sectionOfBlock[blockIndex];
    // The contracts cell being walked, if any; cells hold no nested tables.
    let cellStack: Nodes | undefined;
    walkTree(block, node => {
      if (node.type === 'tableCell')
        cellStack = contractCells.has(node) ? node : undefined;
      let target: string | undefined;
      if (node.type === 'link') target = node.url;
      else if (node.type === 'linkReference')
        target = definitions.get(node.identifier.toLowerCase());
      if (target === undefined) return;
      let origin: LinkOrigin = 'body';
      if (block === relatedNode) origin = 'related';
      else if (cellStack) origin = 'responsibilities';
      else if (sectionIndex === seeAlsoIndex && seeAlsoIndex >= 0)
        origin = 'see-also';
      const resolved = resolveDocLink(target, docPath);
      const link: LinkReport = {
        target,
        text: nodeText(node).trim(),
        kind: resolved.kind,
        resolved: resolved.resolved,
        line: startLine(node),
        column: node.position?.start.column ?? 0,
        origin,
      };
      if (resolved.fragment !== undefined && resolved.kind !== 'anchor')
        link.fragment = resolved.fragment;
      if (resolved.kind === 'anchor') link.fragment = resolved.fragment;
      if (sectionIndex !== undefined)
        link.section = template.sections[sectionIndex].id;
      if (resolved.unsafe) {
        link.unsafe = true;
        report.findings.push({
          kind: 'unsafe-link',
          severity: 'warning',
          message: `Link "${link.text || target}" uses a scheme that is never followed.`,
          line: link.line,
          target,
        });
      }
      if (resolved.kind === 'doc' && resolved.resolved) {
        if (origin === 'responsibilities' || isContractPath(resolved.resolved))
          link.kind = 'contract';
        const exists = options.linkExists?.(resolved.resolved);
        if (exists !== undefined) {
          link.exists = exists;
          if (!exists) {
            report.findings.push({
              kind: 'broken-link',
              severity: 'error',
              message: `Link target "${target}" does not exist.`,
              line: link.line,
              target,
            });
          }
        }
      }
      const index = report.links.push(link) - 1;
      if (origin === 'related') report.related.push(index);
      if (origin === 'responsibilities') {
        const row = contractRows.find(r => r.cell === cellStack);
        row?.row.links.push(index);
      }
    });
  });
  report.contracts = contractRows.map(r => r.row);
}

function collectMermaid(tree: Root, report: ArchitectureDocReport): void {
  walkTree(tree, node => {
    if (node.type !== 'code' || (node.lang ?? '').toLowerCase() !== 'mermaid')
      return;
    const block = detectMermaidBlock(node.value, startLine(node));
    report.mermaid.push(block);
    if (block.problem) {
      report.findings.push({
        kind: 'invalid-mermaid',
        severity: 'error',
        message: `Mermaid diagram at line ${block.line}: ${block.problem}`,
        line: block.line,
      });
    }
  });
}

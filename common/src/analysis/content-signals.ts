// One file on purpose: each content signal (code, tables, lists, heading
// inventories, the template's guidance words) is a small rule over the same
// stemmed vocabularies, and together they are the one place that says which
// content can stand for a section.
import type { Code, Heading, List, RootContent, Table } from 'mdast';
import { stemWord } from './heading-text';
import { nodeText } from './markdown-tree';
import type { ContentSignal } from './types';

/**
 * Content that serves a section whatever its heading says: a sequence
 * diagram is an operational flow, a table with a "Responsibility" column is
 * a responsibilities section, a trailing list of links is a "See also". The
 * signals are kinds of content that mean the same in any project, never the
 * wording of particular docs.
 */

/** The kinds of section content can stand for, independent of any template's titles. */
export type ContentConcept =
  | 'context'
  | 'responsibilities'
  | 'interfaces'
  | 'flow'
  | 'failure'
  | 'deployment'
  | 'see-also';

/** Where content evidence for a concept was found. */
export interface ContentEvidence {
  concept: ContentConcept;
  signal: ContentSignal;
  /** Index of the block among the root's children. */
  index: number;
  /** What was found, for an author: "a sequence diagram". */
  description: string;
}

/** Stems already computed; words repeat a lot across a doc and across docs. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function cachedStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemWord(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(cachedStem);

const stems = (list: string) => new Set(list.split(' ').map(stemWord));

/** Table column names that say what a table is about. */
const COLUMN_CONCEPTS: Array<{
  concept: ContentConcept;
  columns: Set<string>;
}> = [
  {
    concept: 'responsibilities',
    columns: stems(
      'responsibility responsibilities owns owner duties role roles',
    ),
  },
  {
    concept: 'interfaces',
    columns: stems(
      'field fields endpoint endpoints method parameter parameters param argument arguments column columns request response payload schema message event events input inputs output outputs rpc route routes',
    ),
  },
  {
    concept: 'failure',
    columns: stems(
      'error errors failure failures fault symptom symptoms recovery fallback mitigation mitigations retry remediation',
    ),
  },
  {
    concept: 'deployment',
    columns: stems(
      'replicas instances region regions cluster clusters cpu memory node nodes host hosts',
    ),
  },
];

/** First-column names of an inventory of parts ("Crate | Description"). */
const PART_COLUMNS = stems(
  'component components module modules crate crates package packages service services directory directories folder folders layer layers class classes library libraries project projects binary subsystem',
);
/** Second-column names that describe what each part does. */
const DUTY_COLUMNS = stems(
  'description purpose what does responsibility role summary',
);

const MERMAID_CONCEPTS: Array<{
  pattern: RegExp;
  concept: ContentConcept;
  description: string;
}> = [
  {
    pattern: /^sequenceDiagram\b/,
    concept: 'flow',
    description: 'a sequence diagram',
  },
  {
    pattern: /^(?:flowchart|graph)\b/,
    concept: 'flow',
    description: 'a flowchart',
  },
  {
    pattern: /^stateDiagram(?:-v2)?\b/,
    concept: 'flow',
    description: 'a state diagram',
  },
  {
    pattern: /^erDiagram\b/,
    concept: 'interfaces',
    description: 'an entity-relationship diagram',
  },
  {
    pattern: /^classDiagram\b/,
    concept: 'interfaces',
    description: 'a class diagram',
  },
  {
    pattern: /^C4Context\b/,
    concept: 'context',
    description: 'a C4 context diagram',
  },
  {
    pattern: /^C4Deployment\b/,
    concept: 'deployment',
    description: 'a C4 deployment diagram',
  },
];

const SCHEMA_LANGS = new Set([
  'json',
  'jsonc',
  'json5',
  'proto',
  'protobuf',
  'graphql',
  'gql',
  'sql',
  'avsc',
  'avro',
  'thrift',
  'xsd',
  'openapi',
]);
/** Declarations of a message, record, table or interface shape. */
const SCHEMA_CODE =
  /^\s*(?:message\s+\w+\s*\{|service\s+\w+\s*\{|create\s+table\b|(?:export\s+|public\s+)?interface\s+\w+|type\s+\w+\s+(?:struct|interface)\b|(?:pub\s+)?(?:struct|trait)\s+\w+|enum\s+\w+\s*\{|\{\s*"[\w$-]+"\s*:)/im;
const DEPLOYMENT_CODE =
  /^\s*(?:kind:\s*(?:Deployment|StatefulSet|DaemonSet|Service|Ingress)\b|replicas:\s*\d|FROM\s+\S+|services:\s*$)/m;
/** A line that chains at least three steps with arrows: "request → queue → worker". */
const ARROW_CHAIN = /\S\s*(?:-+>|→|⟶|=>|──>)\s*\S.*?(?:-+>|→|⟶|=>|──>)\s*\S/;
/** Lines of a drawn directory tree. */
const TREE_LINE = /^[\s│|]*(?:├──|└──|\+--|`--|\|--)/;

function codeEvidence(
  node: Code,
  index: number,
  found: ContentEvidence[],
): void {
  const lang = (node.lang ?? '').toLowerCase();
  const value = node.value;
  if (lang === 'mermaid' || lang === 'plantuml' || lang === 'puml') {
    const first = value
      .split('\n')
      .map(line => line.trim())
      .find(
        line =>
          line &&
          !line.startsWith('%%') &&
          !line.startsWith('---') &&
          !line.startsWith("'"),
      );
    if (!first) return;
    if (lang !== 'mermaid') {
      if (/->/.test(value))
        found.push({
          concept: 'flow',
          signal: 'diagram',
          index,
          description: 'a diagram',
        });
      return;
    }
    for (const entry of MERMAID_CONCEPTS) {
      if (entry.pattern.test(first)) {
        found.push({
          concept: entry.concept,
          signal: 'diagram',
          index,
          description: entry.description,
        });
        return;
      }
    }
    return;
  }
  if (
    DEPLOYMENT_CODE.test(value) &&
    /^(?:ya?ml|dockerfile|docker|hcl|terraform|)$/.test(lang)
  ) {
    found.push({
      concept: 'deployment',
      signal: 'schema-code',
      index,
      description: 'a deployment manifest',
    });
    return;
  }
  if (SCHEMA_LANGS.has(lang) || SCHEMA_CODE.test(value)) {
    found.push({
      concept: 'interfaces',
      signal: 'schema-code',
      index,
      description: 'a schema or payload code block',
    });
    return;
  }
  const lines = value.split('\n');
  if (lines.some(line => ARROW_CHAIN.test(line))) {
    found.push({
      concept: 'flow',
      signal: 'diagram',
      index,
      description: 'steps drawn with arrows',
    });
  }
  if (lines.filter(line => TREE_LINE.test(line)).length >= 3) {
    found.push({
      concept: 'responsibilities',
      signal: 'component-list',
      index,
      description: 'a directory tree',
    });
  }
}

function tableEvidence(
  node: Table,
  index: number,
  found: ContentEvidence[],
): void {
  const header = node.children[0];
  if (!header || node.children.length < 2) return;
  const columns = header.children.map(cell => words(nodeText(cell)));
  const named = (set: Set<string>) =>
    columns.some(column => column.some(word => set.has(word)));
  for (const { concept, columns: names } of COLUMN_CONCEPTS) {
    if (named(names)) {
      const column = header.children.find(cell =>
        words(nodeText(cell)).some(word => names.has(word)),
      );
      found.push({
        concept,
        signal: 'table-columns',
        index,
        description: `a table with a "${nodeText(column!).trim()}" column`,
      });
    }
  }
  if (
    columns.length >= 2 &&
    columns[0].some(word => PART_COLUMNS.has(word)) &&
    columns.slice(1).some(column => column.some(word => DUTY_COLUMNS.has(word)))
  ) {
    found.push({
      concept: 'responsibilities',
      signal: 'table-columns',
      index,
      description: `a table of ${nodeText(header.children[0]).trim().toLowerCase()} and what each does`,
    });
  }
}

/** Words that say a part is in charge of something. */
const DUTY_PHRASE =
  /\b(?:responsible for|in charge of|owns|manages|handles|takes care of)\b/i;

/** Share of a list's items that must be of one kind for the list to be that kind. */
const MOSTLY = 0.75;
/** Fewest items for a list to be an inventory or a procedure. */
const MIN_ITEMS = 3;

function listEvidence(
  node: List,
  index: number,
  last: boolean,
  found: ContentEvidence[],
): void {
  const items = node.children;
  if (items.length === 0) return;
  let linkLed = 0;
  let nameLed = 0;
  for (const item of items) {
    const paragraph = item.children[0];
    if (!paragraph || paragraph.type !== 'paragraph') continue;
    const first = paragraph.children[0];
    if (!first) continue;
    const text = nodeText(paragraph).trim();
    if (first.type === 'link' || first.type === 'linkReference') {
      linkLed++;
      continue;
    }
    if (first.type === 'inlineCode' || first.type === 'strong') {
      const rest = text.slice(nodeText(first).length).trim();
      // A code name is a module, path or binary; a bold name is only a part
      // when the text says what it is in charge of (a bold term alone is
      // more often a field or a property).
      const names = first.type === 'inlineCode' || DUTY_PHRASE.test(rest);
      if (
        names &&
        /^[:\-–—(,]|^(?:is|are|that|which|does|handles|will)\b/.test(rest) &&
        rest.length > 12
      )
        nameLed++;
    }
  }
  if (last && items.length >= 2 && linkLed / items.length >= MOSTLY) {
    found.push({
      concept: 'see-also',
      signal: 'link-list',
      index,
      description: 'a closing list of links',
    });
  }
  if (items.length >= MIN_ITEMS && nameLed / items.length >= MOSTLY) {
    found.push({
      concept: 'responsibilities',
      signal: 'component-list',
      index,
      description: 'a list of named parts, each with what it does',
    });
  }
  // Steps are short single paragraphs; items holding code or sub-lists are
  // instructions or an outline, not a flow.
  const simple = items.every(
    item => item.children.length === 1 && item.children[0].type === 'paragraph',
  );
  if (
    node.ordered &&
    simple &&
    items.length >= MIN_ITEMS &&
    nameLed === 0 &&
    linkLed === 0
  ) {
    found.push({
      concept: 'flow',
      signal: 'numbered-steps',
      index,
      description: 'numbered steps',
    });
  }
}

/** A heading that names a code unit: `` `crate` ``, `src/screen.rs`, `Screen (src/screen.rs)`. */
function namesCodeUnit(heading: Heading): boolean {
  if (heading.children.some(child => child.type === 'inlineCode')) return true;
  return /[\w-]+\/[\w./-]+|\b\w+::\w+|\b[\w-]+\.(?:rs|go|py|ts|js|java|kt|swift|cs|cpp|c|h)\b/.test(
    nodeText(heading),
  );
}

/** Fewest sibling headings naming code units that make an inventory of parts. */
const MIN_PART_HEADINGS = 3;

/**
 * Sub-headings that each name a module, crate or file: the doc walks through
 * its parts one by one, which is a breakdown of responsibilities.
 */
function headingInventory(
  children: readonly RootContent[],
  found: ContentEvidence[],
): void {
  // Per depth: the first code-unit heading of the current run and the run's length.
  const runs = new Map<number, { index: number; count: number }>();
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    for (const depth of [...runs.keys()])
      if (depth > node.depth) runs.delete(depth);
    const run = runs.get(node.depth);
    if (!namesCodeUnit(node)) return;
    if (!run) {
      runs.set(node.depth, { index, count: 1 });
      return;
    }
    run.count++;
    if (run.count === MIN_PART_HEADINGS) {
      found.push({
        concept: 'responsibilities',
        signal: 'component-list',
        index: run.index,
        description: 'sub-headings that each name a module or file',
      });
    }
  });
}

/**
 * Content evidence in a doc's top-level blocks, in document order. A block
 * may serve more than one concept.
 */
export function findContentEvidence(
  children: readonly RootContent[],
): ContentEvidence[] {
  const found: ContentEvidence[] = [];
  // The closing part of the doc: blocks after the last heading, or the last block.
  let lastHeading = -1;
  for (let i = children.length - 1; i >= 0; i--) {
    if (children[i].type === 'heading') {
      lastHeading = i;
      break;
    }
  }
  children.forEach((node, index) => {
    if (node.type === 'code') codeEvidence(node, index, found);
    else if (node.type === 'table') tableEvidence(node, index, found);
    else if (node.type === 'paragraph' && ARROW_CHAIN.test(nodeText(node))) {
      found.push({
        concept: 'flow',
        signal: 'diagram',
        index,
        description: 'steps chained with arrows',
      });
    } else if (node.type === 'list')
      listEvidence(node, index, index > lastHeading, found);
  });
  headingInventory(children, found);
  return found.sort((a, b) => a.index - b.index);
}

/** Words of a template's guidance that only say how to write, not what about. */
const INSTRUCTION_WORDS = new Set(
  'list describe include note call out mention document provide link example short description details detail state keep focused summarize enumerate clarify identify track map outline expand prose when needs nuance any if applicable available major changes top shaped where what why how'
    .split(' ')
    .map(stemWord),
);

/**
 * The distinctive words of each section's guidance, title and aliases: words
 * that appear for one section only, so finding several of them together in
 * one paragraph points at that section.
 */
export function guidanceVocabularies(
  sections: ReadonlyArray<{
    title: string;
    guidance: string;
    aliases: readonly string[];
  }>,
): Array<Set<string>> {
  const perSection = sections.map(section => {
    const text = [
      section.title,
      section.guidance,
      ...section.aliases.map(a => a.replace(/^=/, '')),
    ].join(' ');
    return new Set(
      words(text).filter(
        word =>
          word.length > 2 &&
          !INSTRUCTION_WORDS.has(word) &&
          !/^\d+$/.test(word),
      ),
    );
  });
  const count = new Map<string, number>();
  for (const set of perSection)
    for (const word of set) count.set(word, (count.get(word) ?? 0) + 1);
  return perSection.map(
    set => new Set([...set].filter(word => count.get(word) === 1)),
  );
}

/** Distinct guidance words one paragraph or list item needs to serve a section. */
export const MIN_GUIDANCE_WORDS_IN_UNIT = 3;
/**
 * Vocabulary words per extra word required: a long guidance (the arc42 help
 * text) has many distinctive words, so a paragraph meets a few of them by
 * chance and must meet more.
 */
const VOCABULARY_PER_REQUIRED_WORD = 12;

function requiredWords(vocabulary: ReadonlySet<string>): number {
  return Math.max(
    MIN_GUIDANCE_WORDS_IN_UNIT,
    Math.ceil(vocabulary.size / VOCABULARY_PER_REQUIRED_WORD),
  );
}

/** For each paragraph or list item, which sections' guidance words it uses enough of. */
export function guidanceWordEvidence(
  children: readonly RootContent[],
  vocabularies: ReadonlyArray<ReadonlySet<string>>,
): Array<{ section: number; index: number; words: string[] }> {
  const found: Array<{ section: number; index: number; words: string[] }> = [];
  const done = new Set<number>();
  vocabularies.forEach((vocabulary, section) => {
    if (vocabulary.size === 0) done.add(section);
  });
  children.forEach((node, index) => {
    if (done.size === vocabularies.length) return;
    if (node.type !== 'paragraph' && node.type !== 'list') return;
    const units =
      node.type === 'list'
        ? node.children.map(item => nodeText(item))
        : [nodeText(node)];
    for (const unit of units) {
      // Each stem with the word as the author wrote it, for the evidence.
      const written = new Map<string, string>();
      for (const word of unit.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (word && !written.has(cachedStem(word)))
          written.set(cachedStem(word), word);
      }
      vocabularies.forEach((vocabulary, section) => {
        if (done.has(section)) return;
        const shared = [...written.keys()].filter(stem => vocabulary.has(stem));
        if (shared.length >= requiredWords(vocabulary)) {
          done.add(section);
          found.push({
            section,
            index,
            words: shared.map(stem => written.get(stem)!),
          });
        }
      });
    }
  });
  return found;
}

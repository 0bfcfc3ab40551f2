import type { Heading, RootContent } from 'mdast';
import { contentUnits } from './content-units';
import { DEFAULT_TEMPLATE_MARKDOWN } from './default-template';
import { normalizeHeadingText, sectionIdFromTitle } from './heading-text';
import { nodeText, parseMarkdown } from './markdown-tree';
import {
  ARC42_SECTION_ALIASES,
  DEFAULT_SECTION_ALIASES,
} from './section-aliases';
import type { TemplateModel, TemplateSection } from './types';

/**
 * A section given directly, for example from app-config's
 * `architectureDocs.sections`.
 * @public
 */
export interface TemplateSectionInput {
  title: string;
  aliases?: string[];
  weight?: number;
  required?: boolean;
  guidance?: string;
}

/**
 * Options for building a template model.
 * @public
 */
export interface TemplateModelOptions {
  /** A name for reports; `custom` unless given. */
  name?: string;
  /**
   * Extra aliases per section title (matched case- and punctuation-
   * insensitively). They are added to the built-in ones.
   */
  aliases?: Record<string, string[]>;
  /** Weight per section title; 1 when absent. */
  weights?: Record<string, number>;
}

/**
 * Raised when a template cannot be used, with a message that says why.
 * @public
 */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

function lookup<T>(
  table: Record<string, T> | undefined,
  title: string,
): T | undefined {
  if (!table) return undefined;
  const key = normalizeHeadingText(title);
  for (const [name, value] of Object.entries(table)) {
    if (normalizeHeadingText(name) === key) return value;
  }
  return undefined;
}

function sectionAliases(
  title: string,
  extra: readonly string[] | undefined,
): string[] {
  const normalized = normalizeHeadingText(title);
  const builtIn =
    DEFAULT_SECTION_ALIASES[normalized] ??
    ARC42_SECTION_ALIASES[normalized] ??
    [];
  const all = [normalized, ...builtIn, ...(extra ?? [])];
  const normalizedAliases = all.map(alias => {
    // A leading `=` marks a whole-heading-only alias; keep it through normalising.
    const exact = alias.trim().startsWith('=');
    const words = normalizeHeadingText(alias.replace(/^\s*=/, ''));
    return words && exact ? `=${words}` : words;
  });
  return Array.from(new Set(normalizedAliases.filter(Boolean)));
}

function validWeight(weight: unknown, title: string): number {
  if (weight === undefined) return 1;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    throw new TemplateError(
      `Section "${title}" has weight ${String(weight)}; weights must be numbers of 0 or more.`,
    );
  }
  return weight;
}

/** YAML (`---`) or TOML (`+++`) front matter at the very start of a file. */
const FRONT_MATTER =
  /^(?:\uFEFF)?(?:---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n[\s\S]*?\r?\n\+\+\+)[ \t]*(?:\r?\n|$)/;

/**
 * Builds a template model from its markdown, read as its author published
 * it: front matter is skipped and headings without text are ignored. When
 * the file has one level-1 title, sections are the shallowest headings below
 * it; otherwise (several top-level headings, as the official arc42 file has)
 * the top-level headings themselves are the sections. Deeper headings and
 * everything else belong to the section above them and form its guidance.
 * @public
 */
export function parseTemplate(
  markdown: string,
  options: TemplateModelOptions = {},
): TemplateModel {
  const tree = parseMarkdown(String(markdown ?? '').replace(FRONT_MATTER, ''));
  const children = tree.children.filter(
    n => n.type !== 'heading' || nodeText(n).trim() !== '',
  );
  const headings = children.filter((n): n is Heading => n.type === 'heading');
  const topDepth =
    headings.length > 0 ? Math.min(...headings.map(h => h.depth)) : 0;
  const firstIsTitle =
    headings.length > 0 &&
    headings[0].depth === 1 &&
    headings.filter(h => h.depth === topDepth).length === 1;
  const title = firstIsTitle ? headings[0] : undefined;
  const candidates = firstIsTitle ? headings.slice(1) : headings;
  if (candidates.length === 0) {
    throw new TemplateError(
      'The template has no section headings; expected a title and one heading per section (for example "## Purpose").',
    );
  }
  const level = Math.min(...candidates.map(h => h.depth));

  const sections: TemplateSection[] = [];
  const fragments: string[] = [];
  let body: RootContent[] = [];
  let current: { title: string; level: number } | undefined;
  const flush = () => {
    if (!current) {
      fragments.push(...contentUnits(body));
      return;
    }
    const units = contentUnits(body);
    fragments.push(...units);
    const sectionTitle = current.title;
    sections.push({
      id: sectionIdFromTitle(sectionTitle),
      title: sectionTitle,
      order: sections.length,
      level: current.level,
      guidance: units.join('\n'),
      weight: validWeight(lookup(options.weights, sectionTitle), sectionTitle),
      aliases: sectionAliases(
        sectionTitle,
        lookup(options.aliases, sectionTitle),
      ),
      required: true,
    });
  };
  for (const node of children) {
    if (node === title) continue;
    if (node.type === 'heading' && node.depth === level) {
      flush();
      current = { title: nodeText(node).trim(), level };
      body = [];
    } else {
      body.push(node);
    }
  }
  flush();
  return finishModel(options.name ?? 'custom', sections, fragments);
}

/**
 * Builds a template model from a list of sections, as app-config gives them.
 * @public
 */
export function templateFromSections(
  inputs: readonly TemplateSectionInput[],
  name = 'custom',
): TemplateModel {
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new TemplateError(
      'The section list is empty; give at least one section with a title.',
    );
  }
  const sections = inputs.map((input, order): TemplateSection => {
    if (!input || typeof input.title !== 'string' || !input.title.trim()) {
      throw new TemplateError(`Section ${order + 1} has no title.`);
    }
    const title = input.title.trim();
    return {
      id: sectionIdFromTitle(title),
      title,
      order,
      level: 2,
      guidance: input.guidance ?? '',
      weight: validWeight(input.weight, title),
      aliases: sectionAliases(title, input.aliases),
      required: input.required ?? true,
    };
  });
  return finishModel(
    name,
    sections,
    sections.map(s => s.guidance).filter(Boolean),
  );
}

function finishModel(
  name: string,
  sections: TemplateSection[],
  guidanceFragments: string[],
): TemplateModel {
  const seen = new Map<string, number>();
  for (const section of sections) {
    const count = seen.get(section.id) ?? 0;
    seen.set(section.id, count + 1);
    if (count > 0) section.id = `${section.id}-${count + 1}`;
  }
  if (sections.every(s => s.weight === 0)) {
    throw new TemplateError(
      'Every section has weight 0; at least one must count towards the score.',
    );
  }
  return { name, sections, guidanceFragments };
}

/**
 * The starting text of a new doc for a template that has no markdown of its
 * own (a section list from app-config): the title line of the team template
 * and one heading per section, each left for the author to fill in.
 * @public
 */
export function templateSkeleton(
  model: Pick<TemplateModel, 'sections'>,
): string {
  const headings = model.sections.map(
    section => `## ${section.title.replace(/\s+/g, ' ')}`,
  );
  return `${['# <System or capability name> architecture', ...headings].join('\n\n')}\n`;
}

let defaultModel: TemplateModel | undefined;

/**
 * The model of the team template that ships with the package.
 * @public
 */
export function defaultTemplateModel(): TemplateModel {
  if (!defaultModel) {
    defaultModel = parseTemplate(DEFAULT_TEMPLATE_MARKDOWN, {
      name: 'default',
    });
  }
  return defaultModel;
}

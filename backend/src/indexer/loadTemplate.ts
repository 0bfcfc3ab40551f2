import type { Config } from '@backstage/config';
import {
  BUILT_IN_TEMPLATE_NAMES,
  builtInTemplateModel,
  defaultTemplateModel,
  parseTemplate,
  templateFromSections,
  type TemplateModel,
  type TemplateSectionInput,
} from 'backstage-plugin-architecture-docs-common';
import type { DocRead } from './readDoc';
import { describeUrl } from './readErrors';

/** The template docs are checked against, and why it is the built-in one when the configured one failed. */
export interface IndexTemplate {
  template: TemplateModel;
  /** Set when the configured template could not be used. */
  problem?: string;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The template the configuration asks for, with the frontend's precedence:
 * the inline `architectureDocs.sections`, else the template at
 * `architectureDocs.templateUrl` (read like a doc), else the built-in
 * template named by `architectureDocs.template`, else the team template. A
 * configured template that cannot be used gives the team template and the
 * reason. Never rejects.
 */
export async function loadIndexTemplate(
  config: Config,
  readTemplate: (url: string) => Promise<DocRead>,
): Promise<IndexTemplate> {
  const fallback = (problem: string): IndexTemplate => ({
    template: defaultTemplateModel(),
    problem: `${problem}; the built-in template is used instead.`,
  });
  let sections: unknown;
  let templateUrl: string | undefined;
  let templateName: string | undefined;
  try {
    sections = config.getOptional('architectureDocs.sections');
    templateUrl = config.getOptionalString('architectureDocs.templateUrl');
    templateName = config.getOptionalString('architectureDocs.template');
  } catch (error) {
    return fallback(
      `The template configuration cannot be read (${errorMessage(error)})`,
    );
  }

  if (sections !== undefined) {
    try {
      if (!Array.isArray(sections))
        throw new Error('it must be a list of sections');
      return {
        template: templateFromSections(
          sections as TemplateSectionInput[],
          'app-config',
        ),
      };
    } catch (error) {
      return fallback(
        `architectureDocs.sections cannot be used (${errorMessage(error)})`,
      );
    }
  }

  if (templateUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(templateUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new Error('not an http(s) URL');
    } catch {
      // The value is not repeated: a malformed URL may still hold a token.
      return fallback(
        'architectureDocs.templateUrl is not an http(s) URL (it must start with https:// or http://)',
      );
    }
    const read = await readTemplate(url.toString());
    if (read.kind !== 'content') {
      const reason =
        read.kind === 'failed'
          ? read.failure.message
          : 'the host answered "not modified" to a plain read';
      return fallback(`The template cannot be read: ${reason}`);
    }
    try {
      return { template: parseTemplate(read.content, { name: templateUrl }) };
    } catch (error) {
      return fallback(
        `The template at ${describeUrl(templateUrl)} cannot be used (${errorMessage(error)})`,
      );
    }
  }

  if (templateName !== undefined) {
    const known = BUILT_IN_TEMPLATE_NAMES.find(
      name => name === templateName!.toLowerCase(),
    );
    const builtIn = known ? builtInTemplateModel(known) : undefined;
    if (!builtIn) {
      return fallback(
        `architectureDocs.template must be one of ${BUILT_IN_TEMPLATE_NAMES.map(n => `"${n}"`).join(', ')}, got "${templateName}"`,
      );
    }
    return { template: builtIn };
  }
  return { template: defaultTemplateModel() };
}

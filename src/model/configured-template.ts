import type { ArchitectureDocsApi, ArchitectureDocsConfig } from '../api';
import {
  defaultTemplateModel,
  parseTemplate,
  templateFromSections,
  type TemplateModel,
  builtInTemplateModel,
  templateSkeleton,
} from 'backstage-plugin-architecture-docs-common/analysis';

/** The template docs are checked against, and why it is the default when configuration failed. */
export interface ConfiguredTemplate {
  template: TemplateModel;
  /**
   * The markdown a new doc starts from ("Create from template"), when the
   * app configures a template; undefined for the built-in one.
   */
  markdown?: string;
  /** Set when the configured template could not be used; the default is used instead. */
  problem?: string;
}

interface LoadedTemplate {
  template: TemplateModel;
  markdown: string;
}

/** Templates fetched from a URL, shared by every view of the app session. */
const templateCache = new Map<string, Promise<LoadedTemplate>>();

function loadTemplate(
  api: Pick<ArchitectureDocsApi, 'getDoc'>,
  url: string,
): Promise<LoadedTemplate> {
  let pending = templateCache.get(url);
  if (!pending) {
    pending = api.getDoc(url).then(file => ({
      template: parseTemplate(file.content, { name: url }),
      markdown: file.content,
    }));
    // Failures are not kept, so a fixed template is picked up on the next visit.
    pending.catch(() => templateCache.delete(url));
    templateCache.set(url, pending);
  }
  return pending;
}

/** Forgets every template fetched from a URL; for tests. */
export function clearTemplateCache(): void {
  templateCache.clear();
}

/**
 * The template the configuration asks for: the inline `sections` list, else
 * the template at `templateUrl`, else the built-in template named by
 * `template` (`arc42`), else the team template shipped with the plugin. A
 * configured template that cannot be used gives the default and the reason.
 * Never rejects.
 */
export async function loadConfiguredTemplate(
  api: Pick<ArchitectureDocsApi, 'getDoc'>,
  config: Pick<ArchitectureDocsConfig, 'sections' | 'templateUrl' | 'template'>,
): Promise<ConfiguredTemplate> {
  const { sections, templateUrl, template: templateName } = config;
  if (sections) {
    try {
      const template = templateFromSections(sections, 'app-config');
      return { template, markdown: templateSkeleton(template) };
    } catch (error) {
      return {
        template: defaultTemplateModel(),
        problem: `architectureDocs.sections cannot be used (${(error as Error).message}); the built-in template is used instead.`,
      };
    }
  }
  if (templateUrl) {
    try {
      return await loadTemplate(api, templateUrl);
    } catch (error) {
      return {
        template: defaultTemplateModel(),
        problem: `The template at ${templateUrl} cannot be used (${(error as Error).message}); the built-in template is used instead.`,
      };
    }
  }
  const builtIn = templateName ? builtInTemplateModel(templateName) : undefined;
  if (builtIn && builtIn !== defaultTemplateModel()) {
    return { template: builtIn, markdown: templateSkeleton(builtIn) };
  }
  return { template: defaultTemplateModel() };
}

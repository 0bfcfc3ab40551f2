import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { architectureDocsApiRef, type ArchitectureDocsApi } from '../api';
import {
  defaultTemplateModel,
  parseTemplate,
  templateFromSections,
  type TemplateModel,
} from '../lib';
import { builtInTemplateModel } from '../lib/built-in-templates';
import { templateSkeleton } from '../lib/template-model';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';

/** The template in use, and why it is the default when configuration failed. */
export interface TemplateModelState {
  template: TemplateModel;
  /**
   * The markdown a new doc starts from ("Create from template"), when the
   * app configures a template; undefined for the built-in one.
   */
  markdown?: string;
  loading: boolean;
  /** Set when the configured template could not be used; the default is used instead. */
  problem?: string;
}

interface LoadedTemplate {
  template: TemplateModel;
  markdown: string;
}

const templateCache = new Map<string, Promise<LoadedTemplate>>();

function loadTemplate(api: ArchitectureDocsApi, url: string): Promise<LoadedTemplate> {
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

/** Forgets every loaded template; for tests. */
export function clearTemplateCache(): void {
  templateCache.clear();
}

/**
 * The template docs are checked against: the inline `sections` list, else the
 * template at `templateUrl`, else the built-in template named by `template`
 * (`arc42`), else the team template shipped with the plugin.
 */
export function useTemplateModel(): TemplateModelState {
  const config = useArchitectureDocsConfig();
  const api = useApi(architectureDocsApiRef);
  const { sections, templateUrl, template: templateName } = config;
  const state = useAsync(async (): Promise<Omit<TemplateModelState, 'loading'>> => {
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
  }, [api, sections, templateUrl, templateName]);
  if (state.loading || !state.value) {
    return { template: defaultTemplateModel(), loading: state.loading };
  }
  return { ...state.value, loading: false };
}

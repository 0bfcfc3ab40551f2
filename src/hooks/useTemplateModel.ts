import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { architectureDocsApiRef, type ArchitectureDocsApi } from '../api';
import {
  defaultTemplateModel,
  parseTemplate,
  templateFromSections,
  type TemplateModel,
} from '../lib';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';

/** The template in use, and why it is the default when configuration failed. */
export interface TemplateModelState {
  template: TemplateModel;
  loading: boolean;
  /** Set when the configured template could not be used; the default is used instead. */
  problem?: string;
}

const templateCache = new Map<string, Promise<TemplateModel>>();

function loadTemplate(api: ArchitectureDocsApi, url: string): Promise<TemplateModel> {
  let pending = templateCache.get(url);
  if (!pending) {
    pending = api.getDoc(url).then(file => parseTemplate(file.content, { name: url }));
    // Failures are not kept, so a fixed template is picked up on the next visit.
    pending.catch(() => templateCache.delete(url));
    templateCache.set(url, pending);
  }
  return pending;
}

/**
 * The template docs are checked against: the inline `sections` list, else the
 * template at `templateUrl`, else the team template shipped with the plugin.
 */
export function useTemplateModel(): TemplateModelState {
  const config = useArchitectureDocsConfig();
  const api = useApi(architectureDocsApiRef);
  const { sections, templateUrl } = config;
  const state = useAsync(async (): Promise<{ template: TemplateModel; problem?: string }> => {
    if (sections) {
      try {
        return { template: templateFromSections(sections, 'app-config') };
      } catch (error) {
        return {
          template: defaultTemplateModel(),
          problem: `architectureDocs.sections cannot be used (${(error as Error).message}); the built-in template is used instead.`,
        };
      }
    }
    if (templateUrl) {
      try {
        return { template: await loadTemplate(api, templateUrl) };
      } catch (error) {
        return {
          template: defaultTemplateModel(),
          problem: `The template at ${templateUrl} cannot be used (${(error as Error).message}); the built-in template is used instead.`,
        };
      }
    }
    return { template: defaultTemplateModel() };
  }, [api, sections, templateUrl]);
  if (state.loading || !state.value) {
    return { template: defaultTemplateModel(), loading: state.loading };
  }
  return { ...state.value, loading: false };
}

import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { architectureDocsApiRef } from '../api';
import { defaultTemplateModel } from 'backstage-plugin-architecture-docs-common/analysis';
import {
  loadConfiguredTemplate,
  type ConfiguredTemplate,
} from '../model/configured-template';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';

/** The template in use while it loads (the default until then), and why it is the default when configuration failed. */
export interface TemplateModelState extends ConfiguredTemplate {
  loading: boolean;
}

/** The template docs are checked against, as the configuration asks ({@link loadConfiguredTemplate}). */
export function useTemplateModel(): TemplateModelState {
  const api = useApi(architectureDocsApiRef);
  const { sections, templateUrl, template } = useArchitectureDocsConfig();
  const state = useAsync(
    () => loadConfiguredTemplate(api, { sections, templateUrl, template }),
    [api, sections, templateUrl, template],
  );
  if (state.loading || !state.value) {
    return { template: defaultTemplateModel(), loading: state.loading };
  }
  return { ...state.value, loading: false };
}

import { arc42TemplateModel } from './arc42-template';
import { defaultTemplateModel } from './template-model';
import type { TemplateModel } from './types';

/**
 * A built-in template by name (case-insensitive), or undefined for any other name.
 * @public
 */
export function builtInTemplateModel(name: string): TemplateModel | undefined {
  switch (String(name).trim().toLowerCase()) {
    case 'default':
      return defaultTemplateModel();
    case 'arc42':
      return arc42TemplateModel();
    default:
      return undefined;
  }
}

import { ArchitectureDocError } from '../api';
import {
  defaultTemplateModel,
  arc42TemplateModel,
} from 'backstage-plugin-architecture-docs-common';
import { mockArchitectureDocsApi } from '../testing/mockArchitectureDocsApi';
import {
  clearTemplateCache,
  loadConfiguredTemplate,
} from './configured-template';

const TEMPLATE_URL = 'https://docs.example.com/templates/architecture.md';

beforeEach(() => clearTemplateCache());

describe('loadConfiguredTemplate', () => {
  it('should use the built-in template, with no markdown, when nothing is configured', async () => {
    expect(await loadConfiguredTemplate(mockArchitectureDocsApi(), {})).toEqual(
      { template: defaultTemplateModel() },
    );
  });

  it('should build the template from inline sections before anything else', async () => {
    const api = mockArchitectureDocsApi();
    const result = await loadConfiguredTemplate(api, {
      sections: [{ title: 'Purpose' }, { title: 'Risks' }],
      templateUrl: TEMPLATE_URL,
    });
    expect(result.template.sections.map(section => section.title)).toEqual([
      'Purpose',
      'Risks',
    ]);
    expect(result.markdown).toContain('## Purpose');
    expect(result.problem).toBeUndefined();
    expect(api.getDoc).not.toHaveBeenCalled();
  });

  it('should fall back to the built-in template and say why when the inline sections are unusable', async () => {
    const result = await loadConfiguredTemplate(mockArchitectureDocsApi(), {
      sections: [{ title: ' ' }],
    });
    expect(result.template).toBe(defaultTemplateModel());
    expect(result.problem).toBe(
      'architectureDocs.sections cannot be used (Section 1 has no title.); the built-in template is used instead.',
    );
  });

  it('should fetch a template URL once for every view', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockResolvedValue({
      url: TEMPLATE_URL,
      content: '# Template\n\n## Purpose\n\n## Risks\n',
    });
    const first = await loadConfiguredTemplate(api, {
      templateUrl: TEMPLATE_URL,
    });
    const second = await loadConfiguredTemplate(api, {
      templateUrl: TEMPLATE_URL,
    });
    expect(first.template.sections.map(section => section.title)).toEqual([
      'Purpose',
      'Risks',
    ]);
    expect(first.markdown).toBe('# Template\n\n## Purpose\n\n## Risks\n');
    expect(second).toEqual(first);
    expect(api.getDoc).toHaveBeenCalledTimes(1);
  });

  it('should say why a template URL failed and ask again next time', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockRejectedValueOnce(
      new ArchitectureDocError('not-found', 'Not found'),
    );
    const failed = await loadConfiguredTemplate(api, {
      templateUrl: TEMPLATE_URL,
    });
    expect(failed.template).toBe(defaultTemplateModel());
    expect(failed.problem).toBe(
      `The template at ${TEMPLATE_URL} cannot be used (Not found); the built-in template is used instead.`,
    );
    api.getDoc.mockResolvedValueOnce({
      url: TEMPLATE_URL,
      content: '## Purpose\n',
    });
    const fixed = await loadConfiguredTemplate(api, {
      templateUrl: TEMPLATE_URL,
    });
    expect(fixed.problem).toBeUndefined();
    expect(api.getDoc).toHaveBeenCalledTimes(2);
  });

  it('should use a built-in template named by `template`, with its skeleton to create docs from', async () => {
    const result = await loadConfiguredTemplate(mockArchitectureDocsApi(), {
      template: 'arc42',
    });
    expect(result.template).toBe(arc42TemplateModel());
    expect(result.markdown).toContain('## ');
  });
});

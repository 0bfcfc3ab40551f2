import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  arc42TemplateModel,
  defaultTemplateModel,
} from 'backstage-plugin-architecture-docs-common';
import { loadIndexTemplate } from './loadTemplate';
import type { DocRead } from './readDoc';

function config(architectureDocs: JsonObject) {
  return mockServices.rootConfig({ data: { architectureDocs } });
}

const content = (text: string): DocRead => ({
  kind: 'content',
  content: text,
  contentHash: 'h',
});

describe('loadIndexTemplate', () => {
  it('should use the team template when nothing is configured', async () => {
    const read = jest.fn();
    await expect(loadIndexTemplate(config({}), read)).resolves.toEqual({
      template: defaultTemplateModel(),
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('should build the template from the configured sections', async () => {
    const { template, problem } = await loadIndexTemplate(
      config({
        sections: [{ title: 'Purpose' }, { title: 'Risks', weight: 2 }],
      }),
      jest.fn(),
    );
    expect(problem).toBeUndefined();
    expect(template.sections.map(s => [s.title, s.weight])).toEqual([
      ['Purpose', 1],
      ['Risks', 2],
    ]);
  });

  it('should read the template URL and parse it', async () => {
    const read = jest.fn(async () =>
      content('# Template\n\n## Purpose\n\n## Decisions\n'),
    );
    const { template, problem } = await loadIndexTemplate(
      config({ templateUrl: 'https://docs.example/template.md' }),
      read,
    );
    expect(read).toHaveBeenCalledWith('https://docs.example/template.md');
    expect(problem).toBeUndefined();
    expect(template.sections.map(s => s.title)).toEqual([
      'Purpose',
      'Decisions',
    ]);
  });

  it('should use the built-in template named by template', async () => {
    await expect(
      loadIndexTemplate(config({ template: 'ARC42' }), jest.fn()),
    ).resolves.toEqual({ template: arc42TemplateModel() });
  });

  it('should report a malformed template URL and fall back without reading', async () => {
    const read = jest.fn();
    await expect(
      loadIndexTemplate(config({ templateUrl: 'docs/template.md' }), read),
    ).resolves.toEqual({
      template: defaultTemplateModel(),
      problem:
        'architectureDocs.templateUrl is not an http(s) URL (it must start with https:// or http://); the built-in template is used instead.',
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('should report a template without sections and fall back', async () => {
    const { template, problem } = await loadIndexTemplate(
      config({ templateUrl: 'https://docs.example/template.md?token=s3cret' }),
      async () => content('Just a paragraph, no headings.\n'),
    );
    expect(template).toBe(defaultTemplateModel());
    expect(problem).toBe(
      'The template at https://docs.example/template.md cannot be used (The template has no section headings; expected a title and one heading per section (for example "## Purpose").); the built-in template is used instead.',
    );
  });

  it('should report a template that cannot be read', async () => {
    const { problem } = await loadIndexTemplate(
      config({ templateUrl: 'https://docs.example/template.md' }),
      async () => ({
        kind: 'failed',
        failure: { kind: 'not-found', message: 'There is no file at X.' },
      }),
    );
    expect(problem).toBe(
      'The template cannot be read: There is no file at X.; the built-in template is used instead.',
    );
  });

  it.each([
    [[], 'The section list is empty'],
    ['Purpose', 'it must be a list of sections'],
    [[{ title: '' }], 'Section 1 has no title'],
  ])('should report unusable sections %p', async (sections, reason) => {
    const { template, problem } = await loadIndexTemplate(
      config({ sections }),
      jest.fn(),
    );
    expect(template).toBe(defaultTemplateModel());
    expect(problem).toContain(reason);
  });

  it('should report an unknown built-in template name', async () => {
    const { problem } = await loadIndexTemplate(
      config({ template: 'iso' }),
      jest.fn(),
    );
    expect(problem).toBe(
      'architectureDocs.template must be one of "default", "arc42", got "iso"; the built-in template is used instead.',
    );
  });
});

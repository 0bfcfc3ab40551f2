import * as fs from 'node:fs';
import { DEFAULT_TEMPLATE_MARKDOWN } from './default-template';
import { analyzeArchitectureDoc } from './analyze-architecture-doc';
import { sharedTemplateFile } from '../testing/sharedFiles';
import { itWithSharedFiles } from '../testing/withSharedFiles';
import {
  defaultTemplateModel,
  parseTemplate,
  templateFromSections,
  templateSkeleton,
  TemplateError,
} from './template-model';

describe('defaultTemplateModel', () => {
  itWithSharedFiles('should ship the team template unchanged', () => {
    expect(DEFAULT_TEMPLATE_MARKDOWN).toBe(fs.readFileSync(sharedTemplateFile, 'utf8'));
  });

  it('should list the twelve sections in template order', () => {
    expect(defaultTemplateModel().sections.map(s => s.title)).toEqual([
      'Purpose',
      'Context',
      'Design drivers',
      'Responsibilities',
      'Data and interfaces',
      'Operational flow',
      'Failure and fallback behavior',
      'Deployment and scaling',
      'Security and compliance',
      'Testing strategy',
      'Open questions',
      'See also',
    ]);
  });

  it('should give each section its id, level, equal weight and guidance', () => {
    const section = defaultTemplateModel().sections[2];
    expect(section).toMatchObject({
      id: 'design-drivers',
      order: 2,
      level: 2,
      weight: 1,
      required: true,
    });
    expect(section.guidance).toBe(
      'List the top constraints or goals (throughput, determinism, fail-safe behavior).\nCall out regulatory or content obligations that shaped the design.',
    );
  });

  it('should keep subsections inside their section', () => {
    const data = defaultTemplateModel().sections.find(s => s.id === 'data-and-interfaces')!;
    expect(data.guidance).toContain('Enumerate inputs');
    expect(data.guidance).toContain('Describe outputs');
  });

  it('should include the built-in aliases', () => {
    const failure = defaultTemplateModel().sections[6];
    expect(failure.aliases).toEqual(expect.arrayContaining(['error handling', 'troubleshooting']));
  });
});

describe('parseTemplate', () => {
  it('should derive sections from an organisation template', () => {
    const model = parseTemplate('# Title\n\n## Summary\n\nSay what it is.\n\n## Risks\n\nList risks.\n', {
      name: 'acme',
      weights: { risks: 3 },
      aliases: { Risks: ['Hazards'] },
    });
    expect(model.name).toBe('acme');
    expect(model.sections.map(s => [s.id, s.weight, s.guidance])).toEqual([
      ['summary', 1, 'Say what it is.'],
      ['risks', 3, 'List risks.'],
    ]);
    expect(model.sections[1].aliases).toContain('hazards');
  });

  it('should use the shallowest level below the title as the section level', () => {
    const model = parseTemplate('# T\n\n### A\n\nx\n\n#### A.1\n\ny\n\n### B\n');
    expect(model.sections.map(s => s.title)).toEqual(['A', 'B']);
  });

  it('should reject a template without section headings', () => {
    expect(() => parseTemplate('# Only a title\n\nText.')).toThrow(TemplateError);
  });

  it('should reject a negative weight with the section named', () => {
    expect(() => parseTemplate('## A\n', { weights: { A: -1 } })).toThrow('Section "A" has weight -1');
  });
});

describe('templateFromSections', () => {
  it('should build a model from an inline section list', () => {
    const model = templateFromSections([
      { title: 'Purpose', weight: 2 },
      { title: 'Runbook', aliases: ['Operations manual'], required: false },
    ]);
    expect(model.sections.map(s => [s.id, s.weight, s.required])).toEqual([
      ['purpose', 2, true],
      ['runbook', 1, false],
    ]);
    expect(model.sections[1].aliases).toEqual(['runbook', 'operations manual']);
  });

  it('should reject an empty list', () => {
    expect(() => templateFromSections([])).toThrow('The section list is empty');
  });

  it('should reject a section without a title', () => {
    expect(() => templateFromSections([{ title: ' ' }])).toThrow('Section 1 has no title.');
  });

  it('should keep ids unique when titles repeat', () => {
    const model = templateFromSections([{ title: 'Notes' }, { title: 'notes' }]);
    expect(model.sections.map(s => s.id)).toEqual(['notes', 'notes-2']);
  });
});

describe('templateSkeleton', () => {
  it('should give a title line and one heading per section, in order', () => {
    const model = templateFromSections([{ title: 'Problem statement' }, { title: 'Runtime\n  view' }]);
    expect(templateSkeleton(model)).toBe(
      '# <System or capability name> architecture\n\n## Problem statement\n\n## Runtime view\n',
    );
  });

  it('should give a skeleton whose sections are all found as placeholders', () => {
    const model = templateFromSections([{ title: 'Problem statement' }, { title: 'Runtime view' }]);
    const report = analyzeArchitectureDoc(templateSkeleton(model), { template: model });
    expect(report.sections.map(section => [section.title, section.status])).toEqual([
      ['Problem statement', 'placeholder'],
      ['Runtime view', 'placeholder'],
    ]);
  });
});

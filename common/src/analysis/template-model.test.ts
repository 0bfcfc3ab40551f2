import * as fs from 'node:fs';
import { DEFAULT_TEMPLATE_MARKDOWN } from './default-template';
import { analyzeArchitectureDoc } from './analyze-architecture-doc';
import {
  arc42TemplateFile,
  sharedTemplateFile,
  itWithSharedFiles,
} from '@internal/architecture-docs-testing';
import {
  defaultTemplateModel,
  parseTemplate,
  templateFromSections,
  templateSkeleton,
  TemplateError,
} from './template-model';
import { arc42TemplateModel } from './arc42-template';
import { builtInTemplateModel } from './built-in-templates';

const ARC42_TITLES = [
  'Introduction and Goals',
  'Architecture Constraints',
  'Context and Scope',
  'Solution Strategy',
  'Building Block View',
  'Runtime View',
  'Deployment View',
  'Cross-cutting Concepts',
  'Architecture Decisions',
  'Quality Requirements',
  'Risks and Technical Debts',
  'Glossary',
];

describe('a template file read as its author published it', () => {
  itWithSharedFiles(
    'should read the official arc42 file as exactly its twelve sections',
    () => {
      const model = parseTemplate(fs.readFileSync(arc42TemplateFile, 'utf8'), {
        name: 'arc42 file',
      });
      expect(model.sections.map(s => s.title)).toEqual(ARC42_TITLES);
    },
  );

  itWithSharedFiles(
    'should take the official arc42 file, help text and all, for placeholders of its own sections',
    () => {
      const markdown = fs.readFileSync(arc42TemplateFile, 'utf8');
      const report = analyzeArchitectureDoc(markdown, {
        template: parseTemplate(markdown),
      });
      expect(report.sections.map(s => s.status)).toEqual(
        ARC42_TITLES.map(() => 'placeholder'),
      );
      expect(report.sections[0].evidence?.summary).toMatch(
        /still repeats the template's guidance/,
      );
    },
  );

  it('should skip front matter, whose closing line would otherwise make a heading', () => {
    const model = parseTemplate(
      '---\ntitle: Design doc\ndate: 2025\n---\n\n# Doc\n\n## Goals\n\nx\n\n## Risks\n',
    );
    expect(model.sections.map(s => s.title)).toEqual(['Goals', 'Risks']);
  });

  it('should skip headings without text', () => {
    const model = parseTemplate(
      '# \n\n# Goals\n\nWhy.\n\n#\n\n# Risks\n\nWhat.\n',
    );
    expect(model.sections.map(s => s.title)).toEqual(['Goals', 'Risks']);
  });

  it('should take top-level headings as sections when there is no single title', () => {
    expect(
      parseTemplate('# Goals\n\n## Sub\n\n# Risks\n').sections.map(
        s => s.title,
      ),
    ).toEqual(['Goals', 'Risks']);
    expect(
      parseTemplate('## Goals\n\n## Risks\n').sections.map(s => s.title),
    ).toEqual(['Goals', 'Risks']);
    expect(
      parseTemplate('# Title\n\n## Goals\n\n## Risks\n').sections.map(
        s => s.title,
      ),
    ).toEqual(['Goals', 'Risks']);
  });
});

describe('arc42TemplateModel', () => {
  it("should carry arc42's twelve sections in order, with guidance of its own", () => {
    const model = arc42TemplateModel();
    expect(model.name).toBe('arc42');
    expect(model.sections.map(s => s.title)).toEqual(ARC42_TITLES);
    expect(model.sections.every(s => s.guidance.length > 20)).toBe(true);
  });

  it('should be chosen by name, with the team template staying the default', () => {
    expect(builtInTemplateModel('arc42')).toBe(arc42TemplateModel());
    expect(builtInTemplateModel('ARC42')).toBe(arc42TemplateModel());
    expect(builtInTemplateModel('default')).toBe(defaultTemplateModel());
    expect(builtInTemplateModel('c4')).toBeUndefined();
  });

  it('should find sections of an arc42 doc written in English alternatives or German', () => {
    const doc = [
      '# Shop',
      '## 1 Einführung und Ziele',
      'Der Shop verkauft Bücher an Endkunden.',
      '## System scope and context',
      'Talks to the payment provider and the warehouse.',
      '## Building blocks',
      'Catalog, cart and checkout, each owning its data.',
      '## Laufzeitsicht',
      'Bestellung: Warenkorb, Bezahlung, Versand.',
    ].join('\n\n');
    const report = analyzeArchitectureDoc(doc, {
      template: arc42TemplateModel(),
    });
    const status = (title: string) =>
      report.sections.find(s => s.title === title)!.status;
    expect(status('Introduction and Goals')).toBe('present');
    expect(status('Context and Scope')).toBe('present');
    expect(status('Building Block View')).toBe('present');
    expect(status('Runtime View')).toBe('present');
    expect(status('Glossary')).toBe('missing');
  });
});

describe('defaultTemplateModel', () => {
  itWithSharedFiles('should ship the team template unchanged', () => {
    expect(DEFAULT_TEMPLATE_MARKDOWN).toBe(
      fs.readFileSync(sharedTemplateFile, 'utf8'),
    );
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
    const data = defaultTemplateModel().sections.find(
      s => s.id === 'data-and-interfaces',
    )!;
    expect(data.guidance).toContain('Enumerate inputs');
    expect(data.guidance).toContain('Describe outputs');
  });

  it('should include the built-in aliases', () => {
    const failure = defaultTemplateModel().sections[6];
    expect(failure.aliases).toEqual(
      expect.arrayContaining(['error handling', 'troubleshooting']),
    );
  });
});

describe('parseTemplate', () => {
  it('should derive sections from an organisation template', () => {
    const model = parseTemplate(
      '# Title\n\n## Summary\n\nSay what it is.\n\n## Risks\n\nList risks.\n',
      {
        name: 'acme',
        weights: { risks: 3 },
        aliases: { Risks: ['Hazards'] },
      },
    );
    expect(model.name).toBe('acme');
    expect(model.sections.map(s => [s.id, s.weight, s.guidance])).toEqual([
      ['summary', 1, 'Say what it is.'],
      ['risks', 3, 'List risks.'],
    ]);
    expect(model.sections[1].aliases).toContain('hazards');
  });

  it('should use the shallowest level below the title as the section level', () => {
    const model = parseTemplate(
      '# T\n\n### A\n\nx\n\n#### A.1\n\ny\n\n### B\n',
    );
    expect(model.sections.map(s => s.title)).toEqual(['A', 'B']);
  });

  it('should reject a template without section headings', () => {
    expect(() => parseTemplate('# Only a title\n\nText.')).toThrow(
      TemplateError,
    );
  });

  it('should reject a negative weight with the section named', () => {
    expect(() => parseTemplate('## A\n', { weights: { A: -1 } })).toThrow(
      'Section "A" has weight -1',
    );
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
    expect(() => templateFromSections([{ title: ' ' }])).toThrow(
      'Section 1 has no title.',
    );
  });

  it('should keep ids unique when titles repeat', () => {
    const model = templateFromSections([
      { title: 'Notes' },
      { title: 'notes' },
    ]);
    expect(model.sections.map(s => s.id)).toEqual(['notes', 'notes-2']);
  });
});

describe('templateSkeleton', () => {
  it('should give a title line and one heading per section, in order', () => {
    const model = templateFromSections([
      { title: 'Problem statement' },
      { title: 'Runtime\n  view' },
    ]);
    expect(templateSkeleton(model)).toBe(
      '# <System or capability name> architecture\n\n## Problem statement\n\n## Runtime view\n',
    );
  });

  it('should give a skeleton whose sections are all found as placeholders', () => {
    const model = templateFromSections([
      { title: 'Problem statement' },
      { title: 'Runtime view' },
    ]);
    const report = analyzeArchitectureDoc(templateSkeleton(model), {
      template: model,
    });
    expect(
      report.sections.map(section => [section.title, section.status]),
    ).toEqual([
      ['Problem statement', 'placeholder'],
      ['Runtime view', 'placeholder'],
    ]);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArchitectureDoc } from './analyze-architecture-doc';
import { corpusDir } from '../testing/sharedFiles';
import { describeWithSharedFiles } from '../testing/withSharedFiles';

/**
 * Agreement with human labels on real docs written by other people (the
 * shared corpus beside the repository). Prints the figures; fails below
 * 90 % on the labels the labeller was sure of, or when a link the labels
 * call broken is not reported broken.
 */
const REPO = path.join(corpusDir, 'retrovue');

interface LabelledDoc {
  path: string;
  sections: Record<string, { status: string; heading: string | null; uncertain?: boolean }>;
  links: Array<{ target: string; line: number; exists: boolean; resolved: string; contract: boolean }>;
}

function readLabels(): { docs: LabelledDoc[] } {
  return JSON.parse(fs.readFileSync(path.join(corpusDir, 'retrovue-labels.json'), 'utf8'));
}

function analyse(doc: LabelledDoc) {
  const markdown = fs.readFileSync(path.join(REPO, doc.path), 'utf8');
  return analyzeArchitectureDoc(markdown, {
    path: doc.path,
    linkExists: resolved => fs.existsSync(path.join(REPO, resolved)),
  });
}

interface SectionRow {
  doc: string;
  section: string;
  expected: string;
  uncertain: boolean;
  actual: string;
}

describeWithSharedFiles('agreement with the human labels', () => {
  // Read when the tests run, so that a clone without the corpus only skips them.
  let labels: { docs: LabelledDoc[] };
  let rows: SectionRow[];
  beforeAll(() => {
    labels = readLabels();
    rows = labels.docs.flatMap(doc => {
      const report = analyse(doc);
      return report.sections.map(section => ({
        doc: doc.path,
        section: section.title,
        expected: doc.sections[section.title].status,
        uncertain: doc.sections[section.title].uncertain === true,
        actual: section.status,
      }));
    });
  });

  it('should agree on at least 90 % of the section labels not marked uncertain', () => {
    const agree = (list: typeof rows) => list.filter(r => r.expected === r.actual).length;
    const certain = rows.filter(r => !r.uncertain);
    const disagreements = rows
      .filter(r => r.expected !== r.actual)
      .map(r => `  ${r.uncertain ? '(uncertain) ' : ''}${r.doc} · ${r.section}: labelled ${r.expected}, analysed ${r.actual}`);
    // eslint-disable-next-line no-console
    console.log(
      [
        `Section status agreement: all labels ${agree(rows)}/${rows.length} (${((100 * agree(rows)) / rows.length).toFixed(1)} %), ` +
          `labels not marked uncertain ${agree(certain)}/${certain.length} (${((100 * agree(certain)) / certain.length).toFixed(1)} %)`,
        'Disagreements:',
        ...disagreements,
      ].join('\n'),
    );
    expect(agree(certain) / certain.length).toBeGreaterThanOrEqual(0.9);
  });

  it('should report every labelled broken link as broken, at its line', () => {
    let labelledBroken = 0;
    const missed: string[] = [];
    for (const doc of labels.docs) {
      const report = analyse(doc);
      for (const link of doc.links.filter(l => !l.exists)) {
        labelledBroken++;
        const found = report.links.find(l => l.line === link.line && l.target === link.target);
        if (found?.exists !== false || found.resolved !== link.resolved) {
          missed.push(`${doc.path}:${link.line} ${link.target}`);
        }
      }
    }
    // eslint-disable-next-line no-console
    console.log(`Broken links: ${labelledBroken - missed.length}/${labelledBroken} labelled broken links reported broken`);
    expect(missed).toEqual([]);
    expect(labelledBroken).toBeGreaterThan(0);
  });

  it('should agree with every labelled link on existence and contract kind', () => {
    const disagreements: string[] = [];
    for (const doc of labels.docs) {
      const report = analyse(doc);
      for (const link of doc.links) {
        const found = report.links.find(l => l.line === link.line && l.target === link.target);
        if (!found) disagreements.push(`${doc.path}:${link.line} ${link.target} not found`);
        else if (found.exists !== link.exists || (found.kind === 'contract') !== link.contract) {
          disagreements.push(`${doc.path}:${link.line} ${link.target}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeArchitectureDoc,
  builtInTemplateModel,
  exceedsAnalysisBudget,
  tooComplexToAnalyze,
  type RenderBudgetExcess,
  defaultTemplateModel,
  parseTemplate,
  type ArchitectureDocReport,
  type TemplateModel,
} from 'backstage-plugin-architecture-docs-common';
import { mermaidErrorMessage } from '../lib/mermaid-error-message';
import { validateMermaidDiagrams } from './validate-mermaid';

/** Where the check writes; the real process streams, or buffers in tests. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The exit codes of the command-line check. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Usage: architecture-docs check [--template FILE|arc42] [--json] [--min-score N] FILE_OR_DIR...

Checks architecture docs against the template: sections present, placeholder
or missing, a completeness score, relative links that point nowhere, and
Mermaid diagrams that Mermaid's own parser rejects.

Options:
  --template FILE   the template to check against: a markdown file, or "arc42"
                    for the built-in arc42 template (default: the built-in team template)
  --json            print one JSON document instead of the readable report
  --min-score N     fail when a doc scores below N (0-100, default 0)
  -h, --help        show this help

Exit codes: 0 all docs pass, 1 a doc scores below --min-score, has a broken
link or a diagram Mermaid rejects, 2 usage error, unreadable file, or Mermaid
could not be loaded to check the diagrams.`;

class UsageError extends Error {}

interface CheckArgs {
  template?: string;
  json: boolean;
  minScore: number;
  paths: string[];
}

function parseArgs(argv: readonly string[]): CheckArgs | 'help' {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help')
    return 'help';
  const [command, ...rest] = argv;
  if (command !== 'check') {
    throw new UsageError(
      `Unknown command "${command}"; the only command is "check".`,
    );
  }
  const args: CheckArgs = { json: false, minScore: 0, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? arg.split(/=(.*)/s, 2)
        : [arg, undefined];
    const value = () => {
      const next = inline ?? rest[++i];
      if (next === undefined || next === '')
        throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    if (flag === '--json') args.json = true;
    else if (flag === '--template') args.template = value();
    else if (flag === '--min-score') {
      const raw = value();
      const score = Number(raw);
      if (!/^\d+(\.\d+)?$/.test(raw) || score > 100) {
        throw new UsageError(
          `--min-score must be a number from 0 to 100, not "${raw}".`,
        );
      }
      args.minScore = score;
    } else if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--') {
      args.paths.push(...rest.slice(i + 1));
      break;
    } else if (flag.startsWith('-') && flag !== '-')
      throw new UsageError(`Unknown option "${flag}".`);
    else args.paths.push(arg);
  }
  if (args.paths.length === 0)
    throw new UsageError('Give at least one file or directory to check.');
  return args;
}

class UnreadableError extends Error {}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

function collectMarkdownFiles(target: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new UnreadableError(
      `Cannot read "${target}": no such file or directory.`,
    );
  }
  if (stat.isFile()) return [absolute];
  if (!stat.isDirectory())
    throw new UnreadableError(
      `Cannot read "${target}": not a file or directory.`,
    );
  const files: string[] = [];
  const pending = [absolute];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      throw new UnreadableError(
        `Cannot read directory "${path.relative(cwd, dir) || dir}".`,
      );
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && /\.md$/i.test(entry.name)) {
        files.push(full);
      }
    }
  }
  return files.sort();
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}

function loadTemplate(file: string | undefined, cwd: string): TemplateModel {
  if (!file) return defaultTemplateModel();
  const builtIn = builtInTemplateModel(file);
  if (builtIn) return builtIn;
  let markdown: string;
  try {
    markdown = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch {
    throw new UnreadableError(`Cannot read template "${file}".`);
  }
  try {
    return parseTemplate(markdown, { name: file });
  } catch (error) {
    throw new UnreadableError(
      `Template "${file}" cannot be used: ${(error as Error).message}`,
    );
  }
}

/** A doc's report, or the analysis bound it passed (then it is not analysed and has no score). */
type CheckedDoc =
  | { file: string; report: ArchitectureDocReport; tooComplex?: undefined }
  | { file: string; report?: undefined; tooComplex: RenderBudgetExcess };

function jsonDocument(
  template: TemplateModel,
  docs: CheckedDoc[],
  minScore: number,
) {
  return {
    template: template.name,
    minScore,
    docs: docs.map(({ file, report, tooComplex }) =>
      !report
        ? {
            file,
            title: null,
            score: null,
            passed: false,
            tooComplex: {
              message: tooComplexToAnalyze(tooComplex),
              ...tooComplex,
            },
          }
        : {
            file,
            title: report.title,
            score: report.score,
            passed: passes(report, minScore),
            sections: report.sections.map(s => ({
              title: s.title,
              status: s.status,
              heading: s.heading,
              line: s.line,
              ...(s.placeholderReason ? { reason: s.placeholderReason } : {}),
              ...(s.evidence ? { evidence: s.evidence } : {}),
            })),
            links: report.links
              .filter(l => l.kind !== 'external' && l.kind !== 'anchor')
              .map(l => ({
                target: l.target,
                kind: l.kind,
                line: l.line,
                resolved: l.resolved,
                exists: l.exists,
              })),
            mermaid: report.mermaid.map(m => ({
              type: m.type,
              line: m.line,
              ...(m.problem ? { problem: m.problem } : {}),
            })),
            findings: report.findings,
          },
    ),
  };
}

function brokenLinks(report: ArchitectureDocReport) {
  return report.links.filter(l => l.exists === false);
}

/** Diagrams the tab cannot draw: it shows "Diagram could not be drawn" in their place. */
function invalidDiagrams(report: ArchitectureDocReport) {
  return report.findings.filter(f => f.kind === 'invalid-mermaid');
}

function passes(report: ArchitectureDocReport, minScore: number): boolean {
  return (
    report.score >= minScore &&
    brokenLinks(report).length === 0 &&
    invalidDiagrams(report).length === 0
  );
}

function docPasses(doc: CheckedDoc, minScore: number): boolean {
  return !!doc.report && passes(doc.report, minScore);
}

function readableReport(docs: CheckedDoc[], minScore: number): string {
  const lines: string[] = [];
  for (const { file, report, tooComplex } of docs) {
    if (!report) {
      lines.push(`${file}  ${tooComplexToAnalyze(tooComplex)}  FAIL`, '');
      continue;
    }
    const verdict = passes(report, minScore) ? 'ok' : 'FAIL';
    lines.push(
      `${file}  ${report.title ?? '(no title)'}  score ${report.score}/100  ${verdict}`,
    );
    const byStatus = (status: string) =>
      report.sections.filter(s => s.status === status);
    const missing = byStatus('missing');
    if (missing.length)
      lines.push(`  missing: ${missing.map(s => s.title).join(', ')}`);
    for (const s of byStatus('placeholder')) {
      lines.push(
        `  placeholder: ${s.title} (line ${s.line}, ${s.placeholderReason})`,
      );
      if (s.evidence) lines.push(`    ${s.evidence.summary}`);
    }
    for (const link of brokenLinks(report)) {
      lines.push(
        `  broken link: line ${link.line} ${link.target} -> ${link.resolved}`,
      );
    }
    for (const finding of invalidDiagrams(report)) {
      // Mermaid's parse errors span lines (the excerpt and a caret under it).
      const message = finding.message.split('\n').join('\n      ');
      lines.push(`  invalid mermaid: line ${finding.line} ${message}`);
    }
    lines.push('');
  }
  const failed = docs.filter(d => !docPasses(d, minScore));
  const broken = docs.reduce(
    (n, d) => n + (d.report ? brokenLinks(d.report).length : 0),
    0,
  );
  const below = docs.filter(d => d.report && d.report.score < minScore).length;
  const diagrams = docs.reduce(
    (n, d) => n + (d.report ? invalidDiagrams(d.report).length : 0),
    0,
  );
  lines.push(
    failed.length === 0
      ? `${docs.length} doc(s) checked: all pass (min score ${minScore}, no broken links, no invalid diagrams).`
      : `${docs.length} doc(s) checked: ${failed.length} fail (${below} below min score ${minScore}, ${broken} broken link(s), ${diagrams} invalid diagram(s)).`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the command-line check and resolves to its exit code. Never rejects.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  let args: CheckArgs | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.stderr(`architecture-docs: ${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  try {
    const template = loadTemplate(args.template, io.cwd);
    const files = Array.from(
      new Set(args.paths.flatMap(p => collectMarkdownFiles(p, io.cwd))),
    );
    if (files.length === 0) {
      throw new UnreadableError(
        `No markdown files found in ${args.paths.map(p => `"${p}"`).join(', ')}.`,
      );
    }
    const docs: CheckedDoc[] = files.map(absolute => {
      let markdown: string;
      const file =
        toPosix(path.relative(io.cwd, absolute)) || path.basename(absolute);
      try {
        markdown = fs.readFileSync(absolute, 'utf8');
      } catch {
        throw new UnreadableError(`Cannot read "${file}".`);
      }
      // Past the analysis bound a doc is not parsed, as in the portal.
      const tooComplex = exceedsAnalysisBudget(markdown);
      if (tooComplex) return { file, tooComplex };
      const report = analyzeArchitectureDoc(markdown, {
        template,
        path: file,
        linkExists: resolved => fs.existsSync(path.resolve(io.cwd, resolved)),
      });
      return { file, report };
    });
    try {
      await validateMermaidDiagrams(
        docs.flatMap(d => (d.report ? [d.report] : [])),
      );
    } catch (error) {
      throw new UnreadableError(
        `Mermaid could not be loaded to check the diagrams: ${mermaidErrorMessage(error) ?? 'no reason given'}`,
      );
    }
    io.stdout(
      args.json
        ? `${JSON.stringify(jsonDocument(template, docs, args.minScore), null, 2)}\n`
        : readableReport(docs, args.minScore),
    );
    return docs.every(d => docPasses(d, args.minScore)) ? EXIT_OK : EXIT_FAILED;
  } catch (error) {
    io.stderr(`architecture-docs: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
}

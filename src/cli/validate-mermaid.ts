import { MAX_DIAGRAM_TEXT } from '../lib/mermaid-config';
import { mermaidErrorMessage } from '../lib/mermaid-error-message';
import {
  RENDER_LIMITS,
  type ArchitectureDocReport,
  type MermaidBlock,
} from 'backstage-plugin-architecture-docs-common';
import { loadMermaidInNode, type NodeMermaidApi } from './load-mermaid-in-node';
import { sourceLineOfParsedLine } from './mermaid-source-lines';

/** Why Mermaid rejects a diagram, and where in the doc. */
export interface DiagramRejection {
  /** Mermaid's own message, shortened. */
  message: string;
  /** One-based line of the doc: the fence's line plus the line inside the diagram. */
  line: number;
}

/** The part of Mermaid the check uses; tests may pass a stand-in. */
export type MermaidParser = Pick<NodeMermaidApi, 'parse'>;

// Mermaid names the line in its messages as "line 3" or "Parse error on line 3".
const LINE_IN_MESSAGE = /\bline (\d{1,9})\b/;

/** The doc line of a line Mermaid names in a diagram it accepted for parsing. */
function docLine(
  block: Pick<MermaidBlock, 'source' | 'line'>,
  parsedLine: number,
): number {
  try {
    return block.line + sourceLineOfParsedLine(block.source, parsedLine);
  } catch {
    return block.line + 1;
  }
}

/**
 * Whether Mermaid failed to load the code for a kind of diagram, which says
 * nothing about the diagram and must not be reported as its fault.
 */
function isModuleLoadFailure(error: unknown): boolean {
  try {
    const code: unknown = (error as { code?: unknown } | null)?.code;
    return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
  } catch {
    return false;
  }
}

/**
 * Asks Mermaid's own parser whether it accepts one diagram, with the limits
 * the tab draws with. Resolves to undefined when it does. Whatever the
 * diagram's text, it never rejects; it rejects only when Mermaid cannot load
 * its own code for the diagram's kind.
 */
export async function findDiagramRejection(
  mermaid: MermaidParser,
  block: Pick<MermaidBlock, 'source' | 'line'>,
): Promise<DiagramRejection | undefined> {
  if (block.source.length > MAX_DIAGRAM_TEXT) {
    // The tab draws Mermaid's "Maximum text size in diagram exceeded" box in
    // place of such a diagram; it is not worth parsing.
    return {
      message: `Maximum text size in diagram exceeded: ${block.source.length} characters, the limit is ${MAX_DIAGRAM_TEXT}.`,
      line: block.line + 1,
    };
  }
  try {
    await mermaid.parse(block.source);
    return undefined;
  } catch (error) {
    if (isModuleLoadFailure(error)) throw error;
    const message =
      mermaidErrorMessage(error) ??
      'Mermaid rejects the diagram without saying why.';
    const named = LINE_IN_MESSAGE.exec(message);
    return {
      message,
      line: docLine(block, named ? Number(named[1]) : 1),
    };
  }
}

/**
 * Adds an `invalid-mermaid` finding to each report for every diagram Mermaid
 * rejects, and sets the block's `problem` to Mermaid's message. Blocks the
 * analyzer already flagged (no diagram type) are not parsed again.
 *
 * The work is bounded as the tab bounds it: each diagram is parsed only up to
 * Mermaid's text and edge limits, and only the first `RENDER_LIMITS.diagrams`
 * diagrams of a doc are parsed, the most a doc the tab shows can hold. Mermaid
 * is loaded only when some report holds a diagram; a failure to load it
 * rejects, because then no diagram could be checked.
 */
export async function validateMermaidDiagrams(
  reports: readonly ArchitectureDocReport[],
  load: () => Promise<MermaidParser> = loadMermaidInNode,
): Promise<void> {
  const pending = reports.flatMap(report =>
    report.mermaid
      .slice(0, RENDER_LIMITS.diagrams)
      .filter(block => !block.problem)
      .map(block => ({ report, block })),
  );
  if (pending.length === 0) return;
  const mermaid = await load();
  // One at a time: Mermaid keeps the diagram being parsed in shared state.
  for (const { report, block } of pending) {
    const rejection = await findDiagramRejection(mermaid, block);
    if (!rejection) continue;
    block.problem = rejection.message;
    report.findings.push({
      kind: 'invalid-mermaid',
      severity: 'error',
      message: `Mermaid diagram at line ${block.line}: ${rejection.message}`,
      line: rejection.line,
    });
  }
}

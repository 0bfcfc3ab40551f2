import type { MermaidBlock } from './types';

/**
 * Diagram keywords Mermaid understands. A fence that starts with anything else
 * cannot render, which is worth saying before Mermaid is ever loaded.
 */
const DIAGRAM_TYPES = new Set([
  'graph',
  'flowchart',
  'flowchart-elk',
  'sequenceDiagram',
  'classDiagram',
  'classDiagram-v2',
  'stateDiagram',
  'stateDiagram-v2',
  'erDiagram',
  'journey',
  'gantt',
  'pie',
  'quadrantChart',
  'requirementDiagram',
  'gitGraph',
  'C4Context',
  'C4Container',
  'C4Component',
  'C4Dynamic',
  'C4Deployment',
  'mindmap',
  'timeline',
  'zenuml',
  'sankey-beta',
  'sankey',
  'xychart-beta',
  'xychart',
  'block-beta',
  'block',
  'packet-beta',
  'packet',
  'kanban',
  'architecture-beta',
  'architecture',
  'radar-beta',
  'treemap-beta',
  'treemap',
]);

/**
 * Reads the diagram type of a Mermaid fence (its first word after
 * front matter, directives and comments) and flags fences that cannot render.
 * @public
 */
export function detectMermaidBlock(source: string, line: number): MermaidBlock {
  const lines = source.split('\n');
  let index = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    index = close < 0 ? lines.length : close + 1;
  }
  for (; index < lines.length; index++) {
    const text = lines[index].trim();
    if (!text || text.startsWith('%%')) continue;
    const type = /^[^\s;:{]+/.exec(text)?.[0] ?? '';
    const block: MermaidBlock = { type, line, source };
    if (!DIAGRAM_TYPES.has(type)) {
      block.type = 'unknown';
      block.problem = `"${type.slice(0, 40)}" is not a Mermaid diagram type.`;
    }
    return block;
  }
  return { type: 'unknown', line, source, problem: 'The diagram is empty.' };
}

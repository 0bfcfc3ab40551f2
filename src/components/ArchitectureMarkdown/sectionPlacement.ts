import type { RootContent } from 'mdast';
import type {
  ArchitectureDocReport,
  SectionReport,
} from 'backstage-plugin-architecture-docs-common';

/**
 * Missing sections to show before one top-level block of the doc.
 * @internal
 */
export interface MissingSectionPlacement {
  /**
   * Index into the root's children the callouts go before; equal to the
   * number of children when they go at the very end.
   */
  index: number;
  /** The missing sections, in template order. */
  sections: SectionReport[];
}

function startLineOf(node: RootContent): number | undefined {
  return node.position?.start.line;
}

/** One past the last block a heading owns: up to the next heading of the same or a higher level. */
function sectionEnd(
  children: readonly RootContent[],
  headingIndex: number,
): number {
  const heading = children[headingIndex];
  const depth = heading.type === 'heading' ? heading.depth : 1;
  for (let i = headingIndex + 1; i < children.length; i++) {
    const node = children[i];
    if (node.type === 'heading' && node.depth <= depth) return i;
  }
  return children.length;
}

/** Where the doc's opening ends: after the title and the Related line, whichever comes later. */
function afterOpening(
  children: readonly RootContent[],
  report: Pick<ArchitectureDocReport, 'titleLine' | 'relatedLine'>,
): number {
  let index = 0;
  children.forEach((node, i) => {
    const line = startLineOf(node);
    if (line === undefined) return;
    const isTitle = node.type === 'heading' && line === report.titleLine;
    const isRelated = node.type === 'paragraph' && line === report.relatedLine;
    if (isTitle || isRelated) index = Math.max(index, i + 1);
  });
  return index;
}

/**
 * Decides where each missing template section is shown among the top-level
 * blocks of the doc, so the reader meets it where the template would have it:
 * after the content of the nearest earlier section the doc has as a heading
 * (but never past the heading of a later template section nested inside that
 * content); failing that, before the first later section the doc has; failing
 * that, after the title and the Related line. Sections matched by a labelled
 * paragraph rather than a heading do not anchor anything, since their extent
 * is a guess. Placements come back ordered by index; sections sharing an
 * index keep template order.
 * @internal
 */
export function placeMissingSections(
  children: readonly RootContent[],
  report: Pick<ArchitectureDocReport, 'sections' | 'titleLine' | 'relatedLine'>,
): MissingSectionPlacement[] {
  const headingIndexByLine = new Map<number, number>();
  children.forEach((node, index) => {
    const line = startLineOf(node);
    if (
      node.type === 'heading' &&
      line !== undefined &&
      !headingIndexByLine.has(line)
    ) {
      headingIndexByLine.set(line, index);
    }
  });

  // Root index of each template section's heading, or undefined when the doc
  // has no heading for it.
  const headingIndex = report.sections.map(section =>
    section.status !== 'missing' &&
    section.heading !== null &&
    section.line !== null
      ? headingIndexByLine.get(section.line)
      : undefined,
  );

  const opening = afterOpening(children, report);
  const byIndex = new Map<number, SectionReport[]>();
  report.sections.forEach((section, order) => {
    if (section.status !== 'missing') return;
    let index: number | undefined;
    for (
      let earlier = order - 1;
      earlier >= 0 && index === undefined;
      earlier--
    ) {
      const start = headingIndex[earlier];
      if (start === undefined) continue;
      index = sectionEnd(children, start);
      // A later template section nested inside the earlier one's content
      // should still come after the callout.
      for (let later = order + 1; later < headingIndex.length; later++) {
        const laterStart = headingIndex[later];
        if (
          laterStart !== undefined &&
          laterStart > start &&
          laterStart < index
        )
          index = laterStart;
      }
    }
    if (index === undefined) {
      for (
        let later = order + 1;
        later < headingIndex.length && index === undefined;
        later++
      ) {
        index = headingIndex[later];
      }
    }
    const at = index ?? opening;
    const list = byIndex.get(at) ?? [];
    list.push(section);
    byIndex.set(at, list);
  });

  return [...byIndex.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, sections]) => ({ index, sections }));
}

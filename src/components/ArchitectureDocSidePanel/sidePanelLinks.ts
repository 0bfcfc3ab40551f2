import { safeDecodeURIComponent } from 'backstage-plugin-architecture-docs-common/client';
import type {
  LoadedArchitectureDoc,
  ResolvedDocLink,
} from '../../model/loaded-doc';

/**
 * A link listed in the side panel, with the text to show for it.
 * @public
 */
export interface PanelLink {
  link: ResolvedDocLink;
  /** The link text, or the file name when the text is empty. */
  label: string;
  /** The target's file name, when it differs from `label`. */
  fileName?: string;
}

/**
 * Contract links under one responsibility of the Responsibilities table, or
 * (with `responsibility` null) contract links found elsewhere in the doc.
 * @public
 */
export interface ContractGroup {
  responsibility: string | null;
  contracts: PanelLink[];
}

/** What identifies a link's target for de-duplication; the text as written when it has no URL. */
function targetKey(link: ResolvedDocLink): string {
  return link.url ?? link.link.resolved ?? link.link.target;
}

function fileNameOf(link: ResolvedDocLink): string | undefined {
  const path = link.link.resolved ?? link.url ?? link.link.target;
  const withoutSuffix = path.split(/[?#]/, 1)[0].replace(/\/+$/, '');
  const name = withoutSuffix.slice(withoutSuffix.lastIndexOf('/') + 1);
  return safeDecodeURIComponent(name) || undefined;
}

function toPanelLink(link: ResolvedDocLink): PanelLink {
  const fileName = fileNameOf(link);
  // Table cells often hold the path in backticks; the file name says it shorter.
  const label = link.link.text.trim() || fileName || link.link.target;
  return {
    link,
    label,
    fileName: fileName && fileName !== label ? fileName : undefined,
  };
}

/**
 * The contracts the side panel lists: one group per Responsibilities row
 * that links contracts (each link once per row), then one group of the
 * doc's other contract links that no row links, each URL once.
 * @public
 */
export function contractGroups(
  doc: Pick<LoadedArchitectureDoc, 'report' | 'links'>,
): ContractGroup[] {
  const groups: ContractGroup[] = [];
  const inTable = new Set<string>();
  for (const row of doc.report.contracts) {
    const seen = new Set<string>();
    const contracts: PanelLink[] = [];
    for (const index of row.links) {
      const link = doc.links[index];
      if (!link) continue;
      const key = targetKey(link);
      inTable.add(key);
      if (seen.has(key)) continue;
      seen.add(key);
      contracts.push(toPanelLink(link));
    }
    if (contracts.length > 0)
      groups.push({ responsibility: row.responsibility, contracts });
  }
  const others: PanelLink[] = [];
  const seen = new Set<string>();
  for (const link of doc.links) {
    if (link.link.kind !== 'contract') continue;
    const key = targetKey(link);
    if (inTable.has(key) || seen.has(key)) continue;
    seen.add(key);
    others.push(toPanelLink(link));
  }
  if (others.length > 0)
    groups.push({ responsibility: null, contracts: others });
  return groups;
}

/**
 * The related docs the side panel lists: the Related line's links, then the
 * See also section's, leaving out external links and anchors, each URL once.
 * @public
 */
export function relatedDocLinks(
  doc: Pick<LoadedArchitectureDoc, 'report' | 'links'>,
): PanelLink[] {
  const candidates: ResolvedDocLink[] = [];
  for (const index of doc.report.related) {
    const link = doc.links[index];
    if (link) candidates.push(link);
  }
  for (const link of doc.links) {
    if (link.link.origin === 'see-also') candidates.push(link);
  }
  const seen = new Set<string>();
  const result: PanelLink[] = [];
  for (const link of candidates) {
    if (
      link.link.kind === 'external' ||
      link.link.kind === 'anchor' ||
      !link.url
    )
      continue;
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    result.push(toPanelLink(link));
  }
  return result;
}

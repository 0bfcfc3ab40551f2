import type { ArchitectureDocLocation, ArchitectureDocsApi } from '../api';
import {
  analyzeParsedDoc,
  parseArchitectureDoc,
  type TemplateModel,
  isCheckableLink,
} from 'backstage-plugin-architecture-docs-common/analysis';
import { decodedUrlPath } from 'backstage-plugin-architecture-docs-common/client';
import type { DocOwner } from './doc-owners';
import { documentKey, urlFragment } from './doc-url';
import type {
  LinkTargetStatus,
  LoadedArchitectureDoc,
  ResolvedDocLink,
} from './loaded-doc';

/**
 * Builds the page's view of a fetched doc: one parse, one analysis, and
 * every link resolved against the doc's URL and the catalog.
 */
export function buildLoadedDoc(options: {
  api: ArchitectureDocsApi;
  location: ArchitectureDocLocation;
  file: LoadedArchitectureDoc['file'];
  template: TemplateModel;
  maxLength?: number;
  /** Owners known when the doc is built; {@link withDocOwners} adds those that arrive later. */
  owners?: Map<string, DocOwner>;
  entityPath: (owner: DocOwner) => string | undefined;
}): LoadedArchitectureDoc {
  const { api, location, file, template } = options;
  const parsed = parseArchitectureDoc(file.content, {
    maxLength: options.maxLength,
  });
  const report = analyzeParsedDoc(parsed, {
    template,
    path: decodedUrlPath(file.url),
    maxLength: options.maxLength,
  });
  const links = report.links.map((link, index): ResolvedDocLink => {
    let url: string | null = null;
    if (!link.unsafe && link.kind !== 'anchor') {
      try {
        url = api.resolveLink(link.target, file.url);
      } catch {
        url = null;
      }
    }
    let viewUrl: string | null = null;
    if (url) {
      try {
        viewUrl = api.getViewUrl(url);
      } catch {
        viewUrl = url;
      }
    }
    return { index, link, url, viewUrl, status: 'unknown' };
  });
  const doc = { location, file, parsed, report, links };
  return options.owners
    ? withDocOwners(doc, options.owners, options.entityPath)
    : doc;
}

/** The doc's link URLs whose owning entities are worth looking up. */
export function ownerLookupUrls(doc: LoadedArchitectureDoc): string[] {
  return doc.links.flatMap(link =>
    link.url && link.link.kind !== 'anchor' ? [link.url] : [],
  );
}

/**
 * The doc with each link to another entity's doc routed to that entity's
 * tab (keeping the fragment), once the owners are known.
 */
export function withDocOwners(
  doc: LoadedArchitectureDoc,
  owners: Map<string, DocOwner>,
  entityPath: (owner: DocOwner) => string | undefined,
): LoadedArchitectureDoc {
  if (owners.size === 0) return doc;
  const links = doc.links.map(link => {
    const owner = link.url ? owners.get(documentKey(link.url)) : undefined;
    if (!owner || !link.url) return link;
    const ownerPath = entityPath(owner);
    return {
      ...link,
      entityRef: owner.entityRef,
      entityPath: ownerPath
        ? `${ownerPath}${urlFragment(link.url)}`
        : undefined,
      entitySystemRef: owner.systemRef,
    };
  });
  return { ...doc, links };
}

/** Whether a link points at a document worth checking for existence. */
function isCheckable(link: ResolvedDocLink): boolean {
  return !!link.url && isCheckableLink(link.link);
}

/** The documents the doc's doc and contract links point at, each once, to check for existence. */
export function checkableLinkUrls(doc: LoadedArchitectureDoc): string[] {
  return Array.from(
    new Set(doc.links.filter(isCheckable).map(link => documentKey(link.url!))),
  );
}

/**
 * The doc with the statuses found for its link targets (per document, as
 * {@link checkableLinkUrls} lists them): on its links, and as `exists` on
 * the report's doc and contract links whose status is known.
 */
export function withLinkStatuses(
  doc: LoadedArchitectureDoc,
  statuses: ReadonlyMap<string, LinkTargetStatus>,
): LoadedArchitectureDoc {
  if (statuses.size === 0) return doc;
  const links = doc.links.map(link => {
    const status = link.url ? statuses.get(documentKey(link.url)) : undefined;
    return status ? { ...link, status } : link;
  });
  const reportLinks = doc.report.links.map((link, index) => {
    const status = links[index].status;
    if (status === 'unknown' || !isCheckable(links[index])) return link;
    return { ...link, exists: status === 'ok' };
  });
  return { ...doc, links, report: { ...doc.report, links: reportLinks } };
}

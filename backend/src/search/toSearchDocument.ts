import type {
  ArchitectureDocSearchDocument,
  ArchitectureDocSearchSection,
  IndexedDocSummary,
} from 'backstage-plugin-architecture-docs-common';

/**
 * The entity's architecture tab, relative to the app: the catalog's entity
 * route (kind and namespace lower-cased, as the catalog links them) and the
 * tab's `/architecture` path.
 */
export function architectureTabLocation(
  doc: Pick<IndexedDocSummary, 'kind' | 'namespace' | 'name'>,
): string {
  const segments = [
    doc.namespace.toLocaleLowerCase('en-US'),
    doc.kind.toLocaleLowerCase('en-US'),
    doc.name,
  ].map(encodeURIComponent);
  return `/catalog/${segments.join('/')}/architecture`;
}

/** One indexed doc as the search document Backstage search indexes. */
export function toSearchDocument(
  doc: IndexedDocSummary,
): ArchitectureDocSearchDocument {
  const location = architectureTabLocation(doc);
  const sections = doc.sections.map(section => {
    const result: ArchitectureDocSearchSection = {
      title: section.title,
      status: section.status,
    };
    if (section.status !== 'missing' && section.anchor) {
      result.location = `${location}#${encodeURIComponent(section.anchor)}`;
    }
    return result;
  });
  const document: ArchitectureDocSearchDocument = {
    title: doc.docTitle || doc.title || doc.name,
    text: doc.text ?? '',
    location,
    entityRef: doc.entityRef,
    entityTitle: doc.title || doc.name,
    kind: doc.kind,
    namespace: doc.namespace,
    name: doc.name,
    score: doc.score,
    missing: doc.missing,
    placeholder: doc.placeholder,
    sections,
  };
  if (doc.owner) document.owner = doc.owner;
  if (doc.system) document.system = doc.system;
  if (doc.lifecycle) document.lifecycle = doc.lifecycle;
  return document;
}

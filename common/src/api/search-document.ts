/**
 * The document the search collator indexes for each architecture doc, and
 * the frontend's search result item shows. Its first three fields are
 * Backstage search's own (`IndexableDocument`), so any search engine the app
 * uses can index it.
 */

/** The search document type of architecture docs. @public */
export const ARCHITECTURE_DOC_SEARCH_TYPE = 'architecture-doc';

/** A template section of the doc, with where it is on the entity's tab. @public */
export interface ArchitectureDocSearchSection {
  /** The template section's title. */
  title: string;
  /** `present`, `placeholder` or `missing`. */
  status: 'present' | 'placeholder' | 'missing';
  /** The tab's location with the section's anchor; absent when missing. */
  location?: string;
}

/** One architecture doc in Backstage search. @public */
export interface ArchitectureDocSearchDocument {
  /** The doc's own title, or the entity's title or name. */
  title: string;
  /** The doc's text without its markdown. */
  text: string;
  /** The entity's architecture tab, relative to the app. */
  location: string;
  /** `kind:namespace/name` of the entity. */
  entityRef: string;
  /** The entity's title, or its name. */
  entityTitle: string;
  /** The entity's kind. */
  kind: string;
  /** The entity's namespace. */
  namespace: string;
  /** The entity's name. */
  name: string;
  /** The owner's entity ref. */
  owner?: string;
  /** The system's entity ref. */
  system?: string;
  /** The entity's `spec.lifecycle`. */
  lifecycle?: string;
  /** The completeness score, 0–100; absent when the doc was never analysed. */
  score?: number;
  /** Titles of the missing template sections. */
  missing: string[];
  /** Titles of the template sections that hold only placeholder text. */
  placeholder: string[];
  /** Every template section, in template order. */
  sections: ArchitectureDocSearchSection[];
}

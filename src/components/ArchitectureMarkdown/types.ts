import type { ReactNode } from 'react';
import type {
  ArchitectureDocReport,
  LinkReport,
  ParsedArchitectureDoc,
} from 'backstage-plugin-architecture-docs-common';

/**
 * What {@link ArchitectureMarkdownProps.renderLink} receives for each link.
 * @public
 */
export interface ArchitectureLinkRenderProps {
  /** The report's entry for this link, matched by source position; undefined if unknown. */
  link: LinkReport | undefined;
  /** Index of `link` in `report.links`, or -1. */
  index: number;
  /** The link target as written in the doc. */
  href: string;
  children: ReactNode;
}

/**
 * Props of the doc renderer.
 * @public
 */
export interface ArchitectureMarkdownProps {
  /** The doc, parsed once by `parseArchitectureDoc`; rendered from this tree, never re-parsed. */
  parsed: ParsedArchitectureDoc;
  /** The analysis of the same tree. */
  report: ArchitectureDocReport;
  /**
   * Show missing sections as callouts in place and flag placeholder
   * sections where they stand. Default true.
   */
  showCompleteness?: boolean;
  /** Renders every link of the doc; the caller decides where links go. */
  renderLink: (props: ArchitectureLinkRenderProps) => ReactNode;
  /**
   * Prefix for element ids (heading anchors, callouts), so two docs on one
   * page (the doc and a contract in a drawer) never share an id. Default ''.
   */
  idPrefix?: string;
}

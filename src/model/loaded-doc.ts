import type { ArchitectureDocFile, ArchitectureDocLocation } from '../api';
import type {
  ArchitectureDocReport,
  LinkReport,
  ParsedArchitectureDoc,
  RenderBudgetExcess,
} from 'backstage-plugin-architecture-docs-common';

/**
 * Whether a link's target was found: `missing` when the host answered 404
 * (or, for local checks, the file does not exist), `unknown` until checked or
 * when the check could not tell (no access, network error).
 * @public
 */
export type LinkTargetStatus = 'ok' | 'missing' | 'unknown';

/**
 * A link of the doc, resolved for the portal.
 * @public
 */
export interface ResolvedDocLink {
  /** Index in `report.links`. */
  index: number;
  link: LinkReport;
  /** Absolute target URL (fragment kept), or null for unusable targets. */
  url: string | null;
  /** The page showing the target on its host, for links that are not entity docs. */
  viewUrl: string | null;
  /** The catalog entity whose architecture doc the target is, if any (`kind:namespace/name`). */
  entityRef?: string;
  /** The portal path of that entity's architecture tab (fragment kept). */
  entityPath?: string;
  /** The system that entity belongs to (`system:namespace/name`), if any. */
  entitySystemRef?: string;
  status: LinkTargetStatus;
}

/**
 * An entity's doc, fetched, parsed once, analysed and with its links resolved.
 * @public
 */
export interface LoadedArchitectureDoc {
  location: ArchitectureDocLocation;
  file: ArchitectureDocFile;
  parsed: ParsedArchitectureDoc;
  report: ArchitectureDocReport;
  /** Aligned with `report.links`. */
  links: ResolvedDocLink[];
  /**
   * The render limit the doc passed, when it has one: it is analysed and
   * scored, but its text is not rendered.
   */
  renderExcess?: RenderBudgetExcess;
}

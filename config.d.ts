export interface Config {
  /** Configuration for the architecture docs plugin. */
  architectureDocs?: {
    /**
     * The entity annotation that points at an entity's architecture doc.
     * Default: `architecture-docs/ref`.
     * @visibility frontend
     */
    annotation?: string;
    /**
     * URL of the organisation's own template markdown. Default: the team
     * template shipped with the plugin.
     * @visibility frontend
     */
    templateUrl?: string;
    /**
     * An inline section list instead of a template file. Takes precedence
     * over `templateUrl`.
     * @visibility frontend
     */
    sections?: Array<{
      /** The section title as the template writes it. @visibility frontend */
      title: string;
      /** Other headings that mean the same; a leading `=` matches a whole heading only. @visibility frontend */
      aliases?: string[];
      /** Share of the score, relative to the others. Default 1. @visibility frontend */
      weight?: number;
      /** Whether a missing section is an error. Default true. @visibility frontend */
      required?: boolean;
    }>;
    fetch?: {
      /**
       * `scm` reads through the SCM integrations (default), `proxy` through a
       * Backstage proxy path.
       * @visibility frontend
       */
      mode?: 'scm' | 'proxy';
      /**
       * The proxy path used in `proxy` mode, e.g. `/architecture-docs`.
       * @visibility frontend
       */
      proxyPath?: string;
      /**
       * Milliseconds before a doc fetch is abandoned. Default 10000.
       * @visibility frontend
       */
      timeoutMs?: number;
      /**
       * Largest doc accepted, in bytes. Default 1048576 (1 MiB).
       * @visibility frontend
       */
      maxBytes?: number;
    };
    coverage?: {
      /**
       * Entity kinds listed on the catalog-wide page. Default `['Component']`.
       * @visibility frontend
       */
      kinds?: string[];
      /**
       * Docs fetched at once by the catalog-wide page. Default 6.
       * @visibility frontend
       */
      concurrency?: number;
    };
  };
}

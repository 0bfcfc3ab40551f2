export interface Config {
  /**
   * Configuration for the architecture docs plugin. A value of the wrong type
   * or out of range does not stop the plugin: the tab, the card and the
   * catalog-wide page list it under "Configuration problems" and use the
   * default instead.
   */
  architectureDocs?: {
    /**
     * The entity annotation that points at an entity's architecture doc.
     * Default: `architecture-docs/ref`.
     * @visibility frontend
     */
    annotation?: string;
    /**
     * Where the entity page and the catalog-wide page read docs and reports
     * from: `backend` from the architecture docs backend's index (an error
     * is shown when it cannot be reached), `browser` by fetching each doc in
     * the visitor's browser, `auto` from the backend when the app serves it
     * and from the browser otherwise. Default: `auto`.
     * @visibility frontend
     */
    source?: 'auto' | 'backend' | 'browser';
    /**
     * URL of the organisation's own template markdown, fetched like a doc
     * (through the SCM integrations or the proxy). Its headings below the
     * title are the sections docs are checked against, and "Create from
     * template" prefills it. When it cannot be fetched or has no section
     * headings, the views say why and use the built-in template. Default:
     * the team template shipped with the plugin.
     * @visibility frontend
     */
    templateUrl?: string;
    /**
     * A built-in template to check docs against: `default` (the team
     * template) or `arc42` (arc42's twelve sections, recognised under their
     * English titles, common alternatives and German titles).
     * `templateUrl` and `sections` take precedence. Default: `default`.
     * @visibility frontend
     */
    template?: 'default' | 'arc42';
    /**
     * An inline section list instead of a template file. Takes precedence
     * over `templateUrl`; "Create from template" prefills one heading per
     * section. Default: none (the template is used).
     * @visibility frontend
     */
    sections?: Array<{
      /** The section title as the template writes it. @visibility frontend */
      title: string;
      /** Other headings that mean the same; a leading `=` matches a whole heading only. Default: none. @visibility frontend */
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
       * Default: none; `proxy` mode without it falls back to `scm`.
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
    /**
     * Participant names of the docs' Mermaid diagrams mapped to the catalog
     * entities they stand for, for names that differ from the entity's name
     * and title, e.g. `{ Stock: 'component:inventory-service' }`. Names
     * compare case-, space- and punctuation-insensitively; values are entity
     * refs with a kind. Participants are otherwise matched by entity ref,
     * name or title. Default: none.
     * @visibility frontend
     */
    diagramEntities?: { [participantName: string]: string };
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

/**
 * The Mermaid API as the package's default export exposes it. Written as a
 * type query on the dynamic import so that no static import of the package
 * exists anywhere a bundler could follow it into the entity page chunk.
 * @internal
 */
export type MermaidApi = (typeof import('mermaid'))['default'];

// One download per page load is enough; the promise is shared by every diagram
// that mounts while the chunk is still in flight.
let pendingMermaid: Promise<MermaidApi> | undefined;

/**
 * Loads Mermaid on first use. The bundler splits the dynamic import into its
 * own chunk, so a doc without diagrams never fetches it. A failed load is not
 * cached: chunk errors are often transient (a deploy replaced the file, the
 * network dropped), and the next diagram that mounts should try again.
 * @internal
 */
export function loadMermaid(): Promise<MermaidApi> {
  if (!pendingMermaid) {
    pendingMermaid = import('mermaid').then(
      module => module.default,
      error => {
        pendingMermaid = undefined;
        throw error;
      },
    );
  }
  return pendingMermaid;
}

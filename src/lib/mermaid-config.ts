import type { MermaidConfig } from 'mermaid';

/**
 * Mermaid lays a diagram out in one task on the main thread; past a few
 * hundred edges that task holds the tab long enough to freeze it. Larger diagrams are not
 * drawn: Mermaid reports the limit and the source is shown instead. The
 * command-line check parses with the same limit, so it rejects what the tab
 * rejects.
 */
export const MAX_DIAGRAM_EDGES = 200;

/** Mermaid's limit on a diagram's source, in characters. */
export const MAX_DIAGRAM_TEXT = 20_000;

/**
 * Config keys a `%%{init}%%` directive inside a diagram may not change. These
 * are Mermaid's own defaults, spelled out because passing `secure` replaces
 * the default list rather than extending it: leaving one out would open it.
 */
export const SECURE_KEYS = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges',
];

/**
 * The one Mermaid configuration of the plugin: the tab draws with it and the
 * command-line check parses with it, so both accept and reject the same
 * diagrams. `securityLevel` is strict and no directive can lower it.
 */
export function mermaidConfig(theme: 'dark' | 'default'): MermaidConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    secure: SECURE_KEYS,
    // Without this Mermaid draws its own error picture into the page and
    // leaves it there; the component shows a readable box instead.
    suppressErrorRendering: true,
    maxEdges: MAX_DIAGRAM_EDGES,
    maxTextSize: MAX_DIAGRAM_TEXT,
    theme,
    // Mermaid's dark edge-label background leaves its light label text
    // under 4.5:1 contrast; a darker one keeps labels readable.
    themeVariables:
      theme === 'dark' ? { edgeLabelBackground: '#2b2b2b' } : undefined,
  };
}

import { mermaidConfig } from '../lib/mermaid-config';

/** The Mermaid API as the package's default export exposes it. */
export type NodeMermaidApi = (typeof import('mermaid'))['default'];

type Purifier = (typeof import('dompurify'))['default'];

/**
 * Mermaid passes every label through DOMPurify while it parses. Outside a
 * browser DOMPurify has no DOM to work with and leaves out its methods, so
 * Mermaid's parse stops with a TypeError before it reads the diagram. The
 * command-line check only asks whether Mermaid accepts a diagram and never
 * renders the labels, so it gives the DOM-less instance methods that keep
 * text as it is. An instance that can run (a DOM is present) is left alone.
 */
function letMermaidParseWithoutDom(purify: Purifier): void {
  if (purify.isSupported) return;
  const keep = (dirty: unknown) => (typeof dirty === 'string' ? dirty : String(dirty ?? ''));
  const nothing = () => undefined;
  Object.assign(purify, {
    sanitize: keep,
    addHook: nothing,
    removeHook: nothing,
    removeHooks: nothing,
    removeAllHooks: nothing,
    setConfig: nothing,
    clearConfig: nothing,
    isValidAttribute: () => true,
  });
}

let pendingMermaid: Promise<NodeMermaidApi> | undefined;

/**
 * Loads Mermaid once per process for parsing in Node, configured exactly as
 * the entity tab draws (strict security level, the same edge and text limits),
 * so both accept and reject the same diagrams. Loaded on first use: a run over
 * docs without diagrams never pays for it.
 */
export function loadMermaidInNode(): Promise<NodeMermaidApi> {
  if (!pendingMermaid) {
    pendingMermaid = (async () => {
      const purify = await import('dompurify');
      letMermaidParseWithoutDom(purify.default);
      const { default: mermaid } = await import('mermaid');
      mermaid.initialize(mermaidConfig('default'));
      return mermaid;
    })();
    pendingMermaid.catch(() => {
      pendingMermaid = undefined;
    });
  }
  return pendingMermaid;
}

import { mermaidConfig } from '../lib/mermaid-config';
import { mermaidErrorMessage } from '../lib/mermaid-error-message';

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
  const keep = (dirty: unknown) =>
    typeof dirty === 'string' ? dirty : String(dirty ?? '');
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

/** A diagram every Mermaid accepts; it exercises label sanitising. */
const KNOWN_GOOD_DIAGRAM = 'flowchart TD\n  A[Start] --> B[End]';

/**
 * Parses a diagram Mermaid must accept. If it does not (for instance because
 * Mermaid got another copy of DOMPurify than the one prepared above), every
 * diagram would be rejected for reasons of the setup, not of the doc.
 */
async function confirmMermaidParses(mermaid: NodeMermaidApi): Promise<void> {
  try {
    await mermaid.parse(KNOWN_GOOD_DIAGRAM);
  } catch (error) {
    throw new Error(
      `Mermaid rejects a valid diagram in this setup: ${mermaidErrorMessage(error) ?? 'no reason given'}`,
    );
  }
}

/**
 * Loads Mermaid once per process for parsing in Node, configured exactly as
 * the entity tab draws (strict security level, the same edge and text limits),
 * so both accept and reject the same diagrams. Loaded on first use: a run over
 * docs without diagrams never pays for it. The bundled command leaves Mermaid
 * and DOMPurify out of its bundle and imports the installed packages (both are
 * dependencies of this package), so both share one DOMPurify and the command
 * stays small and quick to start.
 */
export function loadMermaidInNode(): Promise<NodeMermaidApi> {
  if (!pendingMermaid) {
    pendingMermaid = (async () => {
      const purify = await import('dompurify');
      letMermaidParseWithoutDom(purify.default);
      const { default: mermaid } = await import('mermaid');
      mermaid.initialize(mermaidConfig('default'));
      await confirmMermaidParses(mermaid);
      return mermaid;
    })();
    pendingMermaid.catch(() => {
      pendingMermaid = undefined;
    });
  }
  return pendingMermaid;
}

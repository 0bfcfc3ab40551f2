import { characterEntities } from 'character-entities';

/**
 * Bundlers give a web worker the browser build of
 * `decode-named-character-reference` (part of the markdown parser), which
 * decodes `&name;` through `document.createElement`. A worker has no
 * document, so the worker provides the one element that build uses, backed by
 * the same entity table the package's own non-DOM build reads.
 *
 * Called by the worker before it loads the parser; does nothing where a
 * document exists. Answers whether it provided the element.
 */
export function provideEntityDecodingDocument(): boolean {
  const scope = globalThis as { document?: unknown };
  if (scope.document !== undefined) return false;
  const decoder = () => {
    let text = '';
    return {
      set innerHTML(value: string) {
        const name = /^&([^;]*);$/.exec(value)?.[1];
        text =
          name !== undefined && Object.hasOwn(characterEntities, name)
            ? characterEntities[name]
            : value;
      },
      get textContent() {
        return text;
      },
    };
  };
  scope.document = { createElement: decoder };
  return true;
}

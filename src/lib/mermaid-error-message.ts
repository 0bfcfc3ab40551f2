const MAX_MESSAGE_LENGTH = 2000;

/**
 * Mermaid's own message for a diagram it rejected, trimmed and shortened;
 * undefined when it gave none. Reads anything thrown without throwing.
 */
export function mermaidErrorMessage(error: unknown): string | undefined {
  let text = '';
  try {
    if (typeof error === 'string') {
      text = error;
    } else if (error && typeof error === 'object') {
      // Read the message of anything error-like, including errors made in
      // another realm (a worker, a VM context), where `instanceof Error` fails.
      const message: unknown = (error as { message?: unknown }).message;
      if (typeof message === 'string') text = message;
    }
  } catch {
    return undefined;
  }
  text = text.trim();
  if (!text) {
    return undefined;
  }
  return text.length > MAX_MESSAGE_LENGTH
    ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…`
    : text;
}

import { ArchitectureDocError } from '../ArchitectureDocsApi';

/** Room for the fields Gitea's contents API sends around the base64 content. */
const GITEA_ENVELOPE_BYTES = 16 * 1024;

/**
 * How many bytes of Gitea contents JSON may carry a file of at most
 * `maxBytes`: base64 makes the file a third larger, and the JSON adds its
 * envelope.
 */
export function giteaContentsByteBudget(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4 + GITEA_ENVELOPE_BYTES;
}

function decodeBase64(value: string): Uint8Array | undefined {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/**
 * The file's bytes from the JSON Gitea's contents API answers with. Throws
 * an `unexpected-content` error when the answer is not one file (a folder
 * listing, a symlink, invalid JSON or base64).
 */
export function giteaFileBytes(
  json: string,
  url: string,
  host: string,
  status: number,
): Uint8Array {
  const notAFile = (why: string) =>
    new ArchitectureDocError(
      'unexpected-content',
      `${host} did not return a file: ${why}.`,
      {
        url,
        status,
      },
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw notAFile('the answer is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw notAFile('the path is a folder');
  }
  const { type, encoding, content } = parsed as Record<string, unknown>;
  if (type !== undefined && type !== 'file')
    throw notAFile(`the path is a ${String(type)}`);
  if (
    typeof content !== 'string' ||
    (encoding !== undefined && encoding !== 'base64')
  ) {
    throw notAFile('the answer has no base64 content');
  }
  const bytes = decodeBase64(content);
  if (!bytes) throw notAFile('the content is not valid base64');
  return bytes;
}

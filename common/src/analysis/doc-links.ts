import type { LinkKind, LinkReport } from './types';
import { safeDecodeURIComponent } from '../safe-decode';

/** Schemes that run code or embed content instead of navigating. */
const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * How a link target was understood.
 * @public
 */
export interface ResolvedTarget {
  kind: Exclude<LinkKind, 'contract'>;
  /** Resolved path, URL or fragment; null for unusable targets. */
  resolved: string | null;
  fragment?: string;
  /** True for `javascript:`, `vbscript:`, `data:` and `file:` targets. */
  unsafe: boolean;
}

/**
 * Normalises a POSIX path: collapses `.` and `..` segments and duplicate
 * slashes. A path that climbs above its start keeps its leading `..`.
 * @public
 */
export function normalizePosixPath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (!segment || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(segment);
    }
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** The folder part of a POSIX path (`docs/a/B.md` → `docs/a`). */
export function posixDirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index) || '/';
}

/**
 * Strips control characters and whitespace browsers ignore in a URL scheme,
 * so `java\tscript:` is recognised for what it is.
 */
function schemeOf(target: string): string | undefined {
  // Control characters are exactly what this pattern must find.
  // eslint-disable-next-line no-control-regex
  const compact = target.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = SCHEME.exec(compact);
  return match ? match[1].toLowerCase() : undefined;
}

/**
 * Whether a URL or link target may be followed: false for `javascript:`,
 * `vbscript:`, `data:` and `file:` in any spelling.
 * @public
 */
export function isSafeLinkTarget(target: string): boolean {
  const scheme = schemeOf(target);
  return !scheme || !UNSAFE_SCHEMES.has(scheme);
}

/**
 * Resolves a link target as written in a doc against the doc's own path
 * (POSIX, relative to the repository or the working folder).
 * @public
 */
export function resolveDocLink(
  target: string,
  docPath: string,
): ResolvedTarget {
  const value = target.trim();
  const scheme = schemeOf(value);
  if (scheme) {
    if (UNSAFE_SCHEMES.has(scheme)) {
      return { kind: 'external', resolved: null, unsafe: true };
    }
    return { kind: 'external', resolved: value, unsafe: false };
  }
  if (value.startsWith('//')) {
    return { kind: 'external', resolved: `https:${value}`, unsafe: false };
  }
  const hash = value.indexOf('#');
  const fragment =
    hash >= 0 ? safeDecodeURIComponent(value.slice(hash + 1)) : undefined;
  const withoutHash = hash >= 0 ? value.slice(0, hash) : value;
  const query = withoutHash.indexOf('?');
  const pathPart = safeDecodeURIComponent(
    query >= 0 ? withoutHash.slice(0, query) : withoutHash,
  );
  if (!pathPart) {
    return {
      kind: 'anchor',
      resolved: fragment ?? '',
      fragment,
      unsafe: false,
    };
  }
  const base = pathPart.startsWith('/') ? '' : posixDirname(docPath);
  const joined = base ? `${base}/${pathPart}` : pathPart;
  const resolved = normalizePosixPath(joined.replace(/^\/+/, ''));
  return { kind: 'doc', resolved, fragment, unsafe: false };
}

/** True when a resolved path lies in a `contracts` folder. */
export function isContractPath(resolved: string): boolean {
  return `/${resolved}`.includes('/contracts/');
}

/**
 * Whether a link points at a doc or a contract whose existence is worth
 * checking: a `doc` or `contract` link with a target that is followed.
 * @public
 */
export function isCheckableLink(
  link: Pick<LinkReport, 'kind' | 'unsafe'>,
): boolean {
  return !link.unsafe && (link.kind === 'doc' || link.kind === 'contract');
}

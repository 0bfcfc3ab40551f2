// Writes hostile architecture docs into e2e/hostile/docs/ (or the folder given
// as the first argument). Deterministic: the same files every run.
// Every script payload calls window.__x('<id>'), so the runner can tell which
// one ran. Returns / prints the list of { name, file, kind, expected }.
//
// Each doc has the ONE state the tab must end in (`expected`):
//   not-architecture-doc  the doc is shown, under the notice that it does not
//                         follow the template (most payloads sit in a
//                         skeleton with one template section)
//   rendered              the doc is shown as an architecture doc
//   too-complex           past a render limit: "too complex to show here"
//   too-large             past the size limit
//   empty                 nothing but whitespace

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DOCS_DIR = path.join(here, 'docs');

const SCHEMES = ['javascript', 'JaVaScRiPt', 'vbscript', 'VBScript', 'data'];
function schemeVariants(id) {
  const call = `__x('${id}')`;
  const out = [];
  for (const s of SCHEMES) {
    const body =
      s.toLowerCase() === 'data'
        ? `text/html;base64,PHNjcmlwdD5fX3goJ2QnKTwvc2NyaXB0Pg==`
        : call;
    out.push(`${s}:${body}`);
    out.push(` ${s}:${body}`);
    out.push(`${s.slice(0, 4)}\t${s.slice(4)}:${body}`);
    out.push(`${s.slice(0, 4)}&#x09;${s.slice(4)}:${body}`);
    out.push(`&#${s.charCodeAt(0)};${s.slice(1)}:${body}`);
    out.push(`${s}&colon;${body}`);
    out.push(`\u0001${s}:${body}`);
  }
  return out;
}

/**
 * A doc with one template section only (Context), so that the tab shows it
 * as "not an architecture doc": the payload, not the analysis, is under test.
 */
const skeleton = body =>
  `# Architecture\n\n## Context\n\n${body}\n\n## Remarks\n\nSome text.\n\n## Decisions\n\nNone.\n`;

/** A doc with template sections, so that the tab shows it as an architecture doc. */
const templateDoc = body =>
  `# Payments architecture\n\n## Purpose\n\nTakes payments.\n\n## Context\n\n${body}\n\n## Responsibilities\n\nCharges cards.\n`;

/** Percent-encodings that do not decode: truncated, not hex, not UTF-8, a lone `%`. */
const MALFORMED = [
  '%E0%A4%A',
  '%ZZ',
  '%',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  'a%2',
  '%%41',
];

/** Every way a doc can hold a malformed percent-encoding. */
function malformedDocs() {
  const links = MALFORMED.flatMap(m => [
    `[relative ${m}](docs/${m}.md)`,
    `[fragment ${m}](#${m})`,
    `[doc and fragment ${m}](other.md#section-${m})`,
    `[absolute ${m}](https://example.com/${m}?q=${m}#${m})`,
    `<https://example.com/auto/${m}>`,
  ]);
  const images = MALFORMED.flatMap(m => [
    `![image ${m}](img/${m}.png)`,
    `![fragment ${m}](img/a.png#${m})`,
  ]);
  const references = MALFORMED.map(
    (m, k) => `[ref ${k}][m${k}]\n\n[m${k}]: docs/${m}.md#${m}`,
  );
  const headings = MALFORMED.map(
    m => `### Section ${m}\n\nText with ${m} in it.`,
  );
  return [
    ['malformed-encoding-links', templateDoc(links.join('\n\n'))],
    ['malformed-encoding-images', templateDoc(images.join('\n\n'))],
    ['malformed-encoding-references', templateDoc(references.join('\n\n'))],
    [
      'malformed-encoding-headings',
      templateDoc(
        `${headings.join('\n\n')}\n\n[to a heading](#section-%E0%A4%A)`,
      ),
    ],
  ];
}

export function buildDocs() {
  const docs = [];
  const add = (kind, content, expected = 'not-architecture-doc') => {
    const name = `${String(docs.length).padStart(3, '0')}-${kind}`;
    docs.push({ name, kind, content, expected });
  };
  let n = 0;
  const id = () => `p${n++}`;

  // URL schemes in every link form.
  for (const url of schemeVariants('s')) {
    const i = id();
    const u = url.replace(`'s'`, `'${i}'`);
    add('inline-link', skeleton(`[click](${u}) and [t](<${u}> "t")`));
    add('reference-link', skeleton(`[click][r] and [r]\n\n[r]: ${u}`));
    add('autolink', skeleton(`<${u}> and www.example.com ${u}`));
    add('image', skeleton(`![img](${u}) ![ref][im]\n\n[im]: ${u}`));
  }
  // Raw HTML and script in every text position.
  const html = i => [
    `<script>__x('${i}a')</script>`,
    `<img src=x onerror="__x('${i}b')">`,
    `<svg onload="__x('${i}c')"></svg>`,
    `<iframe src="javascript:__x('${i}d')"></iframe>`,
    `<a href="javascript:__x('${i}e')">x</a>`,
    `<details open ontoggle="__x('${i}f')">`,
    `<math><mtext><table><mglyph><style><img src=x onerror="__x('${i}g')">`,
  ];
  for (const h of html('h')) {
    const i = id();
    const p = h.replaceAll(`'h`, `'${i}`);
    add('raw-html', skeleton(p));
    add('heading-html', `# Architecture ${p}\n\n## ${p}\n\ntext\n`);
    add(
      'table-html',
      skeleton(
        `| a | b |\n|---|---|\n| ${p.replaceAll('|', '\\|')} | [x](javascript:__x('${i}t')) |`,
      ),
    );
    add('link-text-html', skeleton(`[${p}](https://example.com/${i})`));
    add(
      'refdef-title',
      skeleton(
        `[a][b]\n\n[b]: https://example.com "${p.replaceAll('"', '&quot;')}"`,
      ),
    );
  }
  // Mermaid.
  const mermaid = src => skeleton(`\`\`\`mermaid\n${src}\n\`\`\``);
  for (let k = 0; k < 6; k++) {
    const i = id();
    add(
      'mermaid-click',
      mermaid(
        `flowchart LR\n  A-->B\n  click A call __x("${i}")\n  click B href "javascript:__x('${i}')"`,
      ),
    );
    add(
      'mermaid-init-loose',
      mermaid(
        `%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%\nflowchart LR\n  A["<img src=x onerror=__x('${i}')>"]-->B\n  click A call __x("${i}")`,
      ),
    );
    add(
      'mermaid-html-label',
      mermaid(
        `flowchart TD\n  A["<b onmouseover=__x('${i}')>b</b><script>__x('${i}')</script>"] --> B[<iframe src=javascript:__x('${i}')>]`,
      ),
    );
    add(
      'mermaid-href',
      mermaid(
        `flowchart TD\n  A-->B\n  click A "javascript:__x('${i}')" "tip"\n  click B href "data:text/html,<script>__x('${i}')</script>" _blank`,
      ),
    );
    add(
      'mermaid-directive',
      mermaid(
        `%%{init: {"securityLevel":"loose","flowchart":{"htmlLabels":true},"themeCSS":"* { background: url(javascript:__x('${i}')) }"}}%%\nsequenceDiagram\n  A->>B: <img src=x onerror=__x('${i}')>`,
      ),
    );
  }
  for (const count of [500, 2000, 5000]) {
    const lines = ['flowchart LR'];
    for (let k = 0; k < count; k++) lines.push(`  n${k}-->n${k + 1}`);
    add(`mermaid-${count}-nodes`, mermaid(lines.join('\n')));
  }
  add(
    'mermaid-many-diagrams',
    templateDoc(
      Array.from(
        { length: 200 },
        (_, k) => `\`\`\`mermaid\nflowchart LR\n  A${k}-->B\n\`\`\``,
      ).join('\n\n'),
    ),
    'too-complex',
  );
  add(
    'mermaid-garbage',
    mermaid(
      '\u0000\u0001%%{init: {"__proto__": {"polluted": 1}}}%%\nflowchart\n  (((((((',
    ),
  );

  // Sizes and nesting.
  add('five-mb', skeleton('word '.repeat(1_048_576)), 'too-large');
  add('nested-lists-10000', skeleton(`${'- '.repeat(10_000)}deep`));
  add(
    'nested-lists-indented-1000',
    skeleton(
      Array.from({ length: 1000 }, (_, k) => `${' '.repeat(k * 2)}- item`).join(
        '\n',
      ),
    ),
    'too-complex',
  );
  add('nested-ordered-10000', skeleton(`${'1. '.repeat(10_000)}deep`));
  add('nested-quote-list-10000', skeleton(`${'> - '.repeat(10_000)}deep`));
  add('nested-quotes-10000', skeleton(`${'>'.repeat(10_000)} deep`));
  add(
    'nested-brackets',
    skeleton(`${'['.repeat(20_000)}x${']'.repeat(20_000)}(y)`),
    'too-complex',
  );
  add(
    'nested-emphasis',
    skeleton(`${'*_'.repeat(20_000)}x${'_*'.repeat(20_000)}`),
    'too-complex',
  );
  add(
    'thousands-of-headings',
    Array.from(
      { length: 5000 },
      (_, k) => `${'#'.repeat((k % 6) + 1)} Heading ${k}\n\ntext`,
    ).join('\n\n'),
    'too-complex',
  );
  add(
    'same-heading-5000',
    Array.from({ length: 5000 }, () => `## Context`).join('\n\n'),
    'too-complex',
  );
  add(
    'unclosed-fence',
    skeleton(`\`\`\`mermaid\nflowchart LR\n A-->B\n${'more\n'.repeat(1000)}`),
  );
  add('unclosed-tilde-fence', skeleton(`~~~~\n${'```\n'.repeat(5000)}`));
  add(
    'huge-table',
    skeleton(
      `| ${'a | '.repeat(500)}\n|${'---|'.repeat(500)}\n${`${'| x '.repeat(500)}|\n`.repeat(200)}`,
    ),
    'too-complex',
  );
  add('long-line', skeleton('a'.repeat(400_000)));
  add(
    'many-links',
    skeleton(
      Array.from(
        { length: 20_000 },
        (_, k) => `[l${k}](https://e.com/${k})`,
      ).join(' '),
    ),
    'too-complex',
  );
  add(
    'many-refdefs',
    skeleton(
      Array.from(
        { length: 20_000 },
        (_, k) => `[r${k}]: https://e.com/${k}`,
      ).join('\n'),
    ),
    'too-complex',
  );
  // Autolinks the parser finds in plain text or between angle brackets.
  add(
    'autolink-flood-bare',
    skeleton(
      Array.from({ length: 20_000 }, (_, k) => `https://e.com/${k}`).join(' '),
    ),
    'too-complex',
  );
  add(
    'autolink-flood-www',
    skeleton(
      Array.from({ length: 20_000 }, (_, k) => `www.e${k}.com`).join(' '),
    ),
    'too-complex',
  );
  add(
    'autolink-flood-angle',
    skeleton(
      Array.from({ length: 20_000 }, (_, k) => `<https://e.com/${k}>`).join(
        ' ',
      ),
    ),
    'too-complex',
  );

  // A plain architecture doc, which the run also opens with malformed
  // encodings in the annotation's value and the page URL's fragment.
  add(
    'architecture-doc',
    templateDoc(
      'Calls the [ledger](ledger.md#api), see [below](#responsibilities) and [a page](https://example.com/a%20b).',
    ),
    'rendered',
  );
  // Malformed percent-encodings: shown like any doc, without a page error.
  for (const [kind, content] of malformedDocs()) add(kind, content, 'rendered');

  // Prototype keys.
  for (const key of [
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'toString',
    'valueOf',
    '__defineGetter__',
  ]) {
    add(
      `proto-heading-${key}`,
      `# Architecture\n\n## ${key}\n\ntext\n\n### ${key}\n\n## Context\n\n[${key}][${key}]\n\n[${key}]: https://example.com/${key}\n`,
    );
    add(
      `proto-label-${key}`,
      skeleton(
        `[a][${key}] [${key}] ![${key}]\n\n[${key}]: javascript:__x('${key}')`,
      ),
    );
  }

  // Bytes.
  add(
    'binary',
    Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 7919) % 256)),
  );
  add(
    'nul-bytes',
    Buffer.concat([
      Buffer.from('# Architecture\n\n## Context\n\n'),
      Buffer.alloc(2048),
      Buffer.from('\n## Remarks\n'),
    ]),
  );
  add(
    'invalid-utf8',
    Buffer.concat([
      Buffer.from('# Architecture\n\n## Context\n\n'),
      Buffer.from([
        0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff,
        0xfe,
      ]),
      Buffer.from(' [x](java'),
      Buffer.from([0xc0, 0x80]),
      Buffer.from("script:__x('u8'))\n"),
    ]),
  );
  add(
    'utf16-bom',
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('# Architecture\n\n## Context\n', 'utf16le'),
    ]),
  );
  add(
    'control-chars',
    skeleton(
      `${Array.from({ length: 32 }, (_, k) => String.fromCharCode(k)).join('x')}\u202e\u2028\u2029\ufeff`,
    ),
  );
  add('empty', '', 'empty');
  add('whitespace-only', ' \n\t\n'.repeat(1000), 'empty');
  add('not-a-doc', 'just some words\n');
  return docs;
}

export function writeDocs(dir = DEFAULT_DOCS_DIR) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const docs = buildDocs();
  for (const doc of docs) {
    doc.file = `${doc.name}.md`;
    writeFileSync(path.join(dir, doc.file), doc.content);
  }
  return docs.map(({ name, kind, file, expected }) => ({
    name,
    kind,
    file,
    expected,
  }));
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const docs = writeDocs(
    process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_DOCS_DIR,
  );
  process.stdout.write(`${docs.length} hostile docs written\n`);
}

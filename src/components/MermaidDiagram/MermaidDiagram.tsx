// One file on purpose: loading Mermaid, drawing one diagram in the page's
// theme, its error and source views, and where its catalog links attach all
// follow the one drawing's life; the links themselves live apart
// (DiagramNodeLinks, loaded with the first diagram that has an entity).
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { architectureDocsTranslationRef } from '../../translation';
import { mermaidConfig } from '../../lib/mermaid-config';
import { mermaidErrorMessage } from '../../lib/mermaid-error-message';
import { loadMermaid } from './loadMermaid';
import { diagramParticipants } from './diagramParticipants';
import { useDiagramParticipantEntities } from './DiagramEntitiesContext';

// The links, their marks and the hover card load with the first diagram
// that has a catalog entity, not with every doc.
const DiagramNodeLinks = lazy(() =>
  import('./DiagramNodeLinks').then(module => ({
    default: module.DiagramNodeLinks,
  })),
);

/**
 * Props of {@link MermaidDiagram}.
 * @public
 */
export interface MermaidDiagramProps {
  /** The text of the Mermaid fence, without the surrounding backticks. */
  source: string;
  /**
   * The 1-based line of the doc where the fence starts. Named in the error
   * box so the author can find a broken diagram in a long doc.
   */
  line?: number;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

// Elements that can run code or pull in another document. Mermaid's own output
// never needs them, even inside the HTML labels of a foreignObject.
const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed']);

const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'action',
  'formaction',
]);

/** What makes an `<a>` a link that goes somewhere. */
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href', 'target']);

let renderCounter = 0;
let sourceCounter = 0;

/**
 * Every render gets a fresh id: Mermaid scopes the diagram's CSS to it, finds
 * its scratch elements in `document.body` by it, and two diagrams (or two
 * renders of one) must never share them.
 */
function nextRenderId(): string {
  renderCounter += 1;
  return `architecture-mermaid-${renderCounter}`;
}

/** Raised when Mermaid's output is not an SVG document; the reader gets a worded message. */
class InvalidSvgError extends Error {}

/**
 * Mermaid builds the diagram in scratch elements appended to `document.body`
 * and does not always remove them when drawing fails part way.
 */
function removeScratchElements(renderId: string, keep: HTMLElement | null) {
  for (const id of [renderId, `d${renderId}`, `i${renderId}`]) {
    const element = document.getElementById(id);
    if (element && !keep?.contains(element)) {
      element.remove();
    }
  }
}

/**
 * Browsers ignore control characters and whitespace inside a URL scheme, so
 * "java\tscript:" has to be read as "javascript:".
 */
function urlScheme(value: string): string {
  const compact = Array.from(value)
    .filter(character => {
      const code = character.charCodeAt(0);
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join('')
    .toLowerCase();
  const colon = compact.indexOf(':');
  return colon < 0 ? '' : compact.slice(0, colon);
}

function isUnsafeAttribute(name: string, value: string): boolean {
  if (name.startsWith('on')) {
    return true;
  }
  const scheme = urlScheme(value);
  if (scheme === 'javascript' || scheme === 'vbscript') {
    return true;
  }
  return URL_ATTRIBUTES.has(name) && scheme === 'data';
}

function containsForbiddenElement(element: Element): boolean {
  return Array.from(element.getElementsByTagNameNS('*', '*')).some(child =>
    FORBIDDEN_ELEMENTS.has(child.localName.toLowerCase()),
  );
}

/**
 * Mermaid already sanitises its output in strict mode; this second pass means
 * a future Mermaid bug or a hostile directive still cannot put running code
 * on the entity page.
 */
function stripActiveContent(root: Element) {
  const elements = [root, ...Array.from(root.getElementsByTagNameNS('*', '*'))];
  for (const element of elements) {
    // Descendants of an element removed earlier in this pass leave with it.
    if (element !== root && !root.contains(element)) {
      continue;
    }
    const name = element.localName.toLowerCase();
    if (
      element !== root &&
      (FORBIDDEN_ELEMENTS.has(name) ||
        (name === 'foreignobject' && containsForbiddenElement(element)))
    ) {
      element.remove();
      continue;
    }
    // A diagram's `click` directives become links Mermaid draws; no link
    // target may come from the diagram's text, so every one is dropped.
    const isLink = name === 'a';
    for (const attribute of Array.from(element.attributes)) {
      const attributeName = attribute.name.toLowerCase();
      if (
        isUnsafeAttribute(attributeName, attribute.value) ||
        (isLink && LINK_ATTRIBUTES.has(attributeName))
      ) {
        element.removeAttributeNode(attribute);
      }
    }
  }
}

const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/**
 * Mermaid writes the links of `click` directives with `xlink:href` but does
 * not always declare the prefix on its root, which an XML parser rejects.
 * The declaration is added to the root's opening tag when it is missing;
 * nothing else of the markup changes.
 */
function withXlinkDeclared(markup: string): string {
  const start = markup.indexOf('<svg');
  const end = markup.indexOf('>', start);
  if (
    start < 0 ||
    end < 0 ||
    !/^<svg[\s>/]/.test(markup.slice(start, start + 5))
  )
    return markup;
  if (markup.slice(start, end).includes('xmlns:xlink=')) return markup;
  const at = start + '<svg'.length;
  return `${markup.slice(0, at)} xmlns:xlink="${XLINK_NAMESPACE}"${markup.slice(at)}`;
}

/**
 * Turns Mermaid's SVG text into nodes of the page's document without ever
 * handing markup to an HTML parser.
 */
function svgFromMarkup(markup: string): Element {
  const parsed = new DOMParser().parseFromString(
    withXlinkDeclared(markup),
    'image/svg+xml',
  );
  const root = parsed.documentElement;
  if (
    parsed.getElementsByTagNameNS('*', 'parsererror').length > 0 ||
    root.localName !== 'svg' ||
    root.namespaceURI !== SVG_NAMESPACE
  ) {
    throw new InvalidSvgError(
      'Mermaid returned a drawing that is not valid SVG.',
    );
  }
  stripActiveContent(root);
  return document.importNode(root, true);
}

function diagramKind(diagramType: string): string {
  // Mermaid reports renderer versions ("flowchart-v2"); readers only need the
  // kind of diagram.
  return diagramType.replace(/-v\d+$/, '').trim();
}

/**
 * Only facts are kept in state; the words are chosen when rendering, so the
 * app's translations apply to a diagram already drawn.
 */
type DrawState =
  | { status: 'loading' }
  | {
      status: 'rendered';
      kind: string;
      participants: { names: string[]; total: number };
    }
  | {
      status: 'error';
      reason: 'library' | 'render' | 'invalid-svg';
      detail?: string;
    };

const useStyles = makeStyles(theme => ({
  root: {
    margin: theme.spacing(2, 0),
  },
  progress: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 0),
    color: theme.palette.text.secondary,
  },
  drawing: {
    overflowX: 'auto',
    textAlign: 'center',
    '& svg': {
      maxWidth: '100%',
      height: 'auto',
    },
  },
  errorBox: {
    padding: theme.spacing(2),
    borderLeft: `4px solid ${theme.palette.warning.main}`,
  },
  errorMessage: {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    fontFamily: 'monospace',
    margin: theme.spacing(1, 0),
  },
  sourceToggle: { display: 'block', margin: theme.spacing(0.5, 'auto', 0) },
  source: {
    margin: 0,
    padding: theme.spacing(1.5),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.primary,
    borderRadius: theme.shape.borderRadius,
  },
}));

/**
 * Draws one Mermaid diagram of an architecture doc.
 *
 * Mermaid is fetched with a dynamic import only when the first diagram mounts,
 * is configured with `securityLevel: 'strict'` (which a `%%{init}%%` directive
 * cannot lower) and follows the Backstage light or dark theme. A diagram that
 * cannot be drawn shows Mermaid's message and the source instead of a blank
 * space.
 *
 * The outer element carries `data-testid="mermaid-diagram"` and
 * `data-state` set to `loading`, `rendered` or `error`.
 * @public
 */
export function MermaidDiagram(props: MermaidDiagramProps) {
  const { source, line } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const mermaidTheme = useTheme().palette.type === 'dark' ? 'dark' : 'default';
  const drawingRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<DrawState>({ status: 'loading' });
  const [sourceShown, setSourceShown] = useState(false);
  const [drawn, setDrawn] = useState<Element>();
  const [linkedNodes, setLinkedNodes] = useState(0);
  const participantEntities = useDiagramParticipantEntities(source);
  const [sourceId] = useState(() => {
    sourceCounter += 1;
    return `architecture-mermaid-source-${sourceCounter}`;
  });

  useEffect(() => {
    // Each run owns its id and its flag, so a render that finishes after the
    // source or theme changed, or after unmount, cannot touch the page.
    const renderId = nextRenderId();
    let cancelled = false;
    setState(current =>
      current.status === 'loading' ? current : { status: 'loading' },
    );

    const draw = async () => {
      let mermaid;
      try {
        mermaid = await loadMermaid();
      } catch (error) {
        if (!cancelled) {
          drawingRef.current?.replaceChildren();
          setState({
            status: 'error',
            reason: 'library',
            detail: mermaidErrorMessage(error),
          });
        }
        return;
      }
      if (cancelled) {
        return;
      }
      try {
        // Configured on every render, not once per page: the theme may have
        // changed and another plugin may have initialised Mermaid its own way.
        mermaid.initialize(mermaidConfig(mermaidTheme));
        // bindFunctions stays unused: it wires `click` callbacks written in
        // the doc, the kind of script a strict security level exists to stop.
        const { svg, diagramType } = await mermaid.render(renderId, source);
        removeScratchElements(renderId, drawingRef.current);
        if (cancelled) {
          return;
        }
        const drawing = svgFromMarkup(svg);
        const host = drawingRef.current;
        if (!host) {
          return;
        }
        host.replaceChildren(drawing);
        setDrawn(drawing);
        setState({
          status: 'rendered',
          kind: diagramKind(diagramType),
          participants: diagramParticipants(drawing),
        });
      } catch (error) {
        removeScratchElements(renderId, drawingRef.current);
        if (!cancelled) {
          drawingRef.current?.replaceChildren();
          setState(
            error instanceof InvalidSvgError
              ? { status: 'error', reason: 'invalid-svg' }
              : {
                  status: 'error',
                  reason: 'render',
                  detail: mermaidErrorMessage(error),
                },
          );
        }
      }
    };
    draw();

    return () => {
      cancelled = true;
    };
  }, [source, mermaidTheme]);

  const rendered = state.status === 'rendered';
  // Links inside an image would be hidden from screen readers.
  let drawingRole: 'group' | 'img' | undefined;
  if (rendered) drawingRole = linkedNodes > 0 ? 'group' : 'img';
  const hasEntityLinks = Boolean(
    participantEntities?.some(({ entity }) => entity?.path),
  );
  let label: string | undefined;
  if (state.status === 'rendered') {
    label = state.kind
      ? t('diagram.labelOfKind', { kind: state.kind })
      : t('diagram.label');
    const { names, total } = state.participants;
    if (names.length > 0) {
      label = t('diagram.labelWithParticipants', {
        diagram: label,
        participants: names.join(', '),
        more:
          total > names.length
            ? t('diagram.moreParticipants', { count: total - names.length })
            : '',
      });
    }
  }
  let message: string | undefined;
  if (state.status === 'error') {
    const detail = state.detail ?? t('diagram.noMessage');
    if (state.reason === 'library') {
      message = t('diagram.libraryFailed', { message: detail });
    } else if (state.reason === 'invalid-svg') {
      message = t('diagram.invalidSvg');
    } else {
      message = detail;
    }
  }

  return (
    <div
      className={classes.root}
      data-testid="mermaid-diagram"
      data-state={state.status}
      aria-busy={state.status === 'loading'}
    >
      {state.status === 'loading' && (
        <div className={classes.progress}>
          <CircularProgress size={16} aria-label={t('diagram.drawingLabel')} />
          <Typography variant="caption">{t('diagram.drawing')}</Typography>
        </div>
      )}
      {state.status === 'error' && (
        <Paper variant="outlined" role="alert" className={classes.errorBox}>
          <Typography variant="subtitle1" component="p">
            <strong>{t('diagram.errorTitle')}</strong>
          </Typography>
          <Typography variant="body2" className={classes.errorMessage}>
            {message}
          </Typography>
          <Typography variant="caption" component="p" color="textSecondary">
            {line !== undefined
              ? t('diagram.sourceFromLine', { line: String(line) })
              : t('diagram.source')}
          </Typography>
          <pre className={classes.source}>
            <code>{source}</code>
          </pre>
        </Paper>
      )}
      <div
        ref={drawingRef}
        className={classes.drawing}
        hidden={!rendered}
        role={drawingRole}
        aria-label={label}
      />
      {rendered && drawn && participantEntities && hasEntityLinks && (
        <Suspense fallback={null}>
          <DiagramNodeLinks
            drawing={drawn}
            participants={participantEntities}
            onLinked={setLinkedNodes}
          />
        </Suspense>
      )}
      {rendered && (
        // The drawing is one image to a screen reader; its source says all of it.
        <Button
          size="small"
          className={classes.sourceToggle}
          aria-expanded={sourceShown}
          aria-controls={sourceShown ? sourceId : undefined}
          onClick={() => setSourceShown(shown => !shown)}
        >
          {sourceShown ? t('diagram.hideSource') : t('diagram.showSource')}
        </Button>
      )}
      {rendered && sourceShown && (
        // A keyboard must be able to scroll a line wider than the page (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <pre id={sourceId} className={classes.source} tabIndex={0}>
          <code>{source}</code>
        </pre>
      )}
    </div>
  );
}

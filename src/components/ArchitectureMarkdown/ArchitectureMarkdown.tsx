// One file on purpose: the renderer's element overrides (links, images,
// headings, code and diagrams, missing-section callouts) all read the same
// per-doc context and URL policy, and are only meaningful together as the
// one `components` map handed to react-markdown.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import Markdown, {
  defaultUrlTransform,
  type Components,
  type ExtraProps,
  type Options,
} from 'react-markdown';
import type { Root, RootContent } from 'mdast';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography, { type TypographyProps } from '@material-ui/core/Typography';
import { alpha, darken, makeStyles } from '@material-ui/core/styles';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/core-plugin-api/alpha';
import type {
  ArchitectureDocReport,
  LinkReport,
  SectionReport,
} from 'backstage-plugin-architecture-docs-common';
import { imageSourceFor } from '../../lib/image-source';
import { architectureDocsTranslationRef } from '../../translation';
import { MermaidDiagram } from '../MermaidDiagram';
import { placeMissingSections } from './sectionPlacement';
import type {
  ArchitectureLinkRenderProps,
  ArchitectureMarkdownProps,
} from './types';

type HastElement = NonNullable<ExtraProps['node']>;

const CALLOUT_NODE_TYPE = 'architectureCallout';
/**
 * The hast property that marks a callout placeholder; mdast-util-to-hast
 * copies it from the mdast node's `hProperties`. Markdown has no syntax for
 * it and raw HTML is dropped, so a doc cannot forge a callout.
 */
const CALLOUT_PROPERTY = 'dataArchitectureCallout';

/**
 * A node the mdast types do not know. It stays local, cast once when the
 * tree is assembled, so the shared mdast types are not widened for every
 * other module that switches over node types.
 */
interface CalloutNode {
  type: typeof CALLOUT_NODE_TYPE;
  data: { hName: 'div'; hProperties: Record<string, string> };
}

/** Everything the element renderers need that depends on the report or the props. */
interface RenderContext {
  /** Read once for the whole doc rather than by each of its elements. */
  t: TranslationFunction<typeof architectureDocsTranslationRef.T>;
  idPrefix: string;
  showCompleteness: boolean;
  renderLink: ArchitectureMarkdownProps['renderLink'];
  lookups: ReportLookups;
  classes: ReturnType<typeof useStyles>;
}

interface ReportLookups {
  links: readonly LinkReport[];
  anchorByLine: Map<number, string>;
  sectionsByLine: Map<number, SectionReport[]>;
  sectionById: Map<string, SectionReport>;
  linkIndexByPosition: Map<string, number>;
}

function positionKey(line: number, column: number): string {
  return `${line}:${column}`;
}

function buildLookups(report: ArchitectureDocReport): ReportLookups {
  const anchorByLine = new Map<number, string>();
  for (const heading of report.headings) {
    if (!anchorByLine.has(heading.line))
      anchorByLine.set(heading.line, heading.anchor);
  }
  const sectionsByLine = new Map<number, SectionReport[]>();
  const sectionById = new Map<string, SectionReport>();
  for (const section of report.sections) {
    sectionById.set(section.id, section);
    // Only heading matches: a section found in a labelled paragraph has no
    // heading to decorate.
    if (
      section.status === 'missing' ||
      section.heading === null ||
      section.line === null
    )
      continue;
    const list = sectionsByLine.get(section.line) ?? [];
    list.push(section);
    sectionsByLine.set(section.line, list);
  }
  const linkIndexByPosition = new Map<string, number>();
  report.links.forEach((link, index) => {
    const key = positionKey(link.line, link.column);
    if (!linkIndexByPosition.has(key)) linkIndexByPosition.set(key, index);
  });
  return {
    links: report.links,
    anchorByLine,
    sectionsByLine,
    sectionById,
    linkIndexByPosition,
  };
}

/**
 * A shallow copy of the doc's root with a callout node before each block a
 * missing section belongs in front of. The parsed tree is shared with the
 * analysis and across renders, so neither it nor its nodes are touched.
 */
function treeWithCallouts(
  tree: Root,
  report: ArchitectureDocReport,
  showCompleteness: boolean,
): Root {
  if (!showCompleteness) return { ...tree };
  const placements = placeMissingSections(tree.children, report);
  if (placements.length === 0) return { ...tree };
  const children: Array<RootContent | CalloutNode> = [];
  let next = 0;
  const calloutsFor = (sections: SectionReport[]) => {
    for (const section of sections) {
      children.push({
        type: CALLOUT_NODE_TYPE,
        data: { hName: 'div', hProperties: { [CALLOUT_PROPERTY]: section.id } },
      });
    }
  };
  for (const placement of placements) {
    while (next < placement.index) children.push(tree.children[next++]);
    calloutsFor(placement.sections);
  }
  while (next < tree.children.length) children.push(tree.children[next++]);
  // mdast-util-to-hast turns any node type it has no handler for into the
  // element named by `data.hName`, which is what the callouts rely on.
  return { ...tree, children } as Root;
}

const useStyles = makeStyles(theme => {
  const codeBackground = alpha(
    theme.palette.text.primary,
    theme.palette.type === 'dark' ? 0.12 : 0.06,
  );
  return {
    root: {
      maxWidth: '60rem',
      color: theme.palette.text.primary,
      ...theme.typography.body1,
      lineHeight: 1.6,
      overflowWrap: 'anywhere',
      '& p': { margin: theme.spacing(0, 0, 2) },
      '& ul, & ol': {
        margin: theme.spacing(0, 0, 2),
        paddingLeft: theme.spacing(3),
      },
      '& li > p': { margin: 0 },
      '& li + li': { marginTop: theme.spacing(0.5) },
      '& .contains-task-list': {
        listStyle: 'none',
        paddingLeft: theme.spacing(1),
      },
      '& .task-list-item input': {
        marginRight: theme.spacing(1),
        verticalAlign: 'middle',
      },
      '& blockquote': {
        margin: theme.spacing(0, 0, 2),
        padding: theme.spacing(0.5, 2),
        borderLeft: `4px solid ${theme.palette.divider}`,
        color: theme.palette.text.secondary,
      },
      '& hr': {
        border: 0,
        borderTop: `1px solid ${theme.palette.divider}`,
        margin: theme.spacing(3, 0),
      },
      '& code': {
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        fontSize: '0.875em',
        backgroundColor: codeBackground,
        borderRadius: theme.shape.borderRadius,
        padding: '0.1em 0.35em',
      },
      '& pre code': {
        backgroundColor: 'transparent',
        padding: 0,
        fontSize: 'inherit',
      },
      // Underlined, as colour alone does not tell a link from the text around it.
      '& a:not($headingLink)': { textDecoration: 'underline' },
      '& del': { color: theme.palette.text.secondary },
      '& sup': { lineHeight: 0 },
      // The callouts sit inside the doc; their own spacing must win over the doc's.
      '& $calloutGuidance': { margin: theme.spacing(0.5, 0, 0) },
      '& ul$calloutGuidance': { paddingLeft: theme.spacing(2.5) },
      '& section.footnotes': {
        marginTop: theme.spacing(4),
        borderTop: `1px solid ${theme.palette.divider}`,
        fontSize: theme.typography.body2.fontSize,
        color: theme.palette.text.secondary,
      },
    },
    pre: {
      margin: theme.spacing(0, 0, 2),
      padding: theme.spacing(1.5, 2),
      overflowX: 'auto',
      fontSize: '0.85rem',
      lineHeight: 1.5,
      backgroundColor: codeBackground,
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
    },
    headingRow: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
      margin: theme.spacing(3, 0, 1.5),
      '&:first-child': { marginTop: 0 },
      '&:hover $headingLink': { opacity: 1 },
    },
    heading: {
      margin: 0,
      // Leaves room under a sticky app bar when the page jumps to an anchor.
      scrollMarginTop: theme.spacing(8),
    },
    title: { fontWeight: theme.typography.fontWeightBold as number },
    sectionHeading: { fontWeight: theme.typography.fontWeightMedium as number },
    headingLink: {
      opacity: 0,
      color: theme.palette.text.secondary,
      textDecoration: 'none',
      transition: theme.transitions.create('opacity'),
      '&:focus': { opacity: 1 },
    },
    placeholderChip: {
      // The warning colours are too light for text on their own tint; the
      // label takes the text colour and the icon a darker warning tone.
      color: theme.palette.text.primary,
      backgroundColor: alpha(
        theme.palette.warning.main,
        theme.palette.type === 'dark' ? 0.25 : 0.12,
      ),
      border: `1px solid ${theme.palette.warning.main}`,
      '& svg': {
        color:
          theme.palette.type === 'dark'
            ? theme.palette.warning.light
            : darken(theme.palette.warning.main, 0.45),
      },
    },
    callout: {
      display: 'flex',
      gap: theme.spacing(1.5),
      margin: theme.spacing(2, 0),
      padding: theme.spacing(1.5, 2),
      border: `1px dashed ${theme.palette.info.main}`,
      backgroundColor: alpha(
        theme.palette.info.main,
        theme.palette.type === 'dark' ? 0.16 : 0.06,
      ),
      scrollMarginTop: theme.spacing(8),
    },
    calloutIcon: { color: theme.palette.info.main, marginTop: 2 },
    calloutTitle: {
      fontWeight: theme.typography.fontWeightBold as number,
      margin: 0,
    },
    calloutGuidance: { color: theme.palette.text.secondary },
    calloutCode: {
      color: theme.palette.text.primary,
      margin: theme.spacing(0.5, 0),
      padding: theme.spacing(1),
      overflowX: 'auto',
      fontSize: '0.8rem',
      backgroundColor: codeBackground,
      borderRadius: theme.shape.borderRadius,
    },
    tableWrapper: {
      overflowX: 'auto',
      margin: theme.spacing(0, 0, 2),
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
    },
    table: {
      '& th': {
        fontWeight: theme.typography.fontWeightBold as number,
        whiteSpace: 'nowrap',
      },
      '& td, & th': { verticalAlign: 'top' },
      '& tr:last-child td': { borderBottom: 0 },
    },
    image: { maxWidth: '100%', height: 'auto' },
    imageFallback: {
      color: theme.palette.text.secondary,
      fontStyle: 'italic',
    },
  };
});

const RenderContextValue = createContext<RenderContext | undefined>(undefined);

function useRenderContext(): RenderContext {
  const context = useContext(RenderContextValue);
  if (!context)
    throw new Error('Markdown elements rendered outside ArchitectureMarkdown');
  return context;
}

const HEADING_VARIANTS: Record<number, TypographyProps['variant']> = {
  1: 'h4',
  2: 'h5',
  3: 'h6',
  4: 'subtitle1',
  5: 'subtitle2',
  6: 'subtitle2',
};

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function PlaceholderChip(props: { section: SectionReport }) {
  const { classes, t } = useRenderContext();
  const label = t(
    `callout.placeholder.${props.section.placeholderReason ?? 'guidance'}`,
  );
  return (
    <Chip
      size="small"
      icon={<WarningIcon />}
      label={label}
      className={classes.placeholderChip}
      data-testid="placeholder-chip"
      data-section-id={props.section.id}
    />
  );
}

function MarkdownHeading(props: {
  depth: number;
  node?: HastElement;
  id?: string;
  children?: ReactNode;
}) {
  const { idPrefix, showCompleteness, lookups, classes, t } =
    useRenderContext();
  const { depth, node } = props;
  const line = node?.position?.start.line;
  const anchor =
    line === undefined ? undefined : lookups.anchorByLine.get(line);
  // Headings the doc does not own (the footnotes label) keep their own id, prefixed.
  let id: string | undefined;
  if (anchor !== undefined) id = `${idPrefix}${anchor}`;
  else if (props.id) id = `${idPrefix}${props.id}`;
  const sections =
    showCompleteness && line !== undefined
      ? lookups.sectionsByLine.get(line)
      : undefined;
  const placeholder = sections?.find(
    section => section.status === 'placeholder',
  );
  let status: 'placeholder' | 'present' | undefined;
  if (sections) status = placeholder ? 'placeholder' : 'present';
  return (
    <div className={classes.headingRow}>
      <Typography
        variant={HEADING_VARIANTS[depth]}
        component={`h${depth}` as HeadingTag}
        id={id}
        className={`${classes.heading} ${depth === 1 ? classes.title : classes.sectionHeading}`}
        data-section-status={status}
        data-section-id={sections?.map(section => section.id).join(' ')}
      >
        {props.children}
      </Typography>
      {id !== undefined && (
        <a
          className={classes.headingLink}
          href={`#${id}`}
          aria-label={t('markdown.headingLink')}
        >
          #
        </a>
      )}
      {placeholder && <PlaceholderChip section={placeholder} />}
    </div>
  );
}

type ElementProps<Tag extends keyof JSX.IntrinsicElements> =
  JSX.IntrinsicElements[Tag] & ExtraProps;

function headingRenderer(depth: number) {
  return function HeadingElement(props: ElementProps<HeadingTag>) {
    return (
      <MarkdownHeading depth={depth} node={props.node} id={props.id}>
        {props.children}
      </MarkdownHeading>
    );
  };
}

function MarkdownLink(props: ElementProps<'a'>) {
  const { idPrefix, renderLink, lookups } = useRenderContext();
  const start = props.node?.position?.start;
  const index = start
    ? (lookups.linkIndexByPosition.get(positionKey(start.line, start.column)) ??
      -1)
    : -1;
  const linkProps: ArchitectureLinkRenderProps = {
    link: index >= 0 ? lookups.links[index] : undefined,
    index,
    href: props.href ?? '',
    children: props.children,
  };
  const rendered = renderLink(linkProps);
  // Footnote references carry the id their back-links jump to; the caller's
  // link cannot be trusted to keep it, so a wrapper holds it.
  if (props.id) return <span id={`${idPrefix}${props.id}`}>{rendered}</span>;
  return <>{rendered}</>;
}

function MarkdownImage(props: ElementProps<'img'>) {
  const { classes, t } = useRenderContext();
  const { src, alt, title } = props;
  const source =
    typeof src === 'string'
      ? imageSourceFor(src, window.location.protocol)
      : undefined;
  if (source) {
    return (
      <img
        src={source}
        alt={alt ?? ''}
        title={title}
        loading="lazy"
        referrerPolicy="no-referrer"
        className={classes.image}
      />
    );
  }
  // Relative and unusual sources are not resolved here; the alt text keeps
  // the meaning without fetching anything.
  if (!alt) return null;
  return (
    <span className={classes.imageFallback} title={t('markdown.imageNotShown')}>
      {alt}
    </span>
  );
}

function textOf(node: HastElement): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') text += textOf(child);
  }
  return text;
}

function mermaidSource(pre: HastElement | undefined): string | undefined {
  const code = pre?.children[0];
  if (!code || code.type !== 'element' || code.tagName !== 'code')
    return undefined;
  const classNames = code.properties.className;
  const languages = Array.isArray(classNames) ? classNames : [];
  if (
    !languages.some(name => String(name).toLowerCase() === 'language-mermaid')
  )
    return undefined;
  // mdast-util-to-hast ends every code block with a newline the doc never had.
  return textOf(code).replace(/\n$/, '');
}

function MarkdownPre(props: ElementProps<'pre'>) {
  const { classes } = useRenderContext();
  const source = mermaidSource(props.node);
  if (source !== undefined) {
    return (
      <MermaidDiagram source={source} line={props.node?.position?.start.line} />
    );
  }
  return (
    // A keyboard must be able to scroll a line wider than the page (WCAG 2.1.1).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <pre className={classes.pre} tabIndex={0}>
      {props.children}
    </pre>
  );
}

/**
 * The guidance as separate items. It arrives as plain-text units joined by
 * newlines; an indented line continues the unit before it (a code sample
 * such as the template's Mermaid example), which then keeps its lines.
 */
function guidanceItems(guidance: string): string[] {
  const items: string[] = [];
  for (const line of guidance.split('\n')) {
    if (!line.trim()) continue;
    if (/^\s/.test(line) && items.length > 0)
      items[items.length - 1] += `\n${line.trimEnd()}`;
    else items.push(line.trim());
  }
  return items;
}

function GuidanceItem(props: { text: string }) {
  const { classes } = useRenderContext();
  return props.text.includes('\n') ? (
    <pre className={classes.calloutCode}>{props.text}</pre>
  ) : (
    <>{props.text}</>
  );
}

function MissingSectionCallout(props: { section: SectionReport }) {
  const { idPrefix, classes, t } = useRenderContext();
  const { section } = props;
  const guidance = guidanceItems(section.guidance);
  return (
    <Paper
      elevation={0}
      role="note"
      className={classes.callout}
      id={`${idPrefix}missing-${section.id}`}
      data-testid="missing-section-callout"
      data-section-id={section.id}
    >
      <InfoOutlinedIcon className={classes.calloutIcon} fontSize="small" />
      <div>
        <Typography
          variant="subtitle2"
          component="p"
          className={classes.calloutTitle}
        >
          {t('callout.missingSection', { section: section.title })}
        </Typography>
        {guidance.length === 1 && (
          <Typography
            variant="body2"
            component="div"
            className={classes.calloutGuidance}
          >
            <GuidanceItem text={guidance[0]} />
          </Typography>
        )}
        {guidance.length > 1 && (
          <Typography
            variant="body2"
            component="ul"
            className={classes.calloutGuidance}
          >
            {guidance.map((line, index) => (
              <li key={index}>
                <GuidanceItem text={line} />
              </li>
            ))}
          </Typography>
        )}
      </div>
    </Paper>
  );
}

function MarkdownDiv(props: ElementProps<'div'>) {
  const { lookups } = useRenderContext();
  const sectionId = props.node?.properties[CALLOUT_PROPERTY];
  if (typeof sectionId === 'string') {
    const section = lookups.sectionById.get(sectionId);
    return section ? <MissingSectionCallout section={section} /> : null;
  }
  return <div className={props.className}>{props.children}</div>;
}

function MarkdownListItem(props: ElementProps<'li'>) {
  const { idPrefix } = useRenderContext();
  // Footnote definitions carry ids; two docs on one page must not share them.
  return (
    <li
      id={props.id ? `${idPrefix}${props.id}` : undefined}
      className={props.className}
    >
      {props.children}
    </li>
  );
}

function MarkdownTable(props: ElementProps<'table'>) {
  const { classes } = useRenderContext();
  return (
    <div className={classes.tableWrapper}>
      <Table size="small" className={classes.table}>
        {props.children}
      </Table>
    </div>
  );
}

const CELL_ALIGNMENTS = new Set(['left', 'center', 'right']);

function cellAlignment(
  align: unknown,
): 'left' | 'center' | 'right' | undefined {
  return typeof align === 'string' && CELL_ALIGNMENTS.has(align)
    ? (align as 'left' | 'center' | 'right')
    : undefined;
}

function MarkdownTableCell(props: ElementProps<'td'> | ElementProps<'th'>) {
  return (
    <TableCell align={cellAlignment(props.align)}>{props.children}</TableCell>
  );
}

/** Element renderers; all state comes through context, so this map never changes. */
const COMPONENTS: Components = {
  h1: headingRenderer(1),
  h2: headingRenderer(2),
  h3: headingRenderer(3),
  h4: headingRenderer(4),
  h5: headingRenderer(5),
  h6: headingRenderer(6),
  a: MarkdownLink,
  img: MarkdownImage,
  pre: MarkdownPre,
  div: MarkdownDiv,
  li: MarkdownListItem,
  table: MarkdownTable,
  thead: props => <TableHead>{props.children}</TableHead>,
  tbody: props => <TableBody>{props.children}</TableBody>,
  tr: props => <TableRow>{props.children}</TableRow>,
  th: MarkdownTableCell,
  td: MarkdownTableCell,
};

/** The markdown text is never parsed again: the remark plugin swaps in the parsed tree. */
const NO_SOURCE = '';

const REMARK_REHYPE_OPTIONS: Options['remarkRehypeOptions'] = {
  // react-markdown always asks for raw HTML nodes; dropping html here means
  // none is ever created, and `skipHtml` below removes any that slip through.
  handlers: { html: () => undefined },
};

/**
 * Renders one architecture doc from the tree the analysis read, with heading
 * anchors, missing sections shown in place as callouts carrying the
 * template's guidance, placeholder sections flagged where they stand,
 * Mermaid diagrams and every link drawn by the caller.
 *
 * Raw HTML in the doc is never rendered, and `javascript:`, `vbscript:` and
 * `data:` link targets reach `renderLink` as an empty `href`.
 * @public
 */
export function ArchitectureMarkdown(props: ArchitectureMarkdownProps) {
  const {
    parsed,
    report,
    renderLink,
    showCompleteness = true,
    idPrefix = '',
  } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);

  const tree = useMemo(
    () => treeWithCallouts(parsed.tree, report, showCompleteness),
    [parsed, report, showCompleteness],
  );
  const lookups = useMemo(() => buildLookups(report), [report]);
  const context = useMemo<RenderContext>(
    () => ({ t, idPrefix, showCompleteness, renderLink, lookups, classes }),
    [t, idPrefix, showCompleteness, renderLink, lookups, classes],
  );
  // The element is memoised so a parent re-render does not rebuild the hast
  // tree; changes to links, prefix or styles reach the renderers by context.
  const markdown = useMemo(() => {
    const replaceWithParsedTree = () => () => tree;
    return (
      <Markdown
        remarkPlugins={[replaceWithParsedTree]}
        remarkRehypeOptions={REMARK_REHYPE_OPTIONS}
        components={COMPONENTS}
        urlTransform={defaultUrlTransform}
        skipHtml
      >
        {NO_SOURCE}
      </Markdown>
    );
  }, [tree]);

  return (
    <RenderContextValue.Provider value={context}>
      <div className={classes.root} data-testid="architecture-markdown">
        {markdown}
      </div>
    </RenderContextValue.Provider>
  );
}

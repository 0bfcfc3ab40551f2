// One file on purpose: the panel's parts (contracts, related docs, related
// systems and their drift) are small views used nowhere else, drawn in the
// same panel frame from the same loaded doc; the score and the checklist,
// which other views reuse, live in their own files.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/core-plugin-api/alpha';
import {
  EntityDisplayName,
  EntityRefLink,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  Box,
  Button,
  Divider,
  List,
  ListItem,
  ListItemText,
  Paper,
  Tooltip,
  Typography,
  makeStyles,
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import type { SectionReport } from '../../analysis';
import type { LoadedArchitectureDoc } from '../../model/loaded-doc';
import { architectureDocsTranslationRef } from '../../translation';
import { ButtonListItem } from './ButtonListItem';
import { CompletenessScore } from './CompletenessScore';
import { ContractDrawer, type ContractDrawerTarget } from './ContractDrawer';
import { SectionChecklist } from './SectionChecklist';
import {
  contractGroups,
  relatedDocLinks,
  type PanelLink,
} from './sidePanelLinks';
import { computeSystemDrift, type RelatedRef } from './systemDrift';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  section: { margin: theme.spacing(2, 0) },
  heading: { marginBottom: theme.spacing(0.5) },
  responsibility: {
    marginTop: theme.spacing(1),
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  broken: {
    color: theme.palette.error.main,
    textDecoration: 'line-through',
    cursor: 'not-allowed',
  },
  item: { paddingLeft: 0, paddingRight: 0 },
  muted: { color: theme.palette.text.secondary },
}));

/**
 * Props of {@link ArchitectureDocSidePanel}.
 * @public
 */
export interface ArchitectureDocSidePanelProps {
  /** The entity whose doc it is; its catalog relations feed "Related systems". */
  entity: Entity;
  doc: LoadedArchitectureDoc;
  /**
   * The prefix the rendered doc gives its element ids (heading anchors and
   * missing-section callouts). Default ''.
   */
  idPrefix?: string;
  /** Called with the section id when the reader picks a checklist item. */
  onSelectSection?(sectionId: string): void;
  /**
   * Systems of related entities (entity ref → system ref) that the caller
   * already knows, so their systems count on the catalog side of the drift.
   */
  knownSystems?: ReadonlyMap<string, string>;
}

type Translate = TranslationFunction<typeof architectureDocsTranslationRef.T>;

function PanelSection(props: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <Box
      className={classes.section}
      component="section"
      data-testid={props.testId}
    >
      <Typography
        variant="subtitle2"
        component="h3"
        className={classes.heading}
      >
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function BrokenLink(props: { entry: PanelLink }) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <Tooltip title={t('panel.targetNotFound')}>
      <ListItem
        className={classes.item}
        data-broken="true"
        aria-disabled="true"
        data-url={props.entry.link.url ?? undefined}
      >
        <ListItemText
          primary={<span className={classes.broken}>{props.entry.label}</span>}
          // The tooltip needs a pointer; the secondary line says it for everyone else.
          secondary={
            props.entry.fileName
              ? t('panel.targetNotFoundInFile', {
                  fileName: props.entry.fileName,
                })
              : t('panel.targetNotFound')
          }
        />
      </ListItem>
    </Tooltip>
  );
}

function ContractItem(props: {
  entry: PanelLink;
  onOpen(target: ContractDrawerTarget): void;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { entry } = props;
  const { link, url, viewUrl, status } = entry.link;
  if (status === 'missing') return <BrokenLink entry={entry} />;
  if (!url || link.kind === 'anchor') {
    return (
      <ListItem className={classes.item} data-broken="false">
        <ListItemText
          primary={entry.label}
          secondary={url ? entry.fileName : t('panel.cannotFollow')}
        />
      </ListItem>
    );
  }
  if (link.kind === 'external') {
    return (
      <ListItem className={classes.item} data-broken="false" data-url={url}>
        <ListItemText
          primary={
            <Link to={url} target="_blank" rel="noopener noreferrer">
              {entry.label}
            </Link>
          }
          secondary={entry.fileName}
        />
      </ListItem>
    );
  }
  return (
    <ButtonListItem>
      <ListItem
        button
        className={classes.item}
        data-broken="false"
        data-url={url}
        onClick={() => props.onOpen({ url, title: entry.label, viewUrl })}
      >
        <ListItemText primary={entry.label} secondary={entry.fileName} />
      </ListItem>
    </ButtonListItem>
  );
}

function ContractsList(props: {
  doc: LoadedArchitectureDoc;
  onOpen(target: ContractDrawerTarget): void;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const groups = useMemo(() => contractGroups(props.doc), [props.doc]);
  return (
    <PanelSection title={t('panel.contracts.title')} testId="contracts-list">
      {groups.length === 0 ? (
        <Typography variant="body2" className={classes.muted}>
          {t('panel.contracts.empty')}
        </Typography>
      ) : (
        groups.map((group, position) => (
          <Box key={position} data-responsibility={group.responsibility ?? ''}>
            <Typography variant="body2" className={classes.responsibility}>
              {group.responsibility ?? t('panel.contracts.otherLinks')}
            </Typography>
            <List dense disablePadding>
              {group.contracts.map(entry => (
                <ContractItem
                  key={entry.link.index}
                  entry={entry}
                  onOpen={props.onOpen}
                />
              ))}
            </List>
          </Box>
        ))
      )}
    </PanelSection>
  );
}

function RelatedDocItem(props: { entry: PanelLink }) {
  const classes = useStyles();
  const { entry } = props;
  const { url, viewUrl, entityRef, entityPath, status } = entry.link;
  if (status === 'missing') return <BrokenLink entry={entry} />;
  if (entityRef && entityPath) {
    return (
      <ListItem
        className={classes.item}
        data-broken="false"
        data-url={url ?? undefined}
      >
        <ListItemText
          primary={
            <Link to={entityPath} data-entity-ref={entityRef}>
              <EntityDisplayName entityRef={entityRef} />
            </Link>
          }
          secondary={entry.label}
        />
      </ListItem>
    );
  }
  return (
    <ListItem
      className={classes.item}
      data-broken="false"
      data-url={url ?? undefined}
    >
      <ListItemText
        primary={
          <Link
            to={viewUrl ?? url ?? ''}
            target="_blank"
            rel="noopener noreferrer"
          >
            {entry.label}
          </Link>
        }
        secondary={entry.fileName}
      />
    </ListItem>
  );
}

function RelatedDocs(props: { doc: LoadedArchitectureDoc }) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const entries = useMemo(() => relatedDocLinks(props.doc), [props.doc]);
  return (
    <PanelSection title={t('panel.relatedDocs.title')} testId="related-docs">
      {entries.length === 0 ? (
        <Typography variant="body2" className={classes.muted}>
          {t('panel.relatedDocs.empty')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {entries.map(entry => (
            <RelatedDocItem key={entry.link.index} entry={entry} />
          ))}
        </List>
      )}
    </PanelSection>
  );
}

/** Relation types stay as the catalog spells them (`partOf`, `dependsOn`); only the link count is wording. */
function why(ref: RelatedRef, t: Translate): string {
  const parts = [...ref.catalog];
  if (ref.links.length > 0)
    parts.push(t('panel.relatedSystems.linked', { count: ref.links.length }));
  return parts.join(' · ');
}

function DriftGroup(props: {
  title: string;
  refs: RelatedRef[];
  testId: string;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  if (props.refs.length === 0) return null;
  return (
    <Box data-testid={props.testId}>
      <Typography variant="body2" className={classes.responsibility}>
        {props.title}
      </Typography>
      <List dense disablePadding>
        {props.refs.map(ref => (
          <ListItem
            key={`${ref.subject}:${ref.ref}`}
            className={classes.item}
            data-ref={ref.ref}
            data-subject={ref.subject}
          >
            <ListItemText
              primary={<EntityRefLink entityRef={ref.ref} />}
              secondary={why(ref, t)}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

function RelatedSystems(props: {
  entity: Entity;
  doc: LoadedArchitectureDoc;
  knownSystems?: ReadonlyMap<string, string>;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { entity, doc, knownSystems } = props;
  const drift = useMemo(
    () => computeSystemDrift({ entity, links: doc.links, knownSystems }),
    [entity, doc.links, knownSystems],
  );
  const empty =
    drift.both.length + drift.docOnly.length + drift.catalogOnly.length === 0;
  return (
    <PanelSection
      title={t('panel.relatedSystems.title')}
      testId="related-systems"
    >
      {empty ? (
        <Typography
          variant="body2"
          className={classes.muted}
          data-testid="related-systems-empty"
        >
          {t('panel.relatedSystems.empty')}
        </Typography>
      ) : (
        <>
          <DriftGroup
            title={t('panel.relatedSystems.both')}
            refs={drift.both}
            testId="drift-both"
          />
          <DriftGroup
            title={t('panel.relatedSystems.docOnly')}
            refs={drift.docOnly}
            testId="drift-doc-only"
          />
          <DriftGroup
            title={t('panel.relatedSystems.catalogOnly')}
            refs={drift.catalogOnly}
            testId="drift-catalog-only"
          />
        </>
      )}
    </PanelSection>
  );
}

/** Brings an element into view and records it in the address without a router navigation. */
function scrollToElement(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  window.history.replaceState(
    window.history.state,
    '',
    `#${encodeURIComponent(id)}`,
  );
  // Keyboard and screen-reader users continue reading where the page went.
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  return true;
}

/**
 * The side panel of the architecture tab: completeness score, section
 * checklist, contracts (opened in a drawer), related docs, and the systems
 * the catalog and the doc relate, with the drift between them.
 * @public
 */
export function ArchitectureDocSidePanel(props: ArchitectureDocSidePanelProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { entity, doc, idPrefix = '', onSelectSection, knownSystems } = props;
  const [contract, setContract] = useState<ContractDrawerTarget>();
  const closeContract = useCallback(() => setContract(undefined), []);
  const selectSection = useCallback(
    (section: SectionReport) => {
      // A missing section has no heading; the page draws a callout in its place.
      const id =
        section.status !== 'missing' && section.anchor
          ? `${idPrefix}${section.anchor}`
          : `${idPrefix}missing-${section.id}`;
      scrollToElement(id);
      onSelectSection?.(section.id);
    },
    [idPrefix, onSelectSection],
  );
  const editUrl = doc.location.editUrl ?? doc.file.editUrl;

  return (
    <Paper className={classes.root} data-testid="architecture-doc-side-panel">
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
      >
        <Typography variant="h6" component="h2">
          {t('panel.title')}
        </Typography>
        {editUrl && (
          <Button
            size="small"
            startIcon={<EditIcon />}
            href={editUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="edit-on-host"
          >
            {t('panel.editOnHost')}
          </Button>
        )}
      </Box>
      <CompletenessScore report={doc.report} gaugeWidth={96} />
      <PanelSection
        title={t('panel.sections')}
        testId="section-checklist-section"
      >
        <SectionChecklist
          sections={doc.report.sections}
          onSelect={selectSection}
        />
      </PanelSection>
      <Divider />
      <ContractsList doc={doc} onOpen={setContract} />
      <Divider />
      <RelatedDocs doc={doc} />
      <Divider />
      <RelatedSystems entity={entity} doc={doc} knownSystems={knownSystems} />
      <ContractDrawer contract={contract} onClose={closeContract} />
    </Paper>
  );
}

import { useCallback, useMemo, useState } from 'react';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
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
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import type { SectionReport } from 'backstage-plugin-architecture-docs-common';
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
import { PanelSection, usePanelStyles } from './PanelSection';
import { RelatedSystems } from './RelatedSystems';
import { DiagramSystems } from './DiagramSystems';
import type { DiagramEntitiesState } from '../../hooks/useDiagramEntities';
import type { DiagramEntityRef } from './systemDrift';

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
  /**
   * The participants of the doc's diagrams with their catalog entities. When
   * given, the panel lists them under "Systems in the diagrams" and the
   * drift compares them too.
   */
  diagrams?: DiagramEntitiesState;
}

/** The diagrams' entities for the drift: only once the catalog has answered. */
function diagramEntityRefs(
  diagrams: DiagramEntitiesState | undefined,
): DiagramEntityRef[] | undefined {
  if (!diagrams || diagrams.loading || diagrams.catalogError) return undefined;
  if (diagrams.diagrams.length === 0) return undefined;
  const refs: DiagramEntityRef[] = [];
  for (const diagram of diagrams.diagrams) {
    for (const { entity } of diagram.participants) {
      if (entity) refs.push({ ref: entity.ref, systemRef: entity.systemRef });
    }
  }
  return refs;
}

function BrokenLink(props: { entry: PanelLink }) {
  const classes = usePanelStyles();
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
  const classes = usePanelStyles();
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
  const classes = usePanelStyles();
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
  const classes = usePanelStyles();
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
  const classes = usePanelStyles();
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
  const classes = usePanelStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const {
    entity,
    doc,
    idPrefix = '',
    onSelectSection,
    knownSystems,
    diagrams,
  } = props;
  const diagramEntities = useMemo(
    () => diagramEntityRefs(diagrams),
    [diagrams],
  );
  const showDiagrams =
    diagrams !== undefined &&
    (diagrams.loading || diagrams.diagrams.length > 0);
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
      {showDiagrams && (
        <>
          <DiagramSystems state={diagrams} />
          <Divider />
        </>
      )}
      <RelatedSystems
        entity={entity}
        doc={doc}
        knownSystems={knownSystems}
        diagramEntities={diagramEntities}
      />
      <ContractDrawer contract={contract} onClose={closeContract} />
    </Paper>
  );
}

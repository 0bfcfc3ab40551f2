import { useMemo } from 'react';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/core-plugin-api/alpha';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  Box,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import type { LoadedArchitectureDoc } from '../../model/loaded-doc';
import { architectureDocsTranslationRef } from '../../translation';
import {
  computeSystemDrift,
  type DiagramEntityRef,
  type RelatedRef,
} from './systemDrift';
import { PanelSection, usePanelStyles } from './PanelSection';

type Translate = TranslationFunction<typeof architectureDocsTranslationRef.T>;

/** Relation types stay as the catalog spells them (`partOf`, `dependsOn`); only the link count is wording. */
function why(ref: RelatedRef, t: Translate): string {
  const parts = [...ref.catalog];
  if (ref.links.length > 0)
    parts.push(t('panel.relatedSystems.linked', { count: ref.links.length }));
  if (ref.inDiagrams) parts.push(t('panel.relatedSystems.inDiagrams'));
  return parts.join(' · ');
}

function DriftGroup(props: {
  title: string;
  refs: RelatedRef[];
  testId: string;
}) {
  const classes = usePanelStyles();
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

/** The systems the doc links and the catalog relates, and where they differ. */
export function RelatedSystems(props: {
  entity: Entity;
  doc: LoadedArchitectureDoc;
  knownSystems?: ReadonlyMap<string, string>;
  /** The entities of the diagrams' participants, once known; compared when given. */
  diagramEntities?: readonly DiagramEntityRef[];
}) {
  const classes = usePanelStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { entity, doc, knownSystems, diagramEntities } = props;
  const drift = useMemo(
    () =>
      computeSystemDrift({
        entity,
        links: doc.links,
        knownSystems,
        diagramEntities,
      }),
    [entity, doc.links, knownSystems, diagramEntities],
  );
  const diagramOnly = drift.diagramOnly ?? [];
  const unmentioned = drift.unmentioned ?? [];
  const empty =
    drift.both.length +
      drift.docOnly.length +
      drift.catalogOnly.length +
      diagramOnly.length +
      unmentioned.length ===
    0;
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
          <DriftGroup
            title={t('panel.relatedSystems.diagramOnly')}
            refs={diagramOnly}
            testId="drift-diagram-only"
          />
          <DriftGroup
            title={t('panel.relatedSystems.notMentioned')}
            refs={unmentioned}
            testId="drift-unmentioned"
          />
        </>
      )}
    </PanelSection>
  );
}

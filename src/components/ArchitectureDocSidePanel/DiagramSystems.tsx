import { useMemo } from 'react';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import type { DiagramEntitiesState } from '../../hooks/useDiagramEntities';
import type { DiagramParticipantEntity } from '../../model/diagram-entities';
import { architectureDocsTranslationRef } from '../../translation';
import { PanelSection, usePanelStyles } from './PanelSection';

/** Each participant once across the doc's diagrams: by its entity, or by its label. */
function distinctParticipants(
  state: DiagramEntitiesState,
): DiagramParticipantEntity[] {
  const seen = new Set<string>();
  const result: DiagramParticipantEntity[] = [];
  for (const diagram of state.diagrams) {
    for (const item of diagram.participants) {
      const key = item.entity
        ? `entity:${item.entity.ref}`
        : `name:${item.participant.label.toLocaleLowerCase('en-US')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(item);
    }
  }
  return result;
}

function ParticipantItem(props: { item: DiagramParticipantEntity }) {
  const classes = usePanelStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { participant, entity } = props.item;
  let secondary;
  if (entity?.path) {
    secondary = (
      <Link to={entity.path} data-entity-ref={entity.ref}>
        {entity.title ?? entity.name}
      </Link>
    );
  } else if (entity) {
    secondary = entity.title ?? entity.name;
  } else {
    secondary = t('panel.diagramSystems.notInCatalog');
  }
  return (
    <ListItem
      className={classes.item}
      data-participant={participant.label}
      data-entity-ref={entity?.ref}
    >
      <ListItemText
        primary={participant.label}
        secondary={secondary}
        secondaryTypographyProps={{ component: 'div' }}
      />
    </ListItem>
  );
}

/**
 * "Systems in the diagrams": each participant of the doc's diagrams with
 * its catalog entity (a link), or "not in the catalog".
 */
export function DiagramSystems(props: { state: DiagramEntitiesState }) {
  const classes = usePanelStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { state } = props;
  const items = useMemo(() => distinctParticipants(state), [state]);
  let body;
  if (state.loading) {
    body = (
      <Typography variant="body2" className={classes.muted}>
        {t('panel.diagramSystems.loading')}
      </Typography>
    );
  } else if (items.length === 0) {
    body = (
      <Typography variant="body2" className={classes.muted}>
        {t('panel.diagramSystems.empty')}
      </Typography>
    );
  } else {
    body = (
      <List dense disablePadding>
        {items.map(item => (
          <ParticipantItem
            key={item.entity?.ref ?? `name:${item.participant.label}`}
            item={item}
          />
        ))}
      </List>
    );
  }
  return (
    <PanelSection
      title={t('panel.diagramSystems.title')}
      testId="diagram-systems"
    >
      {state.catalogError && (
        <Typography variant="body2" color="error" role="status">
          {t('panel.diagramSystems.catalogFailed', {
            message: state.catalogError.message,
          })}
        </Typography>
      )}
      {body}
    </PanelSection>
  );
}

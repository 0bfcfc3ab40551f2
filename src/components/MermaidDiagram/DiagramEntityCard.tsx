import Paper from '@material-ui/core/Paper';
import Popper from '@material-ui/core/Popper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { architectureDocsTranslationRef } from '../../translation';
import type { DiagramEntity } from '../../model/diagram-entities';

const useStyles = makeStyles(theme => ({
  popper: { zIndex: theme.zIndex.tooltip, pointerEvents: 'none' },
  card: { padding: theme.spacing(1.5, 2), maxWidth: 320 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: theme.spacing(1.5),
    rowGap: theme.spacing(0.25),
    margin: theme.spacing(1, 0),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
}));

/** The owner as the catalog's views show a ref: without the default kind and namespace. */
function ownerText(owner: string, namespace: string): string {
  try {
    return humanizeEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
      { defaultKind: 'group', defaultNamespace: namespace },
    );
  } catch {
    return owner;
  }
}

/**
 * Props of {@link DiagramEntityCard}.
 * @internal
 */
export interface DiagramEntityCardProps {
  /** The drawn node the card belongs to; no card while undefined. */
  anchor?: Element;
  entity?: DiagramEntity;
  id: string;
}

/**
 * The card shown while a linked diagram node is hovered or focused: the
 * entity's title, kind, owner and lifecycle, and where the link goes.
 * @internal
 */
export function DiagramEntityCard(props: DiagramEntityCardProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { anchor, entity, id } = props;
  if (!anchor || !entity) return null;
  const unknown = t('diagram.card.unknown');
  return (
    <Popper
      open
      anchorEl={anchor}
      placement="top"
      className={classes.popper}
      data-testid="diagram-entity-card"
    >
      <Paper elevation={8} className={classes.card} id={id}>
        <Typography variant="subtitle2" component="p">
          {entity.title ?? entity.name}
        </Typography>
        <dl className={classes.facts}>
          <dt>{t('diagram.card.kind')}</dt>
          <dd>{entity.kind}</dd>
          <dt>{t('diagram.card.owner')}</dt>
          <dd>
            {entity.owner ? ownerText(entity.owner, entity.namespace) : unknown}
          </dd>
          <dt>{t('diagram.card.lifecycle')}</dt>
          <dd>{entity.lifecycle ?? unknown}</dd>
        </dl>
        <Typography variant="caption" color="textSecondary" component="p">
          {entity.hasDoc
            ? t('diagram.card.opensTab')
            : t('diagram.card.opensPage')}
        </Typography>
      </Paper>
    </Popper>
  );
}

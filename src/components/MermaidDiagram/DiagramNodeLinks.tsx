import { useLayoutEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { architectureDocsTranslationRef } from '../../translation';
import type {
  DiagramEntity,
  DiagramParticipantEntity,
} from '../../model/diagram-entities';
import { DiagramEntityCard } from './DiagramEntityCard';
import { linkDiagramNodes, type DiagramNodeLink } from './linkDiagramNodes';

const SHAPES = '& rect, & path, & polygon, & circle, & ellipse';

// Mermaid's own styles are scoped to the drawing's id and win over a class;
// the link marks must win over them in both themes.
const useStyles = makeStyles(theme => ({
  entityLink: {
    cursor: 'pointer',
    [SHAPES]: {
      stroke: `${theme.palette.primary.main} !important`,
      strokeWidth: '2px !important',
    },
    '& text, & tspan, & .nodeLabel, & span': {
      textDecoration: 'underline',
    },
    '&:focus': { outline: 'none' },
    '&:focus-visible': {
      outline: `3px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
    [`&:hover, &:focus-visible`]: {
      [SHAPES]: { strokeWidth: '4px !important' },
    },
  },
}));

let cardCounter = 0;

/**
 * Props of {@link DiagramNodeLinks}.
 * @internal
 */
export interface DiagramNodeLinksProps {
  /** The drawn diagram, already in the page. */
  drawing: Element;
  participants: readonly DiagramParticipantEntity[];
  /** Told how many drawn nodes became links. */
  onLinked(count: number): void;
}

/**
 * Makes the drawn nodes of catalog entities links to the entity (its
 * architecture tab when it has a doc), and shows the entity's card while a
 * node is hovered or focused. Renders only the card.
 * @internal
 */
export function DiagramNodeLinks(props: DiagramNodeLinksProps) {
  const { drawing, participants, onLinked } = props;
  const classes = useStyles();
  const navigate = useNavigate();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const [card, setCard] = useState<{
    anchor: Element;
    entity: DiagramEntity;
  }>();
  const [cardId] = useState(() => {
    cardCounter += 1;
    return `architecture-diagram-entity-card-${cardCounter}`;
  });
  const links = useMemo(() => {
    const result: DiagramNodeLink[] = [];
    for (const { participant, entity } of participants) {
      if (entity?.path)
        result.push({
          nodeId: participant.nodeId,
          elementId: participant.elementId,
          label: participant.label,
          entity: { ...entity, path: entity.path },
        });
    }
    return result;
  }, [participants]);

  // A layout effect: the drawing's role changes from "img" to "group" in
  // the same task as its nodes become links, so that no one (a screen
  // reader, an accessibility checker) meets links inside an image.
  useLayoutEffect(() => {
    const { linked, undo } = linkDiagramNodes(
      drawing,
      links,
      {
        nameOf: (link, text) => {
          const name = link.entity.title ?? link.entity.name;
          const kind = link.entity.kind;
          // The visible text comes first when it is not the entity's name
          // (a C4 element's label and description), so the name holds it.
          return text && text.toLocaleLowerCase() !== name.toLocaleLowerCase()
            ? t('diagram.nodeLinkLabelled', { text, name, kind })
            : t('diagram.nodeLink', { name, kind });
        },
        navigate: (path, inNewTab) => {
          if (inNewTab) window.open(path, '_blank', 'noopener');
          else navigate(path);
        },
        showCard: (anchor, link) => setCard({ anchor, entity: link.entity }),
        hideCard: () => setCard(undefined),
      },
      classes.entityLink,
    );
    onLinked(linked);
    return () => {
      undo();
      setCard(undefined);
      onLinked(0);
    };
  }, [drawing, links, navigate, t, classes.entityLink, onLinked]);

  return (
    <DiagramEntityCard
      anchor={card?.anchor}
      entity={card?.entity}
      id={cardId}
    />
  );
}

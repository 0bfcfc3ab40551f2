import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  root: { listStyle: 'none', margin: 0, padding: 0 },
});

/**
 * A plain `<li>` around a clickable list row. Material UI's `ListItem button`
 * renders a `div` with the role `button`, which a list may not hold directly:
 * screen readers then announce neither the list nor its size.
 */
export function ButtonListItem(props: { children: ReactNode }) {
  const classes = useStyles();
  return <li className={classes.root}>{props.children}</li>;
}

import { type ReactNode } from 'react';
import { Box, Typography, makeStyles } from '@material-ui/core';

/** The styles every part of the side panel shares. */
export const usePanelStyles = makeStyles(theme => ({
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

/** One titled part of the side panel. */
export function PanelSection(props: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const classes = usePanelStyles();
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

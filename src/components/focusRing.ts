import { makeStyles } from '@material-ui/core/styles';

/**
 * A visible focus ring for every control inside a view. Material UI marks
 * keyboard focus on its buttons, list rows and inputs with a faint
 * background tint or an underline only; this draws an outline in the
 * theme's primary colour, inside the element so no container clips it.
 */
export const useFocusRingStyles = makeStyles(theme => ({
  focusRing: {
    '& :focus-visible': {
      outline: `2px solid ${theme.palette.type === 'dark' ? theme.palette.primary.light : theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
}));

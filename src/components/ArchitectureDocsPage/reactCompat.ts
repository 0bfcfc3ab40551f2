import { startTransition, useDeferredValue } from 'react';

/**
 * React 18 renders a transition after urgent updates such as typing, in
 * slices that leave the browser time for input; earlier versions render the
 * update at once.
 */
export const startTransitionCompat: (update: () => void) => void =
  typeof startTransition === 'function' ? startTransition : update => update();

/**
 * React 18 renders a deferred value after urgent updates such as typing;
 * earlier versions get the value at once.
 */
export const useDeferredValueCompat: <T>(value: T) => T =
  typeof useDeferredValue === 'function' ? useDeferredValue : value => value;

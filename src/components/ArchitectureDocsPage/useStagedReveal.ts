import { useEffect, useState } from 'react';
import { startTransitionCompat } from './reactCompat';

/**
 * How many of `stages` parts of a view to show: none at first, then one
 * more after each frame the browser painted, so that mounting a large view
 * is spread over several short tasks instead of one long one. Each step is
 * a transition: an urgent update (typing, a click) goes first.
 */
export function useStagedReveal(stages: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= stages) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next paint: a timeout queued from an animation frame runs
    // once the frame is on screen.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() =>
        startTransitionCompat(() => setShown(next => next + 1)),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [shown, stages]);
  return shown;
}

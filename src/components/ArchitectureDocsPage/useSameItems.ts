import { useRef } from 'react';

/**
 * The array of the last render when it holds the same items (by identity),
 * else `items`: memoised children and memos keyed on it then skip work while
 * the scan hands over new arrays of unchanged items.
 */
export function useSameItems<A extends readonly unknown[]>(items: A): A {
  const last = useRef(items);
  const previous = last.current;
  if (
    previous.length !== items.length ||
    previous.some((item, index) => item !== items[index])
  ) {
    last.current = items;
  }
  return last.current;
}

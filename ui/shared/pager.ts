import { useCallback, useState } from 'react';

/**
 * Keyset paging for the server's cursors: the cursor of each page reached so far is kept, so
 * Previous goes back without the server counting offsets, and each page knows its first row's number.
 */
export function usePager() {
  const [pages, setPages] = useState<{ cursor: string | undefined; offset: number }[]>([
    { cursor: undefined, offset: 0 },
  ]);
  const [index, setIndex] = useState(0);
  const current = pages[index] ?? { cursor: undefined, offset: 0 };
  const next = useCallback(
    (cursor: string, shown: number) => {
      setPages((p) => [...p.slice(0, index + 1), { cursor, offset: (p[index]?.offset ?? 0) + shown }]);
      setIndex(index + 1);
    },
    [index],
  );
  const previous = useCallback(() => setIndex((i) => Math.max(0, i - 1)), []);
  const reset = useCallback(() => {
    setPages([{ cursor: undefined, offset: 0 }]);
    setIndex(0);
  }, []);
  return { cursor: current.cursor, offset: current.offset, index, next, previous, reset };
}

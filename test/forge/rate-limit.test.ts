import type { SqlExecutor } from '../../src/store/executor';
import { rateLimitedExecutor } from '../../src/store/rate-limit';

test('DML requests are spaced to the per-second budget; SELECTs are not', async () => {
  let now = 0;
  const at: number[] = [];
  const db: SqlExecutor = {
    query: () => Promise.resolve([]),
    execute: () => {
      at.push(now);
      return Promise.resolve({ affectedRows: 1 });
    },
  };
  const limited = rateLimitedExecutor(db, 3, {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
  });
  await Promise.all(Array.from({ length: 7 }, () => limited.execute('UPDATE t SET a = 1')));
  for (let i = 0; i < 10; i++) await limited.query('SELECT 1');
  expect(at).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
});

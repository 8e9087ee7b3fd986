import { isSendDay, nextSendDate } from '../../src/forge/digest/schedule';

// 2026-11-23 is a Monday (ISO week 48); 2026-11-29 the Sunday that ends it.
const at = (iso: string) => Date.parse(iso);

test('the send day is the chosen weekday in UTC, whatever the hour', () => {
  expect(isSendDay(at('2026-11-23T00:00:00Z'), 'monday')).toBe(true);
  expect(isSendDay(at('2026-11-23T23:59:59Z'), 'monday')).toBe(true);
  expect(isSendDay(at('2026-11-24T00:00:00Z'), 'monday')).toBe(false);
  expect(isSendDay(at('2026-11-29T12:00:00Z'), 'sunday')).toBe(true);
  expect(isSendDay(at('2026-11-27T12:00:00Z'), 'friday')).toBe(true);
  expect(isSendDay(at('2026-11-27T12:00:00Z'), 'thursday')).toBe(false);
});

test('the next send date: today when due, later this week, or next week once this week is done', () => {
  const wed = at('2026-11-25T08:00:00Z');
  expect(nextSendDate(wed, 'wednesday', false)).toBe('2026-11-25');
  expect(nextSendDate(wed, 'wednesday', true)).toBe('2026-12-02');
  expect(nextSendDate(wed, 'friday', false)).toBe('2026-11-27');
  // Sent on Monday of this week already: Friday would find the week done.
  expect(nextSendDate(wed, 'friday', true)).toBe('2026-12-04');
  expect(nextSendDate(wed, 'monday', false)).toBe('2026-11-30');
  expect(nextSendDate(wed, 'monday', true)).toBe('2026-11-30');
  expect(nextSendDate(at('2026-11-29T08:00:00Z'), 'sunday', true)).toBe('2026-12-06');
});

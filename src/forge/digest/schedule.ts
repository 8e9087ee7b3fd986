import { WEEKDAY_VALUES, type Weekday } from '../../shared/contract-settings';

const DAY_MS = 86_400_000;

/** ISO weekday of a UTC instant: 1 Monday … 7 Sunday. */
function isoWeekday(at: number): number {
  const day = new Date(at).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Forge schedules triggers by interval, not by weekday, so the digest trigger runs daily and only
 * the run on the admin's weekday (UTC) sends; the week's state keeps it to one digest per week.
 */
export function isSendDay(at: number, weekday: Weekday): boolean {
  return isoWeekday(at) === WEEKDAY_VALUES.indexOf(weekday) + 1;
}

/** The UTC date (YYYY-MM-DD) of the next run that may send: today if it is the day and not yet sent. */
export function nextSendDate(at: number, weekday: Weekday, sentThisWeek: boolean): string {
  const target = WEEKDAY_VALUES.indexOf(weekday) + 1;
  const today = isoWeekday(at);
  let ahead = (target - today + 7) % 7;
  // Already sent this ISO week (Monday to Sunday): the day still ahead this week will not send.
  if (sentThisWeek && target >= today) ahead += 7;
  return new Date(at + ahead * DAY_MS).toISOString().slice(0, 10);
}

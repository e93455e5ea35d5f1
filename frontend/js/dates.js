// Calendar days as YYYY-MM-DD in the county's zone, and local clock times turned into
// moments with the zone's offset, as the API takes them. Pure but for today().
import { dayOf, zone } from './i18n.js';
import * as clock from './clock.js';

export function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days from a to b (b − a). */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The Monday of the week of a day. */
export function mondayOf(day) {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

export function today() {
  return dayOf(clock.now());
}

export function isDay(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text || '') && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** The zone's offset from UTC at a moment, as +08:00. */
export function offsetAt(moment, timeZone = zone()) {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(moment)).find((p) => p.type === 'timeZoneName')?.value || 'GMT';
  const match = part.match(/GMT([+-]\d{2}):?(\d{2})?/);
  return match ? `${match[1]}:${match[2] || '00'}` : '+00:00';
}

/** A local clock time on a day ('24:00' is the next midnight), as an ISO moment with offset. */
export function localMoment(day, clockTime, timeZone = zone()) {
  const [d, time] = clockTime === '24:00' ? [addDays(day, 1), '00:00'] : [day, clockTime];
  const guess = Date.parse(`${d}T${time}:00Z`);
  return `${d}T${time}:00${offsetAt(guess, timeZone)}`;
}

/** The local clock time (HH:mm) of a moment in the zone. */
export function clockOf(moment, timeZone = zone()) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(moment));
}

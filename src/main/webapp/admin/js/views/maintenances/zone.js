// Times in a maintenance's own time zone. The API wants ISO-8601 with an offset; the admin types a wall-clock time
// (datetime-local) and picks an IANA zone, so the offset that zone has at that moment is worked out here with Intl
// (daylight saving included). Back from the API, start and end already carry the zone's offset.

/** The browser's own zone, the default for a new maintenance. */
export function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch (e) {
    return 'UTC';
  }
}

/** Every zone the browser knows, for the field's suggestions. */
export function knownZones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch (e) {
    return ['Europe/Paris', 'UTC'];
  }
}

/** The zone's offset from UTC in minutes at an instant; throws RangeError for an unknown zone. */
export function offsetMinutes(zone, epochMs) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60000);
}

function offsetText(minutes) {
  if (minutes === 0) {
    return 'Z';
  }
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * '2027-03-13T22:00' in 'Europe/Paris' → '2027-03-13T22:00:00+01:00'. An empty time gives null; a malformed one
 * is sent as typed (the API names the field); an unknown zone gives the time in UTC (the API names the zone).
 */
export function withOffset(local, zone) {
  if (!local) {
    return null;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) {
    return local;
  }
  const seconds = m[6] ? local : `${local}:00`;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] || 0));
  let offset;
  try {
    // the offset at the wall time read as UTC is a first guess; around a change the second reading is the one
    offset = offsetMinutes(zone, wall);
    const again = offsetMinutes(zone, wall - offset * 60000);
    offset = again;
  } catch (e) {
    return `${seconds}Z`;
  }
  return `${seconds}${offsetText(offset)}`;
}

/** The wall-clock part of an API time, for a datetime-local field: '2027-03-13T22:00:00+01:00' → '2027-03-13T22:00'. */
export function wallClock(iso) {
  return iso ? String(iso).slice(0, 16) : '';
}

/** A time as the admin reads it, in the maintenance's zone (its name shown), or in the browser's. */
export function inZone(iso, zone, lang) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return String(iso);
  }
  const options = { dateStyle: 'full', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { ...options, timeZone: zone || undefined })
      .format(d);
  } catch (e) {
    return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options).format(d);
  }
}

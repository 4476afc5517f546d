import { describe, expect, it } from 'vitest';
import { formatJapanDateTime, formatJapanTimestamp } from '@/lib/i18n/date-time';

// 23:30 UTC on 31 December is already the next day and year in Japan (UTC+9).
const newYearInTokyo = new Date('2025-12-31T23:30:05Z');

describe('times in Japan time, labelled', () => {
  it('writes a date and time in the page language, in Japan time, with the zone', () => {
    expect(formatJapanDateTime(newYearInTokyo, 'ja')).toBe('2026/01/01 8:30:05 JST');
    expect(formatJapanDateTime(newYearInTokyo, 'en')).toBe('Jan 1, 2026, 8:30:05 JST');
  });

  it('writes a sortable timestamp in Japan time with the zone, from a date or milliseconds', () => {
    expect(formatJapanTimestamp(newYearInTokyo)).toBe('2026-01-01 08:30:05 JST');
    expect(formatJapanTimestamp(Date.parse('2026-06-15T15:00:00Z'))).toBe('2026-06-16 00:00:00 JST');
  });
});

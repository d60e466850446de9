import { describe, expect, it } from 'vitest';
import { openOrderStatuses, stageState, timeLeft } from './supplierPortal';

describe('portal', () => {
  it('says how long an offer stays open, in words', () => {
    const now = Date.parse('2026-12-05T10:00:00Z');
    expect(timeLeft('2026-12-07T13:00:00Z', now)).toBe('2 days 3 hours left');
    expect(timeLeft('2026-12-05T10:30:00Z', now)).toBe('30 min left');
    expect(timeLeft('2026-12-05T09:59:00Z', now)).toBe('expired');
    expect(timeLeft(null, now)).toBe('no deadline');
  });
  it('describes stages', () => {
    const base = { sequence: 1, name: 'Cutting', plannedDays: 3, late: false, daysLate: 0 };
    expect(stageState(base)).toBe('not started');
    expect(stageState({ ...base, plannedEnd: '2026-12-04' })).toBe('ready to start');
    expect(stageState({ ...base, plannedEnd: '2026-12-04', late: true, daysLate: 2 })).toBe('ready to start, 2 days late');
    expect(stageState({ ...base, actualStart: '2026-12-01' })).toBe('in progress');
    expect(stageState({ ...base, actualStart: '2026-12-01', actualEnd: '2026-12-05', late: true, daysLate: 1 })).toBe('done, 1 day late');
  });
  it('keeps only orders still worked on', () => {
    expect(openOrderStatuses('bulk_production')).toBe(true);
    expect(openOrderStatuses('completed')).toBe(false);
  });
});

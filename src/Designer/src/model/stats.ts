import type { InstanceSummary } from './types';

export const statusOrder = ['Running', 'Suspended', 'Completed', 'Faulted', 'Cancelled'];

export interface DayBucket { day: string; counts: Record<string, number>; finished: number }

/** Instances started per day by status, and instances finished per day (throughput), for the last `days` days. */
export function bucketByDay(instances: InstanceSummary[], days: number, now = new Date()): DayBucket[] {
  const buckets: DayBucket[] = [];
  const index = new Map<string, DayBucket>();
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - i));
    const key = d.toISOString().slice(0, 10);
    const b: DayBucket = { day: key, counts: {}, finished: 0 };
    buckets.push(b);
    index.set(key, b);
  }
  for (const i of instances) {
    const started = index.get(i.createdAt.slice(0, 10));
    if (started) started.counts[i.status] = (started.counts[i.status] ?? 0) + 1;
    const finished = i.finishedAt ? index.get(i.finishedAt.slice(0, 10)) : undefined;
    if (finished) finished.finished += 1;
  }
  return buckets;
}

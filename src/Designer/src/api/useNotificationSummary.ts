import { useEffect, useState } from 'react';
import { getToken } from './client';
import { useLiveEvents } from './useLiveEvents';

/** GET /api/notifications/events: unread notifications and open tasks of the signed-in user. */
export interface NotificationSummary { unread: number; openTasks: number }

/**
 * The signed-in user's numbers, live (one stream per component that asks; the top bar and the tasks list do). Null
 * until the first event, or when signed out.
 */
export function useNotificationSummary(): NotificationSummary | null {
  const signedIn = getToken() !== null;
  const [summary, setSummary] = useState<NotificationSummary | null>(null);
  useLiveEvents<NotificationSummary>(signedIn ? '/api/notifications/events' : null, (e, type) => { if (type === 'summary') setSummary(e); });
  useEffect(() => { if (!signedIn) setSummary(null); }, [signedIn]);
  return signedIn ? summary : null;
}

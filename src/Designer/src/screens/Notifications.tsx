import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/useApi';
import { useNotificationSummary } from '../api/useNotificationSummary';
import { ErrorBox, Empty, Loading, formatTime } from '../components/Feedback';
import { Link } from '../router';

interface Notification { id: string; title: string; template: string; createdAt: string; read: boolean; link?: string | null }
interface NotificationPage { items: Notification[]; total: number; unread: number }

/** The signed-in user's notifications: every email the workflow sent them, newest first, with a link and mark as read. */
export function Notifications() {
  const list = useApi<NotificationPage>('/api/notifications?pageSize=50');
  const summary = useNotificationSummary();
  const [error, setError] = useState<unknown>(null);
  // A new email arrives: the count changes and the list follows.
  const liveUnread = summary?.unread;
  const { reload } = list;
  useEffect(() => { if (liveUnread !== undefined) reload(); }, [liveUnread, reload]);

  const mark = async (path: string) => {
    setError(null);
    try {
      await api(path, { method: 'POST' });
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  // One call per notification shown: each mark is the user's own row, and a repeat does no harm.
  const markAll = async () => {
    setError(null);
    try {
      for (const n of list.data?.items.filter((x) => !x.read) ?? []) await api(`/api/notifications/${n.id}/read`, { method: 'POST' });
    } catch (e) {
      setError(e);
    }
    list.reload();
  };

  return (
    <div className="page narrow">
      <div className="page-header">
        <h1>Notifications</h1>
        <div className="actions">{list.data?.items.some((n) => !n.read) && <button type="button" onClick={() => void markAll()}>Mark all as read</button>}</div>
      </div>
      {list.loading && !list.data && <Loading what="notifications" />}
      <ErrorBox error={list.error ?? error} title="Could not load or update the notifications" />
      {list.data && list.data.items.length === 0 && <Empty>Nothing yet. Emails the workflow sends you show up here too.</Empty>}
      <ul className="notification-list">
        {list.data?.items.map((n) => (
          <li key={n.id} className={`card notification${n.read ? '' : ' unread'}`} data-testid="notification">
            <p className="notification-title">{n.read ? null : <strong>New: </strong>}{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</p>
            <p className="muted small">{formatTime(n.createdAt)}</p>
            {!n.read && <button type="button" className="link-button" onClick={() => void mark(`/api/notifications/${n.id}/read`)}>Mark as read</button>}
          </li>
        ))}
      </ul>
    </div>
  );
}

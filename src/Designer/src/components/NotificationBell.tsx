import { useNotificationSummary } from '../api/useNotificationSummary';
import { Link } from '../router';

/** The top bar's link to the notifications, with the unread count as it changes (live). */
export function NotificationBell() {
  const summary = useNotificationSummary();
  const unread = summary?.unread ?? 0;
  return (
    <Link to="/notifications" className="notification-bell" ariaLabel={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}>
      Notifications{unread > 0 && <span className="count" data-testid="notification-count" aria-hidden="true">{unread}</span>}
    </Link>
  );
}

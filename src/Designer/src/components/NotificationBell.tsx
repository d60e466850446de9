import { useNotificationSummary } from '../api/useNotificationSummary';
import { Link } from '../router';

/** The top bar's link to the notifications, with the unread count as it changes (live). */
export function NotificationBell() {
  const summary = useNotificationSummary();
  const unread = summary?.unread ?? 0;
  return (
    <Link to="/notifications" className="notification-bell">
      Notifications{unread > 0 && <span className="count" data-testid="notification-count">{unread}<span className="sr-only"> unread</span></span>}
    </Link>
  );
}

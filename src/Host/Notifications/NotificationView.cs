namespace Sleek.Workflows.Host.Notifications;

/// <summary>One notification: an email the workflow sent to the user.</summary>
/// <param name="Id">The email's id (mark it read with it).</param>
/// <param name="Title">The email's subject.</param>
/// <param name="Template">Which email it was (quote-confirmation, supplier-assignment, shipped…).</param>
/// <param name="CreatedAt">When it was sent (UTC).</param>
/// <param name="Read">True once the user marked it read.</param>
/// <param name="Link">The page it is about, for this user's role.</param>
public sealed record NotificationView(Guid Id, string Title, string Template, DateTime CreatedAt, bool Read, string? Link);

/// <summary>A page of notifications, newest first, and the unread count over all of them.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int Unread);

/// <summary>The top bar's numbers: unread notifications and open tasks for the caller.</summary>
public sealed record NotificationSummary(int Unread, int OpenTasks);

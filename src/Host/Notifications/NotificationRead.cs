namespace Sleek.Workflows.Host.Notifications;

/// <summary>
/// That a user has read a notification (table <c>notification_reads</c>). A notification is an email the workflow sent
/// to the user's address (the marketplace's outbox, written in the burst's own transaction), so the notifications
/// themselves cost the workflow nothing extra; only reading one writes a row here.
/// </summary>
public sealed class NotificationRead
{
    /// <summary>The reader (a user id).</summary>
    public Guid UserId { get; set; }

    /// <summary>The email it was about (<c>email_messages.id</c>).</summary>
    public Guid EmailId { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime ReadAt { get; set; }
}

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// The email outbox (table <c>email_messages</c>): a row is written in the burst's transaction under a
/// unique idempotency key and a dispatcher sends pending rows, so an email goes out at most once per key.
/// </summary>
public sealed class EmailMessage
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Unique; usually the activity's <c>context.IdempotencyKey</c>.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>Template name (templates/*.scriban).</summary>
    public string Template { get; set; } = "";

    /// <summary>Recipient address.</summary>
    public string To { get; set; } = "";

    /// <summary>Rendered subject.</summary>
    public string Subject { get; set; } = "";

    /// <summary>Rendered HTML body.</summary>
    public string HtmlBody { get; set; } = "";

    /// <summary>Rendered text body.</summary>
    public string TextBody { get; set; } = "";

    /// <summary>pending, sent, failed.</summary>
    public EmailStatus Status { get; set; } = EmailStatus.Pending;

    /// <summary>Send attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>
    /// When the dispatcher may take the row next: null = at once. Claiming a row sets it to now + lease (a
    /// crashed dispatcher's claim runs out and another takes over); a failed attempt sets it to now + backoff.
    /// </summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The last sending error.</summary>
    public string? Error { get; set; }

    /// <summary>The quote it is about.</summary>
    public Guid? QuoteId { get; set; }

    /// <summary>The order it is about.</summary>
    public Guid? OrderId { get; set; }
}

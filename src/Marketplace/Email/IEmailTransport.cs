namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// Delivers a rendered email: to an SMTP server (<see cref="SmtpEmailTransport"/>) or as an <c>.eml</c>
/// file into the outbox folder (<see cref="OutboxFolderTransport"/>). Not recording and not deduplication:
/// the outbox table decides what to send; a transport only delivers and stamps the idempotency key into
/// the Message-Id so that a duplicate is recognisable downstream.
/// </summary>
public interface IEmailTransport
{
    /// <summary>A short description for logs and health, e.g. <c>smtp://mail:587</c>.</summary>
    string Description { get; }

    /// <summary>Delivers the email; throws when it could not be handed over.</summary>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

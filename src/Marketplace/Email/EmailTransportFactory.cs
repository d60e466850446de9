namespace Sleek.Workflows.Marketplace.Email;

/// <summary>Chooses the transport: SMTP when <c>Smtp:Host</c> is set, else <c>.eml</c> files in the outbox folder.</summary>
public static class EmailTransportFactory
{
    /// <summary>The outbox folder's name under the data directory.</summary>
    public const string OutboxFolderName = "outbox";

    /// <summary>The transport for these settings.</summary>
    public static IEmailTransport Create(SmtpOptions smtp, string dataDirectory, TimeProvider? time = null) =>
        smtp.IsConfigured
            ? new SmtpEmailTransport(smtp, time)
            : new OutboxFolderTransport(Path.Combine(dataDirectory, OutboxFolderName), smtp.From, time);
}

using MailKit.Net.Smtp;
using MailKit.Security;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// Sends through an SMTP server with MailKit: one connection per email, which is plenty for the outbox
/// dispatcher's rate and leaves no half-dead connection behind after a server restart.
/// </summary>
public sealed class SmtpEmailTransport : IEmailTransport
{
    private readonly SmtpOptions _options;
    private readonly string _host;
    private readonly TimeProvider _time;
    private readonly SecureSocketOptions _security;

    /// <summary>A transport for configured options (<see cref="SmtpOptions.Host"/> set).</summary>
    /// <exception cref="ArgumentException">No host, or an unknown <see cref="SmtpOptions.Security"/> value.</exception>
    public SmtpEmailTransport(SmtpOptions options, TimeProvider? time = null)
    {
        if (!options.IsConfigured)
        {
            throw new ArgumentException("Smtp:Host is not set", nameof(options));
        }

        _host = options.Host;

        _options = options;
        _time = time ?? TimeProvider.System;
        _security = options.Security.ToUpperInvariant() switch
        {
            "AUTO" => SecureSocketOptions.Auto,
            "NONE" => SecureSocketOptions.None,
            "STARTTLS" => SecureSocketOptions.StartTls,
            "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
            _ => throw new ArgumentException($"Smtp:Security is '{options.Security}'; use Auto, None, StartTls or SslOnConnect", nameof(options)),
        };
    }

    /// <inheritdoc />
    public string Description => $"smtp://{_host}:{_options.Port}";

    /// <inheritdoc />
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        using var message = EmailMimeBuilder.Build(email, _options.From, _time.GetUtcNow());
        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        await client.ConnectAsync(_host, _options.Port, _security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.User))
        {
            await client.AuthenticateAsync(_options.User, _options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

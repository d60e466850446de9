namespace Sleek.Workflows.Marketplace.Email;

/// <summary>SMTP settings (configuration section <c>Smtp</c>; environment <c>Smtp__Host</c> etc.).</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Smtp";

    /// <summary>The SMTP server; unset means emails are written as .eml files into the outbox folder.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>User name; authentication is skipped when unset.</summary>
    public string? User { get; set; }

    /// <summary>Password for <see cref="User"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, <c>Name &lt;address&gt;</c> or a bare address. Also used for outbox files.</summary>
    public string From { get; set; } = "Sleek Workflows <no-reply@sleek-workflows.local>";

    /// <summary>
    /// TLS: <c>Auto</c> (STARTTLS when offered, implicit TLS on port 465), <c>None</c>, <c>StartTls</c>
    /// (required) or <c>SslOnConnect</c>.
    /// </summary>
    public string Security { get; set; } = "Auto";

    /// <summary>Connect/command timeout in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Whether an SMTP server is configured.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Host))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>One email to send: the outbox row's content and the key that makes a resend detectable.</summary>
/// <param name="IdempotencyKey">Stable per logical email (instance + activity); becomes the Message-Id.</param>
/// <param name="To">The recipient address (<c>name &lt;addr&gt;</c> or a bare address).</param>
/// <param name="Subject">The rendered subject.</param>
/// <param name="HtmlBody">The rendered HTML part.</param>
/// <param name="TextBody">The rendered text part.</param>
public sealed record OutgoingEmail(string IdempotencyKey, string To, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>An email with a rendered template's content.</summary>
    public static OutgoingEmail From(string idempotencyKey, string to, RenderedEmail content) =>
        new(idempotencyKey, to, content.Subject, content.HtmlBody, content.TextBody);
}

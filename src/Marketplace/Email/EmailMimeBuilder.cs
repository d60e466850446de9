using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// Builds the MIME message both transports send: multipart/alternative (text first, HTML preferred),
/// a Message-Id derived from the idempotency key (same key, same Message-Id, so a duplicate delivery is
/// detectable by any mail system), and the key itself in <c>X-Sleek-Idempotency-Key</c>.
/// </summary>
public static class EmailMimeBuilder
{
    /// <summary>The header carrying the raw idempotency key.</summary>
    public const string IdempotencyHeader = "X-Sleek-Idempotency-Key";

    /// <summary>Builds the message. <paramref name="from"/> is <c>Name &lt;address&gt;</c> or an address.</summary>
    public static MimeMessage Build(OutgoingEmail email, string from, DateTimeOffset date)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(InternetAddressList.Parse(email.To));
        message.Subject = email.Subject;
        message.Date = date;
        message.MessageId = MessageIdFor(email.IdempotencyKey, message.From.Mailboxes.First().Domain);
        message.Headers.Add(IdempotencyHeader, email.IdempotencyKey);
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }

    /// <summary>The Message-Id (without angle brackets) for a key: a hash, since keys may hold any characters.</summary>
    public static string MessageIdFor(string idempotencyKey, string domain)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];
        return $"{hash}@{(string.IsNullOrEmpty(domain) ? "sleek-workflows.local" : domain)}";
    }
}

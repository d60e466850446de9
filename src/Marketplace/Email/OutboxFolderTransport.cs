using System.Security.Cryptography;
using System.Text;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// The embedded default when no SMTP server is configured: each email becomes an RFC 5322 <c>.eml</c>
/// file in a folder (<c>&lt;DataDirectory&gt;/outbox</c>) that any mail client opens. Files appear
/// atomically (written to a hidden temp file, then moved), so a reader never sees half an email. A
/// second send of the same idempotency key finds its file and writes nothing.
/// </summary>
public sealed class OutboxFolderTransport : IEmailTransport
{
    private readonly string _from;
    private readonly TimeProvider _time;

    /// <summary>A transport writing into <paramref name="directory"/> (created when missing).</summary>
    public OutboxFolderTransport(string directory, string from, TimeProvider? time = null)
    {
        Folder = Path.GetFullPath(directory);
        _from = from;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The folder the <c>.eml</c> files go to.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public string Description => $"folder {Folder}";

    /// <summary>The file name part that identifies an idempotency key (safe characters plus a hash).</summary>
    public static string KeySuffix(string idempotencyKey)
    {
        var safe = new StringBuilder();
        foreach (var c in idempotencyKey)
        {
            if (safe.Length == 60)
            {
                break;
            }

            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..12];
        return $"{safe}-{hash}";
    }

    /// <inheritdoc />
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var suffix = KeySuffix(email.IdempotencyKey);
        if (Directory.EnumerateFiles(Folder, $"*-{suffix}.eml").Any())
        {
            return;
        }

        var now = _time.GetUtcNow();
        using var message = EmailMimeBuilder.Build(email, _from, now);
        var final = Path.Combine(Folder, $"{now:yyyyMMdd'T'HHmmssfff'Z'}-{suffix}.eml");
        var temp = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(temp, cancellationToken);
            File.Move(temp, final, overwrite: false);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sleek.Workflows.Marketplace.Links;

/// <summary>
/// Signed, expiring tokens that grant one thing to whoever holds them (a quote link, an e-mail's claim link):
/// <c>&lt;expires unix seconds&gt;.&lt;base64url HMAC-SHA256&gt;</c> over purpose, subject and expiry. The key is
/// the host's: derived (HKDF, its own label) from the JWT signing key, so it is configured or generated and
/// persisted like that key, the same on every host, and never stored beside the tokens. Nothing is stored per
/// token: 256 bits of MAC make it unguessable, and a token for one purpose or subject fails for any other.
/// </summary>
public sealed class CapabilityTokens(byte[] key)
{
    private readonly byte[] _key = key.Length >= 32 ? key : throw new ArgumentException("a capability key needs at least 32 bytes", nameof(key));

    /// <summary>Derives the capability key from the host's signing key (a key used for nothing else).</summary>
    public static CapabilityTokens FromSigningKey(byte[] signingKey) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, salt: null, info: Encoding.UTF8.GetBytes("sleek/capability-tokens/v1")));

    /// <summary>A token for <paramref name="purpose"/> on <paramref name="subject"/>, valid until <paramref name="expiresAt"/>.</summary>
    public string Sign(string purpose, string subject, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return expires + "." + Base64Url.EncodeToString(Mac(purpose, subject, expires));
    }

    /// <summary>Why a token is refused, or null when it is good for this purpose and subject at <paramref name="now"/>.</summary>
    public string? Check(string purpose, string subject, string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return "missing";
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return "malformed";
        }

        byte[] given;
        try
        {
            given = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return "malformed";
        }

        // Compared in constant time before the expiry, so a forged token never learns anything from the answer.
        if (!CryptographicOperations.FixedTimeEquals(given, Mac(purpose, subject, token[..dot])))
        {
            return "bad signature";
        }

        return now.ToUnixTimeSeconds() >= expires ? "expired" : null;
    }

    private byte[] Mac(string purpose, string subject, string expires) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}\n{subject}\n{expires}"));
}

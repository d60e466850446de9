using System.Security.Cryptography;
using System.Text;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Keeps TOTP secrets encrypted at rest (AES-256-GCM) under a key derived from the signing key (HKDF, its own label),
/// so a copy of the database alone does not give anyone the codes. Every host of a cluster shares the signing key, so
/// each can read them. Changing <c>Auth:SigningKey</c> makes existing enrolments unreadable: those users sign in with
/// a recovery code (or an admin resets their two-factor) and enrol again.
/// </summary>
internal sealed class TwoFactorSecrets
{
    private readonly byte[] _key;

    public TwoFactorSecrets(SigningKeyHolder signingKey) =>
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, 32, info: Encoding.UTF8.GetBytes("sleek totp secret v1"));

    /// <summary>Nonce, ciphertext and tag, base64.</summary>
    public string Protect(byte[] secret)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[secret.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(_key, tag.Length);
        aes.Encrypt(nonce, secret, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. cipher, .. tag]);
    }

    /// <summary>The secret, or null when it was not protected with this key (the signing key changed) or is damaged.</summary>
    public byte[]? Unprotect(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(stored);
            var nonceSize = AesGcm.NonceByteSizes.MaxSize;
            var tagSize = AesGcm.TagByteSizes.MaxSize;
            var secret = new byte[bytes.Length - nonceSize - tagSize];
            using var aes = new AesGcm(_key, tagSize);
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize, secret.Length), bytes.AsSpan(bytes.Length - tagSize), secret);
            return secret;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}

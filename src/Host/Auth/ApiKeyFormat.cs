using System.Security.Cryptography;
using System.Text;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// API keys look like <c>sk_&lt;12 hex prefix&gt;_&lt;43 base64url secret&gt;</c>: the prefix is stored in clear to
/// find the row (and shown in lists), the whole key only as a SHA-256 hash.
/// </summary>
internal static class ApiKeyFormat
{
    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"sk_{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    /// <summary>The prefix of a well-formed key; null for anything else.</summary>
    public static (string Prefix, string Secret)? Parse(string key)
    {
        var parts = key.Split('_', 3);
        if (key.Length > 100 || parts.Length != 3 || parts[0] != "sk" || parts[1].Length != 12 || parts[2].Length < 20)
        {
            return null;
        }

        return (parts[1], parts[2]);
    }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    /// <summary>Constant-time comparison of the presented key's hash with the stored one.</summary>
    public static bool HashMatches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
}

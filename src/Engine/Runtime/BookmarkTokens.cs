using System.Security.Cryptography;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Makes bookmark tokens: 256 random bits, base64url, so they cannot be guessed or enumerated.</summary>
internal static class BookmarkTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

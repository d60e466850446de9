using System.Text.RegularExpressions;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// The one redaction every log line goes through (<see cref="RedactingSink"/> on the formatted text, exceptions and
/// their messages included; <see cref="SecretRedactionEnricher"/> on each property value): whatever wrote the line,
/// and whichever path it took (request log, error handler, a driver's message), credentials come out as <c>***</c>.
/// <list type="bullet">
/// <item>bookmark tokens: what follows <c>/bookmarks/</c> in a path, and any free-standing 43-character base64url word
/// (the shape of a 256-bit token, <c>BookmarkTokens</c>);</item>
/// <item>API keys <c>sk_&lt;prefix&gt;_&lt;secret&gt;</c> (the prefix stays: it is shown in lists and finds the key),
/// Stripe keys and webhook secrets;</item>
/// <item>JWTs (<c>eyJ….eyJ….…</c>) and the value after <c>Bearer</c>, <c>ApiKey</c> or <c>Basic</c>;</item>
/// <item>the value of any JSON member or <c>name=value</c> pair whose name says password, token, secret, api key or
/// signing key (bodies, connection strings, query strings).</item>
/// </list>
/// </summary>
internal static partial class SecretRedaction
{
    public const string Mask = "***";

    /// <summary><paramref name="text"/> with every credential it holds replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text)
    {
        if (text.Length < 8)
        {
            return text;
        }

        text = BookmarkPath().Replace(text, "${lead}" + Mask);
        text = ApiKey().Replace(text, "${lead}" + Mask);
        text = ProviderSecret().Replace(text, "${kind}" + Mask);
        text = Jwt().Replace(text, Mask);
        text = SchemeCredential().Replace(text, "${scheme} " + Mask);
        text = JsonMember().Replace(text, "${lead}" + Mask + "${quote}");
        text = NameValue().Replace(text, "${lead}" + Mask);
        return TokenShaped().Replace(text, Mask);
    }

    // "/bookmarks/<token>" in a path or URL (also percent-encoded or in a JSON-escaped string).
    [GeneratedRegex(@"(?<lead>/bookmarks/)(?!\*\*\*)[^/\s""'?#\\]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BookmarkPath();

    // sk_<12 hex>_<secret>: keep what finds the row, drop the secret.
    [GeneratedRegex(@"(?<lead>\bsk_[0-9a-f]{12}_)[A-Za-z0-9_\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKey();

    // Stripe secret and restricted keys, webhook signing secrets.
    [GeneratedRegex(@"\b(?<kind>(?:sk|rk)_(?:live|test)_|whsec_)[A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderSecret();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b(?<scheme>Bearer|ApiKey|Basic)\s+(?!\*\*\*)[^\s""',;\\]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeCredential();

    // "password": "…", also inside a JSON-escaped string (\"password\":\"…\") as JSON log lines carry bodies.
    [GeneratedRegex(@"(?<lead>\\?""[A-Za-z_\-]*(?:password|token|secret|api_?key|signing_?key)[A-Za-z_\-]*\\?""\s*:\s*(?<quote>\\?""))(?:(?!\k<quote>).)*?\k<quote>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonMember();

    // password=…; token=… (connection strings, query strings, form bodies).
    [GeneratedRegex(@"(?<lead>\b[A-Za-z_\-]*(?:password|pwd|token|secret|api_?key)[A-Za-z_\-]*\s*=\s*)(?!\*\*\*)[^;&\s""',]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameValue();

    // A free-standing 43-character base64url word: the shape of a bookmark token (256 bits), wherever it appears.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])[A-Za-z0-9_\-]{43}(?![A-Za-z0-9_\-])", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShaped();
}

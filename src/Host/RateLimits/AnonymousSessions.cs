using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.RateLimits;

/// <summary>
/// Anonymous sessions for the per-session quote limit. The server issues the id: 16 random bytes plus an
/// HMAC (key derived from the JWT signing key), so a client cannot mint ids of its own. It travels in the
/// <c>sleek_session</c> cookie (HttpOnly, SameSite=Lax) or, for clients without cookies, the
/// <c>X-Sleek-Session</c> header; a request without a valid one is given a new one in both.
/// A client that drops it gets a fresh session each time, and is then held by the per-IP limit instead.
/// </summary>
internal sealed class AnonymousSessions
{
    public const string CookieName = "sleek_session";
    public const string HeaderName = "X-Sleek-Session";

    private readonly byte[] _key;

    public AnonymousSessions(SigningKeyHolder signingKey) =>
        _key = HMACSHA256.HashData(signingKey.Key.Key, Encoding.UTF8.GetBytes("sleek anonymous session v1"));

    /// <summary>The request's session id, issuing (cookie and header) a new one when it has no valid one.</summary>
    public string GetOrIssue(HttpContext http)
    {
        var presented = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            presented = http.Request.Cookies[CookieName] ?? "";
        }

        if (IsValid(presented))
        {
            return presented;
        }

        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var session = $"{id}.{Sign(id)}";
        http.Response.Cookies.Append(CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
            Path = "/",
        });
        http.Response.Headers[HeaderName] = session;
        return session;
    }

    private bool IsValid(string session)
    {
        var dot = session.IndexOf('.', StringComparison.Ordinal);
        if (session.Length > 100 || dot <= 0)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(session[..dot]));
        var actual = Encoding.ASCII.GetBytes(session[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private string Sign(string id) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id)))[..22];
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// The <c>ApiKey</c> scheme: <c>X-Api-Key: sk_…</c> or <c>Authorization: ApiKey sk_…</c>. The key's prefix finds
/// the row, its SHA-256 is compared in constant time; revoked or expired keys are refused. The principal
/// has <c>scope</c> claims and, for a bound key, <c>party</c>/<c>party_role</c>, but never a role.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SecurityDb securityDb,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>True when the request carries an API key (either header form).</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderName)
        || request.Headers.Authorization.ToString().StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers.TryGetValue(HeaderName, out var header)
            ? header.ToString()
            : Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase)
                ? auth[(SchemeName.Length + 1)..]
                : null;
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (ApiKeyFormat.Parse(presented.Trim()) is not { } parsed)
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        await using var db = securityDb.CreateContext();
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == parsed.Prefix, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is null || !ApiKeyFormat.HashMatches(presented.Trim(), key.Hash))
        {
            return AuthenticateResult.Fail("unknown API key");
        }

        if (key.RevokedAt is not null || key.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("revoked or expired API key");
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            // In the background: a request must not wait for a write (on SQLite, for the single writer) to be let in.
            _ = Task.Run(() => TouchAsync(key.Id, now));
        }

        var claims = new List<Claim>
        {
            new(SleekClaims.Subject, "apikey:" + key.Id),
            new(SleekClaims.Name, key.Name),
        };
        claims.AddRange(key.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(SleekClaims.Scope, s)));
        if (key.PartyId is not null)
        {
            claims.Add(new Claim(SleekClaims.Party, key.PartyId));
        }

        if (key.PartyRole is not null)
        {
            claims.Add(new Claim(SleekClaims.PartyRole, key.PartyRole));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, SleekClaims.Name, SleekClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task TouchAsync(Guid id, DateTime now)
    {
        // Best effort: a busy database must not turn a valid key away.
        try
        {
            await using var db = securityDb.CreateContext();
            await db.WriteAsync(ct => db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct), CancellationToken.None);
        }
        catch (Exception ex)
        {
            Logger.LogWarning("Could not record the last use of API key {KeyId}: {Reason}", id, ex.Message);
        }
    }
}

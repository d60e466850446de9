using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Issues short-lived access tokens (HS256) for signed-in users: the user's role and party, the security stamp
/// they were issued under and the session (<c>sid</c>) they belong to, both checked on every request
/// (<see cref="AccessTokenCheck"/>).
/// </summary>
internal sealed class TokenIssuer(AuthOptions options, SigningKeyHolder key, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The access token's lifetime (<see cref="AuthOptions.AccessTokenMinutes"/>, 3 s to a day).</summary>
    public TimeSpan Lifetime => TimeSpan.FromMinutes(Math.Clamp(options.AccessTokenMinutes, 0.05, 24 * 60));

    /// <summary>A token for <paramref name="user"/> in session <paramref name="sessionId"/>.</summary>
    public (string Token, int ExpiresIn) Issue(UserAccount user, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = Lifetime;
        var claims = new List<Claim>
        {
            new(SleekClaims.Subject, user.Id.ToString()),
            new(SleekClaims.Name, user.Email),
            new(SleekClaims.Role, user.Role),
            new(SleekClaims.Stamp, user.SecurityStamp),
            new(SleekClaims.Session, sessionId.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (user.PartyId is not null)
        {
            claims.Add(new Claim(SleekClaims.Party, user.PartyId));
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)Math.Ceiling(lifetime.TotalSeconds));
    }
}

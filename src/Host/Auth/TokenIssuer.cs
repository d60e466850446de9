using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>Issues short-lived access tokens (HS256) for signed-in users.</summary>
internal sealed class TokenIssuer(AuthOptions options, SigningKeyHolder key, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(UserAccount user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(Math.Clamp(options.AccessTokenMinutes, 1, 24 * 60));
        var claims = new List<Claim>
        {
            new(SleekClaims.Subject, user.Id.ToString()),
            new(SleekClaims.Name, user.Email),
            new(SleekClaims.Role, user.Role),
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
        return new AccessToken(token, "Bearer", (int)lifetime.TotalSeconds, user.Role, user.Id.ToString());
    }
}

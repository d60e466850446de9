using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// The proof that a user passed the password step, carried to the second step: a JWT signed like access tokens but
/// for another audience, so it is never accepted as one (and an access token never as a challenge). It names its
/// purpose (<c>login</c>: enter a code; <c>enrol</c>: staff who must set up two-factor first) and the security stamp,
/// so a password change or an admin's action voids it. Minutes long; wrong codes count toward the lockout.
/// </summary>
internal sealed class TwoFactorChallenges(AuthOptions options, SigningKeyHolder key, TimeProvider clock)
{
    public const string LoginPurpose = "login";
    public const string EnrolPurpose = "enrol";
    private const string PurposeClaim = "purpose";

    private readonly JsonWebTokenHandler _handler = new();

    private string Audience => options.Audience + "/two-factor";

    /// <summary>A challenge for <paramref name="user"/>: 5 minutes to enter a code, 10 to enrol.</summary>
    public (string Token, int ExpiresIn) Issue(UserAccount user, string purpose)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(purpose == EnrolPurpose ? 10 : 5);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([
                new Claim(SleekClaims.Subject, user.Id.ToString()),
                new Claim(SleekClaims.Stamp, user.SecurityStamp),
                new Claim(PurposeClaim, purpose),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, (int)lifetime.TotalSeconds);
    }

    /// <summary>The user id and stamp of a valid, unexpired challenge of that purpose; null otherwise.</summary>
    public async Task<(Guid UserId, string Stamp)?> ValidateAsync(string? challenge, string purpose)
    {
        if (string.IsNullOrEmpty(challenge) || challenge.Length > 4000)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(challenge, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(Math.Clamp(options.ClockSkewSeconds, 0, 300)),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            LifetimeValidator = (notBefore, expires, _, _) => expires > clock.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid
            || result.ClaimsIdentity.FindFirst(PurposeClaim)?.Value != purpose
            || !Guid.TryParse(result.ClaimsIdentity.FindFirst(SleekClaims.Subject)?.Value, out var userId)
            || result.ClaimsIdentity.FindFirst(SleekClaims.Stamp)?.Value is not { } stamp)
        {
            return null;
        }

        return (userId, stamp);
    }
}

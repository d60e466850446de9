using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Runs on every request with a bearer token, after its signature and lifetime passed: the user must still exist and
/// be active, the token's security stamp must be the user's current one (a role change, disable, delete, password
/// change or two-factor reset sets a new one) and its session must not be revoked (sign-out, token reuse). Read
/// through <see cref="UserStates"/>, so at most a few seconds old. A refused token answers 401 and is audited.
/// </summary>
internal static class AccessTokenCheck
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var principal = context.Principal ?? new ClaimsPrincipal();
        var states = http.RequestServices.GetRequiredService<UserStates>();
        var refusal = await RefusalAsync(principal, states, http.RequestAborted);
        if (refusal is null)
        {
            return;
        }

        context.Fail($"token refused: {refusal}");
        var audit = http.RequestServices.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(http, AuditActions.TokenRefused, AuditOutcome.Denied, $"user={principal.FindFirstValue(SleekClaims.Subject)}", refusal, StatusCodes.Status401Unauthorized);
    }

    private static async Task<string?> RefusalAsync(ClaimsPrincipal principal, UserStates states, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(SleekClaims.Subject), out var userId))
        {
            return "no user id";
        }

        if (principal.FindFirstValue(SleekClaims.Stamp) is not { } stamp || !Guid.TryParse(principal.FindFirstValue(SleekClaims.Session), out var sessionId))
        {
            return "no security stamp or session (issued before sessions existed): sign in again";
        }

        var user = await states.UserAsync(userId, cancellationToken);
        if (user is null)
        {
            return "no such user";
        }

        if (user.Status != UserStatus.Active)
        {
            return $"the account is {user.Status.ToName()}";
        }

        if (!string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            return "the account changed since the token was issued (role, password, status or two-factor)";
        }

        return await states.SessionRevokedAsync(sessionId, cancellationToken) ? "the session ended (signed out, or its refresh token was reused)" : null;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.RateLimits;

namespace Sleek.Workflows.Host.Endpoints.Auth;

/// <summary>
/// Sessions: <c>POST /api/auth/refresh</c> exchanges a refresh token for new tokens (rotation; a reused token ends
/// its session), <c>POST /api/auth/logout</c> ends the session of a refresh token. Both anonymous (the refresh
/// token is the credential, so an expired access token is no obstacle) and rate limited per IP.
/// </summary>
internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/refresh", RefreshAsync).WithSleekRateLimit(RateLimitPolicies.Refresh).WithName("RefreshTokens")
            .WithSummary("Exchanges a refresh token for a new access token and a new refresh token; the old one is used up. A used one presented again ends its whole session (someone holds a copy).");
        group.MapPost("/logout", LogoutAsync).WithSleekRateLimit(RateLimitPolicies.Refresh).WithName("Logout")
            .WithSummary("Signs out: ends the session of the refresh token; its access tokens are refused from then on. The same answer whether or not the token was known.");
    }

    private static async Task<Results<Ok<SignInAnswer>, BadRequestProblem, UnauthorizedProblem>> RefreshAsync(RefreshBody body, HttpContext http, Sessions sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken) || body.RefreshToken.Length > 200)
        {
            return Problems.Invalid("refreshToken", "is required: the refresh token of the last sign-in or refresh");
        }

        var result = await sessions.RefreshAsync(body.RefreshToken, cancellationToken);
        if (result.Answer is { } answer)
        {
            return TypedResults.Ok(answer);
        }

        var target = result.UserId is { } user ? $"user={user} session={result.SessionId}" : null;
        if (result.Refusal == RefreshRefusal.Reused)
        {
            await audit.RecordAsync(http, AuditActions.RefreshReuse, AuditOutcome.Denied, target, "a used refresh token was presented again; the session is revoked", 401, cancellationToken);
        }
        else
        {
            await audit.RecordAsync(http, AuditActions.RefreshRefused, AuditOutcome.Denied, target, result.Refusal?.ToString(), 401, cancellationToken);
        }

        return result.Refusal == RefreshRefusal.TwoFactorRequired
            ? Problems.Unauthorized("Sign in again", "Two-factor sign-in is now required for this account: sign in again and set it up.")
            : Problems.Unauthorized("Sign in again", "The refresh token is not valid (expired, used before, or its session ended): sign in again.");
    }

    private static async Task<Results<Ok<AccountMessage>, BadRequestProblem>> LogoutAsync(RefreshBody body, HttpContext http, Sessions sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken) || body.RefreshToken.Length > 200)
        {
            return Problems.Invalid("refreshToken", "is required: the refresh token of the session to end");
        }

        if (await sessions.SignOutAsync(body.RefreshToken, cancellationToken) is { } ended)
        {
            await audit.RecordAsync(http, AuditActions.Logout, AuditOutcome.Success, $"user={ended.UserId} session={ended.SessionId}", null, 200, cancellationToken);
        }

        return TypedResults.Ok(new AccountMessage("Signed out: the session's tokens no longer work."));
    }
}

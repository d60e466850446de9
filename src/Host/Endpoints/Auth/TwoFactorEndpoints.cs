using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Endpoints.Users;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.RateLimits;

namespace Sleek.Workflows.Host.Endpoints.Auth;

/// <summary>
/// Two-factor sign-in (TOTP): the second sign-in step with a code or a recovery code; enrolment of a signed-in user;
/// and enrolment during sign-in for staff who must have it (<c>Auth__RequireTwoFactorForStaff</c>), which ends with
/// the session's tokens. The sign-in routes are anonymous (the challenge from the password step is the credential)
/// and share the sign-in rate limit; wrong codes count toward the account's lockout.
/// </summary>
internal static class TwoFactorEndpoints
{
    /// <summary>Maps the sign-in routes on <paramref name="group"/> (anonymous), enrolment of a signed-in user on <paramref name="signedIn"/>.</summary>
    public static void Map(RouteGroupBuilder group, RouteGroupBuilder signedIn)
    {
        group.MapPost("/login/two-factor", LoginAsync).WithSleekRateLimit(RateLimitPolicies.Login).WithName("LoginTwoFactor")
            .WithSummary("The second sign-in step: the challenge of the password step with a code from the authenticator app (or a recovery code, once each); 200 with the tokens.");
        group.MapPost("/login/two-factor/setup", SetupDuringSignInAsync).WithSleekRateLimit(RateLimitPolicies.Login).WithName("EnrolTwoFactorAtSignIn")
            .WithSummary("Staff who must use two-factor and have not set it up: with the challenge of the password step, a new secret and its otpauth:// URI for the authenticator app.");
        group.MapPost("/login/two-factor/confirm", ConfirmDuringSignInAsync).WithSleekRateLimit(RateLimitPolicies.Login).WithName("ConfirmTwoFactorAtSignIn")
            .WithSummary("Confirms the new secret with a first code during sign-in: two-factor is on, 200 with ten recovery codes (shown once) and the session's tokens.");
        signedIn.MapPost("/two-factor/setup", SetupAsync).WithName("EnrolTwoFactor")
            .WithSummary("Starts two-factor enrolment of the signed-in user (the password again): a new secret and its otpauth:// URI. 409 when two-factor is on already.");
        signedIn.MapPost("/two-factor/confirm", ConfirmAsync).WithName("ConfirmTwoFactor")
            .WithSummary("Confirms the new secret with a first code: two-factor is on from the next sign-in; 200 with ten recovery codes (shown once).");
    }

    private static async Task<Results<Ok<SignInAnswer>, BadRequestProblem, UnauthorizedProblem>> LoginAsync(
        TwoFactorLoginBody body, HttpContext http, TwoFactorChallenges challenges, UserQueries users, TwoFactor twoFactor, Accounts accounts, SecurityDb securityDb,
        Sessions sessions, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.Challenge))
        {
            return Problems.Invalid("challenge", "is required: the challenge of the sign-in answer");
        }

        if (string.IsNullOrWhiteSpace(body.Code) && string.IsNullOrWhiteSpace(body.RecoveryCode))
        {
            return Problems.Invalid("code", "is required: six digits from the authenticator app (or give a recoveryCode)");
        }

        var user = await ChallengedUserAsync(body.Challenge, TwoFactorChallenges.LoginPurpose, challenges, users, cancellationToken);
        if (user is null || !user.TwoFactorEnabled)
        {
            return SignInAgain();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var locked = user.LockedUntil > now;
        var method = locked ? null : await twoFactor.VerifyAsync(user, body.Code, body.RecoveryCode, cancellationToken);
        if (method is null)
        {
            await using var db = securityDb.CreateContext();
            var lockedNow = !locked && await accounts.CountFailureAsync(db, user.Id, now, cancellationToken);
            await audit.RecordAsync(http, lockedNow ? AuditActions.Lockout : AuditActions.TwoFactorFailed, AuditOutcome.Denied, user.Email, lockedNow ? "too many failed sign-ins" : "wrong, reused or expired code, or the account is locked", 401, cancellationToken);
            return Problems.Unauthorized("Sign-in failed", "The code is wrong or was used already, or the account is locked for a while after repeated failures.");
        }

        var answer = await sessions.StartAsync(user, ClientAddress.Of(http), cancellationToken);
        await audit.RecordAsync(http, AuditActions.Login, AuditOutcome.Success, user.Email, $"user={user.Id} role={user.Role} second factor={method}", 200, cancellationToken);
        if (method == "recovery_code")
        {
            var left = await twoFactor.RecoveryCodesLeftAsync(user.Id, cancellationToken);
            await audit.RecordAsync(http, AuditActions.RecoveryCodeUsed, AuditOutcome.Success, user.Email, $"user={user.Id}; {left} recovery codes left", 200, cancellationToken);
        }

        return TypedResults.Ok(answer);
    }

    private static async Task<Results<Ok<TwoFactorSetup>, BadRequestProblem, UnauthorizedProblem, ConflictProblem>> SetupDuringSignInAsync(
        EnrolmentBody body, TwoFactorChallenges challenges, UserQueries users, TwoFactor twoFactor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.Challenge))
        {
            return Problems.Invalid("challenge", "is required: the challenge of the sign-in answer");
        }

        var user = await ChallengedUserAsync(body.Challenge, TwoFactorChallenges.EnrolPurpose, challenges, users, cancellationToken);
        if (user is null)
        {
            return SignInAgain();
        }

        return await twoFactor.SetupAsync(user.Id, cancellationToken) is { } setup ? TypedResults.Ok(setup) : AlreadyOn();
    }

    private static async Task<Results<Ok<TwoFactorEnabledAnswer>, BadRequestProblem, UnauthorizedProblem>> ConfirmDuringSignInAsync(
        TwoFactorConfirmBody body, HttpContext http, TwoFactorChallenges challenges, UserQueries users, TwoFactor twoFactor, Sessions sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.Challenge))
        {
            return Problems.Invalid("challenge", "is required: the challenge of the sign-in answer");
        }

        if (string.IsNullOrWhiteSpace(body.Code))
        {
            return Problems.Invalid("code", "is required: six digits from the authenticator app");
        }

        var user = await ChallengedUserAsync(body.Challenge, TwoFactorChallenges.EnrolPurpose, challenges, users, cancellationToken);
        if (user is null)
        {
            return SignInAgain();
        }

        if (await twoFactor.ConfirmAsync(user.Id, body.Code, cancellationToken) is not { } codes)
        {
            return WrongCode();
        }

        user.TwoFactorEnabled = true;
        var answer = await sessions.StartAsync(user, ClientAddress.Of(http), cancellationToken);
        await audit.RecordAsync(http, AuditActions.TwoFactorEnabled, AuditOutcome.Success, user.Email, $"user={user.Id} role={user.Role}; enrolled at sign-in", 200, cancellationToken);
        await audit.RecordAsync(http, AuditActions.Login, AuditOutcome.Success, user.Email, $"user={user.Id} role={user.Role} second factor=enrolment", 200, cancellationToken);
        return TypedResults.Ok(new TwoFactorEnabledAnswer(codes, answer));
    }

    /// <summary>The password again: a stolen access token alone must not be able to put someone else's authenticator on the account.</summary>
    private static async Task<Results<Ok<TwoFactorSetup>, BadRequestProblem, ConflictProblem>> SetupAsync(
        TwoFactorSetupBody body, HttpContext http, UserQueries users, IPasswordHasher<UserAccount> hasher, Accounts accounts, SecurityDb securityDb, TwoFactor twoFactor,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.Password))
        {
            return Problems.Invalid("password", "is required: the account's password, to confirm it is you");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = await users.FindAsync(Guid.Parse(SleekCaller.From(http.User).Id!), cancellationToken);
        if (user is null || user.LockedUntil > now)
        {
            return Problems.Invalid("password", "cannot be checked now: the account is locked for a while after repeated failures");
        }

        if (body.Password.Length > Credentials.MaxPassword || hasher.VerifyHashedPassword(user, user.PasswordHash, body.Password) == PasswordVerificationResult.Failed)
        {
            await using var db = securityDb.CreateContext();
            await accounts.CountFailureAsync(db, user.Id, now, cancellationToken);
            return Problems.Invalid("password", "is wrong");
        }

        return await twoFactor.SetupAsync(user.Id, cancellationToken) is { } setup ? TypedResults.Ok(setup) : AlreadyOn();
    }

    private static async Task<Results<Ok<TwoFactorEnabledAnswer>, BadRequestProblem>> ConfirmAsync(TwoFactorConfirmBody body, HttpContext http, TwoFactor twoFactor, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Code))
        {
            return Problems.Invalid("code", "is required: six digits from the authenticator app");
        }

        var caller = SleekCaller.From(http.User);
        if (await twoFactor.ConfirmAsync(Guid.Parse(caller.Id!), body.Code, cancellationToken) is not { } codes)
        {
            return WrongCode();
        }

        await audit.RecordAsync(http, AuditActions.TwoFactorEnabled, AuditOutcome.Success, caller.Name, $"user={caller.Id} role={caller.Role}", 200, cancellationToken);
        return TypedResults.Ok(new TwoFactorEnabledAnswer(codes, null));
    }

    /// <summary>The user a valid challenge of that purpose names, if still active and unchanged since (same stamp).</summary>
    private static async Task<UserAccount?> ChallengedUserAsync(string challenge, string purpose, TwoFactorChallenges challenges, UserQueries users, CancellationToken cancellationToken)
    {
        if (await challenges.ValidateAsync(challenge, purpose) is not { } proof)
        {
            return null;
        }

        var user = await users.FindAsync(proof.UserId, cancellationToken);
        return user is { Status: UserStatus.Active } && user.SecurityStamp == proof.Stamp ? user : null;
    }

    private static UnauthorizedProblem SignInAgain() =>
        Problems.Unauthorized("Sign in again", "The sign-in challenge is not valid (expired, or the account changed): sign in with your password again.");

    private static BadRequestProblem WrongCode() =>
        Problems.Invalid("code", "does not match the new secret (or no enrolment was started): check the authenticator app's clock and try the next code");

    private static ConflictProblem AlreadyOn() =>
        Problems.Conflict("two-factor sign-in is on already for this account; an admin can reset it (POST /api/users/{id}/two-factor/reset)");
}

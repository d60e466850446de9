using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.RateLimits;

namespace Sleek.Workflows.Host.Endpoints.Auth;

/// <summary>
/// Passwords: a signed-in user changes theirs (current one required; every session ends, the answer signs in anew);
/// anyone asks for a reset link (the same answer for every address) and sets a new password with its token.
/// </summary>
internal static class PasswordEndpoints
{
    /// <summary>Maps the anonymous routes on <paramref name="group"/>, the password change on <paramref name="signedIn"/>.</summary>
    public static void Map(RouteGroupBuilder group, RouteGroupBuilder signedIn)
    {
        signedIn.MapPost("/password", ChangeAsync).WithName("ChangePassword")
            .WithSummary("Changes the signed-in user's password (the current one required; a wrong one counts toward the lockout). Every session ends; 200 with the tokens of a new one.");
        group.MapPost("/password-reset", RequestResetAsync).WithSleekRateLimit(RateLimitPolicies.PasswordReset).WithName("RequestPasswordReset")
            .WithSummary("E-mails a one-time link to reset the password, if the address has an active account; 202 with the same answer either way.");
        group.MapPost("/password-reset/confirm", ResetAsync).WithSleekRateLimit(RateLimitPolicies.Login).WithName("ResetPassword")
            .WithSummary("Sets a new password with the token of a reset link (good once, for a short time). Every session of the account ends.");
    }

    private static async Task<Results<Ok<SignInAnswer>, BadRequestProblem, ConflictProblem>> ChangeAsync(
        ChangePasswordBody body, HttpContext http, PasswordChange passwords, Sessions sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(body.CurrentPassword))
        {
            errors["currentPassword"] = ["is required"];
        }

        if (body.NewPassword is null || body.NewPassword.Length is < Credentials.MinPassword or > Credentials.MaxPassword)
        {
            errors["newPassword"] = [$"must be {Credentials.MinPassword} to {Credentials.MaxPassword} characters"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The password change is invalid.", errors);
        }

        var caller = SleekCaller.From(http.User);
        var (user, refusal) = await passwords.ChangeAsync(Guid.Parse(caller.Id!), body.CurrentPassword!, body.NewPassword!, cancellationToken);
        if (user is null)
        {
            await audit.RecordAsync(http, AuditActions.PasswordChangeFailed, AuditOutcome.Denied, caller.Name, refusal, refusal == "inactive" ? 409 : 400, cancellationToken);
            return refusal switch
            {
                "wrong" => Problems.Invalid("currentPassword", "is wrong"),
                "locked" => Problems.Invalid("currentPassword", "cannot be checked now: the account is locked for a while after repeated failures"),
                _ => Problems.Conflict("the account is not active"),
            };
        }

        await audit.RecordAsync(http, AuditActions.PasswordChanged, AuditOutcome.Success, user.Email, $"user={user.Id}; every session ended", 200, cancellationToken);
        return TypedResults.Ok(await sessions.StartAsync(user, ClientAddress.Of(http), cancellationToken));
    }

    private static async Task<Results<Accepted<AccountMessage>, BadRequestProblem>> RequestResetAsync(
        PasswordResetRequestBody body, HttpContext http, PasswordResets resets, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (Credentials.NormalizeEmail(body.Email) is not { } email)
        {
            return Problems.Invalid("email", "must be a valid e-mail address of at most 255 characters");
        }

        // Queued, so the answer and its time are the same whether or not the address has an account.
        resets.Request(email);
        await audit.RecordAsync(http, AuditActions.PasswordResetRequested, AuditOutcome.Success, email, null, 202, cancellationToken);
        return TypedResults.Accepted((string?)null, new AccountMessage("If this address has an account, a link to choose a new password is on its way. It works once and for a short time."));
    }

    private static async Task<Results<Ok<AccountMessage>, BadRequestProblem>> ResetAsync(PasswordResetBody body, HttpContext http, PasswordResets resets, IAuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Token) || body.Token.Length > 200)
        {
            errors["token"] = ["is required: the token of the e-mailed link"];
        }

        if (body.NewPassword is null || body.NewPassword.Length is < Credentials.MinPassword or > Credentials.MaxPassword)
        {
            errors["newPassword"] = [$"must be {Credentials.MinPassword} to {Credentials.MaxPassword} characters"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The password reset is invalid.", errors);
        }

        if (await resets.ResetAsync(body.Token!, body.NewPassword!, cancellationToken) is not { } userId)
        {
            await audit.RecordAsync(http, AuditActions.PasswordResetFailed, AuditOutcome.Denied, null, "unknown, used or expired link", 400, cancellationToken);
            return Problems.Invalid("token", "is not valid: the link was used already, has expired, or a newer one was sent; ask for a new one");
        }

        await audit.RecordAsync(http, AuditActions.PasswordReset, AuditOutcome.Success, $"user={userId}", "every session ended", 200, cancellationToken);
        return TypedResults.Ok(new AccountMessage("The password is changed and every session of the account ended: sign in with the new password."));
    }
}

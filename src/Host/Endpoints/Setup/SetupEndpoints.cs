using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.FirstRun;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.RateLimits;

namespace Sleek.Workflows.Host.Endpoints.Setup;

/// <summary>
/// <c>/api/setup</c>: first run without configuration. The host prints a one-time link (<see cref="FirstRunSetup"/>);
/// the designer's setup screen reads the token from it and creates the first admin here. Both routes are anonymous:
/// the status tells only whether an admin is still missing, and creating one is rate limited and audited like
/// <c>POST /api/auth/bootstrap-admin</c> (the two share that limit).
/// </summary>
internal static class SetupEndpoints
{
    private const int MaxName = 100;

    public static void MapSetupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/setup").WithTags("Setup").AllowAnonymous();
        group.MapGet("/status", StatusAsync).WithName("SetupStatus")
            .WithSummary("Whether the first admin is still to be created (setupNeeded) and how: setup_link (the host printed a one-time link in its console) or bootstrap_token (Auth__BootstrapToken is set). Reveals nothing else.");
        group.MapPost("/admin", CreateAdminAsync).WithSleekRateLimit(RateLimitPolicies.Bootstrap).WithName("SetupAdmin")
            .WithSummary("Creates the first admin with the one-time token of the setup link the host printed (valid for an hour, once) and signs them in; 409 once an admin exists. Shares bootstrap's limit: 3 tries per IP per hour.");
    }

    private static async Task<Ok<SetupStatus>> StatusAsync(SetupTokens tokens, AuthOptions options, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.AdminExistsAsync(cancellationToken)
            ? new SetupStatus(false, null)
            : new SetupStatus(true, string.IsNullOrEmpty(options.BootstrapToken) ? SetupStatus.SetupLink : SetupStatus.BootstrapToken));

    private static async Task<Results<Created<SignInAnswer>, BadRequestProblem, ForbiddenProblem, ConflictProblem>> CreateAdminAsync(
        SetupAdminBody body, HttpContext http, SetupTokens tokens, Accounts accounts, AuthOptions options, SignInFlow signIn, IAuditLog audit, CancellationToken cancellationToken)
    {
        var email = Credentials.NormalizeEmail(body.Email);
        if (await tokens.AdminExistsAsync(cancellationToken))
        {
            await audit.RecordAsync(http, AuditActions.SetupRefused, AuditOutcome.Denied, email, "setup is done: an admin exists", 409, cancellationToken);
            return SetupDone();
        }

        if (!string.IsNullOrEmpty(options.BootstrapToken))
        {
            await audit.RecordAsync(http, AuditActions.SetupRefused, AuditOutcome.Denied, email, "setup links are off (Auth:BootstrapToken is set)", 403, cancellationToken);
            return Problems.Forbidden("Setup links are off", "This host creates its first admin with its bootstrap token (Auth__BootstrapToken): use POST /api/auth/bootstrap-admin.");
        }

        var errors = Credentials.Check(body.Email, body.Password);
        if (string.IsNullOrEmpty(body.Token))
        {
            errors["token"] = ["is required: open the setup link the host printed in its console"];
        }

        if (body.Name is { Length: > MaxName })
        {
            errors["name"] = [$"must be at most {MaxName} characters"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The first admin's details are invalid.", errors);
        }

        var check = SetupTokenCheck.Unknown;
        var result = await accounts.CreateFirstAdminAsync(
            email!,
            body.Password!,
            string.IsNullOrWhiteSpace(body.Name) ? null : body.Name.Trim(),
            "setup",
            async (db, ct) =>
            {
                check = await tokens.ConsumeAsync(db, body.Token, ct);
                return check == SetupTokenCheck.Accepted ? null : $"setup token {check.ToString().ToLowerInvariant()}";
            },
            cancellationToken);
        switch (result.Outcome)
        {
            case FirstAdminOutcome.Created:
                await audit.RecordAsync(http, AuditActions.SetupAdmin, AuditOutcome.Success, email, $"user={result.User!.Id}", 201, cancellationToken);
                return TypedResults.Created($"/api/users/{result.User.Id}", await signIn.AfterPasswordAsync(result.User, http, cancellationToken));
            case FirstAdminOutcome.AdminExists:
                await audit.RecordAsync(http, AuditActions.SetupRefused, AuditOutcome.Denied, email, "setup is done: an admin exists", 409, cancellationToken);
                return SetupDone();
            case FirstAdminOutcome.EmailTaken:
                await audit.RecordAsync(http, AuditActions.SetupRefused, AuditOutcome.Failure, email, result.Refusal, 409, cancellationToken);
                return Problems.Conflict($"{email} is already registered (as a buyer or supplier); choose another e-mail for the admin", null, new Dictionary<string, string[]> { ["email"] = ["is already registered"] });
            default:
                await audit.RecordAsync(http, AuditActions.SetupRefused, AuditOutcome.Denied, email, result.Refusal, 403, cancellationToken);
                return Problems.Forbidden("Setup link refused", check switch
                {
                    SetupTokenCheck.Expired => $"This setup link has expired: links work for {(int)SetupTokens.Lifetime.TotalMinutes} minutes. Restart the host; it prints a new link in its console.",
                    SetupTokenCheck.Used => "This setup link was used already. Restart the host for a new one, or sign in.",
                    _ => "This setup link is not valid. Copy the whole link the host printed in its console (the part after # is the token).",
                });
        }
    }

    private static ConflictProblem SetupDone() =>
        Problems.Conflict("Setup is done: an admin exists. Sign in instead; an admin creates the other users.", new SetupStatus(false, null));
}

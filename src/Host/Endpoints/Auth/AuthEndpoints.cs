using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Endpoints.Portal;
using Sleek.Workflows.Host.Endpoints.Users;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.RateLimits;

namespace Sleek.Workflows.Host.Endpoints.Auth;

/// <summary>
/// <c>/api/auth</c>: self-registration (buyers active at once; suppliers <c>pending</c> until an admin approves
/// them and links their supplier), sign-in (lockout after repeated failures; a second step with two-factor) and the
/// one-time first admin. All three are anonymous and rate limited per IP. Sessions (refresh, sign-out), passwords
/// and two-factor have their own route maps, mapped from here.
/// </summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/register", RegisterAsync).WithSleekRateLimit(RateLimitPolicies.Register).WithName("Register")
            .WithSummary("Registers a buyer (active at once) or a supplier (pending until an admin approves it with POST /api/users/{id}/approve, linking its supplier).");
        group.MapPost("/login", LoginAsync).WithSleekRateLimit(RateLimitPolicies.Login).WithName("Login")
            .WithSummary("Signs in with e-mail and password; 200 with a short-lived bearer token and a refresh token (status signed_in), or a challenge for the second step (two_factor_required, two_factor_enrolment_required). Repeated failures lock the account for a while.");
        group.MapPost("/bootstrap-admin", BootstrapAsync).WithSleekRateLimit(RateLimitPolicies.Bootstrap).WithName("BootstrapAdmin")
            .WithSummary("Creates the first admin with the bootstrap token from configuration (Auth__BootstrapToken); refused once any admin exists. 3 tries per IP per hour.");
        // The signed-in routes need a group of their own: AllowAnonymous on a group wins over a route's policy.
        var signedIn = app.MapGroup("/api/auth").WithTags("Auth").RequireAuthorization(SleekPolicies.SignedIn);
        group.MapSessionEndpoints();
        PasswordEndpoints.Map(group, signedIn);
        TwoFactorEndpoints.Map(group, signedIn);
    }

    private static async Task<Results<Created<UserDto>, ConflictProblem, BadRequestProblem>> RegisterAsync(RegisterBody body, HttpContext http, Accounts accounts, QuoteClaims claims, IAuditLog audit, CancellationToken cancellationToken)
    {
        var errors = Credentials.Check(body.Email, body.Password);
        var role = body.Role?.Trim().ToLowerInvariant();
        if (role is not (SleekRoles.Buyer or SleekRoles.Supplier))
        {
            errors["role"] = ["must be buyer or supplier (other accounts are created by an admin)"];
        }

        if (body.DisplayName is { Length: > 100 })
        {
            errors["displayName"] = ["must be at most 100 characters"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The registration is invalid.", errors);
        }

        var email = Credentials.NormalizeEmail(body.Email)!;
        var status = role == SleekRoles.Buyer ? UserStatus.Active : UserStatus.Pending;
        var (user, conflict) = await accounts.CreateAsync(email, body.Password!, role!, null, body.DisplayName, status, "self", cancellationToken);
        await audit.RecordAsync(http, AuditActions.Register, user is null ? AuditOutcome.Failure : AuditOutcome.Success, email, $"role={role} status={status.ToName()}", user is null ? 409 : 201, cancellationToken);
        if (user is not null && role == SleekRoles.Buyer)
        {
            // Quotes asked for with this address before the account existed: a link to claim them goes to that address.
            await claims.OfferAsync(user.Id, email, body.DisplayName, cancellationToken);
        }

        return user is null
            ? Problems.Conflict(conflict!)
            : TypedResults.Created($"/api/users/{user.Id}", UserDto.From(user));
    }

    private static async Task<Results<Ok<SignInAnswer>, BadRequestProblem, UnauthorizedProblem, ForbiddenProblem>> LoginAsync(LoginBody body, HttpContext http, Accounts accounts, SignInFlow signIn, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
        {
            return Problems.Invalid("email and password are required.", new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(body.Email) ? "email" : "password"] = ["is required"],
            });
        }

        var result = await accounts.LoginAsync(body.Email, body.Password, cancellationToken);
        var target = Credentials.NormalizeEmail(body.Email) ?? "(invalid e-mail)";
        switch (result.Outcome)
        {
            case LoginOutcome.Success:
                var answer = await signIn.AfterPasswordAsync(result.User!, http, cancellationToken);
                await audit.RecordAsync(http, AuditActions.Login, AuditOutcome.Success, target, $"user={result.User!.Id} role={result.User.Role} next={answer.Status}", 200, cancellationToken);
                return TypedResults.Ok(answer);
            case LoginOutcome.Pending:
                await audit.RecordAsync(http, AuditActions.LoginFailed, AuditOutcome.Denied, target, "account awaiting approval", 403, cancellationToken);
                return Problems.Forbidden("Account not approved yet", "An admin has to approve this account before it can sign in.");
            case LoginOutcome.Disabled:
                await audit.RecordAsync(http, AuditActions.LoginFailed, AuditOutcome.Denied, target, "account disabled", 403, cancellationToken);
                return Problems.Forbidden("Account disabled", "An admin has disabled this account.");
            case LoginOutcome.LockedNow:
                await audit.RecordAsync(http, AuditActions.Lockout, AuditOutcome.Denied, target, "too many failed sign-ins", 401, cancellationToken);
                break;
            default:
                await audit.RecordAsync(http, AuditActions.LoginFailed, AuditOutcome.Denied, target, result.Outcome == LoginOutcome.Locked ? "account locked" : "wrong e-mail or password", 401, cancellationToken);
                break;
        }

        // Same answer for unknown e-mail, wrong password and locked account: nothing to learn from it.
        return Problems.Unauthorized("Sign-in failed", "Wrong e-mail or password, or the account is locked for a while after repeated failures.");
    }

    private static async Task<Results<Created<SignInAnswer>, BadRequestProblem, ForbiddenProblem, ConflictProblem>> BootstrapAsync(BootstrapBody body, HttpContext http, Accounts accounts, AuthOptions options, SignInFlow signIn, IAuditLog audit, CancellationToken cancellationToken)
    {
        var email = Credentials.NormalizeEmail(body.Email);
        if (string.IsNullOrEmpty(options.BootstrapToken))
        {
            await audit.RecordAsync(http, AuditActions.BootstrapRefused, AuditOutcome.Denied, email, "bootstrap is disabled (Auth:BootstrapToken unset)", 403, cancellationToken);
            return Problems.Forbidden("Bootstrap disabled", "Set Auth__BootstrapToken to enable creating the first admin.");
        }

        if (!TokenMatches(body.Token, options.BootstrapToken))
        {
            await audit.RecordAsync(http, AuditActions.BootstrapRefused, AuditOutcome.Denied, email, "wrong bootstrap token", 403, cancellationToken);
            return Problems.Forbidden("Bootstrap refused", "The bootstrap token is wrong.");
        }

        var errors = Credentials.Check(body.Email, body.Password);
        if (errors.Count > 0)
        {
            return Problems.Invalid("The first admin's credentials are invalid.", errors);
        }

        var (user, conflict) = await accounts.CreateFirstAdminAsync(email!, body.Password!, cancellationToken);
        if (user is null)
        {
            await audit.RecordAsync(http, AuditActions.BootstrapRefused, AuditOutcome.Denied, email, conflict, 409, cancellationToken);
            return Problems.Conflict(conflict!);
        }

        await audit.RecordAsync(http, AuditActions.BootstrapAdmin, AuditOutcome.Success, email, $"user={user.Id}", 201, cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", await signIn.AfterPasswordAsync(user, http, cancellationToken));
    }

    /// <summary>Constant time: compares SHA-256 digests, so neither content nor length leaks through timing.</summary>
    private static bool TokenMatches(string? presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? "")),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

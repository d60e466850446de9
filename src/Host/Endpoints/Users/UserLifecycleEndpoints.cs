using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Users;

/// <summary>
/// An admin's changes to a user, each in force at once: the user's tokens carry a security stamp that every request
/// checks (<see cref="AccessTokenCheck"/>), and each change sets a new one. Audited as every admin request is, with
/// the user and what changed as target.
/// </summary>
internal static class UserLifecycleEndpoints
{
    public static void MapUserLifecycleEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/disable", DisableAsync).WithName("DisableUser")
            .WithSummary("Disables a user: sign-in refused, their tokens refused at once, every session ended. Not the last active admin.");
        group.MapPost("/{id:guid}/enable", EnableAsync).WithName("EnableUser").WithSummary("Enables a disabled user again (and lifts a lockout).");
        group.MapPut("/{id:guid}/role", ChangeRoleAsync).WithName("ChangeUserRole")
            .WithSummary("Changes a user's role (and party: supplier and factory users need their supplier's id). Tokens with the old role are refused at once. Not the last active admin.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteUser")
            .WithSummary("Deletes a user: the account is anonymised (e-mail, name, password, two-factor removed) and its row kept for the records that name its id; tokens refused at once. Not the last active admin.");
        group.MapPost("/{id:guid}/two-factor/reset", ResetTwoFactorAsync).WithName("ResetUserTwoFactor")
            .WithSummary("Turns a user's two-factor sign-in off (lost authenticator and recovery codes): every session ends; they sign in with the password and enrol again.");
    }

    private static async Task<Results<Ok<UserDto>, NotFoundProblem, ConflictProblem>> DisableAsync(Guid id, HttpContext http, UserLifecycle users, CancellationToken cancellationToken) =>
        Answer(id, http, await users.DisableAsync(id, cancellationToken), "disabled");

    private static async Task<Results<Ok<UserDto>, NotFoundProblem, ConflictProblem>> EnableAsync(Guid id, HttpContext http, UserLifecycle users, CancellationToken cancellationToken) =>
        Answer(id, http, await users.EnableAsync(id, cancellationToken), "enabled");

    private static async Task<Results<Ok<UserDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ChangeRoleAsync(
        Guid id, ChangeRoleBody body, HttpContext http, UserLifecycle users, UserQueries queries, CancellationToken cancellationToken)
    {
        var role = body.Role?.Trim().ToLowerInvariant();
        var errors = new Dictionary<string, string[]>();
        if (!SleekRoles.IsKnown(role))
        {
            errors["role"] = [$"must be one of {string.Join(", ", SleekRoles.All)}"];
        }
        else if (await UsersEndpoints.CheckPartyAsync(role, body.PartyId, queries, cancellationToken) is { } partyError)
        {
            errors["partyId"] = [partyError];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The role change is invalid.", errors);
        }

        var change = await users.ChangeRoleAsync(id, role!, SleekRoles.IsSupplierSide(role) ? body.PartyId : null, cancellationToken);
        if (change.NotFound)
        {
            return Problems.NotFound($"no user has id {id}");
        }

        if (change.User is not { } user)
        {
            return Problems.Conflict(change.Conflict!);
        }

        AuditMiddleware.SetTarget(http, $"user={id} role {role}; was {change.Before}");
        return TypedResults.Ok(UserDto.From(user));
    }

    private static async Task<Results<Ok<UserDto>, NotFoundProblem, ConflictProblem>> DeleteAsync(Guid id, HttpContext http, UserLifecycle users, CancellationToken cancellationToken) =>
        Answer(id, http, await users.DeleteAsync(id, cancellationToken), "deleted (anonymised)");

    private static async Task<Results<Ok<UserDto>, NotFoundProblem, ConflictProblem>> ResetTwoFactorAsync(Guid id, HttpContext http, UserLifecycle users, CancellationToken cancellationToken) =>
        Answer(id, http, await users.ResetTwoFactorAsync(id, cancellationToken), "two-factor reset");

    private static Results<Ok<UserDto>, NotFoundProblem, ConflictProblem> Answer(Guid id, HttpContext http, UserChange change, string what)
    {
        if (change.NotFound)
        {
            return Problems.NotFound($"no user has id {id}");
        }

        if (change.User is not { } user)
        {
            return Problems.Conflict(change.Conflict!);
        }

        // The audit middleware records the request with this target.
        AuditMiddleware.SetTarget(http, $"user={id} {what}; was {change.Before}");
        return TypedResults.Ok(UserDto.From(user));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Endpoints.Users;

/// <summary><c>/api/users</c> (admin): create staff, supplier and factory users, list them, approve self-registered suppliers (disable, enable, role, delete: <see cref="UserLifecycleEndpoints"/>).</summary>
internal static class UsersEndpoints
{
    public static void MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(SleekPolicies.Admin);
        group.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Creates a user: admin, ops, rule_author, buyer, or supplier/factory with partyId = their supplier's id.");
        group.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Users, newest first, filtered by role and status, paged.");
        group.MapPost("/{id:guid}/approve", ApproveAsync).WithName("ApproveUser").WithSummary("Approves a pending (self-registered) supplier and links it to its supplier (partyId).");
        group.MapUserLifecycleEndpoints();
    }

    private static async Task<Results<Created<UserDto>, ConflictProblem, BadRequestProblem>> CreateAsync(
        CreateUserBody body, HttpContext http, Accounts accounts, UserQueries users, CancellationToken cancellationToken)
    {
        var errors = Credentials.Check(body.Email, body.Password);
        var role = body.Role?.Trim().ToLowerInvariant();
        if (!SleekRoles.IsKnown(role))
        {
            errors["role"] = [$"must be one of {string.Join(", ", SleekRoles.All)}"];
        }

        if (body.DisplayName is { Length: > 100 })
        {
            errors["displayName"] = ["must be at most 100 characters"];
        }

        var partyError = await CheckPartyAsync(role, body.PartyId, users, cancellationToken);
        if (partyError is not null)
        {
            errors["partyId"] = [partyError];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The user is invalid.", errors);
        }

        var caller = SleekCaller.From(http.User);
        var email = Credentials.NormalizeEmail(body.Email)!;
        var (user, conflict) = await accounts.CreateAsync(email, body.Password!, role!, SleekRoles.IsSupplierSide(role) ? body.PartyId : null, body.DisplayName, UserStatus.Active, caller.Id ?? "", cancellationToken);
        if (user is null)
        {
            return Problems.Conflict(conflict!);
        }

        AuditMiddleware.SetTarget(http, $"user={user.Id} email={email} role={role}");
        return TypedResults.Created($"/api/users/{user.Id}", UserDto.From(user));
    }

    private static async Task<Results<Ok<Paged<UserDto>>, BadRequestProblem>> ListAsync(
        string? role, string? status, [AsParameters] PageRequest paging, UserQueries users, CancellationToken cancellationToken)
    {
        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await users.ListAsync(role, status, paging, cancellationToken));
    }

    private static async Task<Results<Ok<UserDto>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ApproveAsync(
        Guid id, ApproveUserBody body, HttpContext http, UserQueries users, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return Problems.NotFound($"no user has id {id}");
        }

        if (user.Status != UserStatus.Pending)
        {
            return NotPending(id, user.Status);
        }

        if (await CheckPartyAsync(user.Role, body.PartyId, users, cancellationToken) is { } partyError)
        {
            return Problems.Invalid("partyId", partyError);
        }

        // Activated only if still pending: another admin's approval meanwhile is a conflict like any other.
        var approved = await users.ActivateAsync(id, body.PartyId, cancellationToken);
        if (approved is null)
        {
            return NotPending(id, (await users.FindAsync(id, cancellationToken))?.Status ?? UserStatus.Active);
        }

        AuditMiddleware.SetTarget(http, $"user={approved.Id} party={approved.PartyId}");
        return TypedResults.Ok(UserDto.From(approved));
    }

    private static ConflictProblem NotPending(Guid id, UserStatus status) => Problems.Conflict($"user {id} is {status.ToName()}, not pending");

    /// <summary>Supplier and factory users need an existing supplier's id; other roles none.</summary>
    internal static async Task<string?> CheckPartyAsync(string? role, string? partyId, UserQueries users, CancellationToken cancellationToken)
    {
        if (!SleekRoles.IsSupplierSide(role))
        {
            return partyId is null ? null : "is only for supplier and factory users";
        }

        if (!Guid.TryParse(partyId, out var supplierId))
        {
            return "is required for supplier and factory users: the id of their supplier";
        }

        return await users.SupplierExistsAsync(supplierId, cancellationToken) ? null : $"no supplier has id {supplierId}";
    }
}

using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Apis;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary><c>/api/users</c> (admin): create staff, supplier and factory users, list them, approve self-registered suppliers.</summary>
internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(SleekPolicies.Admin);
        group.MapPost("/", CreateAsync).WithSummary("Creates a user: admin, ops, rule_author, buyer, or supplier/factory with partyId = their supplier's id.");
        group.MapGet("/", ListAsync).WithSummary("Users, newest first, filtered by role and status, paged.");
        group.MapPost("/{id:guid}/approve", ApproveAsync).WithSummary("Approves a pending (self-registered) supplier and links it to its supplier (partyId).");
    }

    private static async Task<IResult> CreateAsync(CreateUserBody body, HttpContext http, Accounts accounts, MarketplaceDb marketplace, CancellationToken cancellationToken)
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

        var partyError = await CheckPartyAsync(role, body.PartyId, marketplace, cancellationToken);
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
        var (user, conflict) = await accounts.CreateAsync(email, body.Password!, role!, SleekRoles.IsSupplierSide(role) ? body.PartyId : null, body.DisplayName, UserStatuses.Active, caller.Id ?? "", cancellationToken);
        if (user is null)
        {
            return Problems.Conflict(conflict!);
        }

        AuditMiddleware.SetTarget(http, $"user={user.Id} email={email} role={role}");
        return TypedResults.Created($"/api/users/{user.Id}", UserDto.From(user));
    }

    private static async Task<IResult> ListAsync(string? role, string? status, int? page, int? pageSize, SecurityDb securityDb, CancellationToken cancellationToken)
    {
        if (page is < 1)
        {
            return Problems.Invalid("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > InstanceQueries.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"must be between 1 and {InstanceQueries.MaxPageSize}");
        }

        await using var db = securityDb.CreateContext();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(role))
        {
            query = query.Where(u => u.Role == role);
        }

        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(u => u.Status == status);
        }

        var (p, size) = (page ?? 1, pageSize ?? 50);
        var total = await query.CountAsync(cancellationToken);
        var users = await query.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id).Skip((p - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new { items = users.Select(UserDto.From), page = p, pageSize = size, total });
    }

    private static async Task<IResult> ApproveAsync(Guid id, ApproveBody body, HttpContext http, SecurityDb securityDb, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        using var gate = await securityDb.WriteGateAsync(cancellationToken);
        await using var db = securityDb.CreateContext();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Problems.NotFound($"no user has id {id}");
        }

        if (user.Status != UserStatuses.Pending)
        {
            return Problems.Conflict($"user {id} is {user.Status}, not pending");
        }

        if (await CheckPartyAsync(user.Role, body.PartyId, marketplace, cancellationToken) is { } partyError)
        {
            return Problems.Invalid("partyId", partyError);
        }

        user.Status = UserStatuses.Active;
        user.PartyId = body.PartyId;
        await db.SaveChangesAsync(cancellationToken);
        AuditMiddleware.SetTarget(http, $"user={user.Id} party={user.PartyId}");
        return TypedResults.Ok(UserDto.From(user));
    }

    /// <summary>Supplier and factory users need an existing supplier's id; other roles none.</summary>
    private static async Task<string?> CheckPartyAsync(string? role, string? partyId, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        if (!SleekRoles.IsSupplierSide(role))
        {
            return partyId is null ? null : "is only for supplier and factory users";
        }

        if (!Guid.TryParse(partyId, out var supplierId))
        {
            return "is required for supplier and factory users: the id of their supplier";
        }

        await using var db = marketplace.CreateContext();
        return await db.Suppliers.AnyAsync(s => s.Id == supplierId, cancellationToken) ? null : $"no supplier has id {supplierId}";
    }

    /// <summary>Body of <c>POST /api/users</c>.</summary>
    internal sealed record CreateUserBody(string? Email, string? Password, string? Role, string? PartyId, string? DisplayName);

    /// <summary>Body of <c>POST /api/users/{id}/approve</c>.</summary>
    internal sealed record ApproveBody(string? PartyId);
}

using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Apis;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary><c>/api/api-keys</c> (admin): create (the key is shown once), list, revoke.</summary>
internal static class ApiKeysApi
{
    public static void MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/api-keys").WithTags("API keys").RequireAuthorization(SleekPolicies.Admin);
        group.MapPost("/", CreateAsync).WithSummary("Creates a key with scopes (and optionally the party it acts for); 201 with the key, shown this once.");
        group.MapGet("/", ListAsync).WithSummary("Every key: prefix, scopes, party, created, last used, revoked. Never the key.");
        group.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Revokes a key at once; 204.");
    }

    private static async Task<IResult> CreateAsync(CreateKeyBody body, HttpContext http, SecurityDb securityDb, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            errors["name"] = ["is required, at most 100 characters"];
        }

        if (body.Scopes is not { Length: > 0 } scopes || scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            errors["scopes"] = [$"must list one or more of {string.Join(", ", ApiScopes.All)}"];
        }

        if (body.PartyRole is not null && body.PartyRole is not (SleekRoles.Supplier or SleekRoles.Factory or SleekRoles.Buyer))
        {
            errors["partyRole"] = ["must be supplier, factory or buyer"];
        }

        if ((body.PartyRole is null) != (body.PartyId is null) || body.PartyId is { Length: > 100 })
        {
            errors["partyId"] = ["goes with partyRole (both or neither), at most 100 characters"];
        }

        if (body.ExpiresInDays is < 1 or > 3650)
        {
            errors["expiresInDays"] = ["must be between 1 and 3650"];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("The API key request is invalid.", errors);
        }

        var (key, prefix, hash) = ApiKeyFormat.Generate();
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ApiKeyRecord
        {
            Name = body.Name!.Trim(),
            Prefix = prefix,
            Hash = hash,
            Scopes = string.Join(' ', body.Scopes!.Distinct()),
            PartyRole = body.PartyRole,
            PartyId = body.PartyId,
            CreatedAt = now,
            CreatedBy = SleekCaller.From(http.User).Id ?? "",
            ExpiresAt = body.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        using (await securityDb.WriteGateAsync(cancellationToken))
        {
            await using var db = securityDb.CreateContext();
            db.ApiKeys.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        AuditMiddleware.SetTarget(http, $"apikey={record.Id} prefix={prefix} scopes={record.Scopes}");
        return TypedResults.Created($"/api/api-keys/{record.Id}", new { key, apiKey = ApiKeyDto.From(record) });
    }

    private static async Task<IResult> ListAsync(SecurityDb securityDb, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyDto.From));
    }

    private static async Task<IResult> RevokeAsync(Guid id, SecurityDb securityDb, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var gate = await securityDb.WriteGateAsync(cancellationToken);
        await using var db = securityDb.CreateContext();
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        if (changed == 0)
        {
            return await db.ApiKeys.AnyAsync(k => k.Id == id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound($"no API key has id {id}");
        }

        return TypedResults.NoContent();
    }

    /// <summary>Body of <c>POST /api/api-keys</c>.</summary>
    internal sealed record CreateKeyBody(string? Name, string[]? Scopes, string? PartyRole, string? PartyId, int? ExpiresInDays);

    /// <summary>A key as lists show it.</summary>
    internal sealed record ApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string? PartyRole, string? PartyId, DateTime CreatedAt, string CreatedBy, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt)
    {
        public static ApiKeyDto From(ApiKeyRecord k) =>
            new(k.Id, k.Name, k.Prefix, k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.PartyRole, k.PartyId, k.CreatedAt, k.CreatedBy, k.ExpiresAt, k.RevokedAt, k.LastUsedAt);
    }
}

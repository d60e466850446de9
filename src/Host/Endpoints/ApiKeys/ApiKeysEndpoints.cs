using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Endpoints.ApiKeys;

/// <summary><c>/api/api-keys</c> (admin): create (the key is shown once), list, revoke.</summary>
internal static class ApiKeysEndpoints
{
    public static void MapApiKeysEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/api-keys").WithTags("API keys").RequireAuthorization(SleekPolicies.Admin);
        group.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Creates a key with scopes (and optionally the party it acts for); 201 with the key, shown this once.");
        group.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Every key: prefix, scopes, party, created, last used, revoked. Never the key.");
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes a key at once; 204.");
    }

    private static async Task<Results<Created<CreatedApiKey>, BadRequestProblem>> CreateAsync(
        CreateKeyBody body, HttpContext http, ApiKeyStore keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            errors["name"] = ["is required, at most 100 characters"];
        }

        if (body.Scopes is not { Length: > 0 } scopes || scopes.Any(s => !ApiScopes.IsKnown(s)))
        {
            errors["scopes"] = [$"must list one or more of {string.Join(", ", ApiScopes.All)} (or hooks:<name> for a hook route's own scope)"];
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
        await keys.AddAsync(record, cancellationToken);
        AuditMiddleware.SetTarget(http, $"apikey={record.Id} prefix={prefix} scopes={record.Scopes}");
        return TypedResults.Created($"/api/api-keys/{record.Id}", new CreatedApiKey(key, ApiKeyDto.From(record)));
    }

    private static async Task<Ok<IEnumerable<ApiKeyDto>>> ListAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(cancellationToken)).Select(ApiKeyDto.From));

    private static async Task<Results<NoContent, NotFoundProblem>> RevokeAsync(Guid id, ApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound($"no API key has id {id}");
}

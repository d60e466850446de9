using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Endpoints.ApiKeys;

/// <summary>The API-key rows behind <c>/api/api-keys</c>: add, list, revoke.</summary>
internal sealed class ApiKeyStore(SecurityDb securityDb, TimeProvider clock)
{
    public async Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        db.ApiKeys.Add(record);
        await db.WriteAsync(cancellationToken);
    }

    /// <summary>Every key, newest first.</summary>
    public async Task<List<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes the key now; false when no key has this id (revoking a revoked key again is true and changes nothing).</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WriteAsync(
            async ct =>
            {
                var changed = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
                return changed > 0 || await db.ApiKeys.AnyAsync(k => k.Id == id, ct);
            },
            cancellationToken);
    }
}

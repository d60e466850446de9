using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Idempotency keys in the database, shared by every host: the first request with a key claims it
/// (one conditional insert decides between racing requests), and its response is stored for repeats
/// until the key expires. Knows nothing of HTTP beyond status, content type, location and body.
/// </summary>
/// <remarks>
/// A claim is in flight until its response is stored. On PostgreSQL the claiming host renews it every
/// <see cref="RenewEvery"/> while the request runs, so a claim of a host that died lapses after
/// <see cref="InFlightLease"/> and a repeat may run the request. On SQLite (one process, and a burst
/// holds the only writer, so renewals would wait) a claim is abandoned when another process made it.
/// </remarks>
public sealed class IdempotencyStore(EngineDb engineDb, RuntimeOptions runtime, TimeProvider clock)
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);
    private long _nextPurgeTicks;

    /// <summary>How long an in-flight claim lasts without renewal.</summary>
    public TimeSpan InFlightLease => engineDb.SingleWriter ? TimeSpan.FromHours(1) : TimeSpan.FromSeconds(30);

    /// <summary>How often a running request renews its claim (<see cref="RenewAsync"/>); null: no renewal needed.</summary>
    public TimeSpan? RenewEvery => engineDb.SingleWriter ? null : TimeSpan.FromSeconds(10);

    /// <summary>
    /// Claims <paramref name="key"/> in <paramref name="scope"/> for a request with
    /// <paramref name="requestHash"/>, or says why not. An expired key is forgotten and claimed anew; an
    /// abandoned in-flight claim (its host died) is taken over.
    /// </summary>
    public async Task<IdempotencyClaim> BeginAsync(string scope, string key, string requestHash, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await PurgeExpiredIfDueAsync(cancellationToken);
        var owner = runtime.WorkerName;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = Now();
            var expires = now + lifetime;
            var lockedUntil = now + InFlightLease;
            var claimId = IdempotencyRecord.ClaimIdFor(scope, key, requestHash);
            await using var db = engineDb.CreateContext();
            // Read first: repeats (the common case after a client timeout) need no write, and on SQLite a
            // read does not wait behind a running burst for the writer lock.
            var existing = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Scope == scope && k.IdempotencyKey == key, cancellationToken);
            if (existing is null)
            {
                // ON CONFLICT DO NOTHING (both providers): of racing first requests exactly one inserts.
                var inserted = await db.WriteAsync(
                    ct => db.Database.ExecuteSqlAsync(
                        $"INSERT INTO idempotency_keys (scope, idempotency_key, claim_id, request_hash, created_at, locked_until, owner, expires_at) VALUES ({scope}, {key}, {claimId}, {requestHash}, {now}, {lockedUntil}, {owner}, {expires}) ON CONFLICT (scope, idempotency_key) DO NOTHING",
                        ct),
                    cancellationToken);
                if (inserted == 1)
                {
                    return new IdempotencyClaim(IdempotencyOutcome.Started, null, now, claimId);
                }

                continue; // another request claimed it first: read what it stored
            }

            if (existing.ExpiresAt <= now)
            {
                await db.WriteAsync(
                    ct => db.IdempotencyKeys.Where(k => k.Scope == scope && k.IdempotencyKey == key && k.ExpiresAt <= now).ExecuteDeleteAsync(ct),
                    cancellationToken);

                continue;
            }

            if (existing.RequestHash != requestHash)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Mismatch, existing, default);
            }

            if (existing.StatusCode is not null)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Replay, existing, default);
            }

            var abandoned = existing.LockedUntil is not { } until || until <= now || (engineDb.SingleWriter && existing.Owner != owner);
            if (!abandoned)
            {
                return new IdempotencyClaim(IdempotencyOutcome.InFlight, existing, default);
            }

            // Conditional on the claim we saw: of several repeats taking it over, one wins.
            var taken = await db.WriteAsync(
                ct => db.IdempotencyKeys
                    .Where(k => k.Scope == scope && k.IdempotencyKey == key && k.StatusCode == null && k.CreatedAt == existing.CreatedAt)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(k => k.CreatedAt, now).SetProperty(k => k.LockedUntil, lockedUntil).SetProperty(k => k.Owner, owner).SetProperty(k => k.ExpiresAt, expires),
                        ct),
                cancellationToken);

            if (taken == 1)
            {
                // Same claim id: whatever the abandoned run created, this run finds.
                return new IdempotencyClaim(IdempotencyOutcome.Started, null, now, existing.ClaimId);
            }
        }

        // Only reachable when the key keeps changing under us; the client may simply retry.
        return new IdempotencyClaim(IdempotencyOutcome.InFlight, null, default);
    }

    /// <summary>Renews the in-flight claim of a request started by <see cref="BeginAsync"/>; false when it is no longer in flight.</summary>
    public async Task<bool> RenewAsync(string scope, string key, DateTime startedAt, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var lockedUntil = Now() + InFlightLease;
        return await db.WriteAsync(
            ct => db.IdempotencyKeys
                .Where(k => k.Scope == scope && k.IdempotencyKey == key && k.StatusCode == null && k.CreatedAt == startedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LockedUntil, lockedUntil), ct),
            cancellationToken) == 1;
    }

    /// <summary>Stores the response of a request started by <see cref="BeginAsync"/>.</summary>
    public async Task CompleteAsync(string scope, string key, DateTime startedAt, int statusCode, string? contentType, string? location, string? body, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var now = Now();
        await db.WriteAsync(
            ct => db.IdempotencyKeys
                .Where(k => k.Scope == scope && k.IdempotencyKey == key && k.StatusCode == null && k.CreatedAt == startedAt)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(k => k.StatusCode, statusCode)
                        .SetProperty(k => k.ContentType, contentType)
                        .SetProperty(k => k.Location, location)
                        .SetProperty(k => k.ResponseBody, body)
                        .SetProperty(k => k.CompletedAt, now)
                        .SetProperty(k => k.LockedUntil, (DateTime?)null),
                    ct),
            cancellationToken);
    }

    /// <summary>
    /// Gives up a started claim whose request failed on our side (no response is kept), so a repeat with the
    /// key runs at once. The claim (and its id) stays: part of the failed run may have taken effect.
    /// </summary>
    public async Task ReleaseAsync(string scope, string key, DateTime startedAt, CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        await db.WriteAsync(
            ct => db.IdempotencyKeys
                .Where(k => k.Scope == scope && k.IdempotencyKey == key && k.StatusCode == null && k.CreatedAt == startedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LockedUntil, (DateTime?)null), ct),
            cancellationToken);
    }

    /// <summary>Deletes expired keys; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var db = engineDb.CreateContext();
        var now = Now();
        return await db.WriteAsync(ct => db.IdempotencyKeys.Where(k => k.ExpiresAt <= now).ExecuteDeleteAsync(ct), cancellationToken);
    }

    private async Task PurgeExpiredIfDueAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeEvery).Ticks, due) != due)
        {
            return;
        }

        await PurgeExpiredAsync(cancellationToken);
    }

    // Whole microseconds: PostgreSQL keeps no finer, and CompleteAsync matches the claim by its start time.
    private DateTime Now()
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }
}

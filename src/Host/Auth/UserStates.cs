using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Users' security stamps and sessions' revocations as every request checks them, read from the database and kept
/// for <see cref="AuthOptions.SecurityStampCacheSeconds"/> (5 s). A change on this host forgets its entry at once
/// (<see cref="Forget"/>); other hosts see it when their entry runs out: that short cache is the bound on how long
/// a demoted, disabled or deleted user's token still works anywhere. Concurrent misses share one read.
/// </summary>
internal sealed class UserStates(SecurityDb securityDb, AuthOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Entry<UserState?>> _users = new();
    private readonly ConcurrentDictionary<Guid, Entry<bool>> _revokedSessions = new();
    private long _reads;

    /// <summary>Database reads made so far (tests see the cache work).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>A new random stamp (128 bits, hex).</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>The user's current state, or null when there is no such user.</summary>
    public Task<UserState?> UserAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync(_users, id, async ct =>
        {
            await using var db = securityDb.CreateContext();
            return await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new UserState(u.Id, u.SecurityStamp, u.Role, u.PartyId, u.Status, u.CreatedAt, u.CreatedBy == "self"))
                .SingleOrDefaultAsync(ct);
        }, cancellationToken);

    /// <summary>True when the session was revoked (signed out, token reuse, password change, …).</summary>
    public Task<bool> SessionRevokedAsync(Guid sessionId, CancellationToken cancellationToken) =>
        GetAsync(_revokedSessions, sessionId, async ct =>
        {
            await using var db = securityDb.CreateContext();
            return await db.Sessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.RevokedAt != null, ct);
        }, cancellationToken);

    /// <summary>Forgets what this host read of the user (call after changing it).</summary>
    public void Forget(Guid userId) => _users.TryRemove(userId, out _);

    /// <summary>Forgets what this host read of the sessions (call after revoking them).</summary>
    public void ForgetSessions(IEnumerable<Guid> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            _revokedSessions.TryRemove(id, out _);
        }
    }

    private async Task<T> GetAsync<T>(ConcurrentDictionary<Guid, Entry<T>> cache, Guid key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ttl = TimeSpan.FromSeconds(Math.Clamp(options.SecurityStampCacheSeconds, 0, 60));
        // The Lazy makes sure only the entry that ends up in the cache reads; a fresh entry is kept.
        var entry = cache.AddOrUpdate(
            key,
            _ => new Entry<T>(now, new Lazy<Task<T>>(() => ReadCountedAsync(read))),
            (_, old) => now - old.ReadAt < ttl && !old.Value.Value.IsFaulted ? old : new Entry<T>(now, new Lazy<Task<T>>(() => ReadCountedAsync(read))));
        try
        {
            // Not the request's token for the read itself: others may be waiting for it too.
            return await entry.Value.Value.WaitAsync(cancellationToken);
        }
        catch when (entry.Value.Value.IsFaulted)
        {
            cache.TryRemove(new KeyValuePair<Guid, Entry<T>>(key, entry));
            throw;
        }
    }

    private async Task<T> ReadCountedAsync<T>(Func<CancellationToken, Task<T>> read)
    {
        Interlocked.Increment(ref _reads);
        return await read(CancellationToken.None);
    }

    private sealed record Entry<T>(DateTimeOffset ReadAt, Lazy<Task<T>> Value);
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.FirstRun;

/// <summary>
/// One-time setup links (table <c>setup_tokens</c>): a token of 256 random bits, base64url in the link's fragment,
/// stored as its SHA-256 only, valid for <see cref="Lifetime"/> and for the one request that creates the first admin.
/// </summary>
internal sealed class SetupTokens(SecurityDb securityDb, TimeProvider clock)
{
    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>True once any admin exists: then no link is issued and setup answers that it is done.</summary>
    public async Task<bool> AdminExistsAsync(CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        return await db.Users.AnyAsync(u => u.Role == SleekRoles.Admin, cancellationToken);
    }

    /// <summary>Issues a token for <paramref name="issuedBy"/> (a host's <c>machine:pid</c>), dropping lapsed ones; returns the token itself, which is stored nowhere.</summary>
    public async Task<string> IssueAsync(string issuedBy, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = securityDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        await db.SetupTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.SetupTokens.Add(new SetupToken { Hash = HashOf(token), CreatedAt = now, ExpiresAt = now + Lifetime, IssuedBy = issuedBy });
        await write.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Marks <paramref name="token"/> used in <paramref name="db"/>'s open first-admin transaction (saved by its commit,
    /// so a refused or failed creation leaves the link usable); says why when it cannot be used.
    /// </summary>
    public async Task<SetupTokenCheck> ConsumeAsync(SecurityDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return SetupTokenCheck.Unknown;
        }

        var hash = HashOf(token);
        var row = await db.SetupTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            return SetupTokenCheck.Unknown;
        }

        if (row.UsedAt is not null)
        {
            return SetupTokenCheck.Used;
        }

        if (row.ExpiresAt <= now)
        {
            return SetupTokenCheck.Expired;
        }

        row.UsedAt = now;
        return SetupTokenCheck.Accepted;
    }

    /// <summary>Lower-case hex SHA-256: a lookup by it reveals nothing about other tokens.</summary>
    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

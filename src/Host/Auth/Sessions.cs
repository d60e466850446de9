using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Sign-in sessions and their refresh tokens: a session starts with a full sign-in, each refresh marks the token
/// used and issues the next one (rotation), a used token presented again revokes the whole session (reuse: someone
/// holds a copy), and sign-out revokes it. Tokens are 256 random bits (<c>rt_…</c>), stored as SHA-256 only.
/// </summary>
internal sealed class Sessions(SecurityDb securityDb, AuthOptions options, TokenIssuer tokens, UserStates states, TimeProvider clock)
{
    private const string TokenPrefix = "rt_";

    private TimeSpan RefreshLifetime => TimeSpan.FromDays(Math.Clamp(options.RefreshTokenDays, 1, 365));

    /// <summary>Starts a session for a user who passed every sign-in step: its first refresh token and an access token.</summary>
    public async Task<SignInAnswer> StartAsync(UserAccount user, string? ip, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (raw, hash) = NewToken();
        var session = new AuthSession { UserId = user.Id, CreatedAt = now, LastUsedAt = now, ExpiresAt = now + RefreshLifetime, Ip = ip };
        await using var db = securityDb.CreateContext();
        db.Sessions.Add(session);
        db.RefreshTokens.Add(new RefreshToken { SessionId = session.Id, Hash = hash, CreatedAt = now, ExpiresAt = session.ExpiresAt });
        await db.WriteAsync(cancellationToken);
        return Answer(user, session.Id, raw);
    }

    /// <summary>Exchanges a refresh token for new tokens, or says why not (reuse revokes the session).</summary>
    public async Task<RefreshResult> RefreshAsync(string presented, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(presented);
        await using var db = securityDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (token is null)
        {
            return RefreshResult.Refused(RefreshRefusal.Unknown, null, null);
        }

        var session = await db.Sessions.SingleAsync(s => s.Id == token.SessionId, cancellationToken);
        if (session.RevokedAt is not null)
        {
            return RefreshResult.Refused(RefreshRefusal.Revoked, session.UserId, session.Id);
        }

        // Used already, or used by a concurrent refresh a moment ago (the conditional update finds it taken).
        if (token.UsedAt is not null
            || await db.RefreshTokens.Where(t => t.Id == token.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken) == 0)
        {
            await RevokeAsync(db, session.UserId, SessionEnd.TokenReuse, now, session.Id, cancellationToken);
            await write.CommitAsync(cancellationToken);
            states.ForgetSessions([session.Id]);
            return RefreshResult.Refused(RefreshRefusal.Reused, session.UserId, session.Id);
        }

        if (token.ExpiresAt <= now)
        {
            return RefreshResult.Refused(RefreshRefusal.Expired, session.UserId, session.Id);
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == session.UserId, cancellationToken);
        if (user is null || user.Status != UserStatus.Active)
        {
            return RefreshResult.Refused(RefreshRefusal.Inactive, session.UserId, session.Id);
        }

        if (TwoFactorPolicy.MustEnrol(user, options))
        {
            // Turned on since this session began: sign in again (and enrol).
            return RefreshResult.Refused(RefreshRefusal.TwoFactorRequired, session.UserId, session.Id);
        }

        var (raw, newHash) = NewToken();
        session.LastUsedAt = now;
        session.ExpiresAt = now + RefreshLifetime;
        db.RefreshTokens.Add(new RefreshToken { SessionId = session.Id, Hash = newHash, CreatedAt = now, ExpiresAt = session.ExpiresAt });
        await write.CommitAsync(cancellationToken);
        return new RefreshResult(Answer(user, session.Id, raw), null, user.Id, session.Id);
    }

    /// <summary>Revokes the session of a refresh token (any of its family, used or not); null when no session has it.</summary>
    public async Task<(Guid UserId, Guid SessionId)?> SignOutAsync(string presented, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(presented);
        await using var db = securityDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var sessionId = await db.RefreshTokens.Where(t => t.Hash == hash).Select(t => (Guid?)t.SessionId).SingleOrDefaultAsync(cancellationToken);
        var session = sessionId is null ? null : await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        await RevokeAsync(db, session.UserId, SessionEnd.SignedOut, now, session.Id, cancellationToken);
        await write.CommitAsync(cancellationToken);
        states.ForgetSessions([session.Id]);
        return (session.UserId, session.Id);
    }

    /// <summary>
    /// Revokes the user's open sessions (or only <paramref name="onlySession"/>) in the caller's transaction and
    /// returns their ids; call <see cref="UserStates.ForgetSessions"/> with them after the commit.
    /// </summary>
    public static async Task<List<Guid>> RevokeAsync(SecurityDbContext db, Guid userId, SessionEnd reason, DateTime now, Guid? onlySession, CancellationToken cancellationToken)
    {
        var open = db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && (onlySession == null || s.Id == onlySession));
        var ids = await open.Select(s => s.Id).ToListAsync(cancellationToken);
        await open.ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
        return ids;
    }

    /// <summary>Hex SHA-256 of a presented token.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    private static (string Raw, string Hash) NewToken()
    {
        var raw = TokenPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (raw, Hash(raw));
    }

    private SignInAnswer Answer(UserAccount user, Guid sessionId, string refreshToken)
    {
        var (access, expiresIn) = tokens.Issue(user, sessionId);
        return SignInAnswer.SignedIn(access, expiresIn, refreshToken, (int)RefreshLifetime.TotalSeconds, user.Role, user.Id);
    }
}

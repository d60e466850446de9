using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// A signed-in user's password change: the current password is required (a wrong one counts toward the lockout,
/// like a failed sign-in); the new one gets a new security stamp and ends every session, this one included, so
/// the caller signs in anew with the answer's tokens.
/// </summary>
internal sealed class PasswordChange(SecurityDb securityDb, Accounts accounts, IPasswordHasher<UserAccount> hasher, UserStates states, TimeProvider clock)
{
    /// <summary>The changed user, or why not: <c>locked</c>, <c>wrong</c> (current password), <c>inactive</c>.</summary>
    public async Task<(UserAccount? User, string? Refusal)> ChangeAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> ended;
        UserAccount? user;
        await using (var db = securityDb.CreateContext())
        {
            user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null || user.Status != UserStatus.Active)
            {
                return (null, "inactive");
            }

            if (user.LockedUntil > now)
            {
                return (null, "locked");
            }

            if (currentPassword.Length > Credentials.MaxPassword || hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            {
                return (null, await accounts.CountFailureAsync(db, user.Id, now, cancellationToken) ? "locked" : "wrong");
            }

            await using var write = await db.BeginWriteAsync(cancellationToken);
            var hash = hasher.HashPassword(user, newPassword);
            var stamp = UserStates.NewStamp();
            // Only if no one changed the password meanwhile (a concurrent change or reset wins).
            var changed = await db.Users.Where(u => u.Id == userId && u.PasswordHash == user.PasswordHash && u.Status == UserStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash).SetProperty(u => u.SecurityStamp, stamp).SetProperty(u => u.FailedLogins, 0), cancellationToken);
            if (changed == 0)
            {
                return (null, "inactive");
            }

            ended = await Sessions.RevokeAsync(db, userId, SessionEnd.PasswordChanged, now, null, cancellationToken);
            await write.CommitAsync(cancellationToken);
            user.PasswordHash = hash;
            user.SecurityStamp = stamp;
        }

        states.Forget(userId);
        states.ForgetSessions(ended);
        return (user, null);
    }
}

using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// An admin's changes to a user: disable, enable, change role, delete, reset two-factor. Each sets a new security
/// stamp, so the user's access tokens are refused at once on this host and within
/// <see cref="AuthOptions.SecurityStampCacheSeconds"/> on the others; disable, delete and the two-factor reset also
/// end every session (no refresh). The last active admin cannot be disabled, demoted or deleted.
/// <para>
/// Delete anonymises and keeps the row: quotes, orders, invoices and the audit log name users by id and must keep
/// pointing somewhere. The e-mail becomes <c>deleted-&lt;id&gt;@deleted.invalid</c> (so the address may register
/// again), name, password, two-factor secret, recovery codes and reset links are removed, the status is
/// <c>deleted</c> for good. Business records keep what they hold themselves (a quote's contact e-mail, an
/// invoice's buyer), as bookkeeping requires.
/// </para>
/// </summary>
internal sealed class UserLifecycle(SecurityDb securityDb, UserStates states, TimeProvider clock)
{
    // Serializes changes that could leave no active admin, across hosts (see DbWrite.LockAsync).
    private const long AdminsLockKey = 727002;

    public Task<UserChange> DisableAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, SessionEnd.Disabled, async (db, user, ct) =>
        {
            if (user.Status is not (UserStatus.Active or UserStatus.Disabled))
            {
                return $"user {id} is {user.Status.ToName()}; only an active user can be disabled";
            }

            if (await IsLastAdminAsync(db, user, ct))
            {
                return "this is the last active admin; make another admin first";
            }

            user.Status = UserStatus.Disabled;
            return null;
        }, cancellationToken);

    public Task<UserChange> EnableAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, null, (_, user, _) =>
        {
            if (user.Status is not (UserStatus.Disabled or UserStatus.Active))
            {
                return Task.FromResult<string?>($"user {id} is {user.Status.ToName()}; only a disabled user can be enabled");
            }

            user.Status = UserStatus.Active;
            user.FailedLogins = 0;
            user.LockedUntil = null;
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    /// <summary>Sets role and party (already checked by the caller).</summary>
    public Task<UserChange> ChangeRoleAsync(Guid id, string role, string? partyId, CancellationToken cancellationToken) =>
        ChangeAsync(id, null, async (db, user, ct) =>
        {
            if (user.Status is not (UserStatus.Active or UserStatus.Disabled))
            {
                return $"user {id} is {user.Status.ToName()}; approve a pending user first";
            }

            if (role != SleekRoles.Admin && await IsLastAdminAsync(db, user, ct))
            {
                return "this is the last active admin; make another admin first";
            }

            user.Role = role;
            user.PartyId = partyId;
            return null;
        }, cancellationToken);

    public Task<UserChange> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, SessionEnd.Deleted, async (db, user, ct) =>
        {
            if (user.Status == UserStatus.Deleted)
            {
                return $"user {id} is deleted already";
            }

            if (await IsLastAdminAsync(db, user, ct))
            {
                return "this is the last active admin; make another admin first";
            }

            user.Status = UserStatus.Deleted;
            user.DeletedAt = clock.GetUtcNow().UtcDateTime;
            user.Email = $"deleted-{user.Id:N}@deleted.invalid";
            user.DisplayName = null;
            user.PasswordHash = "";
            user.TwoFactorEnabled = false;
            user.TwoFactorSecret = null;
            user.TwoFactorLastStep = null;
            user.FailedLogins = 0;
            user.LockedUntil = null;
            await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
            await db.PasswordResetTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
            return null;
        }, cancellationToken);

    /// <summary>For a user who lost both the authenticator and the recovery codes: they sign in with the password and enrol again.</summary>
    public Task<UserChange> ResetTwoFactorAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, SessionEnd.TwoFactorReset, async (db, user, ct) =>
        {
            if (user.Status == UserStatus.Deleted)
            {
                return $"user {id} is deleted";
            }

            user.TwoFactorEnabled = false;
            user.TwoFactorSecret = null;
            user.TwoFactorLastStep = null;
            await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
            return null;
        }, cancellationToken);

    /// <summary>Loads the user in a write, applies <paramref name="change"/> (a conflict message stops it), sets a new stamp, ends sessions if asked, commits.</summary>
    private async Task<UserChange> ChangeAsync(Guid id, SessionEnd? endSessions, Func<SecurityDbContext, UserAccount, CancellationToken, Task<string?>> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> ended = [];
        UserAccount? user;
        string before;
        await using (var db = securityDb.CreateContext())
        {
            await using var write = await db.BeginWriteAsync(cancellationToken);
            await write.LockAsync(AdminsLockKey, cancellationToken);
            user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null)
            {
                return UserChange.Missing;
            }

            before = $"role={user.Role} status={user.Status.ToName()}";
            if (await change(db, user, cancellationToken) is { } conflict)
            {
                return UserChange.Refused(conflict);
            }

            user.SecurityStamp = UserStates.NewStamp();
            if (endSessions is { } reason)
            {
                ended = await Sessions.RevokeAsync(db, user.Id, reason, now, null, cancellationToken);
            }

            await write.CommitAsync(cancellationToken);
        }

        states.Forget(id);
        states.ForgetSessions(ended);
        return UserChange.Done(user, before);
    }

    private static async Task<bool> IsLastAdminAsync(SecurityDbContext db, UserAccount user, CancellationToken cancellationToken) =>
        user.Role == SleekRoles.Admin && user.Status == UserStatus.Active
        && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == SleekRoles.Admin && u.Status == UserStatus.Active, cancellationToken);
}

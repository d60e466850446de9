using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>Users: creation with a hashed password, sign-in with lockout (in constant work), the first admin.</summary>
internal sealed class Accounts(SecurityDb securityDb, IPasswordHasher<UserAccount> hasher, AuthOptions options, TimeProvider clock)
{
    // Serializes first-admin bootstraps across hosts (see DbWrite.LockAsync); any constant all hosts share.
    private const long FirstAdminLockKey = 727001;

    // Verified against when the e-mail is unknown, so unknown and known e-mails take the same time.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString()));

    public async Task<(UserAccount? User, string? Conflict)> CreateAsync(string email, string password, string role, string? partyId, string? displayName, UserStatus status, string createdBy, CancellationToken cancellationToken)
    {
        var user = new UserAccount
        {
            Email = email,
            Role = role,
            PartyId = partyId,
            DisplayName = displayName,
            Status = status,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        await using var db = securityDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return (null, $"{email} is already registered");
        }

        db.Users.Add(user);
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Lost a race with the same e-mail (unique index). Any other database error is not "already registered".
            return (null, $"{email} is already registered");
        }

        return (user, null);
    }

    /// <summary>Creates the first admin, or says why not: serialized (<see cref="DbWrite.LockAsync"/>) so two bootstraps cannot both win.</summary>
    public async Task<(UserAccount? User, string? Conflict)> CreateFirstAdminAsync(string email, string password, CancellationToken cancellationToken)
    {
        var result = await CreateFirstAdminAsync(email, password, null, "bootstrap", null, cancellationToken);
        return (result.User, result.Refusal);
    }

    /// <summary>
    /// Creates the first admin, or says why not, as above; <paramref name="admit"/> (e.g. consuming a one-time setup token)
    /// runs under the same lock and in the same transaction once no admin exists, and its refusal rolls everything back.
    /// </summary>
    public async Task<FirstAdminResult> CreateFirstAdminAsync(string email, string password, string? displayName, string createdBy, Func<SecurityDbContext, CancellationToken, Task<string?>>? admit, CancellationToken cancellationToken)
    {
        var user = new UserAccount { Email = email, DisplayName = displayName, Role = SleekRoles.Admin, Status = UserStatus.Active, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = createdBy };
        user.PasswordHash = hasher.HashPassword(user, password);
        await using var db = securityDb.CreateContext();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        await write.LockAsync(FirstAdminLockKey, cancellationToken);

        if (await db.Users.AnyAsync(u => u.Role == SleekRoles.Admin, cancellationToken))
        {
            return new FirstAdminResult(null, FirstAdminOutcome.AdminExists, "an admin already exists; bootstrap is closed");
        }

        if (admit is not null && await admit(db, cancellationToken) is { } refusal)
        {
            return new FirstAdminResult(null, FirstAdminOutcome.NotAdmitted, refusal);
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return new FirstAdminResult(null, FirstAdminOutcome.EmailTaken, $"{email} is already registered");
        }

        db.Users.Add(user);
        await write.CommitAsync(cancellationToken);
        return new FirstAdminResult(user, FirstAdminOutcome.Created, null);
    }

    /// <summary>
    /// Signs in; the result says why not (without telling the caller whether the e-mail exists). Every attempt does
    /// the same work whatever the account: one password verification (against a dummy hash when the e-mail is
    /// unknown, and also when the account is locked) and one failure-count statement (on no row when there is no
    /// account to count against), so the time of the answer does not tell unknown, locked and wrong apart.
    /// </summary>
    public async Task<LoginResult> LoginAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var normalized = Credentials.NormalizeEmail(email);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = securityDb.CreateContext();
        var user = normalized is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Email == normalized && u.Status != UserStatus.Deleted, cancellationToken);
        var usable = user is not null && !string.IsNullOrEmpty(password) && password.Length <= Credentials.MaxPassword;
        var verified = hasher.VerifyHashedPassword(user ?? new UserAccount(), usable ? user!.PasswordHash : DummyHash.Value, password ?? "");
        if (!usable || user!.LockedUntil > now)
        {
            // Nothing to count against (an unknown e-mail), or nothing counts while locked: the same statement on no row.
            await CountFailureAsync(db, Guid.Empty, now, cancellationToken);
            return new LoginResult(user is null || !usable ? LoginOutcome.WrongCredentials : LoginOutcome.Locked, user);
        }

        if (verified == PasswordVerificationResult.Failed)
        {
            var locked = await CountFailureAsync(db, user.Id, now, cancellationToken);
            return new LoginResult(locked ? LoginOutcome.LockedNow : LoginOutcome.WrongCredentials, user);
        }

        if (user.Status != UserStatus.Active)
        {
            return new LoginResult(user.Status == UserStatus.Pending ? LoginOutcome.Pending : LoginOutcome.Disabled, user);
        }

        user.FailedLogins = 0;
        user.LockedUntil = null;
        user.LastLoginAt = now;
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password!);
        }

        await db.WriteAsync(cancellationToken);
        return new LoginResult(LoginOutcome.Success, user);
    }

    /// <summary>
    /// Counts a failed sign-in step (password or second factor) and locks the account when it reaches the limit;
    /// true when this failure locked it. Atomic, so parallel guesses all count; both statements in one write, so on
    /// SQLite no other guess counts between them.
    /// </summary>
    public async Task<bool> CountFailureAsync(SecurityDbContext db, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var locked = await db.WriteAsync(
            async ct =>
            {
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedLogins, u => u.FailedLogins + 1), ct);
                return await db.Users.Where(u => u.Id == userId && u.FailedLogins >= options.MaxFailedLogins)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedLogins, 0).SetProperty(u => u.LockedUntil, now.AddMinutes(options.LockoutMinutes)), ct);
            },
            cancellationToken);
        return locked > 0;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Auth;

/// <summary>Users: creation with a hashed password, sign-in with lockout, the first admin.</summary>
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
        catch (DbUpdateException)
        {
            // Lost a race with the same e-mail (unique index).
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

    /// <summary>Signs in; the result says why not (without telling the caller whether the e-mail exists).</summary>
    public async Task<LoginResult> LoginAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var normalized = Credentials.NormalizeEmail(email);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = securityDb.CreateContext();
        var user = normalized is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        if (user is null || string.IsNullOrEmpty(password) || password.Length > Credentials.MaxPassword)
        {
            hasher.VerifyHashedPassword(new UserAccount(), DummyHash.Value, password ?? "");
            return new LoginResult(LoginOutcome.WrongCredentials, user);
        }

        if (user.LockedUntil > now)
        {
            return new LoginResult(LoginOutcome.Locked, user);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            // Atomic, so parallel guesses all count; the one that reaches the limit locks. Both statements in one
            // write, so on SQLite no other guess counts between them.
            var locked = await db.WriteAsync(
                async ct =>
                {
                    await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedLogins, u => u.FailedLogins + 1), ct);
                    return await db.Users.Where(u => u.Id == user.Id && u.FailedLogins >= options.MaxFailedLogins)
                        .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedLogins, 0).SetProperty(u => u.LockedUntil, now.AddMinutes(options.LockoutMinutes)), ct);
                },
                cancellationToken);
            return new LoginResult(locked > 0 ? LoginOutcome.LockedNow : LoginOutcome.WrongCredentials, user);
        }

        if (user.Status != UserStatus.Active)
        {
            return new LoginResult(LoginOutcome.Pending, user);
        }

        user.FailedLogins = 0;
        user.LockedUntil = null;
        user.LastLoginAt = now;
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        await db.WriteAsync(cancellationToken);
        return new LoginResult(LoginOutcome.Success, user);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>Users: creation with a hashed password, sign-in with lockout, the first admin.</summary>
internal sealed class Accounts(SecurityDb securityDb, IPasswordHasher<UserAccount> hasher, AuthOptions options, TimeProvider clock)
{
    // Verified against when the e-mail is unknown, so unknown and known e-mails take the same time.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString()));

    public async Task<(UserAccount? User, string? Conflict)> CreateAsync(string email, string password, string role, string? partyId, string? displayName, string status, string createdBy, CancellationToken cancellationToken)
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
        using var gate = await securityDb.WriteGateAsync(cancellationToken);
        await using var db = securityDb.CreateContext();
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return (null, $"{email} is already registered");
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with the same e-mail (unique index).
            return (null, $"{email} is already registered");
        }

        return (user, null);
    }

    /// <summary>Creates the first admin, or says why not: serialized (advisory lock / SQLite writer gate) so two bootstraps cannot both win.</summary>
    public async Task<(UserAccount? User, string? Conflict)> CreateFirstAdminAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = new UserAccount { Email = email, Role = SleekRoles.Admin, Status = UserStatuses.Active, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = "bootstrap" };
        user.PasswordHash = hasher.HashPassword(user, password);
        using var gate = await securityDb.WriteGateAsync(cancellationToken);
        await using var db = securityDb.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", cancellationToken);
        }

        if (await db.Users.AnyAsync(u => u.Role == SleekRoles.Admin, cancellationToken))
        {
            return (null, "an admin already exists; bootstrap is closed");
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return (null, $"{email} is already registered");
        }

        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (user, null);
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
        using var gate = await securityDb.WriteGateAsync(cancellationToken);
        if (verified == PasswordVerificationResult.Failed)
        {
            // Atomic, so parallel guesses all count; the one that reaches the limit locks.
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedLogins, u => u.FailedLogins + 1), cancellationToken);
            var locked = await db.Users.Where(u => u.Id == user.Id && u.FailedLogins >= options.MaxFailedLogins)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedLogins, 0).SetProperty(u => u.LockedUntil, now.AddMinutes(options.LockoutMinutes)), cancellationToken);
            return new LoginResult(locked > 0 ? LoginOutcome.LockedNow : LoginOutcome.WrongCredentials, user);
        }

        if (user.Status != UserStatuses.Active)
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

        await db.SaveChangesAsync(cancellationToken);
        return new LoginResult(LoginOutcome.Success, user);
    }
}

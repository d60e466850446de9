using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Demo;

/// <summary>The demo's users, one per role but admin (the admin comes from setup), found by e-mail or created with a random password.</summary>
internal sealed class DemoAccounts(Accounts accounts, SecurityDb securityDb)
{
    /// <summary>The domain of every demo e-mail (reserved for examples: no mail reaches anyone).</summary>
    public const string Domain = "sleek-demo.example";

    public static readonly DemoUser Buyer = new(SleekRoles.Buyer, $"buyer@{Domain}", "Ada Apparel (demo buyer)");
    public static readonly DemoUser Supplier = new(SleekRoles.Supplier, $"supplier@{Domain}", "Demo supplier");
    public static readonly DemoUser Factory = new(SleekRoles.Factory, $"factory@{Domain}", "Demo factory floor");
    public static readonly DemoUser Ops = new(SleekRoles.Ops, $"ops@{Domain}", "Demo ops");
    public static readonly DemoUser RuleAuthor = new(SleekRoles.RuleAuthor, $"rules@{Domain}", "Demo rule author");

    /// <summary>Every demo user, in the order they are printed.</summary>
    public static readonly IReadOnlyList<DemoUser> All = [Buyer, Supplier, Factory, Ops, RuleAuthor];

    /// <summary>The user with <paramref name="demo"/>'s e-mail; created when missing, then with its new password (printed once, by the caller).</summary>
    public async Task<(UserAccount User, string? Password)> EnsureAsync(DemoUser demo, string? partyId, CancellationToken cancellationToken)
    {
        if (await FindAsync(demo.Email, cancellationToken) is { } existing)
        {
            return (existing, null);
        }

        // 96 random bits, 16 characters: within the 12–128 the server accepts, easy to copy.
        var password = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
        var (user, _) = await accounts.CreateAsync(demo.Email, password, demo.Role, partyId, demo.DisplayName, UserStatus.Active, "demo", cancellationToken);
        if (user is not null)
        {
            return (user, password);
        }

        // Another host of the database created it a moment ago: theirs is printed there.
        return (await FindAsync(demo.Email, cancellationToken) ?? throw new InvalidOperationException($"demo user {demo.Email} could neither be created nor found"), null);
    }

    private async Task<UserAccount?> FindAsync(string email, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
    }
}

using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.FirstRun;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Security;

namespace Sleek.Workflows.Host.Tests.FirstRun;

/// <summary>
/// <c>POST /api/setup/admin</c> as careless and malicious callers use it: a forged, an expired and a spent token
/// are refused with words a person can act on, bad fields are named, setups racing with one link and with several
/// create one admin, and every attempt is audited without the token. Links are issued the way the host issues
/// them at start-up (<see cref="SetupTokens.IssueAsync"/>); each provider's class gets a fresh database.
/// </summary>
public abstract class SetupScenario(TestDatabase database)
{
    private const string Password = "setup-password-12345";

    private static readonly Dictionary<string, string> NoBootstrapToken = new()
    {
        ["Auth:BootstrapToken"] = "",
        ["RateLimits:BootstrapPerIpPerHour"] = "1000",
    };

    [Fact]
    public async Task Forged_expired_and_spent_links_are_refused_and_racing_setups_create_one_admin()
    {
        await using var kit = new SecurityKit(database, NoBootstrapToken);
        using var anonymous = kit.Anonymous("198.51.100.7");
        var tokens = kit.Service<SetupTokens>();

        var status = await SleekApi.ExpectAsync(await anonymous.GetAsync(new Uri("/api/setup/status", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(status["setupNeeded"]!.GetValue<bool>());
        Assert.Equal("setup_link", status["method"]!.GetValue<string>());
        // The host issued one at start-up (its line goes to the console), stored as a hash only.
        var stored = await StoredAsync(kit);
        Assert.NotEmpty(stored);
        Assert.All(stored, t => Assert.Matches("^[0-9a-f]{64}$", t.Hash));

        // Careless: no token, a bad e-mail, a short password, a name too long; every field named, nothing used up.
        var good = await tokens.IssueAsync("test", CancellationToken.None);
        using (var bad = await anonymous.PostAsJsonAsync("/api/setup/admin", new { email = "not-an-email", password = "short", name = new string('n', 101) }))
        {
            await SleekApi.ExpectProblemAsync(bad, HttpStatusCode.BadRequest, "token", "email", "password", "name");
        }

        using (var bad = await anonymous.PostAsJsonAsync("/api/setup/admin", new { token = good, email = "admin@example.com", password = new string('p', 129) }))
        {
            await SleekApi.ExpectProblemAsync(bad, HttpStatusCode.BadRequest, "password");
        }

        // Forged: 256 random bits of the right shape, a truncated real token, and one far too long.
        foreach (var forged in new[] { Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), good[..20], new string('A', 5000) })
        {
            using var refused = await anonymous.PostAsJsonAsync("/api/setup/admin", new { token = forged, email = "mallory@example.com", password = Password });
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Equal("Setup link refused", problem["title"]!.GetValue<string>());
            Assert.Contains("not valid", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // Expired: a link whose hour has passed.
        var expired = await tokens.IssueAsync("test", CancellationToken.None);
        await ExpireAllButAsync(kit, good);
        using (var refused = await anonymous.PostAsJsonAsync("/api/setup/admin", new { token = expired, email = "late@example.com", password = Password }))
        {
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Contains("expired", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("Restart the host", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // A buyer registered before any admin: the admin cannot take that e-mail, and the link stays usable.
        using (var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email = "early-buyer@example.com", password = Password, role = "buyer" }))
        {
            await SleekApi.ExpectAsync(registered, HttpStatusCode.Created);
        }

        using (var taken = await anonymous.PostAsJsonAsync("/api/setup/admin", new { token = good, email = "early-buyer@example.com", password = Password }))
        {
            await SleekApi.ExpectProblemAsync(taken, HttpStatusCode.Conflict, "email");
        }

        // Racing: the good link sent six times and five other fresh links once each, all at once: one admin.
        var others = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            others.Add(await tokens.IssueAsync("test", CancellationToken.None));
        }

        var attempts = Enumerable.Repeat(good, 6).Concat(others).Select((token, i) => (token, email: $"admin-{i}@example.com")).ToList();
        using var go = new SemaphoreSlim(0);
        var racing = attempts.Select(async attempt =>
        {
            using var client = kit.Anonymous("198.51.100.8");
            await go.WaitAsync();
            using var response = await client.PostAsJsonAsync("/api/setup/admin", new { attempt.token, attempt.email, password = Password, name = "First Admin" });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        go.Release(racing.Count);
        var answers = await Task.WhenAll(racing);
        var describe = string.Join("\n", answers.Select(a => $"{(int)a.StatusCode} {a.Body}"));
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.Created) == 1, describe);
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.Conflict) == attempts.Count - 1, describe);

        // Spent: the winning link again, and any other link, are told setup is done.
        using (var spent = await anonymous.PostAsJsonAsync("/api/setup/admin", new { token = good, email = "again@example.com", password = Password }))
        {
            var problem = await SleekApi.ExpectProblemAsync(spent, HttpStatusCode.Conflict);
            Assert.StartsWith("Setup is done", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        status = await SleekApi.ExpectAsync(await anonymous.GetAsync(new Uri("/api/setup/status", UriKind.Relative)), HttpStatusCode.OK);
        Assert.False(status["setupNeeded"]!.GetValue<bool>());
        Assert.Null(status["method"]);

        await using (var db = kit.Service<SecurityDb>().CreateContext())
        {
            var admin = Assert.Single(await db.Users.Where(u => u.Role == "admin").ToListAsync());
            Assert.Equal("First Admin", admin.DisplayName);
            Assert.Equal("setup", admin.CreatedBy);
            Assert.Single(await db.SetupTokens.Where(t => t.UsedAt != null).ToListAsync());
        }

        // The audit log is written behind the requests: wait for every entry.
        var refusals = 3 + 1 + 1 + (attempts.Count - 1) + 1;
        var audit = await Eventually.UntilAsync(
            async () =>
            {
                await using var db = kit.Service<SecurityDb>().CreateContext();
                return await db.AuditLog.AsNoTracking().Where(e => e.Action.StartsWith("auth.setup")).ToListAsync();
            },
            entries => entries.Count >= refusals + 1,
            "the setup attempts in the audit log",
            entries => string.Join("\n", entries.Select(e => $"{e.Action} {e.Target} {e.Details}")));
        Assert.Single(audit, e => e.Action == "auth.setup_admin" && e.Target!.StartsWith("admin-", StringComparison.Ordinal));
        Assert.Equal(refusals, audit.Count(e => e.Action == "auth.setup_refused"));
        var everything = string.Join("\n", audit.Select(e => $"{e.Target} {e.Details}"));
        Assert.DoesNotContain(good, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(expired, everything, StringComparison.Ordinal);
    }

    private static async Task<List<Identity.SetupToken>> StoredAsync(SecurityKit kit)
    {
        await using var db = kit.Service<SecurityDb>().CreateContext();
        return await db.SetupTokens.AsNoTracking().ToListAsync();
    }

    /// <summary>Moves every link but <paramref name="keep"/> an hour and a minute into the past, as if that time had gone by.</summary>
    private static async Task ExpireAllButAsync(SecurityKit kit, string keep)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(keep)));
        var past = DateTime.UtcNow.AddMinutes(-61);
        await using var db = kit.Service<SecurityDb>().CreateContext();
        await db.WriteAsync(ct => db.SetupTokens.Where(t => t.Hash != hash).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, past.AddHours(-1)).SetProperty(t => t.ExpiresAt, past), ct), CancellationToken.None);
    }
}

public sealed class SetupOnPostgres(PostgresDatabase database) : SetupScenario(database), IClassFixture<PostgresDatabase>;

public sealed class SetupOnSqlite(SqliteDatabase database) : SetupScenario(database), IClassFixture<SqliteDatabase>;

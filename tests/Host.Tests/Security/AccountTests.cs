using System.Net;
using System.Net.Http.Json;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Registration, sign-in, lockout and supplier approval.</summary>
public sealed class AccountTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_are_audited()
    {
        await using var kit = new SecurityKit(database);
        var (_, _, email) = await kit.UserAsync("ops");
        using var client = kit.Anonymous("10.1.0.1");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-123" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await client.PostAsJsonAsync("/api/auth/login", new { email, password = SecurityKit.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        using var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "whatever-123456" });
        var lockedProblem = await SleekApi.ExpectProblemAsync(locked, HttpStatusCode.Unauthorized);
        var unknownProblem = await SleekApi.ExpectProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(unknownProblem["detail"]!.GetValue<string>(), lockedProblem["detail"]!.GetValue<string>());

        Assert.Single(await kit.AuditAsync($"action=auth.lockout&target={Uri.EscapeDataString(email)}"));
        var failures = await kit.AuditAsync("action=auth.login_failed&outcome=denied&pageSize=100");
        Assert.True(failures.Count(f => f!["target"]?.GetValue<string>() == email) >= 5);
        Assert.All(failures.Where(f => f!["target"]?.GetValue<string>() == email), f => Assert.Equal("10.1.0.1", f!["ip"]!.GetValue<string>()));

        var users = (await SleekApi.ExpectAsync(await kit.Admin.GetAsync(new Uri("/api/users?role=ops", UriKind.Relative)), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.NotNull(users.Single(u => u!["email"]!.GetValue<string>() == email)!["lockedUntil"]);
    }

    [Fact]
    public async Task A_self_registered_supplier_cannot_sign_in_until_an_admin_links_it_to_a_supplier()
    {
        await using var kit = new SecurityKit(database);
        var email = $"factory-{Guid.NewGuid():N}@example.com";
        using var client = kit.Anonymous("10.1.0.2");
        var created = await SleekApi.ExpectAsync(await client.PostAsJsonAsync("/api/auth/register", new { email, password = SecurityKit.Password, role = "supplier" }), HttpStatusCode.Created);
        Assert.Equal("pending", created["status"]!.GetValue<string>());
        Assert.Null(created["passwordHash"]);
        using (var pending = await client.PostAsJsonAsync("/api/auth/login", new { email, password = SecurityKit.Password }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, pending.StatusCode);
        }

        using (var admin = await client.PostAsJsonAsync("/api/auth/register", new { email = "x" + email, password = SecurityKit.Password, role = "admin" }))
        {
            await SleekApi.ExpectProblemAsync(admin, HttpStatusCode.BadRequest, "role");
        }

        using (var again = await client.PostAsJsonAsync("/api/auth/register", new { email, password = SecurityKit.Password, role = "buyer" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var supplier = (await kit.SupplierIdsAsync())[2].ToString();
        var id = created["id"]!.GetValue<string>();
        using (var noParty = await kit.Admin.PostAsJsonAsync($"/api/users/{id}/approve", new { partyId = Guid.NewGuid().ToString() }))
        {
            await SleekApi.ExpectProblemAsync(noParty, HttpStatusCode.BadRequest, "partyId");
        }

        await SleekApi.ExpectAsync(await kit.Admin.PostAsJsonAsync($"/api/users/{id}/approve", new { partyId = supplier }), HttpStatusCode.OK);
        var token = await TestAuth.LoginAsync(client, email, SecurityKit.Password);
        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task Weak_passwords_and_bad_emails_are_refused_naming_the_field()
    {
        await using var kit = new SecurityKit(database);
        using var client = kit.Anonymous("10.1.0.3");
        using var bad = await client.PostAsJsonAsync("/api/auth/register", new { email = "not an email", password = "short", role = "buyer" });
        await SleekApi.ExpectProblemAsync(bad, HttpStatusCode.BadRequest, "email", "password");
        using var partyless = await kit.Admin.PostAsJsonAsync("/api/users", new { email = "s@example.com", password = SecurityKit.Password, role = "supplier" });
        await SleekApi.ExpectProblemAsync(partyless, HttpStatusCode.BadRequest, "partyId");
    }
}

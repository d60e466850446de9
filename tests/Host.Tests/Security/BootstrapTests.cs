using System.Net;
using System.Net.Http.Json;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>The first admin: constant-time token check, 3 tries per IP per hour, closed once an admin exists, all audited.</summary>
public sealed class BootstrapTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Guessing_the_bootstrap_token_is_refused_three_times_then_rate_limited_per_ip()
    {
        await using var kit = new SecurityKit(database);
        _ = kit.Admin; // the admin exists from here on
        using var attacker = kit.Anonymous("203.0.113.9");
        for (var i = 0; i < 3; i++)
        {
            using var guess = await attacker.PostAsJsonAsync("/api/auth/bootstrap-admin", new { token = $"guess-{i}", email = "evil@example.com", password = "evil-password-123" });
            Assert.Equal(HttpStatusCode.Forbidden, guess.StatusCode);
            Assert.Equal("3", guess.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal((2 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), guess.Headers.GetValues("X-RateLimit-Remaining").Single());
        }

        // The fourth try is refused before the token is even compared, even with the right token.
        using var limited = await attacker.PostAsJsonAsync("/api/auth/bootstrap-admin", new { token = TestAuth.BootstrapToken, email = "evil@example.com", password = "evil-password-123" });
        await SleekApi.ExpectProblemAsync(limited, HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter.TotalSeconds, 1, 3600);
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.InRange(int.Parse(limited.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);

        // Another IP has its own tries; the admin exists already (the kit bootstrapped it), so the right token gets 409.
        using var other = kit.Anonymous("203.0.113.10");
        using var closed = await other.PostAsJsonAsync("/api/auth/bootstrap-admin", new { token = TestAuth.BootstrapToken, email = "second@example.com", password = "second-password-123" });
        await SleekApi.ExpectProblemAsync(closed, HttpStatusCode.Conflict);

        var refused = new System.Text.Json.Nodes.JsonArray([.. (await kit.AuditAsync("action=auth.bootstrap_refused&pageSize=100"))
            .Where(e => e!["ip"]!.GetValue<string>().StartsWith("203.0.113.", StringComparison.Ordinal) && e["ip"]!.GetValue<string>() != "203.0.113.20")
            .Select(e => e!.DeepClone())]);
        Assert.Equal(4, refused.Count);
        Assert.Equal(3, refused.Count(e => e!["ip"]!.GetValue<string>() == "203.0.113.9"));
        Assert.DoesNotContain(TestAuth.BootstrapToken, refused.ToJsonString(), StringComparison.Ordinal);
        var limitedEntries = await kit.AuditAsync("action=ratelimit.hit");
        Assert.Contains(limitedEntries, e => e!["target"]!.GetValue<string>() == "bootstrap:ip:203.0.113.9");
    }

    [Fact]
    public async Task Without_a_configured_token_bootstrap_refuses()
    {
        await using var kit = new SecurityKit(database, new Dictionary<string, string> { ["Auth:BootstrapToken"] = "" });
        using var client = kit.Anonymous("203.0.113.20");
        using var response = await client.PostAsJsonAsync("/api/auth/bootstrap-admin", new { token = "", email = "a@example.com", password = "some-password-123" });
        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden);
    }
}

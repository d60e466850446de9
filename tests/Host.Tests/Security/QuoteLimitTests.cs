using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Marketplace;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>docs/domain.md's quote limits, per partition: 3 per anonymous session, 15 per IP (anonymous, and new self-registered accounts), 20 per signed-in user, each a day, with headers.</summary>
public sealed class QuoteLimitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly object Request = new { productType = "t_shirt", quantity = 150, complexity = "medium", email = "buyer@example.com" };

    [Fact]
    public async Task An_anonymous_session_gets_3_quotes_a_day_then_429_and_a_new_session_goes_on_under_the_ip_limit()
    {
        await using var kit = Kit();
        using var session = kit.Anonymous("198.51.100.1");
        string? issued = null;
        for (var i = 1; i <= 3; i++)
        {
            using var response = await session.PostAsJsonAsync("/api/quotes", Request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("3", Header(response, "X-RateLimit-Limit"));
            Assert.Equal((3 - i).ToString(CultureInfo.InvariantCulture), Header(response, "X-RateLimit-Remaining"));
            if (i == 1)
            {
                issued = Header(response, "X-Sleek-Session");
                Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sleek_session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                Assert.False(response.Headers.Contains("X-Sleek-Session"), "the cookie kept the session: no new one");
            }
        }

        using var refused = await session.PostAsJsonAsync("/api/quotes", Request);
        await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 86400);
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
        Assert.InRange(long.Parse(Header(refused, "X-RateLimit-Reset"), CultureInfo.InvariantCulture), 1, 86400);

        // The same session id sent as a header (a client without cookies) is the same partition.
        using var headerOnly = kit.Anonymous("198.51.100.1");
        headerOnly.DefaultRequestHeaders.Add("X-Sleek-Session", issued);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await headerOnly.PostAsJsonAsync("/api/quotes", Request)).StatusCode);

        // A made-up session id is not honoured: the server issues its own.
        using var forged = kit.Anonymous("198.51.100.1");
        forged.DefaultRequestHeaders.Add("X-Sleek-Session", "made-up.AAAAAAAAAAAAAAAAAAAAAA");
        using var fresh = await forged.PostAsJsonAsync("/api/quotes", Request);
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        Assert.NotEqual("made-up.AAAAAAAAAAAAAAAAAAAAAA", Header(fresh, "X-Sleek-Session"));
        Assert.Contains(await kit.AuditAsync("action=ratelimit.hit"), e => e!["target"]!.GetValue<string>().StartsWith("quotes:session:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_ip_gets_15_anonymous_quotes_a_day_however_many_sessions_it_opens()
    {
        await using var kit = Kit();
        for (var i = 1; i <= 15; i++)
        {
            using var client = kit.Anonymous("198.51.100.2");
            using var response = await client.PostAsJsonAsync("/api/quotes", Request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using var sixteenth = kit.Anonymous("198.51.100.2");
        using var refused = await sixteenth.PostAsJsonAsync("/api/quotes", Request);
        await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("15", Header(refused, "X-RateLimit-Limit"));
        Assert.NotNull(refused.Headers.RetryAfter);

        // Another IP is not affected.
        using var other = kit.Anonymous("198.51.100.3");
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/quotes", Request)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_buyer_gets_20_quotes_a_day_then_429()
    {
        await using var kit = Kit();
        // An account an admin made: not a new self-registered one, which also shares its IP's budget (below).
        var (buyer, _, _) = await kit.UserAsync("buyer", byAdmin: true);
        buyer.DefaultRequestHeaders.Add(TestClientIp.Header, "198.51.100.4");
        for (var i = 1; i <= 20; i++)
        {
            using var response = await buyer.PostAsJsonAsync("/api/quotes", Request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("20", Header(response, "X-RateLimit-Limit"));
            Assert.Equal((20 - i).ToString(CultureInfo.InvariantCulture), Header(response, "X-RateLimit-Remaining"));
        }

        using var refused = await buyer.PostAsJsonAsync("/api/quotes", Request);
        await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("20", Header(refused, "X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Registering_new_accounts_does_not_multiply_an_ip_s_anonymous_budget()
    {
        await using var kit = Kit();
        const string ip = "198.51.100.5";
        // 10 of the IP's 15 spent anonymously (over four sessions, each within its 3).
        for (var i = 0; i < 10; i++)
        {
            using var anonymous = kit.Anonymous(ip);
            Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/quotes", Request)).StatusCode);
        }

        // Two accounts registered from there: together they get the IP's remaining 5, not 20 each.
        var (first, _, _) = await kit.UserAsync("buyer");
        var (second, _, _) = await kit.UserAsync("buyer");
        first.DefaultRequestHeaders.Add(TestClientIp.Header, ip);
        second.DefaultRequestHeaders.Add(TestClientIp.Header, ip);
        for (var i = 0; i < 5; i++)
        {
            using var response = await (i % 2 == 0 ? first : second).PostAsJsonAsync("/api/quotes", Request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        foreach (var account in new[] { first, second })
        {
            using var refused = await account.PostAsJsonAsync("/api/quotes", Request);
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.Equal("15", Header(refused, "X-RateLimit-Limit"));
        }

        // Anonymous callers of that IP are out too; a buyer an admin made is not held by the IP.
        using (var anonymous = kit.Anonymous(ip))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.PostAsJsonAsync("/api/quotes", Request)).StatusCode);
        }

        var (vetted, _, _) = await kit.UserAsync("buyer", byAdmin: true);
        vetted.DefaultRequestHeaders.Add(TestClientIp.Header, ip);
        Assert.Equal(HttpStatusCode.Created, (await vetted.PostAsJsonAsync("/api/quotes", Request)).StatusCode);
    }

    /// <summary>docs/domain.md's figures, set explicitly (the test infrastructure raises the per-user one for its shared admin).</summary>
    private static readonly Dictionary<string, string> DomainLimits = new()
    {
        ["RateLimits:QuotesPerIpPerDay"] = "15",
        ["RateLimits:QuotesPerSessionPerDay"] = "3",
        ["RateLimits:QuotesPerUserPerDay"] = "20",
    };

    private SecurityKit Kit() => new(database, DomainLimits, folder => folder.With(SpineDefinitions.MiniSpine()));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no {name} header on {(int)response.StatusCode}");
}

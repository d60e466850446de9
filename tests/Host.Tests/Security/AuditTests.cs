using System.Net;
using System.Net.Http.Json;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>The audit log: staff mutations and security events are recorded with who, what, target, outcome and IP; admins search it.</summary>
public sealed class AuditTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Staff_mutations_and_forbidden_calls_are_recorded_and_searchable_by_admins_only()
    {
        await using var kit = new SecurityKit(database);
        var (ops, opsId, opsEmail) = await kit.UserAsync("ops");
        var (buyer, buyerId, _) = await kit.UserAsync("buyer");
        ops.DefaultRequestHeaders.Add(TestClientIp.Header, "192.0.2.44");

        using (var created = await ops.PostAsync(new Uri("/api/workflows", UriKind.Relative), new StringContent(TestDefinitions.Logging("audited-wf", "hi").ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var invalid = await ops.PostAsJsonAsync("/api/instances", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        using (var forbidden = await ops.GetAsync(new Uri("/api/audit", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        // A buyer's own request is no staff mutation; its forbidden call is a security event.
        using (var buyerForbidden = await buyer.PostAsJsonAsync("/api/workflows", new { }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, buyerForbidden.StatusCode);
        }

        var mine = await kit.AuditAsync($"actor={opsId}&pageSize=100");
        var publish = Assert.Single(mine, e => e!["action"]!.GetValue<string>() == "POST /api/workflows")!;
        Assert.Equal("success", publish["outcome"]!.GetValue<string>());
        Assert.Equal("ops", publish["role"]!.GetValue<string>());
        Assert.Equal(opsEmail, publish["actorName"]!.GetValue<string>());
        Assert.Equal("192.0.2.44", publish["ip"]!.GetValue<string>());
        Assert.Equal(201, publish["statusCode"]!.GetValue<int>());
        var failed = Assert.Single(mine, e => e!["action"]!.GetValue<string>() == "POST /api/instances")!;
        Assert.Equal("failure", failed["outcome"]!.GetValue<string>());
        Assert.Contains(mine, e => e!["action"]!.GetValue<string>() == "access.forbidden" && e["target"]!.GetValue<string>() == "GET /api/audit");
        Assert.Contains(await kit.AuditAsync($"actor={buyerId}"), e => e!["action"]!.GetValue<string>() == "access.forbidden");
        Assert.DoesNotContain(await kit.AuditAsync($"actor={buyerId}"), e => e!["action"]!.GetValue<string>().StartsWith("POST", StringComparison.Ordinal));

        // Filters and paging.
        Assert.All(await kit.AuditAsync("outcome=denied&pageSize=100"), e => Assert.Equal("denied", e!["outcome"]!.GetValue<string>()));
        Assert.Empty(await kit.AuditAsync($"actor={opsId}&from={Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(5).ToString("O"))}"));
        Assert.Equal(mine.Count, (await kit.AuditAsync($"actor={opsId}&to={Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(5).ToString("O"))}&pageSize=100")).Count);
        using var paged = await kit.Admin.GetAsync(new Uri($"/api/audit?actor={opsId}&page=2&pageSize=1", UriKind.Relative));
        var page = await SleekApi.ExpectAsync(paged, HttpStatusCode.OK);
        Assert.Single(page["items"]!.AsArray());
        Assert.Equal(mine.Count, page["total"]!.GetValue<int>());
        using var bad = await kit.Admin.GetAsync(new Uri("/api/audit?outcome=maybe", UriKind.Relative));
        await SleekApi.ExpectProblemAsync(bad, HttpStatusCode.BadRequest, "outcome");
    }
}

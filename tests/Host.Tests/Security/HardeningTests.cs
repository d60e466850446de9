using System.Net;
using System.Text;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Security headers, CORS from configuration, body caps (workflow definitions larger), no internals in errors.</summary>
public sealed class HardeningTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly Dictionary<string, string> Settings = new() { ["Cors:Origins:0"] = "https://designer.example.com" };

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        await using var kit = new SecurityKit(database, Settings);
        foreach (var path in new[] { "/health", "/api/workflows", "/api/nothing-here", "/openapi/v1.json" })
        {
            using var response = await kit.Anonymous().GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cors_allows_only_configured_origins()
    {
        await using var kit = new SecurityKit(database, Settings);
        foreach (var (origin, allowed) in new[] { ("https://designer.example.com", true), ("https://evil.example.com", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/workflows");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            using var response = await kit.Anonymous().SendAsync(preflight);
            Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        }
    }

    [Fact]
    public async Task Bodies_over_256_KB_are_refused_except_workflow_definitions_up_to_2_MB()
    {
        await using var kit = new SecurityKit(database);
        var big = "{\"correlationId\":\"" + new string('x', 300 * 1024) + "\"}";
        using (var events = await kit.Admin.PostAsync(new Uri("/api/events/e", UriKind.Relative), new StringContent(big, Encoding.UTF8, "application/json")))
        {
            await SleekApi.ExpectProblemAsync(events, HttpStatusCode.RequestEntityTooLarge);
        }

        // 300 KB of definition is fine (it is refused for its content, not its size); 3 MB is not.
        var definition = TestDefinitions.Logging("big-wf", new string('y', 300 * 1024));
        using (var validate = await kit.Admin.PostAsync(new Uri("/api/workflows/validate", UriKind.Relative), new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        }

        var huge = TestDefinitions.Logging("huge-wf", new string('z', 3 * 1024 * 1024));
        using (var tooBig = await kit.Admin.PostAsync(new Uri("/api/workflows/validate", UriKind.Relative), new StringContent(huge.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            await SleekApi.ExpectProblemAsync(tooBig, HttpStatusCode.RequestEntityTooLarge);
        }
    }

    [Fact]
    public async Task Problems_never_carry_stack_traces_or_exception_types()
    {
        await using var kit = new SecurityKit(database);
        var bodies = new[] { "{", "{\"definitionId\": [1,2]}", "[" + new string('[', 200) + new string(']', 200) + "]", "\u0000" };
        foreach (var body in bodies)
        {
            using var response = await kit.Admin.PostAsync(new Uri("/api/instances", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, text);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Rate limits fail closed: when the counters cannot be read or written, limited endpoints answer 503, never let the request through.</summary>
public sealed class CounterStoreDownTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Limited_endpoints_answer_503_while_the_counter_table_is_gone_and_recover_after()
    {
        await using var kit = new SecurityKit(database, new Dictionary<string, string> { ["RateLimits:LoginPerIpPerMinute"] = "20" });
        _ = kit.Admin; // bootstraps the admin this test signs in as
        using var client = kit.Anonymous("198.51.100.7");
        var body = new { email = TestAuth.AdminEmail, password = TestAuth.AdminPassword };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", body)).StatusCode);

        await ExecuteAsync("ALTER TABLE rate_limit_counters RENAME TO rate_limit_counters_away");
        try
        {
            using var login = await client.PostAsJsonAsync("/api/auth/login", body);
            var problem = await SleekApi.ExpectProblemAsync(login, HttpStatusCode.ServiceUnavailable);
            Assert.DoesNotContain("rate_limit_counters", problem.ToJsonString(), StringComparison.Ordinal);
            Assert.False(login.Headers.Contains("X-RateLimit-Remaining"));
            using var bootstrap = await client.PostAsJsonAsync("/api/auth/bootstrap-admin", new { token = TestAuth.BootstrapToken, email = "x@example.com", password = "x-password-1234" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, bootstrap.StatusCode);

            // Endpoints without a limit do not depend on the counters.
            Assert.Equal(HttpStatusCode.OK, (await kit.Admin.GetAsync(new Uri("/api/users", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE rate_limit_counters_away RENAME TO rate_limit_counters");
        }

        using var recovered = await client.PostAsJsonAsync("/api/auth/login", body);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Contains(recovered.Headers.GetValues("X-RateLimit-Remaining").Single(), new[] { "18", "19" });
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

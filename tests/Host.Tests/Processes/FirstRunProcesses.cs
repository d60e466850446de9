using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// The first minute as a newcomer has it: a host process started with no Auth__* setting prints a one-time setup
/// link; the link creates the admin once; a restart prints none. Two hosts on one PostgreSQL each print their own
/// link, and setups racing on both create one admin.
/// </summary>
public sealed class FirstRunProcesses(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Password = "first-admin-password-1";
    private readonly List<HostProcess> _hosts = [];
    private readonly string _data = TempDirectory.Create("first-run");

    [Fact]
    public Task A_host_without_auth_settings_prints_a_setup_link_that_creates_the_admin_once_and_a_restart_prints_none() => WithHostOutputAsync(async () =>
    {
        // The embedded default (SQLite in the data folder), nothing of Auth__* set: `dotnet run` on a fresh clone.
        var host = await StartAsync("fresh", new() { ["Sleek__DataDirectory"] = _data });
        var (url, token) = await SetupLinkOutput.WaitForAsync(host);
        Assert.Equal($"{host.BaseAddress}setup#{token}", url);
        Assert.Equal(43, token.Length); // 256 bits, base64url
        Assert.Single(SetupLinkOutput.All(host.Output));
        Assert.Contains("The link works once, within 60 minutes; restart the host for a new one.", host.Output, StringComparison.Ordinal);

        var status = await SleekApi.ExpectAsync(await host.Client.GetAsync(new Uri("/api/setup/status", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(status["setupNeeded"]!.GetValue<bool>());
        Assert.Equal("setup_link", status["method"]!.GetValue<string>());

        using var created = await host.Client.PostAsJsonAsync("/api/setup/admin", new { token, name = "Ada Admin", email = "Ada@Example.com", password = Password });
        var signedIn = await SleekApi.ExpectAsync(created, HttpStatusCode.Created);
        Assert.Equal("admin", signedIn["role"]!.GetValue<string>());
        using var admin = new HttpClient { BaseAddress = host.BaseAddress };
        admin.As(signedIn["accessToken"]!.GetValue<string>());

        // Only the admin exists: without --demo nothing else is made.
        var users = (await SleekApi.ExpectAsync(await admin.GetAsync(new Uri("/api/users", UriKind.Relative)), HttpStatusCode.OK))["items"]!.AsArray();
        var user = Assert.Single(users)!;
        Assert.Equal("ada@example.com", user["email"]!.GetValue<string>());
        Assert.Equal("Ada Admin", user["displayName"]!.GetValue<string>());
        Assert.Equal(0, (await SleekApi.ExpectAsync(await admin.GetAsync(new Uri("/api/orders", UriKind.Relative)), HttpStatusCode.OK))["total"]!.GetValue<int>());

        // The link is spent: setup answers that it is done, with the current status.
        using var again = await host.Client.PostAsJsonAsync("/api/setup/admin", new { token, email = "mallory@example.com", password = Password });
        var done = await SleekApi.ExpectProblemAsync(again, HttpStatusCode.Conflict);
        Assert.StartsWith("Setup is done", done["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(done["current"]!["setupNeeded"]!.GetValue<bool>());
        status = await SleekApi.ExpectAsync(await host.Client.GetAsync(new Uri("/api/setup/status", UriKind.Relative)), HttpStatusCode.OK);
        Assert.False(status["setupNeeded"]!.GetValue<bool>());

        // The token went to the console once and nowhere else (the request log has the path, never the body).
        Assert.Equal(1, Occurrences(host.Output, token));

        // A restart on the same data: an admin exists, so no link.
        host.Kill();
        var restarted = await StartAsync("restarted", new() { ["Sleek__DataDirectory"] = _data });
        await Eventually.UntilAsync(() => Task.FromResult(restarted.Output), o => o.Contains("Application started", StringComparison.Ordinal), "the restarted host to finish starting", _ => restarted.Describe());
        Assert.DoesNotContain("No admin yet", restarted.Output, StringComparison.Ordinal);
    });

    [Fact]
    public Task Two_hosts_on_one_database_each_print_a_link_and_setups_racing_on_both_create_one_admin() => WithHostOutputAsync(async () =>
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Sleek"] = database.ConnectionString, ["RateLimits__BootstrapPerIpPerHour"] = "100" };
        var a = StartNotWaiting("A", environment);
        var b = StartNotWaiting("B", environment);
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());
        var linkA = await SetupLinkOutput.WaitForAsync(a);
        var linkB = await SetupLinkOutput.WaitForAsync(b);
        Assert.NotEqual(linkA.Token, linkB.Token);
        Assert.StartsWith(a.BaseAddress.ToString(), linkA.Url, StringComparison.Ordinal);
        Assert.StartsWith(b.BaseAddress.ToString(), linkB.Url, StringComparison.Ordinal);

        // Each link sent to both hosts at once, each with another e-mail: four setups racing.
        using var go = new SemaphoreSlim(0);
        var attempts = new[] { (a, linkA.Token, "a1"), (b, linkA.Token, "a2"), (a, linkB.Token, "b1"), (b, linkB.Token, "b2") }.Select(async attempt =>
        {
            var (host, token, who) = attempt;
            await go.WaitAsync();
            using var response = await host.Client.PostAsJsonAsync("/api/setup/admin", new { token, email = $"admin-{who}@example.com", password = Password });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        go.Release(attempts.Count);
        var answers = await Task.WhenAll(attempts);

        Assert.True(answers.Count(x => x.StatusCode == HttpStatusCode.Created) == 1, string.Join("\n", answers.Select(x => $"{(int)x.StatusCode} {x.Body}")));
        Assert.All(answers.Where(x => x.StatusCode != HttpStatusCode.Created), x => Assert.Equal(HttpStatusCode.Conflict, x.StatusCode));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM users WHERE role = 'admin'"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM users"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM setup_tokens WHERE used_at IS NOT NULL"));
        // Audit entries are written behind the requests.
        await Eventually.UntilAsync(
            async () => (await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'auth.setup_admin'"), await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'auth.setup_refused'")),
            counts => counts == (1L, 3L),
            "one auth.setup_admin and three auth.setup_refused entries");
    });

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        TempDirectory.Delete(_data);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private async Task<HostProcess> StartAsync(string name, Dictionary<string, string?> environment)
    {
        var host = StartNotWaiting(name, environment);
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>No Auth__* setting at all: the hosts generate their signing keys and print setup links.</summary>
    private HostProcess StartNotWaiting(string name, Dictionary<string, string?> environment)
    {
        environment["Sleek__Workers"] = "1";
        var host = HostProcess.Start(name, environment);
        _hosts.Add(host);
        return host;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task WithHostOutputAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception ex)
        {
            throw new XunitException($"{ex}\n\n{string.Join("\n\n", _hosts.Select(h => h.Describe()))}");
        }
    }
}

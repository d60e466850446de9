using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Xunit.Sdk;

namespace Sleek.Workflows.Host.Tests.Processes;

/// <summary>
/// <c>--demo</c> on the embedded default, as a newcomer tries it: one user per role with a printed password, each
/// signing in to real work made by the quote-to-delivery workflow; a restart makes and prints nothing new; and
/// Production refuses the switch before anything is created.
/// </summary>
public sealed partial class DemoModeProcesses : IDisposable
{
    private const string ReadyLine = "Demo mode: 6 demo requests made now, 0 kept from before";
    private readonly List<HostProcess> _hosts = [];
    private readonly string _data = TempDirectory.Create("demo");

    [Fact]
    public Task Demo_mode_makes_each_roles_user_once_and_each_signs_in_to_their_own_work() => WithHostOutputAsync(async () =>
    {
        var host = await StartAsync("demo");
        await WaitForLineAsync(host, ReadyLine);
        var users = DemoUsers(host.Output);
        Assert.Equal(["buyer", "factory", "ops", "rule_author", "supplier"], users.Keys.Order(StringComparer.Ordinal));
        Assert.Contains($"Demo mode: sign in at {host.BaseAddress}sign-in as any of these users", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo mode stopped", host.Output, StringComparison.Ordinal);
        // The admin still comes from setup: the link is printed, and no demo user is an admin.
        Assert.Single(SetupLinkOutput.All(host.Output));

        var buyer = await SignInAsync(host, users["buyer"]);
        var ops = await SignInAsync(host, users["ops"]);
        var supplier = await SignInAsync(host, users["supplier"]);
        var factory = await SignInAsync(host, users["factory"]);
        var ruleAuthor = await SignInAsync(host, users["rule_author"]);

        // Ops see every demo order, at five different stages, and the deposit to confirm.
        var statuses = (await ItemsAsync(ops, "/api/orders")).Select(o => o!["status"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["awaiting_payment", "bulk_production", "completed", "sample_requested", "sample_submitted"], statuses);
        Assert.Contains(await ItemsAsync(ops, "/api/tasks"), t => t!["title"]!.GetValue<string>().StartsWith("Confirm payment of", StringComparison.Ordinal));

        // The buyer's own orders, and the sample waiting for their approval.
        Assert.Equal(5, (await ItemsAsync(buyer, "/api/orders")).Count);
        AssertOnlyTask(await ItemsAsync(buyer, "/api/tasks"), "Approve the sample for order ORD-");

        // Supplier and factory staff: the orders assigned to their supplier, and a task each.
        var assigned = await ItemsAsync(supplier, "/api/orders");
        Assert.Equal(4, assigned.Count);
        Assert.Equal(assigned.Select(o => o!["id"]!.GetValue<string>()).Order(), (await ItemsAsync(factory, "/api/orders")).Select(o => o!["id"]!.GetValue<string>()).Order());
        AssertOnlyTask(await ItemsAsync(supplier, "/api/tasks"), "Send a sample for order ORD-");
        AssertOnlyTask(await ItemsAsync(factory, "/api/tasks"), "Complete Order Confirmation for order ORD-");

        // The rule author: the rule sets, and no order of anyone's.
        var rules = await SleekApi.ExpectAsync(await ruleAuthor.GetAsync(new Uri("/api/rules", UriKind.Relative)), HttpStatusCode.OK);
        Assert.NotEmpty(rules.AsArray());
        Assert.Empty(await ItemsAsync(ruleAuthor, "/api/orders"));

        // A restart with --demo again: everything is found, nothing is made or printed anew.
        host.Kill();
        var again = await StartAsync("demo-again");
        await WaitForLineAsync(again, "Demo mode: 0 demo requests made now, 6 kept from before");
        await WaitForLineAsync(again, "Demo mode: the demo users exist already");
        Assert.Empty(DemoUsers(again.Output));
        var opsAgain = await SignInAsync(again, users["ops"]);
        Assert.Equal(5, (await ItemsAsync(opsAgain, "/api/orders")).Count);
        using var setup = await again.Client.PostAsJsonAsync("/api/setup/admin", new { token = SetupLinkOutput.All(again.Output).Single().Token, email = "admin@example.com", password = "demo-admin-password" });
        using var admin = new HttpClient { BaseAddress = again.BaseAddress };
        admin.As((await SleekApi.ExpectAsync(setup, HttpStatusCode.Created))["accessToken"]!.GetValue<string>());
        var accounts = (await ItemsAsync(admin, "/api/users?pageSize=100")).Select(u => u!["email"]!.GetValue<string>()).ToList();
        Assert.Equal(6, accounts.Count);
        Assert.Equal(5, accounts.Count(e => e.EndsWith("@sleek-demo.example", StringComparison.Ordinal)));
    });

    [Fact]
    public async Task Demo_mode_is_refused_in_Production_before_anything_is_made()
    {
        var host = HostProcess.Start("demo-production", new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Sleek__DataDirectory"] = _data,
            ["Sleek__Demo"] = "true",
        });
        _hosts.Add(host);
        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("Demo mode (--demo or Sleek__Demo=true) is refused when ASPNETCORE_ENVIRONMENT=Production", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", host.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "sleek.db")), "the refused host made a database");
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        TempDirectory.Delete(_data);
    }

    /// <summary>"Demo user {role}: {email} {password}" lines → role → (email, password).</summary>
    private static Dictionary<string, (string Email, string Password)> DemoUsers(string output) =>
        DemoUserLine().Matches(output).ToDictionary(m => m.Groups["role"].Value, m => (m.Groups["email"].Value, m.Groups["password"].Value));

    private static void AssertOnlyTask(JsonArray tasks, string titleStart)
    {
        var task = Assert.Single(tasks)!;
        Assert.StartsWith(titleStart, task["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient client, string path)
    {
        var page = await SleekApi.ExpectAsync(await client.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.OK);
        return page["items"]!.AsArray();
    }

    private static async Task<HttpClient> SignInAsync(HostProcess host, (string Email, string Password) user)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        return client.As(await TestAuth.LoginAsync(client, user.Email, user.Password));
    }

    private static async Task WaitForLineAsync(HostProcess host, string line)
    {
        var output = await Eventually.UntilAsync(
            () => Task.FromResult(host.Output),
            o => o.Contains(line, StringComparison.Ordinal) || o.Contains("Demo mode stopped", StringComparison.Ordinal) || host.HasExited,
            $"'{line}' from host {host.Name}",
            _ => host.Describe(),
            TimeSpan.FromMinutes(3));
        Assert.Contains(line, output, StringComparison.Ordinal);
    }

    /// <summary>As `dotnet run --project src/Host -- --demo` on a fresh clone: no environment name, the repository's workflows and rules.</summary>
    private async Task<HostProcess> StartAsync(string name)
    {
        var host = HostProcess.Start(
            name,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = null,
                ["Sleek__DataDirectory"] = _data,
                ["Sleek__WorkflowsDirectory"] = Path.Combine(SourceTree.Root, "workflows"),
                ["Sleek__RulesDirectory"] = Path.Combine(SourceTree.Root, "rules"),
            },
            arguments: ["--demo"]);
        _hosts.Add(host);
        await host.WaitUntilReadyAsync();
        return host;
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

    [GeneratedRegex(@"Demo user (?<role>[a-z_]+): (?<email>\S+@\S+) (?<password>\S+)")]
    private static partial Regex DemoUserLine();
}

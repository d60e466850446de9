using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

/// <summary>Editing rules: versions with author and time, rules that do not compile refused, bad requests named.</summary>
public abstract class RulesEditScenario(TestDatabase database) : HostScenario(database)
{
    private const string Path = "/api/rules/supplier-eligibility";

    [Fact]
    public async Task Put_of_a_broken_rule_is_refused_naming_the_rule_and_the_error_and_nothing_is_saved()
    {
        var api = StartHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        var before = await api.GetJsonAsync(Path);
        var versions = (await api.GetJsonAsync(Path + "/versions")).AsArray().Count;
        var broken = RuleFiles.Read("supplier-eligibility").Replace("input1.Supplier.ActiveOrders < input1.Supplier.Capacity", "input1.Supplier.ActiveOrders <", StringComparison.Ordinal);

        var problem = await SleekApi.ExpectProblemAsync(await api.PutRawAsync(Path, broken), HttpStatusCode.BadRequest, "SupplierEligibility/HasFreeCapacity");

        var error = problem["errors"]!["SupplierEligibility/HasFreeCapacity"]![0]!.GetValue<string>();
        Assert.Contains("Expression does not compile", error, StringComparison.Ordinal);
        Assert.Contains("HasFreeCapacity", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before["version"]!.GetValue<int>(), (await api.GetJsonAsync(Path))["version"]!.GetValue<int>());

        var unknownMember = RuleFiles.Read("supplier-eligibility").Replace("input1.Supplier.Moq", "input1.Supplier.MinimumQuantity", StringComparison.Ordinal);
        problem = await SleekApi.ExpectProblemAsync(await api.PutRawAsync(Path, unknownMember), HttpStatusCode.BadRequest, "SupplierEligibility/MeetsMinimumOrderQuantity");
        Assert.Contains("MinimumQuantity", problem["errors"]!["SupplierEligibility/MeetsMinimumOrderQuantity"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(versions, (await api.GetJsonAsync(Path + "/versions")).AsArray().Count);
    }

    [Fact]
    public async Task Put_of_a_valid_change_is_version_2_with_author_and_time_and_history_keeps_version_1()
    {
        var api = StartHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        var original = RuleFiles.Read("supplier-eligibility");
        var changed = original.Replace("input1.Order.Quantity >= input1.Supplier.Moq", "input1.Order.Quantity >= input1.Supplier.Moq * 2", StringComparison.Ordinal);
        var before = DateTime.UtcNow.AddSeconds(-1);
        var first = await api.GetJsonAsync(Path);
        Assert.Equal((1, "file"), (first["version"]!.GetValue<int>(), first["author"]!.GetValue<string>()));

        var saved = await SleekApi.ExpectAsync(await SendAsync(api, changed, author: "rita", ifMatch: "\"1\""), HttpStatusCode.Created);

        Assert.Equal(2, saved["version"]!.GetValue<int>());
        Assert.Equal(TestAuth.AdminEmail, saved["author"]!.GetValue<string>());
        Assert.InRange(saved["createdAt"]!.GetValue<DateTime>(), before, DateTime.UtcNow.AddSeconds(1));
        var latest = await api.GetJsonAsync(Path);
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.Contains("Moq * 2", latest["rules"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Moq * 2", (await api.GetJsonAsync(Path + "?version=1"))["rules"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([2, 1], (await api.GetJsonAsync(Path + "/versions")).AsArray().Select(v => v!["version"]!.GetValue<int>()));
        var listed = (await api.GetJsonAsync("/api/rules")).AsArray().Single(r => r!["name"]!.GetValue<string>() == "supplier-eligibility")!;
        Assert.Equal((2, TestAuth.AdminEmail, 5), (listed["version"]!.GetValue<int>(), listed["author"]!.GetValue<string>(), listed["ruleCount"]!.GetValue<int>()));

        // The same content again is no change; an edit of version 1 after version 2 exists is refused.
        Assert.Equal(2, (await SleekApi.ExpectAsync(await SendAsync(api, changed, author: "rita"), HttpStatusCode.OK))["version"]!.GetValue<int>());
        var conflict = await SleekApi.ExpectProblemAsync(await SendAsync(api, original, author: "sam", ifMatch: "\"1\""), HttpStatusCode.Conflict);
        Assert.Equal(2, conflict["current"]!["version"]!.GetValue<int>());
        // Without X-Author the author is still the signed-in user (saving rules needs one).
        var anonymous = await SleekApi.ExpectAsync(await SendAsync(api, original, author: null), HttpStatusCode.Created);
        Assert.Equal((3, TestAuth.AdminEmail), (anonymous["version"]!.GetValue<int>(), anonymous["author"]!.GetValue<string>()));
        await SleekApi.ExpectProblemAsync(await api.GetAsync(Path + "?version=9"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("PUT", Path, "", "body")]
    [InlineData("PUT", Path, "this is not json", "body")]
    [InlineData("POST", Path + "/preview", "   ", "body")]
    [InlineData("POST", Path + "/preview?limit=-1", "[]", "limit")]
    [InlineData("POST", Path + "/preview?limit=100000", "[]", "limit")]
    [InlineData("POST", Path + "/preview?limit=lots", "[]", "limit")]
    [InlineData("POST", Path + "/preview", "[]", "body")]
    public async Task Bad_input_is_a_problem_naming_the_field(string method, string path, string body, string field)
    {
        var api = StartHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        await SleekApi.ExpectProblemAsync(await api.Client.SendAsync(request), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_unknown_rule_set_is_404_listing_the_known_ones()
    {
        var api = StartHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        foreach (var response in new[] { await api.GetAsync("/api/rules/pricing"), await api.PutRawAsync("/api/rules/pricing", "[]"), await api.PostRawAsync("/api/rules/pricing/preview", "[]") })
        {
            var problem = await SleekApi.ExpectProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Contains("known rule sets: automation, supplier-eligibility, supplier-scoring, supplier-urgency", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_rules_file_changed_between_starts_is_a_new_version_a_broken_change_stops_start_up_and_an_unchanged_one_adds_nothing()
    {
        var rules = TempDirectory.Create("rules");
        try
        {
            var file = System.IO.Path.Combine(rules, "supplier-eligibility.json");
            var original = RuleFiles.Read("supplier-eligibility");
            File.WriteAllText(file, original);
            var settings = new Dictionary<string, string> { ["Sleek:RulesDirectory"] = rules };
            var folder = NewFolder();
            // The class's database is shared by its tests: versions count from whatever is stored when this one starts.
            var first = NewHost(folder, settings: settings);
            var api = new SleekApi(first.CreateClient());
            var start = (await api.GetJsonAsync(Path))["version"]!.GetValue<int>();
            var stored = (await api.GetJsonAsync(Path + "/versions")).AsArray().Count;
            await StopAsync(first);

            // Unchanged: nothing new. Changed: a new version from the file.
            var again = NewHost(folder, settings: settings);
            Assert.Equal(stored, (await new SleekApi(again.CreateClient()).GetJsonAsync(Path + "/versions")).AsArray().Count);
            await StopAsync(again);
            File.WriteAllText(file, original.Replace("input1.Order.Quantity >= input1.Supplier.Moq", "input1.Order.Quantity >= input1.Supplier.Moq * 3", StringComparison.Ordinal));
            var changed = NewHost(folder, settings: settings);
            var latest = await new SleekApi(changed.CreateClient()).GetJsonAsync(Path);
            Assert.Equal((start + 1, "file"), (latest["version"]!.GetValue<int>(), latest["author"]!.GetValue<string>()));
            await StopAsync(changed);

            // A careless edit that does not compile: start-up stops naming the rule, and nothing is stored.
            File.WriteAllText(file, original.Replace("input1.Supplier.ActiveOrders < input1.Supplier.Capacity", "input1.Supplier.ActiveOrders <", StringComparison.Ordinal));
            var broken = NewHost(folder, settings: settings);
            var error = await Record.ExceptionAsync(() => Task.Run(() => broken.CreateClient()));
            Assert.NotNull(error);
            Assert.Contains("HasFreeCapacity", error.ToString(), StringComparison.Ordinal);

            // Put back as it was: that is a change from the last imported version again.
            File.WriteAllText(file, original);
            var restored = NewHost(folder, settings: settings);
            var versions = (await new SleekApi(restored.CreateClient()).GetJsonAsync(Path + "/versions")).AsArray();
            Assert.Equal([start + 2, start + 1, start], versions.Take(3).Select(v => v!["version"]!.GetValue<int>()));
            Assert.DoesNotContain("Moq * 3", (await new SleekApi(restored.CreateClient()).GetJsonAsync(Path))["rules"]!.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.Delete(rules);
        }
    }

    private static Task<HttpResponseMessage> SendAsync(SleekApi api, string json, string? author, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (author is not null)
        {
            request.Headers.Add("X-Author", author);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return api.Client.SendAsync(request);
    }
}

public sealed class RulesEditOnPostgres(PostgresDatabase database) : RulesEditScenario(database), IClassFixture<PostgresDatabase>;

public sealed class RulesEditOnSqlite(SqliteDatabase database) : RulesEditScenario(database), IClassFixture<SqliteDatabase>;

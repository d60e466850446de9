using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

/// <summary>Previews of candidate rules over stored orders and quotes (this class never saves rules, so the current version is the file's).</summary>
public abstract class RulesPreviewScenario(TestDatabase database) : HostScenario(database)
{
    private const string Path = "/api/rules/supplier-eligibility";

    [Fact]
    public async Task Preview_of_a_raised_MOQ_shows_the_changed_assignment_and_hides_unchanged_orders_unless_all()
    {
        var host = NewHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        var api = new SleekApi(host.CreateClient());
        var small = await MarketplaceRecords.AddOrderAsync(host, "t_shirt", 150);
        var large = await MarketplaceRecords.AddOrderAsync(host, "t_shirt", 5000);
        var candidate = RuleFiles.Read("supplier-eligibility").Replace("input1.Order.Quantity >= input1.Supplier.Moq", "input1.Order.Quantity >= input1.Supplier.Moq * 2", StringComparison.Ordinal);

        var preview = await SleekApi.ExpectAsync(await api.PostRawAsync(Path + "/preview", candidate), HttpStatusCode.OK);

        Assert.Equal(1, preview["currentVersion"]!.GetValue<int>());
        Assert.All(preview["records"]!.AsArray(), r => Assert.True(r!["changed"]!.GetValue<bool>()));
        Assert.DoesNotContain(preview["records"]!.AsArray(), r => r!["id"]!.GetValue<string>() == large.Id.ToString());
        var record = Assert.Single(preview["records"]!.AsArray(), r => r!["id"]!.GetValue<string>() == small.Id.ToString())!;
        Assert.Equal(small.Number, record["number"]!.GetValue<string>());
        Assert.Equal(MarketplaceRecords.Lisbon.ToString(), record["old"]!["top"]!["supplierId"]!.GetValue<string>());
        Assert.NotEqual(MarketplaceRecords.Lisbon.ToString(), record["new"]!["top"]!["supplierId"]!.GetValue<string>());
        Assert.DoesNotContain(record["new"]!["candidates"]!.AsArray(), c => c!.GetValue<string>() == "Lisbon Knit Works");

        var all = await SleekApi.ExpectAsync(await api.PostRawAsync(Path + "/preview?all=true&limit=500", candidate), HttpStatusCode.OK);
        var records = all["records"]!.AsArray();
        Assert.Equal(all["examined"]!.GetValue<int>(), records.Count);
        var numbers = records.Select(r => r!["number"]!.GetValue<string>()).ToList();
        Assert.True(numbers.IndexOf(large.Number) < numbers.IndexOf(small.Number), "newest first");
        Assert.False(records.Single(r => r!["number"]!.GetValue<string>() == large.Number)!["changed"]!.GetValue<bool>());
        var one = await SleekApi.ExpectAsync(await api.PostRawAsync(Path + "/preview?all=true&limit=1", candidate), HttpStatusCode.OK);
        Assert.Equal(large.Number, Assert.Single(one["records"]!.AsArray())!["number"]!.GetValue<string>());
        Assert.Equal(1, (await api.GetJsonAsync(Path))["version"]!.GetValue<int>()); // a preview saves nothing
    }

    [Fact]
    public async Task Preview_of_automation_compares_actions_over_quotes()
    {
        var host = NewHost(NewFolder(), settings: MarketplaceRecords.RulesSettings);
        var api = new SleekApi(host.CreateClient());
        var big = await MarketplaceRecords.AddOrderAsync(host, "t_shirt", 1000); // quote total 8,000
        var candidate = RuleFiles.Read("automation").Replace("input1.QuoteTotal > 10000", "input1.QuoteTotal > 5000", StringComparison.Ordinal);

        var preview = await SleekApi.ExpectAsync(await api.PostRawAsync("/api/rules/automation/preview", candidate), HttpStatusCode.OK);

        Assert.Equal("quotes", preview["subject"]!.GetValue<string>());
        var record = Assert.Single(preview["records"]!.AsArray(), r => r!["id"]!.GetValue<string>() == big.QuoteId.ToString())!;
        Assert.Null(record["old"]!["action"]);
        Assert.Equal("admin_review", record["new"]!["action"]!.GetValue<string>());
    }
}

public sealed class RulesPreviewOnPostgres(PostgresDatabase database) : RulesPreviewScenario(database), IClassFixture<PostgresDatabase>;

public sealed class RulesPreviewOnSqlite(SqliteDatabase database) : RulesPreviewScenario(database), IClassFixture<SqliteDatabase>;

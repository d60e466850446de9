using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.TestSupport.Fakes;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// The repository's quote-to-delivery versions on a database that already runs v1: the upgrade imports v2 and later beside
/// v1, instances started on v1 stay on it, new quotes start on the newest; since v2 a decline needs its reason (400 naming
/// <c>reason</c>, on the engine's completion path) and QC is the factory's task for the order's supplier, failing only with
/// notes; since v3 the factory starts each stage itself (its actual start) before completing it.
/// </summary>
public sealed class QuoteToDeliveryV2OnPostgres(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_v1_database_upgrades_to_the_newest_which_refuses_a_decline_without_reason_and_has_the_factory_start_stages_and_do_QC()
    {
        await using var smtp = await SmtpCapture.StartAsync();
        await using var ai = await FakeOpenAiServer.StartAsync();

        // Before: only v1 is deployed; a quote starts on it.
        var before = NewHost(NewFolder().WithSample("quote-to-delivery"), settings: QuoteToDeliveryHost.Settings(smtp, ai));
        var oldClient = new MarketplaceClient(new SleekApi(before.CreateClient()));
        var oldQuote = await oldClient.CreateQuoteAsync();
        var oldInstance = MarketplaceClient.Str(oldQuote, "instanceId");
        Assert.Equal(1, (await oldClient.Api.GetInstanceAsync(oldInstance))["version"]!.GetValue<int>());
        await StopAsync(before);

        // After: the repository's folder (v1, v2, v3). The old instance stays on v1 and goes on; a new quote starts on the newest.
        var after = NewHost(RepositoryVersions(), settings: QuoteToDeliveryHost.Settings(smtp, ai));
        var client = new MarketplaceClient(new SleekApi(after.CreateClient()));
        await QuoteToDeliveryHost.NoAutoAcceptAsync(after);
        Assert.Equal(1, (await client.Api.GetInstanceAsync(oldInstance))["version"]!.GetValue<int>());
        var oldOrder = MarketplaceClient.Str(await client.AcceptAsync(MarketplaceClient.Str(oldQuote, "id")), "orderId");
        Assert.Equal(1, (await client.Api.GetInstanceAsync(MarketplaceClient.Str(await client.OrderAsync(oldOrder), "workflowInstanceId")))["version"]!.GetValue<int>());

        var quote = await client.CreateQuoteAsync();
        var instanceId = MarketplaceClient.Str(quote, "instanceId");
        Assert.Equal(NewestVersion, (await client.Api.GetInstanceAsync(instanceId))["version"]!.GetValue<int>());
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(MarketplaceClient.Str(quote, "id")), "orderId");

        // The offer: a decline without a reason, or with a blank or overlong one, is refused naming the field; the task stays open.
        var driver = new FullPathDriver(client, orderId);
        driver.Answers.RemoveAll(a => a.TitleStart == "QC inspection");
        var offer = await driver.RunAsync(() => Task.FromResult(false), stopAt: "New order") ?? throw new InvalidOperationException("no offer");
        foreach (var form in new object[] { new { outcome = "Decline" }, new { outcome = "Decline", reason = "   " }, new { outcome = "Decline", reason = new string('x', 501) } })
        {
            using var refused = await client.CompleteAsync(offer, form);
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.BadRequest, "reason");
        }

        Assert.Equal(MarketplaceClient.Str(offer, "id"), MarketplaceClient.Str(await client.SingleTaskAsync(orderId, "New order"), "id"));
        await client.CompleteOkAsync(offer, new { outcome = "Accept" });

        // Stages: the factory starts each one (the actual start is its Start, not the stage's opening), then completes it.
        var start = await driver.RunAsync(() => Task.FromResult(false), stopAt: "Start ") ?? throw new InvalidOperationException("no stage start");
        Assert.Equal("factory", MarketplaceClient.Str(start, "role"));
        var opened = (await client.OrderAsync(orderId))["stages"]!.AsArray()[0]!;
        Assert.NotNull(opened["plannedEnd"]);
        Assert.Null(opened["actualStart"]);
        await client.CompleteOkAsync(start, new { });
        await client.SingleTaskAsync(orderId, "Complete Order Confirmation");
        Assert.NotNull((await client.OrderAsync(orderId))["stages"]!.AsArray()[0]!["actualStart"]);

        // QC: the factory's task, assigned to the order's supplier; failing needs notes, which reach the order's status reason.
        var qc = await driver.RunAsync(() => Task.FromResult(false), stopAt: "QC inspection") ?? throw new InvalidOperationException("no QC task");
        var supplierId = MarketplaceClient.Str((await client.OrderAsync(orderId))["supplier"], "id");
        Assert.Equal("factory", MarketplaceClient.Str(qc, "role"));
        Assert.Equal(supplierId, MarketplaceClient.Str(qc, "assignee"));
        Assert.Equal(["Pass", "Fail"], qc["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        using (var refused = await client.CompleteAsync(qc, new { outcome = "Fail" }))
        {
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.BadRequest, "notes");
        }

        await client.CompleteOkAsync(qc, new { outcome = "Fail", notes = "stitching loose on 12 pieces" });
        var rework = await client.SingleTaskAsync(orderId, "Rework order");
        Assert.Equal("factory", MarketplaceClient.Str(rework, "role"));
        var history = (await client.OrderAsync(orderId))["timeline"]!.ToJsonString();
        Assert.Contains("stitching loose on 12 pieces", history, StringComparison.Ordinal);
        await client.CompleteOkAsync(rework, new { notes = "re-sewn" });
        await client.CompleteOkAsync(await client.SingleTaskAsync(orderId, "QC inspection"), new { outcome = "Pass" });
        await client.SingleTaskAsync(orderId, "Confirm payment of");
    }

    private static int NewestVersion => Directory.GetFiles(Path.Combine(SourceTree.Root, "workflows", "quote-to-delivery"), "v*.json")
        .Max(f => int.Parse(Path.GetFileNameWithoutExtension(f)[1..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Every version of quote-to-delivery in the repository, as a deployment carries them.</summary>
    private WorkflowsFolder RepositoryVersions()
    {
        var folder = NewFolder();
        foreach (var file in Directory.GetFiles(Path.Combine(SourceTree.Root, "workflows", "quote-to-delivery"), "v*.json"))
        {
            var version = int.Parse(Path.GetFileNameWithoutExtension(file)[1..], System.Globalization.CultureInfo.InvariantCulture);
            folder.WithFile("quote-to-delivery", version, File.ReadAllText(file));
        }

        return folder;
    }
}

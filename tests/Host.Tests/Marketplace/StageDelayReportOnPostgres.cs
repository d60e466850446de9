using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// A supplier reports a delay on its order's running stage (quote-to-delivery v2, the stage task's "Report delay"):
/// careless or malicious input is a 400 naming the field and consumes nothing; a good report moves the stage's planned
/// end, writes the reason in the timeline, e-mails the buyer, and reruns the same stage with one task and one deadline
/// timer from the new date — the old timer is gone, and the late alert comes only past the new planned end.
/// </summary>
public sealed class StageDelayReportOnPostgres(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private const string Password = "correct-horse-battery-staple";

    [Fact]
    public async Task Supplier_reports_a_delay_the_stage_moves_the_buyer_is_told_and_only_the_new_deadline_fires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var v2 = File.ReadAllText(Path.Combine(SourceTree.Root, "workflows", "quote-to-delivery", "v2.json"));
        var host = NewHost(NewFolder().WithSample("quote-to-delivery").WithFile("quote-to-delivery", 2, v2), clock, settings: QuoteToDeliveryHost.Settings());
        var client = new MarketplaceClient(new SleekApi(host.CreateClient()));
        var quote = await client.CreateQuoteAsync();
        var quoteId = Guid.Parse(MarketplaceClient.Str(quote, "id"));
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(quoteId.ToString()), "orderId");
        var driver = new FullPathDriver(client, orderId);
        var stage = (await driver.RunAsync(() => Task.FromResult(false), stopAt: "Complete Order Confirmation"))!;
        var taskId = MarketplaceClient.Str(stage, "id");

        var order = await client.OrderAsync(orderId);
        var supplierId = MarketplaceClient.Str(order["supplier"], "id");
        var oldEnd = DateTime.Parse(MarketplaceClient.Str(order["stages"]![0], "plannedEnd"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var supplier = await SupplierAsync(host, supplierId);

        // The stage task is the factory's; the supplier lists it among its factory's tasks and may complete it.
        var listed = await SleekApi.ExpectAsync(await supplier.GetAsync("/api/tasks?role=factory"), HttpStatusCode.OK);
        Assert.Contains(listed["items"]!.AsArray(), t => MarketplaceClient.Str(t, "id") == taskId);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var newDate = DateOnly.FromDateTime(oldEnd).AddDays(5);
        var bad = new (object Form, string Field)[]
        {
            (new { outcome = "Report delay", reason = "fabric is late" }, "newDate"),
            (new { outcome = "Report delay", newDate = Day(newDate) }, "reason"),
            (new { outcome = "Report delay", reason = "   ", newDate = Day(newDate) }, "reason"),
            (new { outcome = "Report delay", reason = new string('x', 501), newDate = Day(newDate) }, "reason"),
            (new { outcome = "Report delay", reason = "fabric is late", newDate = Day(today.AddDays(-1)) }, "newDate"),
            (new { outcome = "Report delay", reason = "fabric is late", newDate = Day(DateOnly.FromDateTime(oldEnd)) }, "newDate"),
            (new { outcome = "Report delay", reason = "fabric is late", newDate = "31/12/2030" }, "newDate"),
            (new { outcome = "Report delay", reason = "fabric is late", newDate = "2030-02-30" }, "newDate"),
            (new { outcome = "Postpone", reason = "fabric is late", newDate = Day(newDate) }, "outcome"),
        };
        foreach (var (form, field) in bad)
        {
            using var refused = await supplier.PostAsJsonAsync($"/api/tasks/{taskId}/complete", form);
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]?[field] is not null, $"{JsonSerializer(form)} should name {field}: {problem}");
        }

        // Nothing was consumed: the same task is still open.
        await SleekApi.ExpectAsync(await supplier.GetAsync($"/api/tasks/{taskId}"), HttpStatusCode.OK);

        using (var reported = await supplier.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Report delay", reason = "fabric delivery is late", newDate = Day(newDate) }))
        {
            await SleekApi.ExpectAsync(reported, HttpStatusCode.OK);
        }

        // The same stage runs again: one new task, the planned end moved (time of day kept), the reason in the timeline.
        var rerun = await Eventually.UntilAsync(
            () => client.TasksAsync(orderId),
            tasks => tasks.Count == 1 && MarketplaceClient.Str(tasks[0], "id") != taskId,
            "the stage's new task",
            tasks => tasks.ToJsonString());
        Assert.StartsWith("Complete Order Confirmation", MarketplaceClient.Str(rerun[0], "title"), StringComparison.Ordinal);
        var newEnd = newDate.ToDateTime(TimeOnly.FromTimeSpan(oldEnd.TimeOfDay), DateTimeKind.Utc);
        order = await client.OrderAsync(orderId);
        var first = order["stages"]![0]!;
        Assert.Equal(newEnd, DateTime.Parse(MarketplaceClient.Str(first, "plannedEnd"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        Assert.Null(first["actualEnd"]);
        Assert.Null(order["stages"]![1]!["actualStart"]);
        var entry = order["timeline"]!.AsArray().Single(t => MarketplaceClient.Str(t, "action") == "stage_delayed");
        Assert.Contains("fabric delivery is late", MarketplaceClient.Str(entry, "reason"), StringComparison.Ordinal);
        Assert.Contains(Day(newDate), MarketplaceClient.Str(entry, "reason"), StringComparison.Ordinal);

        var emails = await Eventually.UntilAsync(
            () => QuoteToDeliveryHost.EmailsAsync(host, quoteId, Guid.Parse(orderId)),
            rows => rows.Any(r => r.Template == "production-update"),
            "the buyer's delay e-mail",
            rows => string.Join(", ", rows));
        Assert.Equal("buyer@example.com", emails.Single(e => e.Template == "production-update").To);

        // One deadline timer, due at the new planned end; the old one was cancelled by the join.
        var instanceId = Guid.Parse(MarketplaceClient.Str(order, "workflowInstanceId"));
        await using (var db = host.Services.GetRequiredService<EngineDb>().CreateContext())
        {
            var timers = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId && b.ActivityId == "stage-deadline").ToListAsync();
            var open = Assert.Single(timers, b => b.ConsumedAt == null);
            Assert.Equal(newEnd, open.DueAt!.Value, TimeSpan.FromSeconds(1));
            Assert.All(timers.Where(b => b.ConsumedAt != null), b => Assert.True(b.DueAt < newEnd));
        }

        // Past the old planned end nothing happens; past the new one the late alert goes to ops, once.
        clock.Advance(oldEnd - clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1));
        Assert.DoesNotContain((await client.OrderAsync(orderId))["timeline"]!.AsArray(), t => MarketplaceClient.Str(t, "action") == "stage_late");
        clock.Advance(newEnd - clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1));
        await Eventually.UntilAsync(
            () => QuoteToDeliveryHost.EmailsAsync(host, quoteId, Guid.Parse(orderId)),
            rows => rows.Any(r => r.Template == "production-delay-alert"),
            "the late alert past the new planned end",
            rows => string.Join(", ", rows));
        order = await client.OrderAsync(orderId);
        Assert.Single(order["timeline"]!.AsArray(), t => MarketplaceClient.Str(t, "action") == "stage_late");
        Assert.Single(await client.TasksAsync(orderId));
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string JsonSerializer(object form) => System.Text.Json.JsonSerializer.Serialize(form);

    private static async Task<HttpClient> SupplierAsync(SleekHost host, string supplierId)
    {
        var email = $"supplier-{Guid.NewGuid():N}@example.com";
        using var admin = host.CreateClient();
        await SleekApi.ExpectAsync(await admin.PostAsJsonAsync("/api/users", new { email, password = Password, role = "supplier", partyId = supplierId }), HttpStatusCode.Created);
        var client = host.CreateAnonymousClient();
        return client.As(await TestAuth.LoginAsync(client, email, Password));
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Production;
using Sleek.Workflows.Marketplace.Suppliers;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

/// <summary>
/// <c>GET /api/analytics</c> on a small seeded data set in January 2025 (apart from the seed's demo
/// suppliers, nothing else is dated then), with exact figures, and its validation of from/to.
/// </summary>
public abstract class AnalyticsScenario(TestDatabase database) : HostScenario(database)
{
    private static DateTime Day(int day, int hour = 12) => new(2025, 1, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Figures_of_a_seeded_range_are_exact()
    {
        var host = NewHost(NewFolder());
        var api = new SleekApi(host.CreateClient());
        var mill = new Supplier { Name = "Test Mill", Email = "mill@example.com", Country = "PT", Capacity = 10, OnTimeRate = 0.9m, Rating = 4.5m };
        var idle = new Supplier { Name = "Idle Mill", Email = "idle@example.com", Country = "PT", Capacity = 10, OnTimeRate = 0.75m, Rating = 4m };
        await host.WriteAsync(db => db.Suppliers.AddRange(mill, idle));

        var a = await host.NewOrderAsync(1000m, Day(10, 9), leadTimeDays: 30);
        await host.NewOrderAsync(500m, Day(10, 23), leadTimeDays: 40, quoteOnly: true);
        var c = await host.NewOrderAsync(1296.75m, Day(11), leadTimeDays: 35, supplierId: mill.Id);
        await host.NewOrderAsync(800m, Day(13), leadTimeDays: 41, quoteOnly: true);
        await host.NewOrderAsync(900m, Day(14), leadTimeDays: 99, quoteOnly: true); // after the range

        var aDeposit = await host.NewInvoiceAsync(a.Id, InvoiceKind.Deposit, 300m, Day(10));
        var aBalance = await host.NewInvoiceAsync(a.Id, InvoiceKind.Balance, 700m, Day(10));
        var cDeposit = await host.NewInvoiceAsync(c.Id, InvoiceKind.Deposit, 389.03m, Day(11));
        var cBalance = await host.NewInvoiceAsync(c.Id, InvoiceKind.Balance, 907.72m, Day(11));
        await host.WriteAsync(db =>
        {
            db.Payments.AddRange(
                new Payment { InvoiceId = aDeposit.Id, Provider = PaymentProvider.Manual, Amount = 300m, ReceivedAt = Day(10) },
                new Payment { InvoiceId = cDeposit.Id, Provider = PaymentProvider.Stripe, Amount = 389.03m, ReceivedAt = Day(11), StripeEventId = "evt_1" },
                new Payment { InvoiceId = cBalance.Id, Provider = PaymentProvider.Stripe, Amount = 907.72m, ReceivedAt = Day(13, 23), StripeEventId = "evt_2" },
                new Payment { InvoiceId = aBalance.Id, Provider = PaymentProvider.Manual, Amount = 700m, ReceivedAt = Day(14, 0) });
            db.ProductionStages.AddRange(
                Stage(c.Id, 1, plannedEnd: Day(11), actualEnd: Day(11)),            // on time (exactly)
                Stage(c.Id, 2, plannedEnd: Day(12), actualEnd: Day(13)),            // late
                Stage(c.Id, 3, plannedEnd: Day(13, 12), actualEnd: Day(13, 10)),    // early
                Stage(c.Id, 4, plannedEnd: Day(13), actualEnd: null),               // not finished
                Stage(c.Id, 5, plannedEnd: Day(20), actualEnd: Day(20)));           // after the range
        });

        var report = await api.GetJsonAsync("/api/analytics?from=2025-01-10&to=2025-01-13");

        Assert.Equal(("2025-01-10", "2025-01-13"), (report["from"]!.GetValue<string>(), report["to"]!.GetValue<string>()));
        Assert.Equal([2, 1, 0, 1], report["quotesPerDay"]!.AsArray().Select(d => d!["count"]!.GetValue<int>()));
        Assert.Equal("2025-01-12", report["quotesPerDay"]![2]!["date"]!.GetValue<string>());
        Assert.Equal((4, 2, 0.5m, 36.5m), (report["quotes"]!.GetValue<int>(), report["orders"]!.GetValue<int>(), report["conversion"]!.GetValue<decimal>(), report["averageLeadTimeDays"]!.GetValue<decimal>()));
        var revenue = report["revenue"]!;
        Assert.Equal((1596.75m, 689.03m, 907.72m, 3, "USD"), (revenue["total"]!.GetValue<decimal>(), revenue["deposit"]!.GetValue<decimal>(), revenue["balance"]!.GetValue<decimal>(), revenue["payments"]!.GetValue<int>(), revenue["currency"]!.GetValue<string>()));
        var suppliers = report["suppliers"]!.AsArray();
        var first = suppliers[0]!;
        Assert.Equal(("Test Mill", 3, 2, 0.6667m, 0.9m), (first["name"]!.GetValue<string>(), first["finishedStages"]!.GetValue<int>(), first["onTimeStages"]!.GetValue<int>(), first["onTimeRate"]!.GetValue<decimal>(), first["storedOnTimeRate"]!.GetValue<decimal>()));
        var other = suppliers.Single(s => s!["name"]!.GetValue<string>() == "Idle Mill")!;
        Assert.Equal((0, 0.75m), (other["finishedStages"]!.GetValue<int>(), other["storedOnTimeRate"]!.GetValue<decimal>()));
        Assert.Null(other["onTimeRate"]);

        var empty = await api.GetJsonAsync("/api/analytics?from=2024-06-01&to=2024-06-02");
        Assert.Equal((0, 0m), (empty["quotes"]!.GetValue<int>(), empty["revenue"]!["total"]!.GetValue<decimal>()));
        Assert.Null(empty["conversion"]);
        Assert.Equal(30, (await api.GetJsonAsync("/api/analytics"))["quotesPerDay"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2025-02-01&to=2025-01-01", "from")]
    [InlineData("from=2024-01-01&to=2025-01-01", "to")]
    public async Task Bad_range_is_a_400_naming_the_field(string query, string field)
    {
        var api = StartHost(NewFolder());
        using var response = await api.GetAsync($"/api/analytics?{query}");
        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    private static ProductionStage Stage(Guid orderId, int sequence, DateTime plannedEnd, DateTime? actualEnd) => new()
    {
        OrderId = orderId,
        Sequence = sequence,
        Name = $"Stage {sequence}",
        PlannedDays = 2,
        PlannedStart = plannedEnd.AddDays(-2),
        PlannedEnd = plannedEnd,
        ActualStart = plannedEnd.AddDays(-2),
        ActualEnd = actualEnd,
    };
}

public sealed class AnalyticsOnPostgres(PostgresDatabase database) : AnalyticsScenario(database), IClassFixture<PostgresDatabase>;

public sealed class AnalyticsOnSqlite(SqliteDatabase database) : AnalyticsScenario(database), IClassFixture<SqliteDatabase>;

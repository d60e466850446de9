using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sleek.Workflows.Activities;
using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Marketplace.Suppliers;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// The marketplace tables next to the engine's, through the real host: migrated and seeded at start-up
/// (once, however often the host starts), money exact, and activity writes committed or rolled back
/// with the burst's transaction. Run per provider by the two small subclasses at the end of this file.
/// </summary>
public abstract class MarketplaceStorageTests(TestDatabase database) : HostScenario(database)
{
    private static readonly JsonObject WriteRowWorkflow = JsonNode.Parse("""
        {
          "definitionId": "write-marketplace-row", "version": 1, "name": "Write a marketplace row",
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "write", "type": "TestWriteAiUsageRow", "inputs": { "model": { "$js": "input.model" } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "write" } },
              { "source": { "activity": "write" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!.AsObject();

    /// <summary>The host's registry plus the test-only activity.</summary>
    private static void WithTestActivity(IServiceCollection services)
    {
        services.RemoveAll<ActivityRegistry>();
        services.AddSingleton(new ActivityRegistry().AddFromAssembly(typeof(Start).Assembly).AddSleekActivities().Add<WriteAiUsageRow>());
    }

    [Fact]
    public async Task Host_start_migrates_and_seeds_categories_and_demo_suppliers_exactly_once()
    {
        var folder = NewFolder();
        var first = NewHost(folder);
        await AssertSeededAsync(first.Services.GetRequiredService<MarketplaceDb>());
        await StopAsync(first);

        var second = NewHost(folder);
        var db = second.Services.GetRequiredService<MarketplaceDb>();
        await AssertSeededAsync(db);
        await using var context = db.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
    }

    private static async Task AssertSeededAsync(MarketplaceDb marketplace)
    {
        await using var db = marketplace.CreateContext();
        Assert.Equal(23, await db.Categories.CountAsync());
        Assert.Equal(DemoSuppliers.Count, await db.Suppliers.CountAsync());
        var gold = await db.Suppliers.Where(s => s.Tier == SupplierTier.Gold).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync();
        Assert.Equal(["Istanbul Denim & Outerwear", "Lisbon Knit Works", "Milano Couture Lab"], gold);
    }

    [Fact]
    public async Task Money_round_trips_exactly_and_sums_in_sql()
    {
        var db = NewHost(NewFolder()).Services.GetRequiredService<MarketplaceDb>();
        await using (var write = db.CreateContext())
        {
            write.Quotes.AddRange(
                new Quote { Number = "Q-2026-9001", ProductType = "t_shirt", Quantity = 150, Email = "b@x.example.com", UnitPrice = 8.645m, Total = 1296.75m, CreatedAt = DateTime.UtcNow },
                new Quote { Number = "Q-2026-9002", ProductType = "hoodie", Quantity = 200, Email = "b@x.example.com", UnitPrice = 11.7325m, Total = 99_999_999.99m, CreatedAt = DateTime.UtcNow });
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var quotes = await read.Quotes.Where(q => q.Number.StartsWith("Q-2026-90")).OrderBy(q => q.Total).ToListAsync();
        Assert.Equal([(8.645m, 1296.75m), (11.7325m, 99_999_999.99m)], quotes.Select(q => (q.UnitPrice, q.Total)));
        Assert.Equal(100_001_296.74m, await read.Quotes.Where(q => q.Number.StartsWith("Q-2026-90")).SumAsync(q => q.Total));
    }

    [Fact]
    public async Task Quote_statuses_are_stored_as_the_snake_case_text_rows_already_hold()
    {
        // The text the quotes table held before the status became an enum: the enum reads and writes the same strings.
        var stored = new Dictionary<QuoteStatus, string>
        {
            [QuoteStatus.QuoteRequested] = "quote_requested",
            [QuoteStatus.QuoteSent] = "quote_sent",
            [QuoteStatus.Accepted] = "accepted",
            [QuoteStatus.Expired] = "expired",
            [QuoteStatus.Cancelled] = "cancelled",
        };
        Assert.Equal(Enum.GetValues<QuoteStatus>(), stored.Keys);
        var db = NewHost(NewFolder()).Services.GetRequiredService<MarketplaceDb>();
        static string Number(QuoteStatus status) => $"Q-2026-95{(int)status:00}";
        await using (var write = db.CreateContext())
        {
            write.Quotes.AddRange(stored.Keys.Select(status =>
                new Quote { Number = Number(status), ProductType = "t_shirt", Quantity = 150, Email = "b@x.example.com", Status = status, CreatedAt = DateTime.UtcNow }));
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        foreach (var (status, text) in stored)
        {
            var number = Number(status);
            Assert.Equal(text, await read.Database.SqlQuery<string>($"SELECT status AS \"Value\" FROM quotes WHERE number = {number}").SingleAsync());
            Assert.Equal(number, await read.Quotes.Where(q => q.Status == status && q.Number.StartsWith("Q-2026-95")).Select(q => q.Number).SingleAsync());
            Assert.Equal(text, status.ToName());
        }
    }

    [Fact]
    public async Task Writes_enlisted_in_a_burst_transaction_roll_back_with_it_and_commit_with_it()
    {
        var host = NewHost(NewFolder());
        var engineDb = host.Services.GetRequiredService<EngineDb>();
        var db = host.Services.GetRequiredService<MarketplaceDb>();

        async Task WriteAsync(string model, bool commit)
        {
            await using var engine = engineDb.CreateContext();
            await using var transaction = await engine.BeginWriteAsync(CancellationToken.None);
            var burst = new BurstTransaction(engine.Database.GetDbConnection(), transaction.Transaction, engineDb.Provider);
            await using (var enlisted = db.CreateContext(burst))
            {
                enlisted.AiUsage.Add(new AiUsage { At = DateTime.UtcNow, Model = model, Succeeded = true });
                await enlisted.SaveChangesAsync();
            }

            if (commit)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }

        await WriteAsync("failed-burst", commit: false);
        await WriteAsync("good-burst", commit: true);

        await using var read = db.CreateContext();
        Assert.Equal(["good-burst"], await read.AiUsage.Where(a => a.Model.EndsWith("-burst")).Select(a => a.Model).ToListAsync());
    }

    [Fact]
    public async Task An_activity_writes_through_the_burst_transaction_of_the_real_runtime()
    {
        var host = NewHost(NewFolder().With(WriteRowWorkflow), services: WithTestActivity);
        var api = new SleekApi(host.CreateClient());

        var id = SleekApi.Id(await api.StartAsync("write-marketplace-row", new { model = "from-activity" }));
        await api.WaitForStatusAsync(id, "Completed");

        await using var read = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        var row = await read.AiUsage.SingleAsync(a => a.Model == "from-activity");
        Assert.Equal(0.000321m, row.CostUsd);
    }

    [Fact]
    public async Task A_faulted_activity_leaves_no_writes_while_the_earlier_activity_of_the_burst_keeps_its_own()
    {
        var workflow = JsonNode.Parse("""
            {
              "definitionId": "write-then-fail", "version": 1, "name": "Write, then write and fail",
              "root": {
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "good", "type": "TestWriteAiUsageRow", "inputs": { "model": "kept-by-good" } },
                  { "id": "bad", "type": "TestWriteAiUsageRow", "inputs": { "model": "undone-by-fault", "failAfterWrite": true } }
                ],
                "connections": [
                  { "source": { "activity": "start" }, "target": { "activity": "good" } },
                  { "source": { "activity": "good" }, "target": { "activity": "bad" } }
                ]
              }
            }
            """)!.AsObject();
        var host = NewHost(NewFolder().With(workflow), services: WithTestActivity);
        var api = new SleekApi(host.CreateClient());

        var id = SleekApi.Id(await api.StartAsync("write-then-fail"));
        var faulted = await api.WaitForStatusAsync(id, "Faulted");

        Assert.Contains("failed after writing its row", faulted["error"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var read = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        Assert.True(await read.AiUsage.AnyAsync(a => a.Model == "kept-by-good"));
        Assert.False(await read.AiUsage.AnyAsync(a => a.Model == "undone-by-fault"));
    }
}

public sealed class MarketplaceStorageOnPostgres(PostgresDatabase database) : MarketplaceStorageTests(database), IClassFixture<PostgresDatabase>;

public sealed class MarketplaceStorageOnSqlite(SqliteDatabase database) : MarketplaceStorageTests(database), IClassFixture<SqliteDatabase>;

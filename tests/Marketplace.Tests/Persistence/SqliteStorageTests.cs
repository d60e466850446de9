using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Ai;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Tests.Persistence;

/// <summary>The SQLite mapping on a real file (PostgreSQL and both providers through the host: Host.Tests' MarketplaceStorage tests).</summary>
public sealed class SqliteStorageTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sleek-marketplace-" + Guid.NewGuid().ToString("N"));
    private EngineDb _engineDb = null!;
    private MarketplaceDb _db = null!;

    public async Task InitializeAsync()
    {
        _engineDb = new EngineDb(new DatabaseOptions { SqlitePath = Path.Combine(_directory, "sleek.db") });
        await _engineDb.MigrateAsync(CancellationToken.None);
        _db = new MarketplaceDb(_engineDb);
        await _db.MigrateAsync(CancellationToken.None);
        await _db.SeedAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _engineDb.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static Quote NewQuote(decimal unit, decimal total) =>
        new() { Number = $"Q-T-{Guid.NewGuid():N}"[..20], ProductType = "t_shirt", Quantity = 150, Email = "b@x.example.com", UnitPrice = unit, Total = total, CreatedAt = DateTime.UtcNow };

    [Fact]
    public async Task Seed_is_idempotent()
    {
        await _db.SeedAsync(CancellationToken.None);
        await using var db = _db.CreateContext();
        Assert.Equal(23, await db.Categories.CountAsync());
        Assert.Equal(DemoSuppliers.Count, await db.Suppliers.CountAsync());
        var tShirt = await db.Categories.SingleAsync(c => c.Key == "t_shirt");
        Assert.Equal((7.00m, 7, 4), (tShirt.BasePrice, tShirt.SamplingDays, tShirt.ProductionDaysPer100));
        Assert.Contains("polo_shirt", tShirt.RelatedKeys);
    }

    [Fact]
    public async Task Seed_check_notices_a_missing_category_and_a_database_without_suppliers()
    {
        await using (var db = _db.CreateContext())
        {
            Assert.False(await MarketplaceSeed.IsNeededAsync(db, CancellationToken.None));
            await db.Categories.Where(c => c.Key == "t_shirt").ExecuteDeleteAsync();
            Assert.True(await MarketplaceSeed.IsNeededAsync(db, CancellationToken.None));
        }

        await _db.SeedAsync(CancellationToken.None);
        await using (var db = _db.CreateContext())
        {
            Assert.Equal(23, await db.Categories.CountAsync());
            Assert.False(await MarketplaceSeed.IsNeededAsync(db, CancellationToken.None));
            await db.Suppliers.ExecuteDeleteAsync(); // their certificates go with them (cascade)
            Assert.True(await MarketplaceSeed.IsNeededAsync(db, CancellationToken.None));
        }

        await _db.SeedAsync(CancellationToken.None);
        await using var read = _db.CreateContext();
        Assert.Equal(DemoSuppliers.Count, await read.Suppliers.CountAsync());
    }

    [Fact]
    public async Task Money_is_exact_and_sorts_and_sums_as_numbers()
    {
        await using (var db = _db.CreateContext())
        {
            db.Quotes.AddRange(NewQuote(8.645m, 1296.75m), NewQuote(0.0001m, 9.99m), NewQuote(11.7325m, 10.05m), NewQuote(1m, 99_999_999.99m));
            await db.SaveChangesAsync();
        }

        await using var read = _db.CreateContext();
        Assert.Equal([9.99m, 10.05m, 1296.75m, 99_999_999.99m], await read.Quotes.OrderBy(q => q.Total).Select(q => q.Total).ToListAsync());
        Assert.Equal(100_001_316.78m, await read.Quotes.SumAsync(q => q.Total));
        Assert.Equal(2, await read.Quotes.CountAsync(q => q.Total > 10m && q.Total < 100_000m));
        Assert.Contains(8.645m, await read.Quotes.Select(q => q.UnitPrice).ToListAsync());
        Assert.Contains(11.7325m, await read.Quotes.Select(q => q.UnitPrice).ToListAsync());
    }

    [Fact]
    public async Task Fractions_of_a_cent_keep_six_decimals_for_ai_cost()
    {
        await using (var db = _db.CreateContext())
        {
            db.AiUsage.Add(new AiUsage { At = DateTime.UtcNow, Model = "m", CostUsd = 0.000123m, Succeeded = true });
            await db.SaveChangesAsync();
        }

        await using var read = _db.CreateContext();
        Assert.Equal(0.000123m, (await read.AiUsage.SingleAsync()).CostUsd);
    }

    [Fact]
    public async Task Lists_round_trip_and_changes_inside_a_list_are_saved()
    {
        await using (var db = _db.CreateContext())
        {
            var supplier = await db.Suppliers.SingleAsync(s => s.Id == DemoSuppliers.Id(1));
            Assert.Equal(["OEKO-TEX", "GOTS"], supplier.Certifications);
            supplier.Certifications.Add("BSCI");
            await db.SaveChangesAsync();
        }

        await using var read = _db.CreateContext();
        Assert.Equal(["OEKO-TEX", "GOTS", "BSCI"], (await read.Suppliers.SingleAsync(s => s.Id == DemoSuppliers.Id(1))).Certifications);
    }

    [Fact]
    public async Task Order_timeline_is_inserted_and_version_rises_with_each_save()
    {
        var now = new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc);
        var quote = NewQuote(8.645m, 1296.75m);
        var order = new Order { Number = "ORD-2026-0001", QuoteId = quote.Id, BuyerEmail = quote.Email, ProductType = "t_shirt", Quantity = 150, UnitPrice = 8.645m, Total = 1296.75m, CreatedAt = now, UpdatedAt = now };
        order.Record("system", "created", null, now);
        await using (var db = _db.CreateContext())
        {
            db.Quotes.Add(quote);
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        }

        await using (var db = _db.CreateContext())
        {
            var loaded = await db.Orders.SingleAsync(o => o.Id == order.Id);
            loaded.ChangeStatus(OrderStatus.AwaitingPayment, "ops@x", "no review needed", now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using var read = _db.CreateContext();
        var saved = await read.Orders.Include(o => o.Timeline).SingleAsync(o => o.Id == order.Id);
        Assert.Equal((OrderStatus.AwaitingPayment, 1), (saved.Status, saved.Version));
        Assert.Equal(["created", Order.StatusChangedAction], saved.Timeline.OrderBy(t => t.At).Select(t => t.Action));
        Assert.Equal(DateTimeKind.Utc, saved.UpdatedAt.Kind);
        Assert.Equal("awaiting_payment", await read.Database.SqlQueryRaw<string>("SELECT status AS \"Value\" FROM orders").SingleAsync());
    }

    [Fact]
    public async Task Numbers_count_per_prefix_and_year_and_a_rollback_gives_the_number_back()
    {
        await using var db = _db.CreateContext();
        Assert.Equal("INV-2026-0001", await DocumentNumbers.NextAsync(db, DocumentNumbers.Invoice, 2026, CancellationToken.None));
        Assert.Equal("INV-2026-0002", await DocumentNumbers.NextAsync(db, DocumentNumbers.Invoice, 2026, CancellationToken.None));
        Assert.Equal("INV-2027-0001", await DocumentNumbers.NextAsync(db, DocumentNumbers.Invoice, 2027, CancellationToken.None));
        Assert.Equal("Q-2026-0001", await DocumentNumbers.NextAsync(db, DocumentNumbers.Quote, 2026, CancellationToken.None));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal("INV-2026-0003", await DocumentNumbers.NextAsync(db, DocumentNumbers.Invoice, 2026, CancellationToken.None));
            await transaction.RollbackAsync();
        }

        Assert.Equal("INV-2026-0003", await DocumentNumbers.NextAsync(db, DocumentNumbers.Invoice, 2026, CancellationToken.None));
    }

    [Fact]
    public async Task Enlisted_writes_roll_back_and_commit_with_the_burst_transaction()
    {
        async Task WriteInBurstAsync(string model, bool commit)
        {
            await using var engine = _engineDb.CreateContext();
            await using var transaction = await engine.BeginWriteAsync(CancellationToken.None);
            var burst = new BurstTransaction(engine.Database.GetDbConnection(), transaction.Transaction, Provider: DatabaseProvider.Sqlite);
            await using (var db = _db.CreateContext(burst))
            {
                db.AiUsage.Add(new AiUsage { At = DateTime.UtcNow, Model = model, Succeeded = true });
                await db.SaveChangesAsync();
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

        await WriteInBurstAsync("rolled-back", commit: false);
        await WriteInBurstAsync("committed", commit: true);

        await using var read = _db.CreateContext();
        Assert.Equal(["committed"], await read.AiUsage.Select(a => a.Model).ToListAsync());
    }
}

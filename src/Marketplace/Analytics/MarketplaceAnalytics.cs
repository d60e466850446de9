using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Analytics;

/// <summary>
/// The figures of <c>GET /api/analytics</c>. Counts and money are aggregated in SQL on both providers:
/// money columns are numeric on PostgreSQL and integer units on SQLite (see FixedPointConverter), so
/// SUM is exact on both and EF converts the sum back. Per-day and per-supplier grouping happen here,
/// over timestamps only, so no provider-specific date functions are needed.
/// </summary>
public sealed class MarketplaceAnalytics(MarketplaceDb marketplace)
{
    /// <summary>Longest range, in days.</summary>
    public const int MaxDays = 366;

    /// <summary>Default range, in days, ending today.</summary>
    public const int DefaultDays = 30;

    /// <summary>Figures for <paramref name="from"/>..<paramref name="to"/> (UTC days, inclusive); the caller validated the range.</summary>
    public async Task<AnalyticsReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = marketplace.CreateContext();

        var quoteDays = await db.Quotes.AsNoTracking().Where(q => q.CreatedAt >= start && q.CreatedAt < end).Select(q => q.CreatedAt).ToListAsync(cancellationToken);
        var perDay = quoteDays.GroupBy(d => DateOnly.FromDateTime(d)).ToDictionary(g => g.Key, g => g.Count());
        var quotesPerDay = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(i => from.AddDays(i))
            .Select(d => new DailyCount(d, perDay.GetValueOrDefault(d)))
            .ToList();
        var averageLead = await db.Quotes.AsNoTracking().Where(q => q.CreatedAt >= start && q.CreatedAt < end)
            .Select(q => (double?)q.LeadTimeDays).AverageAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().CountAsync(o => o.CreatedAt >= start && o.CreatedAt < end, cancellationToken);

        var revenueByKind = await (
            from p in db.Payments.AsNoTracking()
            join i in db.Invoices.AsNoTracking() on p.InvoiceId equals i.Id
            where p.ReceivedAt >= start && p.ReceivedAt < end
            group p.Amount by i.Kind into g
            select new { Kind = g.Key, Sum = g.Sum(), Count = g.Count() }).ToListAsync(cancellationToken);
        var deposit = revenueByKind.Where(r => r.Kind == InvoiceKind.Deposit).Sum(r => r.Sum);
        var balance = revenueByKind.Where(r => r.Kind == InvoiceKind.Balance).Sum(r => r.Sum);
        var revenue = new RevenueReport("USD", deposit + balance, deposit, balance, revenueByKind.Sum(r => r.Count));

        var finished = await (
            from s in db.ProductionStages.AsNoTracking()
            join o in db.Orders.AsNoTracking() on s.OrderId equals o.Id
            where o.SupplierId != null && s.ActualEnd != null && s.PlannedEnd != null && s.ActualEnd >= start && s.ActualEnd < end
            select new { SupplierId = o.SupplierId!.Value, ActualEnd = s.ActualEnd!.Value, PlannedEnd = s.PlannedEnd!.Value }).ToListAsync(cancellationToken);
        var bySupplier = finished.GroupBy(f => f.SupplierId).ToDictionary(g => g.Key, g => (Finished: g.Count(), OnTime: g.Count(f => f.ActualEnd <= f.PlannedEnd)));
        var suppliers = (await db.Suppliers.AsNoTracking().Select(s => new { s.Id, s.Name, s.OnTimeRate }).ToListAsync(cancellationToken))
            .Select(s =>
            {
                var (count, onTime) = bySupplier.GetValueOrDefault(s.Id);
                return new SupplierOnTime(s.Id, s.Name, count, onTime, count == 0 ? null : Math.Round((decimal)onTime / count, 4, MidpointRounding.AwayFromZero), s.OnTimeRate);
            })
            .OrderByDescending(s => s.FinishedStages).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        return new AnalyticsReport(
            from,
            to,
            quoteDays.Count,
            orders,
            quoteDays.Count == 0 ? null : Math.Round((decimal)orders / quoteDays.Count, 4, MidpointRounding.AwayFromZero),
            averageLead is { } lead ? Math.Round((decimal)lead, 2, MidpointRounding.AwayFromZero) : null,
            quotesPerDay,
            revenue,
            suppliers);
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Parties;

/// <summary>
/// Which workflow instances belong to which party: a quote's instance to its signed-in buyer, an order's to its buyer and
/// to the supplier it is assigned to. The host's authorization asks this before a party reads or resumes an instance.
/// </summary>
public sealed class PartyInstances(MarketplaceDb marketplace)
{
    /// <summary>
    /// The parties of one instance. <paramref name="correlationId"/> is the instance's: a quote's workflow is correlated
    /// by the quote id, so the quote is found by its key (and must name this instance) rather than by a scan.
    /// </summary>
    public Task<InstanceParties> OfAsync(Guid instanceId, string? correlationId, CancellationToken cancellationToken) =>
        OfAsync(instanceId, correlationId, within: null, cancellationToken);

    /// <summary>As <see cref="OfAsync(Guid, string?, CancellationToken)"/>, read through <paramref name="within"/> when given (a resume's own burst transaction).</summary>
    public async Task<InstanceParties> OfAsync(Guid instanceId, string? correlationId, BurstTransaction? within, CancellationToken cancellationToken)
    {
        await using var db = within is null ? marketplace.CreateContext() : marketplace.CreateContext(within);
        var queries = QueriesOf(db);
        if (await queries.Order(db, instanceId, cancellationToken) is { } order)
        {
            return new InstanceParties(order.BuyerUserId, order.SupplierId, order.Status == OrderStatus.OnHold ? order.Number : null);
        }

        if (!Guid.TryParse(correlationId, out var quoteId))
        {
            return InstanceParties.None;
        }

        var buyer = await queries.QuoteBuyer(db, quoteId, instanceId, cancellationToken);
        return buyer is null ? InstanceParties.None : new InstanceParties(buyer.BuyerUserId, null, null);
    }

    /// <summary>The instances of a signed-in buyer's quotes and orders.</summary>
    public async Task<List<Guid>> OfBuyerAsync(string buyerUserId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var quotes = await db.Quotes.AsNoTracking()
            .Where(q => q.BuyerUserId == buyerUserId && q.WorkflowInstanceId != null)
            .Select(q => q.WorkflowInstanceId!.Value)
            .ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerUserId == buyerUserId && o.WorkflowInstanceId != null)
            .Select(o => o.WorkflowInstanceId!.Value)
            .ToListAsync(cancellationToken);
        return [.. quotes.Union(orders)];
    }

    /// <summary>The instances of the orders assigned to a supplier.</summary>
    public async Task<List<Guid>> OfSupplierAsync(Guid supplierId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.Orders.AsNoTracking()
            .Where(o => o.SupplierId == supplierId && o.WorkflowInstanceId != null)
            .Select(o => o.WorkflowInstanceId!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The two reads of <see cref="OfAsync(Guid, string?, BurstTransaction?, CancellationToken)"/>, which the resume gate
    /// runs for every party's resume: compiled once, so no expression tree is built and no query cache is consulted per
    /// call. A compiled query serves one model only: one set per model (a host has one; the tests, one per provider).
    /// </summary>
    private static PartyQueries QueriesOf(MarketplaceDbContext db) => Compiled.GetOrAdd(db.Model, _ => new PartyQueries());

    private static readonly ConcurrentDictionary<IModel, PartyQueries> Compiled = new();

    private sealed record OrderParties(string? BuyerUserId, Guid? SupplierId, OrderStatus Status, string Number);

    private sealed record QuoteParties(string? BuyerUserId);

    private sealed class PartyQueries
    {
        public readonly Func<MarketplaceDbContext, Guid, CancellationToken, Task<OrderParties?>> Order = EF.CompileAsyncQuery(
            (MarketplaceDbContext db, Guid instanceId, CancellationToken _) => db.Orders.AsNoTracking()
                .Where(o => o.WorkflowInstanceId == instanceId)
                .Select(o => new OrderParties(o.BuyerUserId, o.SupplierId, o.Status, o.Number))
                .FirstOrDefault());

        public readonly Func<MarketplaceDbContext, Guid, Guid, CancellationToken, Task<QuoteParties?>> QuoteBuyer = EF.CompileAsyncQuery(
            (MarketplaceDbContext db, Guid quoteId, Guid instanceId, CancellationToken _) => db.Quotes.AsNoTracking()
                .Where(q => q.Id == quoteId && q.WorkflowInstanceId == instanceId)
                .Select(q => new QuoteParties(q.BuyerUserId))
                .FirstOrDefault());
    }
}

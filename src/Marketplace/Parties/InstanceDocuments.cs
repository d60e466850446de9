using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Parties;

/// <summary>
/// The quote and order each instance works for, by number: a quote's workflow is correlated by the quote id, and an
/// order names the instance that runs it. Two queries for a whole page of instances.
/// </summary>
public sealed class InstanceDocuments(MarketplaceDb marketplace)
{
    /// <summary>References per instance id (instances without a quote or order are left out).</summary>
    public async Task<Dictionary<Guid, List<InstanceReference>>> OfAsync(IReadOnlyCollection<(Guid InstanceId, string? CorrelationId)> instances, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, List<InstanceReference>>();
        if (instances.Count == 0)
        {
            return result;
        }

        var instanceIds = instances.Select(i => i.InstanceId).ToList();
        var quoteIds = instances.Select(i => Guid.TryParse(i.CorrelationId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        await using var db = marketplace.CreateContext();
        var quotes = await db.Quotes.AsNoTracking()
            .Where(q => quoteIds.Contains(q.Id) || (q.WorkflowInstanceId != null && instanceIds.Contains(q.WorkflowInstanceId.Value)))
            .Select(q => new { q.Id, q.Number, q.WorkflowInstanceId })
            .ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.WorkflowInstanceId != null && instanceIds.Contains(o.WorkflowInstanceId.Value))
            .Select(o => new { o.Id, o.Number, o.WorkflowInstanceId })
            .ToListAsync(cancellationToken);

        foreach (var (instanceId, correlationId) in instances)
        {
            var quoteId = Guid.TryParse(correlationId, out var parsed) ? parsed : Guid.Empty;
            var found = new List<InstanceReference>();
            found.AddRange(quotes
                .Where(q => q.WorkflowInstanceId == instanceId || q.Id == quoteId)
                .Select(q => new InstanceReference("quote", q.Id, q.Number)));
            found.AddRange(orders.Where(o => o.WorkflowInstanceId == instanceId).Select(o => new InstanceReference("order", o.Id, o.Number)));
            if (found.Count > 0)
            {
                result[instanceId] = found;
            }
        }

        return result;
    }
}

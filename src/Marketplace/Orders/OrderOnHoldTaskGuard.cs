using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Orders;

/// <summary>Refuses to complete a task of an order's workflow while that order is on hold (the API answers 409).</summary>
public sealed class OrderOnHoldTaskGuard(MarketplaceDb marketplace) : ITaskCompletionGuard
{
    /// <inheritdoc />
    public async ValueTask<string?> RefuseAsync(TaskView task, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var held = await db.Orders.AsNoTracking()
            .Where(o => o.WorkflowInstanceId == task.InstanceId && o.Status == OrderStatus.OnHold)
            .Select(o => o.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return held is null ? null : $"order {held} is on hold; release it first";
    }
}

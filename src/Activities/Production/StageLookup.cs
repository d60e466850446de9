using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Production;

namespace Sleek.Workflows.Activities.Production;

/// <summary>Finds the stage a stage activity names by its order id input and sequence, or says why not.</summary>
internal static class StageLookup
{
    public static async Task<(ProductionStage? Stage, string Error)> FindAsync(MarketplaceDbContext db, string orderIdInput, int sequence, CancellationToken cancellationToken)
    {
        if (!MarketplaceIds.TryParse(orderIdInput, "orderId", out var orderId, out var idError))
        {
            return (null, idError);
        }

        var stage = await db.ProductionStages.SingleOrDefaultAsync(s => s.OrderId == orderId && s.Sequence == sequence, cancellationToken);
        return stage is null
            ? (null, $"order {orderId} has no production stage {sequence}; start stages with StartProductionStage first")
            : (stage, "");
    }
}

using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Host.Endpoints.Quotes;

/// <summary>Reads quotes for the API.</summary>
internal sealed class QuoteQueries(MarketplaceDb marketplace)
{
    /// <summary>The quote, as it is now.</summary>
    public async Task<Quote?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
    }
}

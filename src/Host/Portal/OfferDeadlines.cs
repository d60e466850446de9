using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Portal;

/// <summary>
/// An offer's deadline, as quote-to-delivery draws it: the offer task (<see cref="OfferTask"/>) waits beside a timer
/// (<see cref="OfferTimer"/>) in the same Fork, and whichever comes first wins the WaitAny join. The deadline is that
/// timer's due time. Between the due time and the moment a worker fires the timer, the task is still open; the guard
/// (<see cref="OfferDeadlineGuard"/>) refuses it then, so "before the deadline" holds to the second. The names are the
/// workflow's contract with the portal, like <see cref="Auth.PartyEvents"/>' event names.
/// </summary>
public sealed class OfferDeadlines(EngineDb engineDb)
{
    /// <summary>The HumanTask in which a supplier accepts or declines an offer.</summary>
    public const string OfferTask = "supplier-decides";

    /// <summary>The Delay that ends the offer when the supplier does not answer.</summary>
    public const string OfferTimer = "offer-timeout";

    /// <summary>The open offer timers' due times by instance.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTime>> DueAtAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken)
    {
        if (instanceIds.Count == 0)
        {
            return new Dictionary<Guid, DateTime>();
        }

        await using var db = engineDb.CreateContext();
        var timers = await db.Bookmarks.AsNoTracking()
            .Where(b => instanceIds.Contains(b.InstanceId) && b.ActivityId == OfferTimer && b.ConsumedAt == null && b.DueAt != null)
            .Select(b => new { b.InstanceId, b.DueAt })
            .ToListAsync(cancellationToken);
        return timers.GroupBy(t => t.InstanceId).ToDictionary(g => g.Key, g => g.Min(t => t.DueAt!.Value));
    }
}

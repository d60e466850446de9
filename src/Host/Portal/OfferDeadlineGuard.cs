using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Portal;

/// <summary>
/// Refuses an answer to an offer after its deadline (409), on every resume path (the task API or the task's token), even
/// while the timer that ends the offer has not fired yet. Who may answer at all is <see cref="Auth.ResumeAccessGuard"/>'s
/// decision; a refusal that hides (404) or forbids (403) wins over this one.
/// </summary>
internal sealed class OfferDeadlineGuard(OfferDeadlines deadlines, TimeProvider clock) : IResumeGuard
{
    public async ValueTask<ResumeRefusal?> CheckAsync(ResumeAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.Task?.ActivityId != OfferDeadlines.OfferTask || !attempt.IsOpen)
        {
            return null;
        }

        var due = await deadlines.DueAtAsync([attempt.InstanceId], cancellationToken);
        return due.TryGetValue(attempt.InstanceId, out var deadline) && deadline <= clock.GetUtcNow().UtcDateTime
            ? ResumeRefusal.Conflict($"the offer expired at {deadline:yyyy-MM-dd HH:mm} UTC; it can no longer be accepted or declined, and goes to the next supplier")
            : null;
    }
}

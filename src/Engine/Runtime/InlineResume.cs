using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Asked by <see cref="BurstRunner.ResumeInlineAsync"/> inside the burst's transaction, right after its claim: null
/// admits the resume, a refusal rolls the claim back. Reads may go through <see cref="BurstTransaction"/>.
/// </summary>
internal delegate Task<ResumeRefusal?> ResumeAdmission(TokenClaim claim, BurstTransaction transaction, CancellationToken cancellationToken);

/// <summary>How a request's own resume went (<see cref="BurstRunner.ResumeInlineAsync"/>).</summary>
/// <param name="Ran">The instance as committed, when the burst ran in the request.</param>
/// <param name="Refused">The admission's refusal; nothing was kept.</param>
/// <param name="Admitted">The wait was claimed and the admission allowed it, though it did not run here (payload refused, or the burst needs the queued path); nothing was kept.</param>
internal sealed record InlineResume(InstanceView? Ran, ResumeRefusal? Refused, bool Admitted)
{
    /// <summary>Nothing claimed: unknown token, consumed bookmark, instance not resumable or busy.</summary>
    public static readonly InlineResume NotClaimed = new(null, null, Admitted: false);
}

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// A say on whether a caller may resume a wait now, asked on every path a caller resumes by — a token, an event, a
/// task — before anything of the resume is committed (<see cref="ResumeGate"/>): for a token or task resume inside its
/// own burst transaction, right after the claim (<see cref="ResumeAttempt.Transaction"/>; a refusal rolls it back), and
/// otherwise before the wait is consumed. The engine knows no domain and no roles: the host
/// registers guards for who may resume what (party, role, assignee) and the domain's rules (an order on hold).
/// Register any number; all are asked and the most hiding refusal wins. A system resume
/// (<see cref="ResumeCaller.IsSystem"/>) is asked about too; a guard decides what it lets through.
/// </summary>
public interface IResumeGuard
{
    /// <summary>Null to allow; otherwise the refusal. Called for consumed waits as well (an event's or a token's repeat), so that a refusal hides them too.</summary>
    ValueTask<ResumeRefusal?> CheckAsync(ResumeAttempt attempt, CancellationToken cancellationToken);
}

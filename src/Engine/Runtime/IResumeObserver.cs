namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Told of every refused and every successful resume a caller asked for (e.g. the host's audit log). Must not throw;
/// a failure is logged and ignored, as the resume it reports on has happened or been refused already.
/// </summary>
public interface IResumeObserver
{
    /// <summary>A guard refused the attempt (nothing was consumed).</summary>
    ValueTask RefusedAsync(ResumeAttempt attempt, ResumeRefusal refusal, CancellationToken cancellationToken);

    /// <summary>The attempt's wait was resumed by this request (its burst ran or was queued).</summary>
    ValueTask ResumedAsync(ResumeAttempt attempt, CancellationToken cancellationToken);
}

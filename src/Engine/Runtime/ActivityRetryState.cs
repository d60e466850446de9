namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// An activity execution that failed, kept in the instance state until it gets past the failure: how
/// many tries failed and, while the retry policy has tries left, when the next one runs.
/// </summary>
public sealed class ActivityRetryState
{
    /// <summary>The execution that failed; retries run it again under the same number (and idempotency key).</summary>
    public int ExecutionNumber { get; set; }

    /// <summary>Tries of this execution that failed so far.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>When the next try runs (UTC); null when the tries are spent and the instance waits for ops.</summary>
    public DateTime? NextAttemptAt { get; set; }
}

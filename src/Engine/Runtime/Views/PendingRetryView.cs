namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>A retry the instance waits for: an activity failed and its retry policy tries again later.</summary>
/// <param name="ActivityId">The activity that failed.</param>
/// <param name="ExecutionNumber">The execution the retry runs again.</param>
/// <param name="FailedAttempts">Tries that failed so far.</param>
/// <param name="NextAttemptAt">When the next try runs (UTC).</param>
public sealed record PendingRetryView(string ActivityId, int ExecutionNumber, int FailedAttempts, DateTime NextAttemptAt);

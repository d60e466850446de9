namespace Sleek.Workflows.Engine.Runtime;

/// <summary>A retry a burst scheduled; the store queues it as Retry work due at <see cref="DueAt"/>.</summary>
/// <param name="ActivityId">The activity that failed.</param>
/// <param name="ExecutionNumber">Its execution, which the retry runs again under the same number.</param>
/// <param name="Attempt">The try the retry will be (2 for the first retry).</param>
/// <param name="DueAt">When it runs (UTC): now + backoff with jitter.</param>
public sealed record ScheduledRetry(string ActivityId, int ExecutionNumber, int Attempt, DateTime DueAt);

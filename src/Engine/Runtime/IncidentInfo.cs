namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Why an instance faulted.</summary>
/// <param name="ActivityId">The failing activity (null when the failure was not in one, e.g. a step limit).</param>
/// <param name="ActivityType">Its type.</param>
/// <param name="Attempt">How many tries of the failed execution were made (retries included).</param>
/// <param name="Error">Message for ops.</param>
public sealed record IncidentInfo(string? ActivityId, string? ActivityType, int Attempt, string Error);

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>The answer of <see cref="IdempotencyStore.BeginAsync"/>.</summary>
/// <param name="Outcome">Run, replay or refuse.</param>
/// <param name="Existing">The stored record (with the response to replay), unless the request was started.</param>
/// <param name="StartedAt">For <see cref="IdempotencyOutcome.Started"/>: the claim's start, which completing it must name.</param>
/// <param name="ClaimId">For <see cref="IdempotencyOutcome.Started"/>: see <see cref="IdempotencyRecord.ClaimId"/>.</param>
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, IdempotencyRecord? Existing, DateTime StartedAt, Guid ClaimId = default);

using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>One journal row.</summary>
/// <param name="Sequence">Order in the journal.</param>
/// <param name="ActivityId">Activity id.</param>
/// <param name="ActivityType">Activity type.</param>
/// <param name="ExecutionNumber">Which execution.</param>
/// <param name="Event">What happened (Executed, Waiting, Resumed, Faulted, Cancelled, Migrated).</param>
/// <param name="StartedAt">Start.</param>
/// <param name="CompletedAt">End.</param>
/// <param name="Inputs">Evaluated inputs.</param>
/// <param name="Output">Output.</param>
/// <param name="Ports">Ports taken.</param>
/// <param name="Error">Error.</param>
public sealed record JournalView(long Sequence, string ActivityId, string ActivityType, int ExecutionNumber, JournalEvent Event, DateTime StartedAt, DateTime CompletedAt, JsonNode? Inputs, JsonNode? Output, string? Ports, string? Error);

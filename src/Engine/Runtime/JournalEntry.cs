using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>One activity execution (or resume) as the journal records it.</summary>
/// <param name="ActivityId">Activity id.</param>
/// <param name="ActivityType">Activity type name.</param>
/// <param name="ExecutionNumber">Which execution of the activity this was.</param>
/// <param name="Event">What happened (see <see cref="JournalEvent"/>).</param>
/// <param name="StartedAt">UTC start.</param>
/// <param name="CompletedAt">UTC end.</param>
/// <param name="Inputs">Evaluated inputs.</param>
/// <param name="Output">Output.</param>
/// <param name="Ports">Ports taken, comma-separated.</param>
/// <param name="Error">Error message for faults.</param>
public sealed record JournalEntry(
    string ActivityId,
    string ActivityType,
    int ExecutionNumber,
    JournalEvent Event,
    DateTime StartedAt,
    DateTime CompletedAt,
    JsonObject? Inputs,
    JsonNode? Output,
    string? Ports,
    string? Error);

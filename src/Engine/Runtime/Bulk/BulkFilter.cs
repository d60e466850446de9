namespace Sleek.Workflows.Engine.Runtime.Bulk;

/// <summary>
/// Which instances a bulk job takes. Every criterion given must hold; the operation narrows further (a cancel takes
/// only unfinished instances, a retry only faulted ones with an open incident, a migration only running or suspended
/// ones not on the target version).
/// </summary>
/// <param name="DefinitionId">Instances of this workflow.</param>
/// <param name="Version">Of this version.</param>
/// <param name="Statuses">With one of these statuses.</param>
/// <param name="HasOpenIncident">With (true) or without (false) an open incident.</param>
/// <param name="IncidentActivityId">Whose open incident is in this activity.</param>
/// <param name="CorrelationId">With this correlation id.</param>
/// <param name="CreatedBefore">Created before this time (UTC): an age.</param>
public sealed record BulkFilter(
    string? DefinitionId = null,
    int? Version = null,
    IReadOnlyList<WorkflowStatus>? Statuses = null,
    bool? HasOpenIncident = null,
    string? IncidentActivityId = null,
    string? CorrelationId = null,
    DateTime? CreatedBefore = null)
{
    /// <summary>How a job keeps its filter: camelCase, statuses by name, no nulls.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>True when no criterion is given (refused: a bulk job never takes every instance by accident).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => DefinitionId is null && Version is null && Statuses is not { Count: > 0 } && HasOpenIncident is null
        && IncidentActivityId is null && CorrelationId is null && CreatedBefore is null;
}

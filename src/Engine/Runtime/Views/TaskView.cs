using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>An open human task: a HumanTask activity waiting for someone in a role to fill its form.</summary>
/// <param name="Id">The task id (its bookmark's id): <c>POST /api/tasks/{id}/complete</c>.</param>
/// <param name="InstanceId">The waiting instance.</param>
/// <param name="DefinitionId">The instance's workflow.</param>
/// <param name="CorrelationId">The instance's correlation id (e.g. a quote id).</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="Title">What is asked.</param>
/// <param name="Description">Instructions.</param>
/// <param name="Role">The role that may complete it.</param>
/// <param name="Assignee">The party within the role that may complete it, when only one may.</param>
/// <param name="Form">Form fields to fill.</param>
/// <param name="Outcomes">Decisions to choose from (empty: just Done).</param>
/// <param name="CreatedAt">When the task was opened.</param>
public sealed record TaskView(
    Guid Id,
    Guid InstanceId,
    string DefinitionId,
    string? CorrelationId,
    string ActivityId,
    string Title,
    string? Description,
    string Role,
    string? Assignee,
    JsonArray Form,
    JsonArray Outcomes,
    DateTime CreatedAt);

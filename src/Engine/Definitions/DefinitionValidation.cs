namespace Sleek.Workflows.Engine.Definitions;

/// <summary>The outcome of validating a definition.</summary>
/// <param name="Definition">The parsed definition (null when the JSON could not be read as one).</param>
/// <param name="Errors">Every problem found; empty when it can be published.</param>
public sealed record DefinitionValidation(WorkflowDefinition? Definition, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Definition is not null && Errors.Count == 0;
}

namespace Sleek.Workflows.Engine.Definitions;

/// <summary>One problem with a definition.</summary>
/// <param name="Field">JSON path of the offending field, e.g. <c>root.activities[2].inputs.duration</c>.</param>
/// <param name="ActivityId">The activity it concerns, when it concerns one.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ValidationError(string Field, string? ActivityId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => ActivityId is null ? $"{Field}: {Message}" : $"{Field} (activity '{ActivityId}'): {Message}";
}

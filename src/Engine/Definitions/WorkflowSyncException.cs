namespace Sleek.Workflows.Engine.Definitions;

/// <summary>The workflows directory cannot be imported; <see cref="Problems"/> lists each file and why.</summary>
public sealed class WorkflowSyncException(IReadOnlyList<string> problems)
    : Exception("The workflows directory cannot be imported:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    /// <summary>One line per problem, starting with the file.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>One reason an instance cannot move to another version of its definition.</summary>
/// <param name="Field">What it concerns: <c>waits.&lt;activityId&gt;</c>, <c>variables.&lt;name&gt;</c>, <c>joins.&lt;activityId&gt;</c>, <c>activityState.&lt;activityId&gt;</c>, <c>retries.&lt;activityId&gt;</c>, <c>status</c> or <c>targetVersion</c>.</param>
/// <param name="Message">What is wrong, naming the activity or variable and the version.</param>
public sealed record MigrationProblem(string Field, string Message);

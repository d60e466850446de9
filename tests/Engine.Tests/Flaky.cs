using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Tests;

/// <summary>
/// A test activity standing in for a call to a service that is down for its first <see cref="Failures"/>
/// tries of an execution (an outage) and works after. Its output shows what it saw of the retry.
/// </summary>
[Activity("Test.Flaky", Category = "Test")]
internal sealed class Flaky : IActivity
{
    /// <summary>Tries of each execution that fail.</summary>
    [Input]
    public int Failures { get; set; } = 1;

    /// <summary>Throw instead of returning a fault.</summary>
    [Input]
    public bool Throw { get; set; }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Attempt <= Failures)
        {
            return Throw
                ? throw new InvalidOperationException($"the service threw on attempt {context.Attempt}")
                : ValueTask.FromResult(ActivityResult.Fault($"the service is down (attempt {context.Attempt})"));
        }

        return ValueTask.FromResult(ActivityResult.Done(new JsonObject
        {
            ["executionNumber"] = context.ExecutionNumber,
            ["attempt"] = context.Attempt,
            ["idempotencyKey"] = context.IdempotencyKey,
        }));
    }
}

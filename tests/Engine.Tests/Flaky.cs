using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Tests;

/// <summary>A test activity standing in for a call that fails once (an outage) and works when ops retry.</summary>
[Activity("Test.Flaky", Category = "Test")]
internal sealed class Flaky : IActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(context.ExecutionNumber == 1
            ? ActivityResult.Fault("the service is down")
            : ActivityResult.Done(context.ExecutionNumber));
}

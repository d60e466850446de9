using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Tests;

/// <summary>A test activity whose output is built from CLR values (a Guid, a decimal), as domain activities' outputs often are.</summary>
[Activity("Test.ClrValues", Category = "Test")]
internal sealed class ClrValues : IActivity
{
    public static readonly Guid Id = Guid.Parse("0193b2a4-7c1e-7a3b-9f00-112233445566");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Done(new JsonObject { ["id"] = Id, ["amount"] = 389.03m, ["count"] = 3 }));
}

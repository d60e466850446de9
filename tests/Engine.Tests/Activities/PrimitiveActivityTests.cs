using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Activities;

/// <summary>Log and Fault.</summary>
public sealed class PrimitiveActivityTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public async Task Log_writes_its_rendered_message_to_the_journal()
    {
        var flow = new Flow()
            .Variable("customer", new { name = "Acme" })
            .Add("start", "Start")
            .Add("log", "Log", new { message = Template("Order {{ input.orderId }} for {{ variables.customer.name }}"), level = "Warning" })
            .Chain("start", "log");

        var (run, result) = await _engine.StartAsync(flow, new { orderId = "O-7" });

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        var entry = result.Journal.Single(j => j.ActivityId == "log");
        Assert.Equal("Order O-7 for Acme", entry.Output!.GetValue<string>());
        Assert.Equal("Order O-7 for Acme", entry.Inputs!["message"]!.GetValue<string>());
        Assert.Equal("Warning", entry.Inputs["level"]!.GetValue<string>());
        Assert.Equal("Order O-7 for Acme", run.State.Outputs["log"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fault_raises_an_incident_with_its_message_and_stops_the_flow()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Fail", "Other" } })
            .Add("boom", "Fault", new { message = Template("no supplier for {{ input.orderId }}") })
            .Add("other", "Log", new { message = "queued behind the fault" })
            .Chain("start", "fork")
            .Connect("fork:Fail", "boom")
            .Connect("fork:Other", "other");

        var (run, result) = await _engine.StartAsync(flow, new { orderId = "O-7" });

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        var incident = Assert.IsType<IncidentInfo>(result.Incident);
        Assert.Equal(("boom", "Fault", 1), (incident.ActivityId, incident.ActivityType, incident.Attempt));
        Assert.Equal("activity 'boom' (Fault) failed: no supplier for O-7", incident.Error);
        var entry = result.Journal.Single(j => j.ActivityId == "boom");
        Assert.Equal((JournalEvent.Faulted, "no supplier for O-7"), (entry.Event, entry.Error));
        Assert.DoesNotContain(run.Journal, j => j.ActivityId == "other");
    }
}

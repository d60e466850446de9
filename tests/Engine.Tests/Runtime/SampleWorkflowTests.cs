using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Tests.Runtime;

/// <summary>The sample definitions in <c>workflows/</c> run as their descriptions say.</summary>
public sealed class SampleWorkflowTests
{
    private readonly TestEngine _engine = new();

    [Theory]
    [InlineData("Approve", true)]
    [InlineData("Reject", false)]
    public async Task Sample_approval_records_the_decision_and_comment(string outcome, bool approved)
    {
        var run = _engine.Run(TestEngine.LoadWorkflowFile("sample-approval", 1), new { requestId = "R-1", amount = 1200 });
        var first = await run.StartAsync();
        TestEngine.AssertStatus(WorkflowStatus.Suspended, first);
        Assert.Equal("Approval requested for R-1 (1200 USD)", run.State.Outputs["announce"]!.GetValue<string>());
        var task = Assert.Single(first.NewBookmarks);
        Assert.Equal("Approve request R-1", task.Request.Data!["title"]!.GetValue<string>());

        var second = await run.ResumeAsync(task, new JsonObject { ["outcome"] = outcome, ["comment"] = "looks fine" });

        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
        Assert.Equal(approved, run.State.Variables["approved"]!.GetValue<bool>());
        Assert.Equal("looks fine", run.State.Variables["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sample_payment_timeout_expires_when_the_timer_fires_first()
    {
        var run = _engine.Run(TestEngine.LoadWorkflowFile("sample-payment-timeout", 1), new { timeout = "PT30M" }, "Q-7");
        var first = await run.StartAsync();
        var timer = first.NewBookmarks.Single(b => b.ActivityId == "timeout");
        var payment = first.NewBookmarks.Single(b => b.ActivityId == "payment");
        Assert.Equal(TestEngine.StartTime.UtcDateTime.AddMinutes(30), timer.Request.DueAt);
        Assert.Equal(("PaymentReceived", "Q-7"), (payment.Request.Name, payment.Request.CorrelationKey));

        _engine.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = await run.ResumeAsync(timer);

        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
        Assert.Equal([payment.Id], second.CancelledBookmarks);
        Assert.Equal("expired", run.State.Variables["outcome"]!.GetValue<string>());
        Assert.Equal("Payment wait ended: expired", run.State.Outputs["report"]!.GetValue<string>());
    }
}

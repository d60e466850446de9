using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Activities;

/// <summary>WaitForEvent and HumanTask: waits that a client resumes with a payload.</summary>
public sealed class WaitActivityTests
{
    private readonly TestEngine _engine = new();

    private static Flow WaitForPayment(object inputs) => new Flow()
        .Variable("paid", 0)
        .Add("start", "Start")
        .Add("wait", "WaitForEvent", inputs)
        .Add("record", "SetVariable", new { variable = "paid", value = Js("outputs.wait.amount * 2") })
        .Chain("start", "wait", "record");

    [Fact]
    public async Task WaitForEvent_waits_on_a_bookmark_named_after_the_event_keyed_by_the_instance_correlation_id()
    {
        var (_, result) = await _engine.StartAsync(WaitForPayment(new { eventName = "PaymentReceived" }), correlationId: "Q-1001");

        TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        var bookmark = Assert.Single(result.NewBookmarks);
        Assert.Equal("wait", bookmark.ActivityId);
        Assert.Equal(1, bookmark.ExecutionNumber);
        Assert.Equal("PaymentReceived", bookmark.Request.Name);
        Assert.Equal("Q-1001", bookmark.Request.CorrelationKey);
        Assert.Null(bookmark.Request.DueAt);
        Assert.Equal("PaymentReceived", bookmark.Request.Data!["eventName"]!.GetValue<string>());
    }

    [Fact]
    public async Task WaitForEvent_uses_an_explicit_correlation_key()
    {
        var flow = WaitForPayment(new { eventName = Template("Paid-{{ input.kind }}"), correlationKey = Js("'order-' + input.orderId") });

        var (_, result) = await _engine.StartAsync(flow, new { orderId = 7, kind = "Deposit" }, correlationId: "Q-1001");

        var bookmark = Assert.Single(result.NewBookmarks);
        Assert.Equal("Paid-Deposit", bookmark.Request.Name);
        Assert.Equal("order-7", bookmark.Request.CorrelationKey);
    }

    [Fact]
    public async Task WaitForEvent_resume_payload_becomes_its_output_for_later_expressions()
    {
        var (run, first) = await _engine.StartAsync(WaitForPayment(new { eventName = "PaymentReceived" }));

        var second = await run.ResumeAsync(Assert.Single(first.NewBookmarks), new JsonObject { ["amount"] = 60 });

        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
        Assert.Equal(60, run.State.Outputs["wait"]!["amount"]!.GetValue<int>());
        Assert.Equal(120, run.State.Variables["paid"]!.GetValue<int>());
        var resumed = second.Journal[0];
        Assert.Equal(("wait", JournalEvent.Resumed, "Done"), (resumed.ActivityId, resumed.Event, resumed.Ports));
        Assert.Equal("PaymentReceived", resumed.Inputs!["bookmark"]!.GetValue<string>());
    }

    private static Flow Approval(object? outcomes = null) => new Flow()
        .Add("start", "Start")
        .Add("approve", "HumanTask", new
        {
            title = Template("Approve {{ input.requestId }}"),
            description = "Check the amount",
            role = "ops",
            form = new object[]
            {
                new { name = "comment", label = "Comment", type = "string", required = true, maxLength = 20 },
                new { name = "amount", type = "number" },
                new { name = "when", type = "date" },
                new { name = "size", type = "string", options = new[] { "S", "M" } },
            },
            outcomes = outcomes ?? new[] { "Approve", "Reject" },
        })
        .Add("approved", "Log", new { message = Template("approved: {{ outputs.approve.comment }}") })
        .Add("rejected", "Log", new { message = "rejected" })
        .Chain("start", "approve")
        .Connect("approve:Approve", "approved")
        .Connect("approve:Reject", "rejected");

    [Fact]
    public async Task HumanTask_waits_on_a_bookmark_carrying_its_role_form_and_outcomes()
    {
        var (_, result) = await _engine.StartAsync(Approval(), new { requestId = "R-1" });

        TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        var bookmark = Assert.Single(result.NewBookmarks);
        Assert.Equal(HumanTask.BookmarkName, bookmark.Request.Name);
        var data = bookmark.Request.Data!;
        Assert.Equal("Approve R-1", data["title"]!.GetValue<string>());
        Assert.Equal("Check the amount", data["description"]!.GetValue<string>());
        Assert.Equal("ops", data["role"]!.GetValue<string>());
        Assert.Equal(["comment", "amount", "when", "size"], data["form"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.True(data["form"]![0]!["required"]!.GetValue<bool>());
        Assert.Equal(["Approve", "Reject"], data["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"outcome": "Approve"}""", "comment", "is required")]
    [InlineData("""{"outcome": "Approve", "comment": 5}""", "comment", "must be a string")]
    [InlineData("""{"outcome": "Approve", "comment": "far more than twenty characters"}""", "comment", "at most 20 characters")]
    [InlineData("""{"outcome": "Approve", "comment": "ok", "amount": "12"}""", "amount", "must be a number")]
    [InlineData("""{"outcome": "Approve", "comment": "ok", "when": "03/02/2026"}""", "when", "yyyy-MM-dd")]
    [InlineData("""{"outcome": "Approve", "comment": "ok", "size": "XL"}""", "size", "must be one of: S, M")]
    [InlineData("""{"outcome": "Approve", "comment": "ok", "bonus": 1}""", "bonus", "is not a field")]
    [InlineData("""{"outcome": "Maybe", "comment": "ok"}""", "outcome", "must be one of: Approve, Reject")]
    [InlineData("""{"comment": "ok"}""", "outcome", "must be one of: Approve, Reject")]
    [InlineData("""["Approve"]""", "payload", "must be a JSON object")]
    public async Task HumanTask_refuses_a_payload_that_does_not_fit_its_form(string payload, string field, string message)
    {
        var (run, result) = await _engine.StartAsync(Approval(), new { requestId = "R-1" });
        var bookmark = run.OpenOf("approve");

        var errors = run.ValidateResume(bookmark, JsonNode.Parse(payload));

        Assert.Contains(message, Assert.Contains(field, errors));
        Assert.Single(result.NewBookmarks);
    }

    [Fact]
    public async Task HumanTask_accepts_a_payload_that_fits_its_form()
    {
        var (run, _) = await _engine.StartAsync(Approval(), new { requestId = "R-1" });

        var errors = run.ValidateResume(run.OpenOf("approve"), JsonNode.Parse("""{"outcome": "Reject", "comment": "ok", "amount": 1.5, "when": "2026-03-02", "size": "M"}"""));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task HumanTask_with_a_Done_outcome_may_be_completed_without_naming_one_and_others_still_must_be_named()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("stage", "HumanTask", new { title = "Stage", role = "factory", outcomes = new[] { "Done", "Report delay" },
                form = new object[] { new { name = "reason", type = "string", required = false, requiredFor = new[] { "Report delay" } } } })
            .Add("end", "End")
            .Chain("start", "stage")
            .Connect("stage:Done", "end")
            .Connect("stage:Report delay", "end");
        var (run, _) = await _engine.StartAsync(flow, new { });

        Assert.Empty(run.ValidateResume(run.OpenOf("stage"), JsonNode.Parse("{}")));
        Assert.Equal("is required to Report delay", run.ValidateResume(run.OpenOf("stage"), JsonNode.Parse("""{"outcome": "Report delay"}"""))["reason"]);
        Assert.Contains("must be one of", run.ValidateResume(run.OpenOf("stage"), JsonNode.Parse("""{"outcome": "Later"}"""))["outcome"], StringComparison.Ordinal);
    }

    private static Flow Offer(object form) => new Flow()
        .Add("start", "Start")
        .Add("offer", "HumanTask", new { title = "Take the order?", role = "supplier", form, outcomes = new[] { "Accept", "Decline" } })
        .Add("end", "End")
        .Chain("start", "offer")
        .Connect("offer:Accept", "end")
        .Connect("offer:Decline", "end");

    [Theory]
    [InlineData("""{"outcome": "Decline"}""", "is required to Decline")]
    [InlineData("""{"outcome": "Decline", "reason": "   "}""", "is required to Decline")]
    [InlineData("""{"outcome": "Decline", "reason": 3}""", "must be a string")]
    [InlineData("""{"outcome": "Accept", "reason": 3}""", "must be a string")]
    public async Task HumanTask_field_requiredFor_an_outcome_is_refused_blank_for_that_outcome(string payload, string message)
    {
        var (run, _) = await _engine.StartAsync(Offer(new[] { new { name = "reason", type = "string", requiredFor = new[] { "Decline" } } }), new { });

        var errors = run.ValidateResume(run.OpenOf("offer"), JsonNode.Parse(payload));

        Assert.Contains(message, Assert.Contains("reason", errors));
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("""{"outcome": "Accept"}""")]
    [InlineData("""{"outcome": "Accept", "reason": ""}""")]
    [InlineData("""{"outcome": "Decline", "reason": "no capacity in March"}""")]
    public async Task HumanTask_field_requiredFor_an_outcome_is_optional_for_the_others(string payload)
    {
        var (run, _) = await _engine.StartAsync(Offer(new[] { new { name = "reason", type = "string", requiredFor = new[] { "Decline" } } }), new { });

        Assert.Empty(run.ValidateResume(run.OpenOf("offer"), JsonNode.Parse(payload)));
    }

    [Theory]
    [InlineData("Approve", "approved")]
    [InlineData("Reject", "rejected")]
    public async Task HumanTask_outcome_picks_the_port_it_continues_through(string outcome, string next)
    {
        var (run, first) = await _engine.StartAsync(Approval(), new { requestId = "R-1" });

        var second = await run.ResumeAsync(Assert.Single(first.NewBookmarks), new JsonObject { ["outcome"] = outcome, ["comment"] = "fine" });

        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
        Assert.Equal(["approve", next], second.Journal.Select(j => j.ActivityId));
        Assert.Equal(outcome, second.Journal[0].Ports);
        Assert.Equal("fine", run.State.Outputs["approve"]!["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task HumanTask_without_outcomes_continues_through_Done()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("task", "HumanTask", new { title = "Count the boxes", role = "supplier", form = new[] { new { name = "boxes", type = "integer", required = true } } })
            .Add("after", "Log", new { message = Template("{{ outputs.task.boxes }} boxes") })
            .Chain("start", "task", "after");
        var (run, first) = await _engine.StartAsync(flow);
        var bookmark = Assert.Single(first.NewBookmarks);
        Assert.Contains("boxes", run.ValidateResume(run.OpenOf("task"), JsonNode.Parse("""{"boxes": 2.5}""")));

        var second = await run.ResumeAsync(bookmark, JsonNode.Parse("""{"boxes": 12}"""));

        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
        Assert.Equal("12 boxes", run.State.Outputs["after"]!.GetValue<string>());
    }
}

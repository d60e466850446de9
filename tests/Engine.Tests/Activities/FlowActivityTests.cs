using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Activities;

/// <summary>Start, End, Decision, Switch, Fork, Join and ForEach: the activities that steer the flow.</summary>
public sealed class FlowActivityTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public async Task Start_continues_through_Done_and_a_flow_without_waits_completes()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("log", "Log", new { message = "hello" })
            .Chain("start", "log");

        var (_, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(2, result.Steps);
        Assert.Equal(["start", "log"], result.Journal.Select(j => j.ActivityId));
        var start = result.Journal[0];
        Assert.Equal(JournalEvent.Executed, start.Event);
        Assert.Equal("Done", start.Ports);
        Assert.Equal(TestEngine.StartTime.UtcDateTime, start.StartedAt);
    }

    [Fact]
    public async Task End_completes_the_workflow_and_cancels_waits_left_open_on_other_branches()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Slow", "Fast" } })
            .Add("slow", "WaitForEvent", new { eventName = "Slow" })
            .Add("fast", "WaitForEvent", new { eventName = "Fast" })
            .Add("after-slow", "Log", new { message = "must not run" })
            .Add("end", "End")
            .Chain("start", "fork")
            .Connect("fork:Slow", "slow")
            .Connect("fork:Fast", "fast")
            .Chain("slow", "after-slow")
            .Chain("fast", "end");
        var (run, first) = await _engine.StartAsync(flow);
        TestEngine.AssertStatus(WorkflowStatus.Suspended, first);
        var slow = Assert.Single(first.NewBookmarks, b => b.ActivityId == "slow");
        var fast = Assert.Single(first.NewBookmarks, b => b.ActivityId == "fast");

        var second = await run.ResumeAsync(fast);

        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
        Assert.Equal([slow.Id], second.CancelledBookmarks);
        Assert.Empty(second.NewBookmarks);
        Assert.Empty(run.Open);
        Assert.DoesNotContain(run.Journal, j => j.ActivityId == "after-slow");
    }

    [Fact]
    public async Task End_drops_a_wait_created_earlier_in_the_same_burst()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Wait", "Finish" } })
            .Add("wait", "WaitForEvent", new { eventName = "Never" })
            .Add("end", "End")
            .Chain("start", "fork")
            .Connect("fork:Wait", "wait")
            .Connect("fork:Finish", "end");

        var (_, result) = await _engine.StartAsync(flow);

        Assert.Contains(result.Journal, j => j.ActivityId == "wait" && j.Event == JournalEvent.Waiting);
        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Empty(result.NewBookmarks);
    }

    [Fact]
    public async Task SetVariable_sets_a_declared_variable_to_an_evaluated_value()
    {
        var flow = new Flow()
            .Variable("total", 2)
            .Add("start", "Start")
            .Add("set", "SetVariable", new { variable = "total", value = Js("variables.total * 21") })
            .Chain("start", "set");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(42, run.State.Variables["total"]!.GetValue<int>());
        Assert.Equal(42, run.State.Outputs["set"]!.GetValue<int>());
        Assert.Equal(42, result.Journal[1].Inputs!["value"]!.GetValue<int>());
    }

    [Fact]
    public void SetVariable_of_an_undeclared_variable_is_refused_before_publish_naming_the_variable()
    {
        var flow = new Flow()
            .Variable("total", 0)
            .Add("start", "Start")
            .Add("set", "SetVariable", new { variable = "totl", value = 1 })
            .Chain("start", "set");

        var validation = _engine.Validate(flow.ToJson());

        var error = Assert.Single(validation.Errors);
        Assert.Equal("root.activities[1].inputs.variable", error.Field);
        Assert.Equal("set", error.ActivityId);
        Assert.Contains("variable 'totl' is not declared", error.Message);
    }

    [Theory]
    [InlineData("true", "True")]
    [InlineData("false", "False")]
    [InlineData("1", "True")]
    [InlineData("0", "False")]
    [InlineData("-0.5", "True")]
    [InlineData("NaN", "False")]
    [InlineData("'no'", "True")]
    [InlineData("''", "False")]
    [InlineData("null", "False")]
    [InlineData("undefined", "False")]
    [InlineData("[]", "True")]
    [InlineData("({})", "True")]
    [InlineData("variables.amount > 1000", "True")]
    public async Task Decision_takes_True_or_False_by_JavaScript_truthiness(string condition, string expectedPort)
    {
        var flow = new Flow()
            .Variable("amount", 1200)
            .Add("start", "Start")
            .Add("decide", "Decision", new { condition = Js(condition) })
            .Add("yes", "Log", new { message = "yes" })
            .Add("no", "Log", new { message = "no" })
            .Chain("start", "decide")
            .Connect("decide:True", "yes")
            .Connect("decide:False", "no");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(expectedPort, result.Journal.Single(j => j.ActivityId == "decide").Ports);
        Assert.Equal(expectedPort == "True", run.State.Outputs["decide"]!.GetValue<bool>());
        Assert.Equal(["start", "decide", expectedPort == "True" ? "yes" : "no"], result.Journal.Select(j => j.ActivityId));
    }

    [Theory]
    [InlineData(5, false, new[] { "small" })]
    [InlineData(50, false, new[] { "medium" })]
    [InlineData(5, true, new[] { "small", "medium" })]
    [InlineData(500, false, new[] { "default" })]
    [InlineData(500, true, new[] { "default" })]
    public async Task Switch_takes_the_first_matching_case_every_match_with_MatchAll_else_Default(int quantity, bool matchAll, string[] expected)
    {
        var flow = new Flow()
            .Variable("qty", quantity)
            .Add("start", "Start")
            .Add("size", "Switch", new
            {
                cases = new[]
                {
                    new { port = "Small", condition = "variables.qty < 10" },
                    new { port = "Medium", condition = "variables.qty < 100" },
                },
                matchAll,
            })
            .Add("small", "Log", new { message = "small" })
            .Add("medium", "Log", new { message = "medium" })
            .Add("default", "Log", new { message = "default" })
            .Chain("start", "size")
            .Connect("size:Small", "small")
            .Connect("size:Medium", "medium")
            .Connect("size:Default", "default");

        var (_, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(expected, result.Journal.Skip(2).Select(j => j.ActivityId));
    }

    [Fact]
    public async Task Fork_continues_through_every_branch()
    {
        var flow = new Flow()
            .Variable("seen", new List<string>())
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "A", "B", "C" } })
            .Add("a", "SetVariable", new { variable = "seen", value = Js("variables.seen.concat(['a'])") })
            .Add("b", "SetVariable", new { variable = "seen", value = Js("variables.seen.concat(['b'])") })
            .Add("c", "SetVariable", new { variable = "seen", value = Js("variables.seen.concat(['c'])") })
            .Chain("start", "fork")
            .Connect("fork:A", "a")
            .Connect("fork:B", "b")
            .Connect("fork:C", "c");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal("A,B,C", result.Journal.Single(j => j.ActivityId == "fork").Ports);
        Assert.Equal(["a", "b", "c"], run.State.Variables["seen"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Join_WaitAll_continues_only_after_every_branch_arrived_across_bursts()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "A", "B" } })
            .Add("wait-a", "WaitForEvent", new { eventName = "A" })
            .Add("wait-b", "WaitForEvent", new { eventName = "B" })
            .Add("join", "Join", new { mode = "WaitAll" })
            .Add("after", "Log", new { message = "both arrived" })
            .Chain("start", "fork")
            .Connect("fork:A", "wait-a")
            .Connect("fork:B", "wait-b")
            .Chain("wait-a", "join")
            .Chain("wait-b", "join")
            .Chain("join", "after");
        var (run, first) = await _engine.StartAsync(flow);
        TestEngine.AssertStatus(WorkflowStatus.Suspended, first);
        Assert.Equal(2, first.NewBookmarks.Count);

        var second = await run.ResumeAsync(first.NewBookmarks.Single(b => b.ActivityId == "wait-a"));

        TestEngine.AssertStatus(WorkflowStatus.Suspended, second);
        Assert.DoesNotContain(second.Journal, j => j.ActivityId is "join" or "after");
        Assert.Equal(["wait-a:Done"], run.State.JoinArrivals["join"]);

        var third = await run.ResumeAsync(first.NewBookmarks.Single(b => b.ActivityId == "wait-b"));

        TestEngine.AssertStatus(WorkflowStatus.Completed, third);
        Assert.Equal(["wait-b", "join", "after"], third.Journal.Select(j => j.ActivityId));
        Assert.Empty(run.State.JoinArrivals);
        Assert.Single(run.Journal, j => j.ActivityId == "join");
    }

    [Fact]
    public async Task Join_WaitAny_continues_on_the_first_branch_and_cancels_the_other_branch_wait()
    {
        var flow = new Flow()
            .Variable("outcome", "waiting")
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Payment", "Timeout" } })
            .Add("payment", "WaitForEvent", new { eventName = "PaymentReceived" })
            .Add("paid", "SetVariable", new { variable = "outcome", value = "paid" })
            .Add("timeout", "Delay", new { duration = "PT1H" })
            .Add("expired", "SetVariable", new { variable = "outcome", value = "expired" })
            .Add("first", "Join", new { mode = "WaitAny" })
            .Add("report", "Log", new { message = Template("ended: {{ variables.outcome }}") })
            .Chain("start", "fork")
            .Connect("fork:Payment", "payment")
            .Connect("fork:Timeout", "timeout")
            .Chain("payment", "paid", "first")
            .Chain("timeout", "expired", "first")
            .Chain("first", "report");
        var (run, first) = await _engine.StartAsync(flow);
        var timer = first.NewBookmarks.Single(b => b.ActivityId == "timeout");

        var second = await run.ResumeAsync(first.NewBookmarks.Single(b => b.ActivityId == "payment"), new JsonObject { ["amount"] = 10 });

        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
        Assert.Equal([timer.Id], second.CancelledBookmarks);
        Assert.Empty(run.Open);
        Assert.Equal("paid", run.State.Variables["outcome"]!.GetValue<string>());
        Assert.Equal("ended: paid", run.State.Outputs["report"]!.GetValue<string>());
        Assert.DoesNotContain(run.Journal, j => j.ActivityId == "expired");
        var dropped = Assert.Single(second.Journal, j => j.Event == JournalEvent.Cancelled);
        Assert.Equal("timeout", dropped.ActivityId);
    }

    [Fact]
    public async Task Join_WaitAny_drops_steps_of_the_other_branches_still_queued()
    {
        var flow = new Flow()
            .Variable("winner", "")
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Fast", "Slow" } })
            .Add("fast", "SetVariable", new { variable = "winner", value = "fast" })
            .Add("slow-1", "Log", new { message = "slow step 1" })
            .Add("slow-2", "SetVariable", new { variable = "winner", value = "slow" })
            .Add("join", "Join", new { mode = "WaitAny" })
            .Add("after", "Log", new { message = Template("{{ variables.winner }} won") })
            .Chain("start", "fork")
            .Connect("fork:Fast", "fast")
            .Connect("fork:Slow", "slow-1")
            .Chain("fast", "join")
            .Chain("slow-1", "slow-2", "join")
            .Chain("join", "after");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(["start", "fork", "fast", "join", "after"], result.Journal.Select(j => j.ActivityId));
        Assert.Equal("fast won", run.State.Outputs["after"]!.GetValue<string>());
    }

    [Fact]
    public async Task Join_WaitAny_runs_once_when_two_branches_arrive_in_the_same_step()
    {
        var flow = new Flow()
            .Variable("count", 0)
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "A", "B" } })
            .Add("join", "Join", new { mode = "WaitAny" })
            .Add("count-it", "SetVariable", new { variable = "count", value = Js("variables.count + 1") })
            .Chain("start", "fork")
            .Connect("fork:A", "join")
            .Connect("fork:B", "join")
            .Chain("join", "count-it");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Single(result.Journal, j => j.ActivityId == "join");
        Assert.Equal(1, run.State.Variables["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task ForEach_takes_each_item_through_Iterate_with_its_index_then_continues_through_Done()
    {
        var flow = new Flow()
            .Variable("seen", new List<string>())
            .Variable("sizes", new[] { "S", "M", "L" })
            .Add("start", "Start")
            .Add("each", "ForEach", new { items = Var("sizes") })
            .Add("body", "SetVariable", new { variable = "seen", value = Js("variables.seen.concat([outputs.each.item + outputs.each.index])") })
            .Add("done", "Log", new { message = Template("{{ outputs.each.count }} sizes") })
            .Chain("start", "each")
            .Connect("each:Iterate", "body")
            .Chain("body", "each")
            .Connect("each:Done", "done");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(["S0", "M1", "L2"], run.State.Variables["seen"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("3 sizes", run.State.Outputs["done"]!.GetValue<string>());
        Assert.Equal(["Iterate", "Iterate", "Iterate", "Done"], result.Journal.Where(j => j.ActivityId == "each").Select(j => j.Ports));
        Assert.Equal(4, run.State.ExecutionCounts["each"]);
        Assert.False(run.State.ActivityState.ContainsKey("each"));
    }

    [Fact]
    public async Task ForEach_of_an_empty_list_continues_through_Done_at_once()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("each", "ForEach", new { items = Array.Empty<int>() })
            .Add("body", "Log", new { message = "never" })
            .Add("done", "Log", new { message = "done" })
            .Chain("start", "each")
            .Connect("each:Iterate", "body")
            .Chain("body", "each")
            .Connect("each:Done", "done");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(["start", "each", "done"], result.Journal.Select(j => j.ActivityId));
        Assert.Equal(0, run.State.Outputs["each"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task ForEach_of_a_null_list_faults_with_a_clear_message()
    {
        var flow = new Flow()
            .Variable("sizes")
            .Add("start", "Start")
            .Add("each", "ForEach", new { items = Var("sizes") })
            .Add("body", "Log", new { message = "never" })
            .Chain("start", "each")
            .Connect("each:Iterate", "body")
            .Chain("body", "each");

        var (_, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Equal("each", result.Incident!.ActivityId);
        Assert.Contains("items evaluated to null", result.Incident.Error);
    }

    [Fact]
    public async Task ForEach_takes_its_list_once_and_later_iterations_neither_evaluate_nor_journal_it_again()
    {
        var flow = new Flow()
            .Variable("list", new[] { 1, 2, 3 })
            .Variable("seen", new List<int>())
            .Add("start", "Start")
            .Add("each", "ForEach", new { items = Js("variables.list") })
            // The body empties the list the loop was started with: the loop walks what it took at the start.
            .Add("empty", "SetVariable", new { variable = "list", value = Js("[]") })
            .Add("body", "SetVariable", new { variable = "seen", value = Js("variables.seen.concat([outputs.each.item])") })
            .Chain("start", "each")
            .Connect("each:Iterate", "empty")
            .Chain("empty", "body", "each");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal([1, 2, 3], run.State.Variables["seen"]!.AsArray().Select(n => n!.GetValue<int>()));
        var runs = result.Journal.Where(j => j.ActivityId == "each").ToList();
        Assert.Equal(4, runs.Count);
        Assert.Equal("[1,2,3]", runs[0].Inputs!["items"]!.ToJsonString());
        Assert.All(runs.Skip(1), later => Assert.False(later.Inputs!.ContainsKey("items")));
    }

    [Fact]
    public async Task ForEach_over_a_list_longer_than_a_burst_pauses_and_continues_running_each_body_once()
    {
        var engine = new TestEngine(new InterpreterOptions { StepsPerBurst = 50 });
        var flow = new Flow()
            .Variable("items", Enumerable.Range(0, 1_000).ToArray())
            .Variable("sum", 0)
            .Add("start", "Start")
            .Add("each", "ForEach", new { items = Var("items") })
            .Add("body", "SetVariable", new { variable = "sum", value = Js("variables.sum + outputs.each.item") })
            .Add("done", "Log", new { message = Template("{{ outputs.each.count }} items, sum {{ variables.sum }}") })
            .Chain("start", "each")
            .Connect("each:Iterate", "body")
            .Chain("body", "each")
            .Connect("each:Done", "done");

        var (run, first) = await engine.StartAsync(flow);
        var bursts = await run.ContinueWhilePausedAsync(first);

        Assert.All(bursts, burst => Assert.InRange(burst.Steps, 1, 50));
        Assert.All(bursts.SkipLast(1), burst => TestEngine.AssertStatus(WorkflowStatus.Running, burst));
        TestEngine.AssertStatus(WorkflowStatus.Completed, bursts[^1]);
        Assert.Equal(2_003, bursts.Sum(b => b.Steps));
        Assert.Equal(Enumerable.Range(1, 1_000), run.Journal.Where(j => j.ActivityId == "body").Select(j => j.ExecutionNumber));
        Assert.Equal(499_500, run.State.Variables["sum"]!.GetValue<int>());
        Assert.Equal("1000 items, sum 499500", run.State.Outputs["done"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForEach_with_a_wait_in_its_body_keeps_its_place_across_bursts()
    {
        var flow = new Flow()
            .Variable("confirmed", new List<int>())
            .Add("start", "Start")
            .Add("each", "ForEach", new { items = new[] { 10, 20 } })
            .Add("confirm", "WaitForEvent", new { eventName = "StageConfirmed" })
            .Add("record", "SetVariable", new { variable = "confirmed", value = Js("variables.confirmed.concat([outputs.each.item])") })
            .Add("done", "Log", new { message = "all confirmed" })
            .Chain("start", "each")
            .Connect("each:Iterate", "confirm")
            .Chain("confirm", "record", "each")
            .Connect("each:Done", "done");
        var (run, first) = await _engine.StartAsync(flow);

        var second = await run.ResumeAsync(Assert.Single(first.NewBookmarks));
        TestEngine.AssertStatus(WorkflowStatus.Suspended, second);
        Assert.Equal(2, Assert.Single(second.NewBookmarks).ExecutionNumber);

        var third = await run.ResumeAsync(Assert.Single(second.NewBookmarks));

        TestEngine.AssertStatus(WorkflowStatus.Completed, third);
        Assert.Equal([10, 20], run.State.Variables["confirmed"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Contains(third.Journal, j => j.ActivityId == "done");
    }
}

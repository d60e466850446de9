using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Runtime;

/// <summary>Burst-level behaviour of the interpreter: the step limit, retries and resumes.</summary>
public sealed class InterpreterTests
{
    [Fact]
    public async Task Loop_that_never_waits_faults_after_the_step_limit_counted_across_paused_bursts()
    {
        var engine = new TestEngine(new InterpreterOptions { StepsPerBurst = 40, MaxStepsWithoutWait = 100 });
        var flow = new Flow()
            .Variable("laps", 0)
            .Add("start", "Start")
            .Add("again", "Decision", new { condition = Js("true") })
            .Add("count", "SetVariable", new { variable = "laps", value = Js("variables.laps + 1") })
            .Chain("start", "again")
            .Connect("again:True", "count")
            .Chain("count", "again");

        var (run, first) = await engine.StartAsync(flow);
        var bursts = await run.ContinueWhilePausedAsync(first);

        Assert.Equal([40, 40, 20], bursts.Select(b => b.Steps));
        var result = bursts[^1];
        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        var incident = Assert.IsType<IncidentInfo>(result.Incident);
        Assert.Null(incident.ActivityId);
        Assert.StartsWith("more than 100 activities ran without waiting", incident.Error);
        Assert.Equal(49, run.State.Variables["laps"]!.GetValue<int>());
        Assert.Empty(run.State.Pending);
        Assert.Equal(0, run.State.ContinuedSteps);
    }

    [Fact]
    public async Task Burst_pauses_at_its_step_bound_keeping_what_is_due_and_the_continuation_runs_it_first()
    {
        var engine = new TestEngine(new InterpreterOptions { StepsPerBurst = 3 });
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "A", "B" } })
            .Add("a1", "Log", new { message = "a1" })
            .Add("a2", "Log", new { message = "a2" })
            .Add("b1", "Log", new { message = "b1" })
            .Add("b2", "Log", new { message = "b2" })
            .Chain("start", "fork")
            .Connect("fork:A", "a1")
            .Connect("fork:B", "b1")
            .Chain("a1", "a2")
            .Chain("b1", "b2");

        var (run, first) = await engine.StartAsync(flow);

        Assert.True(first.Paused);
        TestEngine.AssertStatus(WorkflowStatus.Running, first);
        Assert.Equal(["start", "fork", "a1"], first.Journal.Select(j => j.ActivityId));
        Assert.Equal(["b1", "a2"], run.State.Pending);
        Assert.Equal(3, run.State.ContinuedSteps);

        var second = await run.ContinueAsync();

        Assert.False(second.Paused);
        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
        Assert.Equal(["b1", "a2", "b2"], second.Journal.Select(j => j.ActivityId));
        Assert.Empty(run.State.Pending);
        Assert.Equal(0, run.State.ContinuedSteps);
    }

    [Fact]
    public async Task Continuation_of_an_activity_the_version_no_longer_has_faults_and_drops_what_was_due()
    {
        var engine = new TestEngine();
        var definition = engine.Compile(new Flow().Add("start", "Start").ToJson());
        var state = new InstanceState { Pending = ["gone", "start"], ContinuedSteps = 10 };

        var result = await engine.Interpreter.RunAsync(new BurstRequest(definition, Guid.NewGuid(), null, state, new BurstTrigger.Continue(), []), CancellationToken.None);

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Null(result.Incident!.ActivityId);
        Assert.Equal("activity 'gone' was due to run next, but this definition version does not have it; it was dropped", result.Incident.Error);
        Assert.Empty(result.Journal);
        Assert.Empty(state.Pending);
        Assert.Equal(0, state.ContinuedSteps);
    }

    [Fact]
    public async Task Loop_through_a_wait_is_not_limited_across_bursts()
    {
        var engine = new TestEngine(new InterpreterOptions { MaxStepsWithoutWait = 5 });
        var flow = new Flow()
            .Add("start", "Start")
            .Add("tick", "Delay", new { duration = "PT1M" })
            .Add("log", "Log", new { message = "tick" })
            .Chain("start", "tick", "log", "tick");
        var (run, result) = await engine.StartAsync(flow);

        for (var i = 0; i < 10; i++)
        {
            engine.Clock.Advance(TimeSpan.FromMinutes(1));
            result = await run.ResumeAsync(Assert.Single(result.NewBookmarks));
            TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        }

        Assert.Equal(11, run.State.ExecutionCounts["tick"]);
        Assert.Equal(TestEngine.StartTime.UtcDateTime.AddMinutes(11), Assert.Single(run.Open).Data["dueAt"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task Ops_retry_runs_the_faulted_execution_again_under_its_number_as_the_next_attempt()
    {
        var engine = new TestEngine();
        var flow = new Flow()
            .Add("start", "Start")
            .Add("call", "Test.Flaky")
            .Add("after", "Log", new { message = "recovered" })
            .Chain("start", "call", "after");
        var (run, first) = await engine.StartAsync(flow);
        TestEngine.AssertStatus(WorkflowStatus.Faulted, first);
        Assert.Equal(("call", 1), (first.Incident!.ActivityId, first.Incident.Attempt));
        Assert.Contains("the service is down", first.Incident.Error);

        var retried = await run.RetryAsync("call");

        TestEngine.AssertStatus(WorkflowStatus.Completed, retried);
        Assert.Null(retried.Incident);
        Assert.Equal(1, run.State.ExecutionCounts["call"]);
        var call = retried.Journal[0];
        Assert.Equal(("call", 1, JournalEvent.Executed), (call.ActivityId, call.ExecutionNumber, call.Event));
        var output = run.State.Outputs["call"]!;
        Assert.Equal((1, 2), (output["executionNumber"]!.GetValue<int>(), output["attempt"]!.GetValue<int>()));
        Assert.Equal($"{run.InstanceId:N}:call:1", output["idempotencyKey"]!.GetValue<string>());
        Assert.Equal(["call", "after"], retried.Journal.Select(j => j.ActivityId));
        Assert.Empty(run.State.Retries);
    }

    [Fact]
    public async Task Ops_retry_of_an_activity_that_faults_again_counts_the_attempt()
    {
        var engine = new TestEngine();
        var flow = new Flow()
            .Add("start", "Start")
            .Add("boom", "Fault", new { message = "still broken" })
            .Chain("start", "boom");
        var (run, _) = await engine.StartAsync(flow);

        var second = await run.RetryAsync("boom");
        var third = await run.RetryAsync("boom");

        Assert.Equal(2, second.Incident!.Attempt);
        Assert.Equal(3, third.Incident!.Attempt);
        Assert.Contains("failed after 3 attempts: still broken", third.Incident.Error);
        Assert.Equal(1, run.State.ExecutionCounts["boom"]);
        Assert.All(run.Journal.Where(j => j.ActivityId == "boom"), j => Assert.Equal((1, JournalEvent.Faulted), (j.ExecutionNumber, j.Event)));
    }

    [Fact]
    public async Task Resume_of_a_bookmark_whose_activity_is_gone_faults_naming_it()
    {
        var engine = new TestEngine();
        var run = engine.Run(new Flow().Add("start", "Start"));
        var stale = new OpenBookmark(Guid.NewGuid(), "removed-in-v2", 1, "Go", []);

        var result = await engine.Interpreter.RunAsync(
            new BurstRequest(run.Definition, run.InstanceId, null, run.State, new BurstTrigger.Resume(stale, null), []),
            CancellationToken.None);

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Contains("activity 'removed-in-v2', which this definition version does not have", result.Incident!.Error);
    }

    [Fact]
    public async Task Burst_run_in_a_request_stops_before_an_activity_that_may_call_out()
    {
        var engine = new TestEngine();
        var flow = new Flow()
            .Variable("seen", 0)
            .Add("start", "Start")
            .Add("set", "SetVariable", new { variable = "seen", value = 1 })
            .Add("call", "HttpRequest", new { url = "http://127.0.0.1:9/never", method = "GET" })
            .Chain("start", "set", "call");
        var run = engine.Run(flow);

        var stopped = await Assert.ThrowsAsync<OutOfProcessActivityException>(() => engine.Interpreter.RunAsync(
            new BurstRequest(run.Definition, run.InstanceId, null, run.State, new BurstTrigger.Start(), [], InProcessOnly: true),
            CancellationToken.None));

        Assert.Equal(("call", "HttpRequest"), (stopped.ActivityId, stopped.ActivityType));
        Assert.False(run.State.ExecutionCounts.ContainsKey("call"), "the activity must not have started");
    }

    [Fact]
    public async Task Burst_run_in_a_request_runs_in_process_activities_up_to_the_next_wait()
    {
        var engine = new TestEngine();
        var flow = new Flow()
            .Variable("seen", 0)
            .Add("start", "Start")
            .Add("set", "SetVariable", new { variable = "seen", value = 1 })
            .Add("wait", "WaitForEvent", new { eventName = "Go" })
            .Add("call", "HttpRequest", new { url = "http://127.0.0.1:9/never", method = "GET" })
            .Chain("start", "set", "wait", "call");
        var run = engine.Run(flow);

        var result = await engine.Interpreter.RunAsync(
            new BurstRequest(run.Definition, run.InstanceId, null, run.State, new BurstTrigger.Start(), [], InProcessOnly: true),
            CancellationToken.None);

        TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        Assert.Equal("wait", Assert.Single(result.NewBookmarks).ActivityId);
    }

    [Fact]
    public void Every_built_in_activity_but_the_HTTP_request_stays_in_process()
    {
        var registry = new TestEngine().Registry;
        var calling = registry.All.Where(d => d.ClrType.Assembly == typeof(WorkflowInterpreter).Assembly && !d.InProcess).Select(d => d.Type);
        Assert.Equal(["HttpRequest"], calling);
    }

    [Fact]
    public async Task Resume_of_an_activity_that_cannot_wait_faults()
    {
        var engine = new TestEngine();
        var run = engine.Run(new Flow().Add("start", "Start").Add("log", "Log", new { message = "x" }).Chain("start", "log"));
        var odd = new OpenBookmark(Guid.NewGuid(), "log", 1, "Go", []);

        var result = await engine.Interpreter.RunAsync(
            new BurstRequest(run.Definition, run.InstanceId, null, run.State, new BurstTrigger.Resume(odd, null), []),
            CancellationToken.None);

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Contains("activity 'log' (Log) cannot be resumed", result.Incident!.Error);
    }

    [Fact]
    public async Task Instance_stays_suspended_while_another_branch_still_waits()
    {
        var engine = new TestEngine();
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "A", "B" } })
            .Add("a", "WaitForEvent", new { eventName = "A" })
            .Add("b", "WaitForEvent", new { eventName = "B" })
            .Chain("start", "fork")
            .Connect("fork:A", "a")
            .Connect("fork:B", "b");
        var (run, first) = await engine.StartAsync(flow);

        var second = await run.ResumeAsync(first.NewBookmarks.Single(b => b.ActivityId == "a"), new JsonObject());

        TestEngine.AssertStatus(WorkflowStatus.Suspended, second);
        Assert.Equal("b", Assert.Single(run.Open).ActivityId);

        var third = await run.ResumeAsync(first.NewBookmarks.Single(b => b.ActivityId == "b"));

        TestEngine.AssertStatus(WorkflowStatus.Completed, third);
        Assert.Empty(run.Open);
    }
}

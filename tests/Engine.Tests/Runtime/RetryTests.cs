using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Tests.Runtime;

/// <summary>Activity retries: backoff with jitter, the same execution across tries, the incident when they are spent.</summary>
public sealed class RetryTests
{
    private static readonly object Policy = new { maxAttempts = 3, initialDelay = "PT5S", maxDelay = "PT5M", factor = 2 };

    private static Flow CallThenLog(int failures, object? policy = null, bool throws = false)
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("call", "Test.Flaky", new { failures, @throw = throws })
            .Add("after", "Log", new { message = "recovered" })
            .Chain("start", "call", "after");
        return policy is null ? flow : flow.Retry("call", policy);
    }

    [Fact]
    public void Backoff_grows_by_the_factor_and_stops_at_the_max_delay()
    {
        var policy = new RetryPolicy { MaxAttempts = 10, InitialDelay = "PT5S", MaxDelay = "PT1M", Factor = 2 };

        // A sample of 0.5 is the middle of the jitter band: no jitter.
        var delays = Enumerable.Range(1, 6).Select(attempt => policy.DelayAfter(attempt, 0.5).TotalSeconds).ToList();

        Assert.Equal([5, 10, 20, 40, 60, 60], delays);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(3, 20)]
    [InlineData(8, 60)]
    public void Jitter_stays_within_twenty_percent_and_never_beyond_the_max_delay(int attempt, double middleSeconds)
    {
        var policy = new RetryPolicy { MaxAttempts = 10, InitialDelay = "PT5S", MaxDelay = "PT1M", Factor = 2 };

        var low = policy.DelayAfter(attempt, 0).TotalSeconds;
        var high = policy.DelayAfter(attempt, 0.999999).TotalSeconds;
        var samples = Enumerable.Range(0, 200).Select(_ => policy.DelayAfter(attempt, Random.Shared.NextDouble()).TotalSeconds).ToList();

        Assert.Equal(middleSeconds * 0.8, low, 3);
        Assert.Equal(Math.Min(middleSeconds * 1.2, 60), high, 3);
        Assert.All(samples, s => Assert.InRange(s, low, high));
    }

    [Fact]
    public void Defaults_are_five_seconds_doubling_up_to_five_minutes()
    {
        var policy = new RetryPolicy { MaxAttempts = 20 };

        Assert.Equal(TimeSpan.FromSeconds(5), policy.DelayAfter(1, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayAfter(2, 0.5));
        Assert.Equal(TimeSpan.FromMinutes(5), policy.DelayAfter(15, 0.5));
    }

    [Fact]
    public async Task Failed_attempt_schedules_a_retry_and_suspends_the_instance_instead_of_faulting_it()
    {
        var engine = new TestEngine();

        var (run, result) = await engine.StartAsync(CallThenLog(failures: 1, Policy));

        TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        Assert.Null(result.Incident);
        var retry = Assert.Single(result.ScheduledRetries);
        Assert.Equal(("call", 1, 2), (retry.ActivityId, retry.ExecutionNumber, retry.Attempt));
        var now = TestEngine.StartTime.UtcDateTime;
        Assert.InRange(retry.DueAt, now.AddSeconds(4), now.AddSeconds(6));
        var faulted = Assert.Single(result.Journal, j => j.ActivityId == "call");
        Assert.Equal((1, JournalEvent.Faulted), (faulted.ExecutionNumber, faulted.Event));
        Assert.Contains("the service is down (attempt 1)", faulted.Error);
        Assert.Contains("attempt 1 of 3 failed, retrying in", faulted.Error);
        var pending = run.State.Retries["call"];
        Assert.Equal((1, 1, retry.DueAt), (pending.ExecutionNumber, pending.FailedAttempts, pending.NextAttemptAt));
        Assert.DoesNotContain(run.Journal, j => j.ActivityId == "after");
    }

    [Fact]
    public async Task Retries_run_the_same_execution_with_growing_attempts_until_it_succeeds()
    {
        var engine = new TestEngine();
        var (run, first) = await engine.StartAsync(CallThenLog(failures: 2, Policy));

        engine.Clock.Advance(TimeSpan.FromSeconds(6));
        var second = await run.RunScheduledRetryAsync(Assert.Single(first.ScheduledRetries));
        TestEngine.AssertStatus(WorkflowStatus.Suspended, second);
        var retry = Assert.Single(second.ScheduledRetries);
        Assert.Equal(("call", 1, 3), (retry.ActivityId, retry.ExecutionNumber, retry.Attempt));
        var now = engine.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(retry.DueAt, now.AddSeconds(8), now.AddSeconds(12));

        engine.Clock.Advance(TimeSpan.FromSeconds(12));
        var third = await run.RunScheduledRetryAsync(retry);

        TestEngine.AssertStatus(WorkflowStatus.Completed, third);
        Assert.Empty(third.ScheduledRetries);
        Assert.Empty(run.State.Retries);
        Assert.Equal(1, run.State.ExecutionCounts["call"]);
        Assert.Equal(
            [("call", 1, JournalEvent.Faulted), ("call", 1, JournalEvent.Faulted), ("call", 1, JournalEvent.Executed), ("after", 1, JournalEvent.Executed)],
            run.Journal.Where(j => j.ActivityId != "start").Select(j => (j.ActivityId, j.ExecutionNumber, j.Event)));
        var output = run.State.Outputs["call"]!;
        Assert.Equal(3, output["attempt"]!.GetValue<int>());
        Assert.Equal($"{run.InstanceId:N}:call:1", output["idempotencyKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_exception_is_retried_like_a_fault()
    {
        var engine = new TestEngine();
        var (run, first) = await engine.StartAsync(CallThenLog(failures: 1, Policy, throws: true));

        TestEngine.AssertStatus(WorkflowStatus.Suspended, first);
        Assert.Contains("the service threw on attempt 1", Assert.Single(first.Journal, j => j.ActivityId == "call").Error);
        var second = await run.RunScheduledRetryAsync(Assert.Single(first.ScheduledRetries));

        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
    }

    [Fact]
    public async Task Spent_retries_fault_the_instance_with_an_incident_counting_the_attempts()
    {
        var engine = new TestEngine();
        var (run, result) = await engine.StartAsync(CallThenLog(failures: 10, Policy));
        result = await run.RunScheduledRetryAsync(Assert.Single(result.ScheduledRetries));

        var last = await run.RunScheduledRetryAsync(Assert.Single(result.ScheduledRetries));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, last);
        Assert.Empty(last.ScheduledRetries);
        var incident = Assert.IsType<IncidentInfo>(last.Incident);
        Assert.Equal(("call", "Test.Flaky", 3), (incident.ActivityId, incident.ActivityType, incident.Attempt));
        Assert.Equal("activity 'call' (Test.Flaky) failed after 3 attempts: the service is down (attempt 3)", incident.Error);
        Assert.Equal(3, run.Journal.Count(j => j.ActivityId == "call" && j.Event == JournalEvent.Faulted && j.ExecutionNumber == 1));
        Assert.Null(run.State.Retries["call"].NextAttemptAt);
    }

    [Fact]
    public async Task Ops_retry_after_spent_retries_is_one_more_attempt_of_the_same_execution()
    {
        var engine = new TestEngine();
        var (run, result) = await engine.StartAsync(CallThenLog(failures: 3, new { maxAttempts = 3 }));
        result = await run.RunScheduledRetryAsync(Assert.Single(result.ScheduledRetries));
        result = await run.RunScheduledRetryAsync(Assert.Single(result.ScheduledRetries));
        Assert.Equal(3, result.Incident!.Attempt);

        var retried = await run.RetryAsync("call");

        TestEngine.AssertStatus(WorkflowStatus.Completed, retried);
        var output = run.State.Outputs["call"]!;
        Assert.Equal((1, 4), (output["executionNumber"]!.GetValue<int>(), output["attempt"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Activity_without_a_policy_faults_at_once()
    {
        var engine = new TestEngine();

        var (_, result) = await engine.StartAsync(CallThenLog(failures: 1));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Empty(result.ScheduledRetries);
        Assert.Equal(1, result.Incident!.Attempt);
    }

    [Fact]
    public async Task Pending_retry_keeps_the_instance_suspended_while_another_branch_finishes()
    {
        var engine = new TestEngine();
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Call", "Other" } })
            .Add("call", "Test.Flaky", new { failures = 1 })
            .Add("other", "Log", new { message = "other branch done" })
            .Chain("start", "fork")
            .Connect("fork:Call", "call")
            .Connect("fork:Other", "other")
            .Retry("call", Policy);

        var (run, first) = await engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Suspended, first);
        Assert.Contains(first.Journal, j => j.ActivityId == "other");
        var second = await run.RunScheduledRetryAsync(Assert.Single(first.ScheduledRetries));
        TestEngine.AssertStatus(WorkflowStatus.Completed, second);
    }

    [Fact]
    public async Task End_in_another_branch_drops_the_pending_retry_and_its_late_work_does_nothing()
    {
        var engine = new TestEngine();
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Call", "Wait" } })
            .Add("call", "Test.Flaky", new { failures = 10 })
            .Add("wait", "WaitForEvent", new { eventName = "Go" })
            .Add("end", "End")
            .Chain("start", "fork")
            .Connect("fork:Call", "call")
            .Connect("fork:Wait", "wait")
            .Chain("wait", "end")
            .Retry("call", Policy);
        var (run, first) = await engine.StartAsync(flow);
        var scheduled = Assert.Single(first.ScheduledRetries);

        var ended = await run.ResumeAsync(Assert.Single(first.NewBookmarks));

        TestEngine.AssertStatus(WorkflowStatus.Completed, ended);
        var dropped = Assert.Single(ended.Journal, j => j.ActivityId == "call");
        Assert.Equal((JournalEvent.Cancelled, "retry 2 dropped"), (dropped.Event, dropped.Error));
        Assert.Empty(run.State.Retries);

        var late = await run.RunScheduledRetryAsync(scheduled);

        Assert.Equal(0, late.Steps);
        Assert.Empty(late.Journal);
        Assert.Empty(late.ScheduledRetries);
    }

    [Fact]
    public async Task A_scheduled_retry_that_is_not_the_expected_attempt_does_nothing()
    {
        var engine = new TestEngine();
        var (run, first) = await engine.StartAsync(CallThenLog(failures: 10, Policy));
        var scheduled = Assert.Single(first.ScheduledRetries);
        await run.RunScheduledRetryAsync(scheduled);

        // The same work delivered twice (e.g. a lease expired mid-burst): the second is not the expected try.
        var again = await run.RunScheduledRetryAsync(scheduled);

        Assert.Equal(0, again.Steps);
        TestEngine.AssertStatus(WorkflowStatus.Suspended, again);
    }
}

using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Tests.Activities;

/// <summary>Delay and Timer: waits on a Timer bookmark whose due time comes from the runtime's clock.</summary>
public sealed class TimerActivityTests
{
    private readonly TestEngine _engine = new();

    private static Flow WaitThenLog(string type, object inputs) => new Flow()
        .Add("start", "Start")
        .Add("wait", type, inputs)
        .Add("after", "Log", new { message = "woke up" })
        .Chain("start", "wait", "after");

    [Theory]
    [InlineData("PT10M", 600)]
    [InlineData("P2D", 172_800)]
    [InlineData("01:30:00", 5_400)]
    public async Task Delay_waits_on_a_Timer_bookmark_due_after_the_duration(string duration, int seconds)
    {
        _engine.Clock.Advance(TimeSpan.FromMinutes(7));
        var now = _engine.Clock.GetUtcNow().UtcDateTime;

        var (run, result) = await _engine.StartAsync(WaitThenLog("Delay", new { duration }));

        TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        var bookmark = Assert.Single(result.NewBookmarks);
        Assert.Equal(TimerBookmark.Name, bookmark.Request.Name);
        Assert.Equal(now.AddSeconds(seconds), bookmark.Request.DueAt);
        Assert.Equal(DateTimeKind.Utc, bookmark.Request.DueAt!.Value.Kind);
        Assert.Equal(now.AddSeconds(seconds).ToString("O"), bookmark.Request.Data!["dueAt"]!.GetValue<string>());
        Assert.DoesNotContain(result.Journal, j => j.ActivityId == "after");

        _engine.Clock.Advance(TimeSpan.FromSeconds(seconds));
        var resumed = await run.ResumeAsync(bookmark);

        TestEngine.AssertStatus(WorkflowStatus.Completed, resumed);
        Assert.Equal(["wait", "after"], resumed.Journal.Select(j => j.ActivityId));
        Assert.Equal(JournalEvent.Resumed, resumed.Journal[0].Event);
    }

    [Fact]
    public async Task Delay_with_a_computed_duration_that_is_not_one_faults()
    {
        var (_, result) = await _engine.StartAsync(WaitThenLog("Delay", new { duration = Flow.Js("'ten minutes'") }));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Equal("wait", result.Incident!.ActivityId);
        Assert.Contains("duration 'ten minutes' is not a duration", result.Incident.Error);
    }

    [Fact]
    public async Task Timer_waits_until_the_next_cron_occurrence_after_the_clock()
    {
        // The clock starts on Monday 06:00 UTC.
        var (run, result) = await _engine.StartAsync(WaitThenLog("Timer", new { cron = "0 9 * * MON-FRI" }));

        TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        var bookmark = Assert.Single(result.NewBookmarks);
        Assert.Equal(TimerBookmark.Name, bookmark.Request.Name);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), bookmark.Request.DueAt);

        _engine.Clock.Advance(TimeSpan.FromHours(3));
        var resumed = await run.ResumeAsync(bookmark);
        TestEngine.AssertStatus(WorkflowStatus.Completed, resumed);
        Assert.Contains(resumed.Journal, j => j.ActivityId == "after");
    }

    [Fact]
    public async Task Timer_skips_to_the_next_day_once_the_time_has_passed()
    {
        _engine.Clock.Advance(TimeSpan.FromHours(4));

        var (_, result) = await _engine.StartAsync(WaitThenLog("Timer", new { cron = "0 9 * * MON-FRI" }));

        Assert.Equal(new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc), Assert.Single(result.NewBookmarks).Request.DueAt);
    }

    [Fact]
    public async Task Timer_reads_six_fields_as_cron_with_seconds()
    {
        _engine.Clock.Advance(TimeSpan.FromSeconds(10));

        var (_, result) = await _engine.StartAsync(WaitThenLog("Timer", new { cron = "*/30 * * * * *" }));

        Assert.Equal(new DateTime(2026, 3, 2, 6, 0, 30, DateTimeKind.Utc), Assert.Single(result.NewBookmarks).Request.DueAt);
    }

    [Fact]
    public async Task Timer_reads_the_cron_in_its_time_zone()
    {
        // 09:00 in Berlin is 08:00 UTC in March (CET, UTC+1).
        var (_, result) = await _engine.StartAsync(WaitThenLog("Timer", new { cron = "0 9 * * *", timeZone = "Europe/Berlin" }));

        Assert.Equal(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), Assert.Single(result.NewBookmarks).Request.DueAt);
    }

    [Fact]
    public async Task Timer_with_an_unknown_time_zone_faults_naming_it()
    {
        var (_, result) = await _engine.StartAsync(WaitThenLog("Timer", new { cron = "0 9 * * *", timeZone = "Mars/Olympus_Mons" }));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Equal("wait", result.Incident!.ActivityId);
        Assert.Contains("time zone 'Mars/Olympus_Mons' is unknown", result.Incident.Error);
        Assert.Empty(result.NewBookmarks);
    }

    [Fact]
    public async Task Timer_whose_cron_never_occurs_faults()
    {
        var (_, result) = await _engine.StartAsync(WaitThenLog("Timer", new { cron = "0 0 30 2 *" }));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Contains("cron '0 0 30 2 *' never occurs again", result.Incident!.Error);
    }

    [Fact]
    public async Task Timer_with_a_computed_cron_that_does_not_parse_faults()
    {
        var (_, result) = await _engine.StartAsync(WaitThenLog("Timer", new { cron = Flow.Js("'every monday'") }));

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Contains("cron 'every monday' does not parse", result.Incident!.Error);
    }
}

using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Tests.Runtime;

public sealed class BacklogProgressTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_normal_queue_is_never_reported()
    {
        var backlog = new BacklogProgress();
        Assert.Null(backlog.Observe(0, T0));
        Assert.Null(backlog.Observe(BacklogProgress.Threshold - 1, T0.AddSeconds(5)));
        Assert.False(backlog.Active);
    }

    [Fact]
    public void A_backlog_is_reported_from_start_through_progress_until_worked_off()
    {
        var backlog = new BacklogProgress();

        var started = backlog.Observe(100_000, T0);
        Assert.Equal(new BacklogReport(BacklogPhase.Started, 100_000, 0, 0, TimeSpan.Zero), started);
        Assert.True(backlog.Active);

        var progress = backlog.Observe(60_000, T0.AddSeconds(20));
        Assert.Equal(BacklogPhase.Progress, progress!.Phase);
        Assert.Equal(40_000, progress.Done);
        Assert.Equal(60_000, progress.Left);
        Assert.Equal(2000, progress.PerSecond, 3);

        var done = backlog.Observe(50, T0.AddSeconds(50));
        Assert.Equal(BacklogPhase.WorkedOff, done!.Phase);
        Assert.Equal(100_000, done.Done);
        Assert.Equal(TimeSpan.FromSeconds(50), done.Elapsed);
        Assert.False(backlog.Active);
        Assert.Null(backlog.Observe(50, T0.AddSeconds(55)));
    }

    [Fact]
    public void Work_arriving_faster_than_it_is_done_never_counts_as_negative_progress()
    {
        var backlog = new BacklogProgress();
        backlog.Observe(2000, T0);
        var growing = backlog.Observe(3000, T0.AddSeconds(5));
        Assert.Equal(0, growing!.Done);
        Assert.Equal(0, growing.PerSecond);
        Assert.True(backlog.Active);
    }
}

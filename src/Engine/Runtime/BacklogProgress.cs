namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Follows a backlog of due work (timers that fell due while no host ran, say) from the first time it is seen until it
/// is worked off, from successive counts of the due items: what to report and when. Pure, so the reporting is tested
/// without a clock or a database; <see cref="QueueDepthSampler"/> feeds it and logs what it returns.
/// </summary>
public sealed class BacklogProgress
{
    /// <summary>Due items from which the queue counts as behind and its progress is logged.</summary>
    public const int Threshold = 1000;

    private int? _startCount;
    private DateTimeOffset _startedAt;

    /// <summary>True from a count at or above <see cref="Threshold"/> until the backlog is worked off.</summary>
    public bool Active => _startCount is not null;

    /// <summary>Takes the latest count of due items; returns what to report about it, if anything.</summary>
    public BacklogReport? Observe(int due, DateTimeOffset now)
    {
        if (_startCount is not { } start)
        {
            if (due < Threshold)
            {
                return null;
            }

            _startCount = due;
            _startedAt = now;
            return new BacklogReport(BacklogPhase.Started, due, 0, 0, TimeSpan.Zero);
        }

        var elapsed = now - _startedAt;
        // New work arrives meanwhile, so "done" is what the count went down by, never less than nothing.
        var done = Math.Max(0, start - due);
        var rate = elapsed > TimeSpan.Zero ? done / elapsed.TotalSeconds : 0;
        if (due < Threshold / 10)
        {
            _startCount = null;
            return new BacklogReport(BacklogPhase.WorkedOff, due, start, rate, elapsed);
        }

        return new BacklogReport(BacklogPhase.Progress, due, done, rate, elapsed);
    }
}

/// <summary>Where a backlog stands.</summary>
public enum BacklogPhase
{
    /// <summary>First seen.</summary>
    Started,

    /// <summary>Being worked off.</summary>
    Progress,

    /// <summary>Down to a normal queue.</summary>
    WorkedOff,
}

/// <summary>One report: due items left, items done since the backlog was seen, the rate so far and the time taken.</summary>
public sealed record BacklogReport(BacklogPhase Phase, int Left, int Done, double PerSecond, TimeSpan Elapsed);

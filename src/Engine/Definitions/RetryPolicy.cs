using Sleek.Workflows.Engine.Activities.BuiltIn;

namespace Sleek.Workflows.Engine.Definitions;

/// <summary>
/// How often an activity is tried when it fails, and how long to wait between tries:
/// <c>{"maxAttempts": 3, "initialDelay": "PT5S", "maxDelay": "PT5M", "factor": 2}</c>.
/// The wait before try n+1 is <c>initialDelay × factor^(n−1)</c>, capped at <c>maxDelay</c>, then
/// varied by ±20% so instances that failed together do not all come back at the same moment.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Default <see cref="InitialDelay"/>.</summary>
    public static readonly TimeSpan DefaultInitialDelay = TimeSpan.FromSeconds(5);

    /// <summary>Default <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromMinutes(5);

    /// <summary>Longest delay a policy may declare.</summary>
    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(7);

    /// <summary>Default <see cref="Factor"/>.</summary>
    public const double DefaultFactor = 2;

    /// <summary>Share of the delay by which it varies either way.</summary>
    public const double Jitter = 0.2;

    /// <summary>Tries in all, the first included (1 = no retry). When they are spent the instance gets an incident.</summary>
    public int MaxAttempts { get; set; } = 1;

    /// <summary>Wait before the second try (ISO 8601 like <c>PT5S</c>, or hh:mm:ss); 5 seconds when left out.</summary>
    public string? InitialDelay { get; set; }

    /// <summary>Longest wait between two tries; 5 minutes when left out.</summary>
    public string? MaxDelay { get; set; }

    /// <summary>Each wait is this many times the previous one; 2 when left out.</summary>
    public double? Factor { get; set; }

    /// <summary>
    /// The wait after failed try <paramref name="attempt"/> (1-based), given a uniform sample in [0, 1)
    /// for the jitter. Never longer than the max delay.
    /// </summary>
    /// <exception cref="InvalidOperationException">A delay does not parse (the policy was not validated).</exception>
    public TimeSpan DelayAfter(int attempt, double sample)
    {
        var initial = Parse(InitialDelay, DefaultInitialDelay);
        var max = Parse(MaxDelay, DefaultMaxDelay);
        var exponential = initial.TotalSeconds * Math.Pow(Factor ?? DefaultFactor, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, max.TotalSeconds);
        var jittered = capped * (1 - Jitter + (2 * Jitter * sample));
        return TimeSpan.FromSeconds(Math.Min(jittered, max.TotalSeconds));
    }

    /// <summary>Problems with the policy, as (field, message); empty when it is usable.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (MaxAttempts is < 1 or > 100)
        {
            yield return ("maxAttempts", "must be between 1 and 100 (1 means no retry)");
        }

        TimeSpan? initial = null;
        if (InitialDelay is not null)
        {
            if (!DurationParser.TryParse(InitialDelay, out var value) || value <= TimeSpan.Zero || value > LongestDelay)
            {
                yield return ("initialDelay", "must be a duration above zero and at most 7 days: write PT5S, PT1M or 00:00:05");
            }
            else
            {
                initial = value;
            }
        }

        if (MaxDelay is not null)
        {
            if (!DurationParser.TryParse(MaxDelay, out var value) || value <= TimeSpan.Zero || value > LongestDelay)
            {
                yield return ("maxDelay", "must be a duration above zero and at most 7 days: write PT5M, PT1H or 00:05:00");
            }
            else if (value < (initial ?? (InitialDelay is null ? DefaultInitialDelay : TimeSpan.Zero)))
            {
                yield return ("maxDelay", $"must not be shorter than initialDelay ({InitialDelay ?? "PT5S"})");
            }
        }
        else if (initial > DefaultMaxDelay)
        {
            yield return ("maxDelay", "set it: initialDelay is longer than the default maxDelay of PT5M");
        }

        if (Factor is { } factor && (double.IsNaN(factor) || factor < 1 || factor > 10))
        {
            yield return ("factor", "must be between 1 (same wait every time) and 10");
        }
    }

    private static TimeSpan Parse(string? text, TimeSpan fallback) =>
        text is null ? fallback
        : DurationParser.TryParse(text, out var value) ? value
        : throw new InvalidOperationException($"'{text}' is not a duration");
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// The engine's traces and metrics, on <c>System.Diagnostics</c> only — the Engine knows no exporter or
/// host. A host subscribes to the <see cref="ActivitySource"/> and <see cref="Meter"/> named
/// <see cref="Name"/> (with OpenTelemetry: <c>AddSource(EngineTelemetry.Name)</c>,
/// <c>AddMeter(EngineTelemetry.Name)</c>); while nobody listens every call here costs next to nothing.
/// </summary>
/// <remarks>
/// Spans: one per burst (<c>burst</c>, tags <c>sleek.instance.id</c>, <c>sleek.definition.id</c>,
/// <c>sleek.definition.version</c>, <c>sleek.trigger</c>, <c>sleek.status</c>, <c>sleek.steps</c>) and,
/// under it, one per activity execution or resume (<c>activity &lt;type&gt;</c>, tags <c>sleek.activity.id</c>,
/// <c>sleek.activity.type</c>, <c>sleek.activity.outcome</c>, <c>sleek.activity.port</c>). Metric names and tags are the constants below; durations are seconds.
/// The instruments are process-wide: several hosts in one process (tests) share them.
/// </remarks>
public static class EngineTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "Sleek.Workflows";

    /// <summary>Counter of bursts run, tagged <c>kind</c> (Start, Resume, Timer, Retry, Continue) and <c>status</c> (the instance's status after it, Skipped when there was nothing to run, Queued when a request's burst reached an activity that may call out and went the queued path, Error when it threw).</summary>
    public const string BurstsMetric = "sleek.workflows.bursts";

    /// <summary>Histogram of burst durations (load, run, commit), tagged <c>kind</c>.</summary>
    public const string BurstDurationMetric = "sleek.workflows.burst.duration";

    /// <summary>Histogram of activity executions, tagged <c>activity_type</c> and <c>outcome</c> (Outcome, Wait, Fault, CompleteWorkflow, Error).</summary>
    public const string ActivityDurationMetric = "sleek.workflows.activity.duration";

    /// <summary>Counter of incidents raised, tagged <c>activity_type</c> (empty when the failure was outside an activity).</summary>
    public const string IncidentsMetric = "sleek.workflows.incidents";

    /// <summary>Gauge of due work items nobody holds a lease on, as last sampled by this host's workers.</summary>
    public const string QueueDepthMetric = "sleek.workflows.queue.depth";

    /// <summary>Counter of work items this host took over after another worker's lease expired, tagged <c>kind</c>.</summary>
    public const string LeaseTakeoversMetric = "sleek.workflows.lease.takeovers";

    /// <summary>
    /// Counter of outbound calls (the HttpRequest activity) refused, tagged <c>reason</c> (<c>host</c>: not in
    /// Http__AllowedHosts; <c>address</c>: it resolved only to addresses that are not public, with <c>range</c> such as
    /// loopback or link-local (cloud metadata); <c>size</c>: the answer was larger than Http__MaxResponseBytes).
    /// </summary>
    public const string OutboundRefusalsMetric = "sleek.workflows.http.refused";

    // Bursts and activities take from well under a millisecond (in memory) to minutes (an HTTP call with retries).
    private static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private static readonly string? Version = typeof(EngineTelemetry).Assembly.GetName().Version?.ToString();

    private static readonly Counter<long> Bursts;
    private static readonly Histogram<double> BurstDuration;
    private static readonly Histogram<double> ActivityDuration;
    private static readonly Counter<long> Incidents;
    private static readonly Counter<long> LeaseTakeovers;
    private static readonly Counter<long> OutboundRefusals;
    private static readonly ObservableGauge<long> QueueDepthGauge;
    private static long _queueDepth = -1;

    static EngineTelemetry()
    {
        Bursts = Meter.CreateCounter<long>(BurstsMetric, "{burst}", "Bursts run, by trigger kind and the status they left the instance in.");
        BurstDuration = Meter.CreateHistogram(BurstDurationMetric, "s", "Duration of a burst: load, run and commit.", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        ActivityDuration = Meter.CreateHistogram(ActivityDurationMetric, "s", "Duration of one activity execution or resume.", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        Incidents = Meter.CreateCounter<long>(IncidentsMetric, "{incident}", "Incidents raised (instances faulted).");
        LeaseTakeovers = Meter.CreateCounter<long>(LeaseTakeoversMetric, "{takeover}", "Work items taken over after another worker's lease expired unfinished.");
        OutboundRefusals = Meter.CreateCounter<long>(OutboundRefusalsMetric, "{call}", "Outbound HTTP calls of workflows refused: host not allowed, address not public, answer too large.");
        QueueDepthGauge = Meter.CreateObservableGauge(QueueDepthMetric, ObserveQueueDepth, "{item}", "Due work items not leased by any worker, sampled every few seconds.");
    }

    /// <summary>Spans of bursts and activity executions.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>The engine's instruments.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>True while someone observes the queue depth, so sampling it is worth a query.</summary>
    public static bool QueueDepthObserved => QueueDepthGauge.Enabled;

    /// <summary>Counts a lease takeover by a worker of this process.</summary>
    /// <param name="kind">The work item's kind.</param>
    public static void RecordLeaseTakeover(string kind) => LeaseTakeovers.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Counts an outbound call refused.</summary>
    /// <param name="reason"><c>host</c>, <c>address</c> or <c>size</c>.</param>
    /// <param name="range">For <c>address</c>: what kind of address it was (loopback, private, …).</param>
    public static void RecordOutboundRefusal(string reason, string? range) =>
        OutboundRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("range", range ?? ""));

    /// <summary>Counts an incident raised.</summary>
    /// <param name="activityType">The failing activity's type; null when the failure was outside an activity.</param>
    public static void RecordIncident(string? activityType) => Incidents.Add(1, new KeyValuePair<string, object?>("activity_type", activityType ?? ""));

    /// <summary>Stores the last sampled queue depth; the gauge reports it until the next sample.</summary>
    /// <param name="depth">Due work items not leased.</param>
    public static void SetQueueDepth(long depth) => Interlocked.Exchange(ref _queueDepth, depth);

    /// <summary>Starts the span and timing of a burst; dispose it when the burst is over.</summary>
    /// <param name="work">The work the burst runs (a request's own burst: work id 0).</param>
    /// <param name="kind">The <c>kind</c> tag; the work's kind by default (a test may pass its own, to tell its measurements apart).</param>
    internal static BurstTelemetry StartBurst(ClaimedWork work, string? kind = null) =>
        new(work, kind ?? work.Kind.ToString(), ActivitySource.StartActivity("burst", ActivityKind.Internal));

    /// <summary>Starts the span and timing of one activity execution or resume; dispose it when the activity returned.</summary>
    internal static ActivityTelemetry StartActivity(string activityId, string activityType) =>
        new(activityType, ActivitySource.StartActivity($"activity {activityType}", ActivityKind.Internal), activityId);

    internal static void BurstEnded(string kind, string status, double seconds)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        Bursts.Add(1, kindTag, new KeyValuePair<string, object?>("status", status));
        BurstDuration.Record(seconds, kindTag);
    }

    internal static void ActivityEnded(string activityType, string outcome, double seconds) =>
        ActivityDuration.Record(seconds, new KeyValuePair<string, object?>("activity_type", activityType), new KeyValuePair<string, object?>("outcome", outcome));

    private static IEnumerable<Measurement<long>> ObserveQueueDepth()
    {
        var depth = Interlocked.Read(ref _queueDepth);
        return depth < 0 ? [] : [new Measurement<long>(depth)];
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Runtime;

/// <summary>
/// What <see cref="EngineTelemetry"/> emits, seen through a <see cref="MeterListener"/> and an
/// <see cref="ActivityListener"/>. The instruments are process-wide and other tests run at the same
/// time, so each test looks only for its own measurements (a unique tag, or its own trace).
/// </summary>
public sealed class EngineTelemetryTests
{
    [Fact]
    public void A_burst_is_counted_by_kind_and_status_with_its_duration_and_incident()
    {
        var kind = $"Test-{Guid.NewGuid():N}";
        using var metrics = new RecordedMetrics();
        var work = new ClaimedWork(1, Guid.NewGuid(), WorkKind.Resume, null, null, 1);

        using (var burst = EngineTelemetry.StartBurst(work, kind))
        {
            burst.Ran("order", 3, WorkflowStatus.Faulted, 4, new IncidentInfo("pay", "CreatePaymentIntent", 1, "card declined"));
        }

        using (EngineTelemetry.StartBurst(work, kind))
        {
            // nothing to run: the instance was already completed
        }

        using (var burst = EngineTelemetry.StartBurst(work, kind))
        {
            burst.Failed(new InvalidOperationException("database gone"));
        }

        Assert.Equal(["Error", "Faulted", "Skipped"], metrics.Of(EngineTelemetry.BurstsMetric, "kind", kind).Select(m => m.Tags["status"]).Order());
        Assert.All(metrics.Of(EngineTelemetry.BurstsMetric, "kind", kind), m => Assert.Equal(1, m.Value));
        var durations = metrics.Of(EngineTelemetry.BurstDurationMetric, "kind", kind);
        Assert.Equal(3, durations.Count);
        Assert.All(durations, d => Assert.InRange(d.Value, 0, 60));
        Assert.Contains(metrics.Of(EngineTelemetry.IncidentsMetric, "activity_type", "CreatePaymentIntent"), m => m.Value == 1);
    }

    [Fact]
    public void Lease_takeovers_and_the_queue_depth_are_reported()
    {
        var kind = $"Test-{Guid.NewGuid():N}";
        using var metrics = new RecordedMetrics();

        EngineTelemetry.RecordLeaseTakeover(kind);
        EngineTelemetry.SetQueueDepth(7);
        metrics.Listener.RecordObservableInstruments();

        Assert.Equal(1, Assert.Single(metrics.Of(EngineTelemetry.LeaseTakeoversMetric, "kind", kind)).Value);
        Assert.True(EngineTelemetry.QueueDepthObserved);
        // Another test may set its own depth in between; the gauge reports one value per observation.
        Assert.NotEmpty(metrics.Of(EngineTelemetry.QueueDepthMetric));
    }

    [Fact]
    public async Task Every_activity_execution_gets_a_duration_and_a_span_under_the_burst()
    {
        using var metrics = new RecordedMetrics();
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var engine = new TestEngine();
        var flow = new Flow()
            .Variable("total", 0)
            .Add("start", "Start")
            .Add("wait", "WaitForEvent", new { eventName = "Go" })
            .Add("sum", "SetVariable", new { variable = "total", value = Js("1 + 1") })
            .Add("end", "End")
            .Chain("start", "wait", "sum", "end");

        using var root = EngineTelemetry.ActivitySource.StartActivity("test burst");
        Assert.NotNull(root);
        var (run, started) = await engine.StartAsync(flow);
        await run.ResumeAsync(Assert.Single(started.NewBookmarks), null);
        root.Stop();

        var mine = spans.Where(s => s.TraceId == root.TraceId && s != root).ToList();
        Assert.Equal(
            ["activity End", "activity SetVariable", "activity Start", "activity WaitForEvent", "activity WaitForEvent"],
            mine.Select(s => s.DisplayName).Order());
        var resumed = mine.Single(s => s.DisplayName == "activity WaitForEvent" && (string?)s.GetTagItem("sleek.activity.outcome") == "Outcome");
        Assert.Equal("wait", resumed.GetTagItem("sleek.activity.id"));
        Assert.Equal("Done", resumed.GetTagItem("sleek.activity.port"));
        Assert.All(mine, s => Assert.Equal(root.SpanId, s.ParentSpanId));

        var durations = metrics.Of(EngineTelemetry.ActivityDurationMetric);
        Assert.Contains(durations, m => m.Tags["activity_type"] == "WaitForEvent" && m.Tags["outcome"] == "Wait");
        Assert.Contains(durations, m => m.Tags["activity_type"] == "WaitForEvent" && m.Tags["outcome"] == "Outcome");
        Assert.Contains(durations, m => m.Tags["activity_type"] == "SetVariable" && m.Tags["outcome"] == "Outcome");
        Assert.Contains(durations, m => m.Tags["activity_type"] == "End" && m.Tags["outcome"] == "CompleteWorkflow");
    }

    /// <summary>Every measurement of the engine's meter while it is alive.</summary>
    private sealed class RecordedMetrics : IDisposable
    {
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();

        public RecordedMetrics()
        {
            Listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == EngineTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            Listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            Listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            Listener.Start();
        }

        public MeterListener Listener { get; } = new();

        public List<(double Value, Dictionary<string, string?> Tags)> Of(string instrument, string? tag = null, string? value = null) =>
            [.. _measurements
                .Where(m => m.Instrument == instrument && (tag is null || (m.Tags.TryGetValue(tag, out var v) && v == value)))
                .Select(m => (m.Value, m.Tags))];

        public void Dispose() => Listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            _measurements.Enqueue((instrument.Name, value, copy));
        }
    }
}

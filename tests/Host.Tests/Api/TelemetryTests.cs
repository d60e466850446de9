using System.Net;
using System.Text.RegularExpressions;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Api;

/// <summary>
/// The Prometheus scrape endpoint shows what the engine did. The engine's instruments are process-wide
/// (other test classes' hosts add to them too), so the assertions look for series, never exact counts.
/// </summary>
public sealed class TelemetryTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Metrics_show_bursts_by_kind_and_status_and_activity_durations_by_type()
    {
        var api = StartHost(NewFolder().With(TestDefinitions.WaitForPayment()));
        var started = await api.StartAsync("wait-payment", correlationId: "ORD-metrics");
        Assert.Equal("Suspended", SleekApi.Status(started));
        using (var resumed = await api.PublishEventAsync("OrderPaid", "ORD-metrics", new { amount = 10 }))
        {
            await SleekApi.ExpectAsync(resumed, HttpStatusCode.OK);
        }

        await api.WaitForStatusAsync(SleekApi.Id(started), "Completed");

        // Scrapes are cached briefly, and the queue depth is sampled every few seconds: probe until all are there.
        var text = await Eventually.UntilAsync(
            () => ScrapeAsync(api),
            metrics => Has(metrics, "sleek_workflows_bursts_total", ("kind", "Start"), ("status", "Suspended"))
                && Has(metrics, "sleek_workflows_bursts_total", ("kind", "Resume"), ("status", "Completed"))
                && Has(metrics, "sleek_workflows_queue_depth"),
            "/metrics to show the start and resume bursts and the queue depth",
            metrics => string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith("sleek_", StringComparison.Ordinal))));

        Assert.Matches(@"(?m)^# TYPE sleek_workflows_bursts_total counter$", text);
        Assert.Matches(@"(?m)^# TYPE sleek_workflows_activity_duration_seconds histogram$", text);
        Assert.True(Has(text, "sleek_workflows_activity_duration_seconds_bucket", ("activity_type", "WaitForEvent"), ("outcome", "Wait")), "no duration of the wait");
        Assert.True(Has(text, "sleek_workflows_activity_duration_seconds_bucket", ("activity_type", "WaitForEvent"), ("outcome", "Outcome")), "no duration of the resume");
        Assert.True(Has(text, "sleek_workflows_activity_duration_seconds_count", ("activity_type", "SetVariable"), ("outcome", "Outcome")), "no duration of SetVariable");
        Assert.True(Has(text, "sleek_workflows_burst_duration_seconds_bucket", ("kind", "Resume")), "no burst duration of the resume");
        // The host's own instrumentation is there too.
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(SleekApi api)
    {
        using var response = await api.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>True when a sample line of <paramref name="metric"/> carries every one of these labels.</summary>
    private static bool Has(string text, string metric, params (string Name, string Value)[] labels) =>
        text.Split('\n').Any(line =>
            Regex.IsMatch(line, $"^{Regex.Escape(metric)}[{{ ]")
            && labels.All(l => line.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)));
}

using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

/// <summary>
/// Plays every person of the quote-to-delivery workflow over HTTP: takes the order's one open task and
/// completes it as ops, the supplier, the buyer or the factory would, until a stop condition holds.
/// </summary>
internal sealed class FullPathDriver(MarketplaceClient client, string orderId)
{
    /// <summary>Titles of the tasks completed so far, in order.</summary>
    public List<string> Done { get; } = [];

    /// <summary>How a task is answered by its title's start; the first match wins.</summary>
    public List<(string TitleStart, object Form)> Answers { get; } =
    [
        ("Review order", new { outcome = "Approve", reason = "large order checked" }),
        ("Confirm payment of", new { reference = "BANK-REF-1" }),
        ("New order", new { outcome = "Accept" }),
        ("Send a sample", new { trackingNumber = "SAMPLE-1", notes = "two colourways" }),
        ("Approve the sample", new { outcome = "Approve", feedback = "looks right" }),
        ("Start ", new { }),
        ("Complete ", new { notes = "done" }),
        ("QC inspection", new { outcome = "Pass", report = "AQL 2.5 passed" }),
        ("Ship order", new { carrier = "DHL", trackingNumber = "JD0146000012345" }),
        ("Confirm delivery", new { notes = "signed by the buyer" }),
    ];

    private async Task<string> Describe()
    {
        var order = await client.OrderAsync(orderId);
        var instance = await client.Api.GetInstanceAsync(MarketplaceClient.Str(order, "workflowInstanceId"));
        return $"{instance["status"]} {instance["error"]} incidents {instance["incidents"]!.ToJsonString()} retries {instance["pendingRetries"]!.ToJsonString()} bookmarks {instance["bookmarks"]!.ToJsonString()} journal end {string.Join(" | ", instance["journal"]!.AsArray().TakeLast(4).Select(j => j!.ToJsonString()))}";
    }

    /// <summary>Completes tasks until the order's workflow has none open and <paramref name="finished"/> holds, or a task matching <paramref name="stopAt"/> opens.</summary>
    public async Task<JsonObject?> RunAsync(Func<Task<bool>> finished, string? stopAt = null, int maxTasks = 60)
    {
        for (var i = 0; i < maxTasks; i++)
        {
            var (task, done) = await Eventually.UntilAsync(
                async () => ((await client.TasksAsync(orderId)).FirstOrDefault() as JsonObject, await finished()),
                state => state.Item1 is not null || state.Item2,
                $"a task of order {orderId} or its end (after {string.Join(" / ", Done)})",
                state => state.Item1?.ToJsonString() ?? "no task; the order's instance: " + Describe().GetAwaiter().GetResult());
            if (task is null)
            {
                return null;
            }

            var title = MarketplaceClient.Str(task, "title");
            if (stopAt is not null && title.StartsWith(stopAt, StringComparison.Ordinal))
            {
                return task;
            }

            var answer = Answers.FirstOrDefault(a => title.StartsWith(a.TitleStart, StringComparison.Ordinal));
            Assert.True(answer.Form is not null, $"no answer for task '{title}'");
            await client.CompleteOkAsync(task, answer.Form);
            Done.Add(title);
        }

        throw new Xunit.Sdk.XunitException($"more than {maxTasks} tasks: {string.Join(" / ", Done)}");
    }
}

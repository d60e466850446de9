using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Host.Endpoints.Hooks;

/// <summary>
/// Waits for a hook request's answer: the WriteHttpResponse journal entry that names its request id. The journal commits
/// with the burst that wrote it, on whichever host ran it; this host hears of the instance's commits through
/// <see cref="InstanceChanges"/> (other hosts' too, on PostgreSQL) and reads the journal after each, with a look every
/// second besides in case a notification is lost.
/// </summary>
internal sealed class HookAnswers(InstanceQueries queries, InstanceChanges changes)
{
    /// <summary>The answer, or null when none came within <paramref name="timeout"/>.</summary>
    public async Task<HookAnswer?> WaitAsync(Guid instanceId, string requestId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = new SemaphoreSlim(0);
        using var subscription = changes.Subscribe(id =>
        {
            if (id == instanceId)
            {
                signal.Release();
            }
        });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        long? after = null;
        try
        {
            while (true)
            {
                // Read every new page (a burst may journal more than one), remembering where the last read ended.
                JournalPage? page;
                do
                {
                    page = await queries.JournalAsync(instanceId, after, InstanceQueries.MaxJournalPageSize, CancellationToken.None);
                    if (page is null)
                    {
                        return null;
                    }

                    foreach (var entry in page.Items)
                    {
                        after = entry.Sequence;
                        if (entry.ActivityType == "WriteHttpResponse" && entry.Output is JsonObject output
                            && output["requestId"]?.GetValue<string>() == requestId)
                        {
                            return HookAnswer.From(output);
                        }
                    }
                }
                while (page.Next is not null);

                await signal.WaitAsync(TimeSpan.FromSeconds(1), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

/// <summary>What a WriteHttpResponse said.</summary>
internal sealed record HookAnswer(int Status, IReadOnlyList<(string Name, string Value)> Headers, JsonNode? Body)
{
    public static HookAnswer From(JsonObject output) => new(
        output["status"]?.GetValue<int>() ?? 200,
        [.. (output["headers"] as JsonObject ?? []).Select(h => (h.Key, h.Value?.ToString() ?? ""))],
        output["body"]?.DeepClone());
}

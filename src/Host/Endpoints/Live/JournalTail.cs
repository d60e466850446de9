using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Host.Endpoints.Live;

/// <summary>
/// Follows one instance's journal and turns its new entries into SSE items. The journal is the durable record: it commits
/// with each burst, its sequence only grows, and one burst of an instance runs at a time, so an instance's entries become
/// visible in sequence order and "everything after <c>Last-Event-ID</c>" is exactly what a reconnecting client missed.
/// <see cref="InstanceChanges"/> (this host's bursts, and other hosts' through PostgreSQL's NOTIFY) only wakes the reader;
/// a check every <see cref="Heartbeat"/> covers a lost notification and keeps proxies from closing an idle stream.
/// </summary>
internal sealed class JournalTail(InstanceQueries queries, InstanceChanges changes, IConfiguration configuration, ILogger<JournalTail> logger)
{
    /// <summary>
    /// Longest quiet time (<c>Live:HeartbeatSeconds</c>, 15 by default): a <c>ping</c> event (no id) and a look at the
    /// journal, which also covers a lost notification.
    /// </summary>
    public TimeSpan Heartbeat { get; } = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Live:HeartbeatSeconds", 15), 1, 3600));

    private const int PageSize = 200;

    /// <summary>
    /// The instance's events after <paramref name="after"/>, then new ones as they commit, until the client goes away.
    /// <paramref name="map"/> turns a journal entry into the event this stream's caller may see, or null to skip it.
    /// </summary>
    public async IAsyncEnumerable<SseItem<LiveEvent>> FollowAsync(
        Guid instanceId, long? after, Func<JournalView, LiveEvent?> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var wake = new SemaphoreSlim(0);
        using var subscription = changes.Subscribe(id =>
        {
            if (id == instanceId && wake.CurrentCount == 0)
            {
                wake.Release();
            }
        });

        logger.LogDebug("Live stream of instance {InstanceId} opened after sequence {After}", instanceId, after);
        var cursor = after;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await ReadAsync(instanceId, cursor, cancellationToken);
            if (page is null)
            {
                // The instance is gone, or the client left or its time is up (it reconnects with Last-Event-ID).
                yield break;
            }

            foreach (var entry in page.Items)
            {
                cursor = entry.Sequence;
                if (map(entry) is { } live)
                {
                    yield return new SseItem<LiveEvent>(live, live.Kind) { EventId = live.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                }
            }

            if (page.Next is not null)
            {
                continue;
            }

            bool woken;
            try
            {
                woken = await wake.WaitAsync(Heartbeat, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (!woken)
            {
                yield return new SseItem<LiveEvent>(new LiveEvent("ping", cursor ?? 0, DateTime.UtcNow, "", []), "ping");
            }
        }
    }

    private async Task<JournalPage?> ReadAsync(Guid instanceId, long? cursor, CancellationToken cancellationToken)
    {
        try
        {
            return await queries.JournalAsync(instanceId, cursor, PageSize, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Reads <c>Last-Event-ID</c> (the header a browser's EventSource sends on reconnect) or <c>?after=</c>.</summary>
    public static bool TryReadCursor(HttpContext http, long? after, out long? cursor)
    {
        cursor = after;
        var header = http.Request.Headers["Last-Event-ID"].ToString();
        if (header.Length == 0)
        {
            return after is null or >= 0;
        }

        if (long.TryParse(header, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            cursor = parsed;
            return true;
        }

        return false;
    }
}

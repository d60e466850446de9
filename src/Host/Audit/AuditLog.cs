using System.Threading.Channels;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Audit;

/// <summary>
/// Takes audit entries without making the request wait for the database: entries are queued and written in
/// batches by <see cref="AuditWriter"/> on connections of their own (so they stay even when the request's
/// work rolled back, and on SQLite a request never waits for the single writer just to be audited while
/// a long burst holds it). <see cref="FlushAsync"/> waits until everything queued so far is written;
/// the audit API calls it before reading, and shutdown drains the queue.
/// </summary>
internal sealed class AuditLog(TimeProvider clock, ILogger<AuditLog> logger) : IAuditLog
{
    private const int Capacity = 50_000;

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private long _queued;
    private long _done;

    /// <summary>The writer's side.</summary>
    public ChannelReader<AuditEntry> Reader => _queue.Reader;

    public Task RecordAsync(HttpContext? http, string action, AuditOutcome outcome, string? target = null, string? details = null, int? statusCode = null, CancellationToken cancellationToken = default) =>
        RecordAsync(http is null ? null : SleekCaller.From(http.User), http is null ? null : ClientAddress.Of(http), action, outcome, target, details, statusCode);

    /// <summary>As <see cref="RecordAsync(HttpContext?, string, AuditOutcome, string?, string?, int?, CancellationToken)"/> for an actor that is not (or not only) the request's principal, e.g. the system.</summary>
    public async Task RecordAsync(SleekCaller? caller, string? ip, string action, AuditOutcome outcome, string? target, string? details, int? statusCode)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = caller?.Id ?? "anonymous",
            ActorName = Cut(caller?.Name, 200),
            Role = caller?.ActingRole,
            Action = Cut(action, 200)!,
            Target = Cut(target, 500),
            Outcome = outcome,
            StatusCode = statusCode,
            Ip = Cut(ip, 64),
            Details = Cut(details, 2000),
        };
        Interlocked.Increment(ref _queued);
        try
        {
            // Full queue (the database has been away for long): wait rather than drop a security event.
            await _queue.Writer.WriteAsync(entry, CancellationToken.None);
        }
        catch (ChannelClosedException)
        {
            Interlocked.Increment(ref _done);
            logger.LogError("Audit entry after shutdown, not stored: {Action} ({Outcome}) by {Actor} on {Target}", entry.Action, entry.Outcome.ToName(), entry.Actor, entry.Target);
        }
    }

    /// <summary>Called by the writer for each entry it stored or gave up on.</summary>
    public void Done(int count) => Interlocked.Add(ref _done, count);

    /// <summary>No more entries (shutdown).</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Waits (bounded) until every entry queued before this call is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _queued);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Interlocked.Read(ref _done) < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Tells listeners that an instance committed a burst (its journal, waits or status changed). It carries only the
/// instance id: what changed is read from the journal, which committed with the burst, so a listener that missed a
/// signal loses nothing and reads on from the last journal sequence it saw. The engine knows nothing of who listens
/// (the host's live streams do).
/// <list type="bullet">
/// <item><see cref="Publish"/>: a burst of this process committed; this process's listeners hear of it at once, and
/// (on PostgreSQL) the id is queued for the other hosts.</item>
/// <item><see cref="Deliver"/>: another host's burst committed (its <c>NOTIFY sleek_instances</c>); only this process's
/// listeners hear of it.</item>
/// </list>
/// Other hosts are told in batches, after the commit and off the burst's path
/// (<see cref="Persistence.Postgres.PostgresInstanceNotifier"/>): a NOTIFY in the burst's own transaction would serialise
/// every committing burst on PostgreSQL's notification queue lock.
/// </summary>
public sealed class InstanceChanges
{
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _outgoing = [];
    private readonly SemaphoreSlim _outgoingSignal = new(0);
    private Action<Guid>[] _listeners = [];
    private volatile bool _broadcasting;

    /// <summary>Calls <paramref name="listener"/> for every change until the result is disposed. It must be quick and never throw.</summary>
    public IDisposable Subscribe(Action<Guid> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Subscription(this, listener);
    }

    /// <summary>A burst of <paramref name="instanceId"/> committed in this process.</summary>
    public void Publish(Guid instanceId)
    {
        Deliver(instanceId);
        if (!_broadcasting)
        {
            return;
        }

        bool first;
        lock (_gate)
        {
            first = _outgoing.Count == 0;
            _outgoing.Add(instanceId);
        }

        if (first)
        {
            _outgoingSignal.Release();
        }
    }

    /// <summary>A burst of <paramref name="instanceId"/> committed on another host.</summary>
    public void Deliver(Guid instanceId)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            listener(instanceId);
        }
    }

    /// <summary>From now on, ids published here are kept for <see cref="TakeOutgoing"/> (the PostgreSQL notifier).</summary>
    internal void StartBroadcasting() => _broadcasting = true;

    /// <summary>Waits until an id was published since the last <see cref="TakeOutgoing"/>.</summary>
    internal Task WaitForOutgoingAsync(CancellationToken cancellationToken) => _outgoingSignal.WaitAsync(cancellationToken);

    /// <summary>Takes every id published since the last call.</summary>
    internal IReadOnlyList<Guid> TakeOutgoing()
    {
        lock (_gate)
        {
            var taken = _outgoing.ToList();
            _outgoing.Clear();
            return taken;
        }
    }

    private void Remove(Action<Guid> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => !ReferenceEquals(l, listener))];
        }
    }

    private sealed class Subscription(InstanceChanges owner, Action<Guid> listener) : IDisposable
    {
        public void Dispose() => owner.Remove(listener);
    }
}

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Tells listeners in this process that an instance committed a burst (its journal, waits or status changed). It carries
/// only the instance id: what changed is read from the journal, which committed with the burst, so a listener that missed
/// a signal loses nothing and reads on from the last journal sequence it saw. On PostgreSQL the burst's commit batch also
/// sends <c>NOTIFY sleek_instances</c> (<see cref="Persistence.Postgres.PostgresWorkListener"/> passes it on here), so a
/// burst on another host reaches this one's listeners too. The engine knows nothing of who listens (the host's live
/// streams do).
/// </summary>
public sealed class InstanceChanges
{
    private readonly Lock _gate = new();
    private Action<Guid>[] _listeners = [];

    /// <summary>Calls <paramref name="listener"/> for every change until the result is disposed. It must be quick and never throw.</summary>
    public IDisposable Subscribe(Action<Guid> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Subscription(this, listener);
    }

    /// <summary>Announces a change of <paramref name="instanceId"/> to this process's listeners.</summary>
    public void Publish(Guid instanceId)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            listener(instanceId);
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

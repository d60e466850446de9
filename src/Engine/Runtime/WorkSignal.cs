namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Wakes idle workers in this process when work is queued, so they need not wait for the next poll.</summary>
public sealed class WorkSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Wakes every waiting worker.</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Waits until <see cref="Pulse"/> or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pulse = Volatile.Read(ref _next).Task;
        try
        {
            await pulse.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Polling fallback: timers fall due without anyone pulsing.
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

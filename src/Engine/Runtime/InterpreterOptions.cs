namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Limits of one burst.</summary>
public sealed class InterpreterOptions
{
    /// <summary>
    /// Activities one burst runs before it pauses: it commits what it did and queues the rest as a continuation
    /// (<see cref="BurstTrigger.Continue"/>), so a long loop runs in bounded batches, each in its own transaction,
    /// with the memory of one batch, and other work gets its turn in between.
    /// </summary>
    public int StepsPerBurst { get; set; } = 1_000;

    /// <summary>
    /// Activities an instance may run, across the bursts that paused at <see cref="StepsPerBurst"/>, before it
    /// reaches a wait or an end; beyond that it faults: a guard against loops that never wait.
    /// </summary>
    public int MaxStepsWithoutWait { get; set; } = 250_000;
}

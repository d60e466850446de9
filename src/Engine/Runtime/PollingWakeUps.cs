namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Wake-ups without a database channel (SQLite, or a host without workers): work queued by this process pulses its own
/// <see cref="WorkSignal"/>, and workers poll besides.
/// </summary>
internal sealed class PollingWakeUps : IWorkWakeUps
{
    /// <inheritdoc />
    public string Mechanism => "polling";

    /// <inheritdoc />
    public bool IsWorking => true;

    /// <inheritdoc />
    public int Sessions => 0;

    /// <inheritdoc />
    public int Reconnects => 0;
}

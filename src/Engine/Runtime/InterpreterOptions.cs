namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Limits of one burst.</summary>
public sealed class InterpreterOptions
{
    /// <summary>
    /// Activities one burst may run before the instance faults: a guard against loops that never wait.
    /// </summary>
    public int MaxStepsPerBurst { get; set; } = 10_000;
}

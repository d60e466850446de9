namespace Sleek.Workflows.Engine.Expressions;

/// <summary>Limits for every JavaScript evaluation and template render.</summary>
public sealed class SandboxLimits
{
    /// <summary>Wall-clock limit per evaluation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Statements per evaluation.</summary>
    public int MaxStatements { get; set; } = 50_000;

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryBytes { get; set; } = 8_000_000;

    /// <summary>Call depth.</summary>
    public int MaxRecursion { get; set; } = 64;

    /// <summary>Characters a template may produce.</summary>
    public int MaxTemplateOutput { get; set; } = 200_000;
}

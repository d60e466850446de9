namespace Sleek.Workflows.Engine.Expressions;

/// <summary>Limits for every JavaScript evaluation and template render.</summary>
public sealed class SandboxLimits
{
    /// <summary>Wall-clock limit per evaluation; also the limit of each regular expression match.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Statements per evaluation.</summary>
    public int MaxStatements { get; set; } = 50_000;

    /// <summary>
    /// Bytes one evaluation may allocate, results included. Built-ins that could build more in one call are refused
    /// before they run (docs/dependencies.md §3).
    /// </summary>
    public long MemoryBytes { get; set; } = 8_000_000;

    /// <summary>Call depth.</summary>
    public int MaxRecursion { get; set; } = 64;

    /// <summary>Elements one array may hold.</summary>
    public int MaxArrayLength { get; set; } = 1_000_000;

    /// <summary>Characters of one JavaScript expression.</summary>
    public int MaxScriptLength { get; set; } = 20_000;

    /// <summary>Characters a template may produce.</summary>
    public int MaxTemplateOutput { get; set; } = 200_000;

    /// <summary>Wall-clock limit per template render; each regular expression match in it gets <see cref="Timeout"/>.</summary>
    public TimeSpan TemplateTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Loop iterations per template render (all loops together, nested ones included).</summary>
    public int TemplateLoopLimit { get; set; } = 1000;
}

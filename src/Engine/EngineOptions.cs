using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Engine.Outbound;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine;

/// <summary>Everything the engine can be configured with.</summary>
public sealed class EngineOptions
{
    /// <summary>Database.</summary>
    public DatabaseOptions Database { get; } = new();

    /// <summary>Workers and leases.</summary>
    public RuntimeOptions Runtime { get; } = new();

    /// <summary>Expression sandbox limits.</summary>
    public SandboxLimits Sandbox { get; } = new();

    /// <summary>Burst limits.</summary>
    public InterpreterOptions Interpreter { get; } = new();

    /// <summary>Where the HttpRequest activity may call, and how much of an answer it reads.</summary>
    public OutboundHttpOptions Http { get; } = new();

    /// <summary>How long finished instances are kept.</summary>
    public RetentionOptions Retention { get; } = new();

    /// <summary>Whether the background worker runs in this process (off for tools that only read).</summary>
    public bool RunWorkers { get; set; } = true;
}

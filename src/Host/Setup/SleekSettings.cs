namespace Sleek.Workflows.Host.Setup;

/// <summary>The host's own settings (section <c>Sleek</c>); see the configuration table in README.md.</summary>
internal sealed class SleekSettings
{
    /// <summary>SQLite file, email outbox and generated keys live here.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Definition files: <c>&lt;id&gt;/v&lt;N&gt;.json</c>.</summary>
    public string WorkflowsDirectory { get; set; } = "./workflows";

    /// <summary>RulesEngine rule sets (<c>&lt;name&gt;.json</c>), imported into the database at start-up.</summary>
    public string RulesDirectory { get; set; } = "./rules";

    /// <summary>Concurrent bursts in this host.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Lease of a claimed work item (seconds). A running burst renews it every third of it (5 s), so however long the
    /// burst runs (an AI or Stripe call of half a minute) it keeps its item; when a host dies, another host takes its work
    /// over once the lease has run out: a kill delays a timer by at most this much.
    /// </summary>
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>How long an <c>Idempotency-Key</c> and its stored response are kept (hours).</summary>
    public double IdempotencyKeyHours { get; set; } = 24;

    /// <summary>When true, publishing from the API also writes <c>workflows/&lt;id&gt;/v&lt;N&gt;.json</c>.</summary>
    public bool PublishToDirectory { get; set; }

    /// <summary>Demo mode (<c>--demo</c>): one user per role and a few orders at different stages; refused in Production.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// How long a request to <c>/api/hooks/…</c> waits for the workflow's WriteHttpResponse (seconds) before it is answered
    /// 202 with the instance id.
    /// </summary>
    public double HookResponseSeconds { get; set; } = 10;

    /// <summary>Largest workflow definition body accepted (bytes).</summary>
    public long MaxDefinitionBytes { get; set; } = 2 * 1024 * 1024;
}

namespace Sleek.Workflows.Host.Setup;

/// <summary>The host's own settings (section <c>Sleek</c>); see the configuration table in README.md.</summary>
internal sealed class SleekSettings
{
    /// <summary>SQLite file, email outbox and generated keys live here.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Definition files: <c>&lt;id&gt;/v&lt;N&gt;.json</c>.</summary>
    public string WorkflowsDirectory { get; set; } = "./workflows";

    /// <summary>Concurrent bursts in this host.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>When true, publishing from the API also writes <c>workflows/&lt;id&gt;/v&lt;N&gt;.json</c>.</summary>
    public bool PublishToDirectory { get; set; }

    /// <summary>Largest workflow definition body accepted (bytes).</summary>
    public long MaxDefinitionBytes { get; set; } = 2 * 1024 * 1024;
}

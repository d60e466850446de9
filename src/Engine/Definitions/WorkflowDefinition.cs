using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Definitions;

/// <summary>
/// The JSON wire model of one workflow definition version, as stored in <c>workflows/&lt;id&gt;/v&lt;N&gt;.json</c>.
/// It is plain data: validation (<see cref="DefinitionValidator"/>) decides whether it can run.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Stable id, lower-case letters, digits and hyphens (e.g. <c>quote-to-delivery</c>).</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>Version number, 1 and up. Published versions are immutable.</summary>
    public int Version { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the workflow is for.</summary>
    public string? Description { get; set; }

    /// <summary>Instance-scoped variables with their initial values.</summary>
    public List<VariableDefinition> Variables { get; set; } = [];

    /// <summary>Inputs the starter may pass; required ones must be present when an instance starts.</summary>
    public List<WorkflowInputDefinition> Inputs { get; set; } = [];

    /// <summary>The flowchart that runs.</summary>
    public Flowchart Root { get; set; } = new();
}

/// <summary>A flowchart: activities connected port to port.</summary>
public sealed class Flowchart
{
    /// <summary>The nodes.</summary>
    public List<ActivityNode> Activities { get; set; } = [];

    /// <summary>The edges, each from an outcome port of one activity to another activity.</summary>
    public List<Connection> Connections { get; set; } = [];
}

/// <summary>One activity in a flowchart.</summary>
public sealed class ActivityNode
{
    /// <summary>Unique within the definition; used by connections, bookmarks and the journal.</summary>
    public string Id { get; set; } = "";

    /// <summary>The registered activity type name (e.g. <c>WaitForEvent</c>), never a CLR name.</summary>
    public string Type { get; set; } = "";

    /// <summary>Display name shown in the designer.</summary>
    public string? Name { get; set; }

    /// <summary>Input values: literals or expression objects (see <see cref="InputValue"/>).</summary>
    public Dictionary<string, JsonNode?> Inputs { get; set; } = [];

    /// <summary>Where the designer draws the node.</summary>
    public Position? Position { get; set; }

    /// <summary>Retries with backoff when the activity fails; none when left out.</summary>
    public RetryPolicy? Retry { get; set; }
}

/// <summary>Designer coordinates of a node.</summary>
public sealed record Position(double X, double Y);

/// <summary>An edge from <see cref="Source"/> (activity + outcome port) to <see cref="Target"/> (activity, port "In").</summary>
public sealed class Connection
{
    /// <summary>The activity and outcome port the edge leaves from.</summary>
    public ConnectionEnd Source { get; set; } = new();

    /// <summary>The activity the edge enters.</summary>
    public ConnectionEnd Target { get; set; } = new();
}

/// <summary>One end of a connection.</summary>
public sealed class ConnectionEnd
{
    /// <summary>Activity id.</summary>
    public string Activity { get; set; } = "";

    /// <summary>Port name; for a target it defaults to <c>In</c>.</summary>
    public string? Port { get; set; }
}

/// <summary>A workflow variable.</summary>
public sealed class VariableDefinition
{
    /// <summary>Name, a JavaScript identifier.</summary>
    public string Name { get; set; } = "";

    /// <summary>One of string, number, boolean, object, array, any.</summary>
    public string Type { get; set; } = "any";

    /// <summary>Initial value.</summary>
    public JsonNode? Default { get; set; }
}

/// <summary>An input the starter passes.</summary>
public sealed class WorkflowInputDefinition
{
    /// <summary>Name, a JavaScript identifier.</summary>
    public string Name { get; set; } = "";

    /// <summary>One of string, number, boolean, object, array, any.</summary>
    public string Type { get; set; } = "any";

    /// <summary>Whether a start without it is refused.</summary>
    public bool Required { get; set; }

    /// <summary>What the input means.</summary>
    public string? Description { get; set; }
}

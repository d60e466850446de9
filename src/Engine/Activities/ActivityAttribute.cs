namespace Sleek.Workflows.Engine.Activities;

/// <summary>Declares an activity type: its stable JSON type name, palette category and outcome ports.</summary>
/// <param name="type">The type name used in definition JSON, e.g. <c>WaitForEvent</c>. Never change it once published.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    /// <summary>The JSON type name.</summary>
    public string Type { get; } = type;

    /// <summary>Palette category, e.g. <c>Flow</c>, <c>Timers</c>.</summary>
    public string Category { get; init; } = "General";

    /// <summary>Name shown in the palette; defaults to the type name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>One line saying what it does.</summary>
    public string Description { get; init; } = "";

    /// <summary>Outcome ports. Activities implementing <see cref="IHasDynamicPorts"/> add more from their inputs.</summary>
    public string[] Ports { get; init; } = ["Done"];

    /// <summary>The output the activity produces (shown in the designer), e.g. <c>object</c>.</summary>
    public string? OutputType { get; init; }

    /// <summary>
    /// True when everything the activity does stays in this process and the burst's transaction: no call to another
    /// system (HTTP, payments, AI), nothing sent before the commit. A request may then run it inside its own
    /// transaction, because a host that dies meanwhile leaves nothing done and the client repeats the request.
    /// False (the default) keeps the burst on the queued path: its work item commits first, so another host takes
    /// it over if this one dies during the call.
    /// </summary>
    public bool InProcess { get; init; }
}

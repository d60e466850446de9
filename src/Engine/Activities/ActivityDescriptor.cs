using System.Reflection;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>
/// An activity type as the registry knows it: built once at registration from the class's attributes.
/// The designer's palette lists these; the validator and interpreter use them.
/// </summary>
public sealed class ActivityDescriptor
{
    internal ActivityDescriptor(Type clrType, ActivityAttribute attribute, IReadOnlyList<InputDescriptor> inputs, IReadOnlyList<PropertyInfo> inputProperties)
    {
        ClrType = clrType;
        Type = attribute.Type;
        Category = attribute.Category;
        DisplayName = attribute.DisplayName ?? attribute.Type;
        Description = attribute.Description;
        Ports = attribute.Ports;
        OutputType = attribute.OutputType;
        Inputs = inputs;
        InputProperties = inputProperties;
        OnlyWithoutState = [.. inputProperties.Select(p => p.GetCustomAttribute<InputAttribute>()!.OnlyWithoutState)];
        IsResumable = typeof(IResumableActivity).IsAssignableFrom(clrType);
        HasDynamicPorts = typeof(IHasDynamicPorts).IsAssignableFrom(clrType);
        InProcess = attribute.InProcess;
    }

    /// <summary>The stable JSON type name.</summary>
    public string Type { get; }

    /// <summary>Palette category.</summary>
    public string Category { get; }

    /// <summary>Palette label.</summary>
    public string DisplayName { get; }

    /// <summary>What it does.</summary>
    public string Description { get; }

    /// <summary>Static outcome ports.</summary>
    public IReadOnlyList<string> Ports { get; }

    /// <summary>The kind of output it produces, if any.</summary>
    public string? OutputType { get; }

    /// <summary>Inputs in declaration order.</summary>
    public IReadOnlyList<InputDescriptor> Inputs { get; }

    /// <summary>Whether it can wait on a bookmark.</summary>
    public bool IsResumable { get; }

    /// <summary>Whether its ports depend on its inputs.</summary>
    public bool HasDynamicPorts { get; }

    /// <summary>Whether it works only in this process and the burst's transaction (<see cref="ActivityAttribute.InProcess"/>).</summary>
    public bool InProcess { get; }

    internal Type ClrType { get; }

    internal IReadOnlyList<PropertyInfo> InputProperties { get; }

    /// <summary>For each input, whether it is evaluated only while the activity keeps no state (<see cref="InputAttribute.OnlyWithoutState"/>).</summary>
    internal IReadOnlyList<bool> OnlyWithoutState { get; }

    /// <summary>A fresh instance of the activity.</summary>
    internal IActivity Create() => (IActivity)Activator.CreateInstance(ClrType)!;

    /// <summary>All ports of a node of this type with these raw inputs.</summary>
    public IReadOnlyList<string> PortsFor(IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        if (!HasDynamicPorts)
        {
            return Ports;
        }

        var dynamicPorts = ((IHasDynamicPorts)Create()).GetPorts(inputs);
        return [.. Ports.Concat(dynamicPorts).Distinct(StringComparer.Ordinal)];
    }
}

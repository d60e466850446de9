using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Host.Endpoints.Activities;

/// <summary>An activity type for the designer's palette.</summary>
internal sealed record ActivityDescriptorDto(
    string Type,
    string Category,
    string DisplayName,
    string Description,
    IReadOnlyList<string> Ports,
    bool HasDynamicPorts,
    bool IsResumable,
    string? OutputType,
    IReadOnlyList<InputDescriptor> Inputs)
{
    public static ActivityDescriptorDto From(ActivityDescriptor d) =>
        new(d.Type, d.Category, d.DisplayName, d.Description, d.Ports, d.HasDynamicPorts, d.IsResumable, d.OutputType, d.Inputs);
}

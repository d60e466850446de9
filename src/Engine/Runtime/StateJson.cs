using System.Text.Json;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Serializer options for instance state.</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 128 };
}

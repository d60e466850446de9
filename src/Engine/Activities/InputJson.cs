using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>JSON options used to bind evaluated inputs to activity properties.</summary>
internal static class InputJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

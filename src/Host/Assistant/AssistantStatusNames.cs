using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>The snake_case names the API uses for the assistant's enums, as they are stored.</summary>
internal static class AssistantStatusNames
{
    /// <summary>awaiting_confirmation, handed_over, …</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => SnakeCase.Of(value.ToString());
}

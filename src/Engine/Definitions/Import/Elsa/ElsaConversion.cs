using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Definitions.Import.Elsa;

/// <summary>The result of converting an Elsa 3 export: our definition JSON, or every reason it cannot be converted.</summary>
/// <param name="Definition">The converted definition (still to be validated as any definition); null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Each Elsa activity type without an equivalent here (with its activity id) and each expression that cannot be carried over.</param>
/// <param name="Warnings">What was carried over approximately, in words for the person importing.</param>
public sealed record ElsaConversion(JsonObject? Definition, IReadOnlyList<ValidationError> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>The one-line summary a problem's detail starts with.</summary>
    public string Summary()
    {
        var types = Errors.Count(e => e.Field.EndsWith(".type", StringComparison.Ordinal));
        var expressions = Errors.Count - types;
        var named = string.Join("; ", Errors.Take(5).Select(e => e.ActivityId is null ? e.Message : $"activity '{e.ActivityId}': {e.Message}"));
        var more = Errors.Count > 5 ? $"; and {Errors.Count - 5} more (see errors)" : "";
        return $"This is an Elsa 3 workflow export; it cannot be imported: {types} activity type(s) without an equivalent here and {expressions} expression(s) that cannot be carried over — {named}{more}.";
    }
}

using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// Stores an enum as its snake_case name (<c>WorkflowStatus.Suspended</c> → <c>"suspended"</c>): readable in SQL,
/// and stable when members are reordered. The one converter for every status kind of every context; hand-written
/// SQL passes values through <see cref="ToStored"/> as parameters, never as literals.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(v => ToStored(v), v => FromStored(v))
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Stored =
        Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => SnakeCase.Of(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Parsed =
        Stored.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The stored text of a value.</summary>
    public static string ToStored(TEnum value) => Stored.TryGetValue(value, out var text) ? text : SnakeCase.Of(value.ToString());

    /// <summary>
    /// The value a stored text stands for. Also reads the member's own name in any casing (<c>"Suspended"</c>), as
    /// written before values were snake_case, so a row the migration has not rewritten yet still reads.
    /// </summary>
    /// <exception cref="ArgumentException">The text names no member.</exception>
    public static TEnum FromStored(string text) =>
        Parsed.TryGetValue(text, out var value) ? value : Enum.Parse<TEnum>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}

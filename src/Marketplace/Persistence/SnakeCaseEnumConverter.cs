using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>Stores an enum as its snake_case name ("assigned_to_supplier", "deposit"): readable SQL, stable if members are reordered.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => ToStored(v),
    v => Enum.Parse<TEnum>(v.Replace("_", "", StringComparison.Ordinal), true))
    where TEnum : struct, Enum
{
    /// <summary>The stored text of <paramref name="value"/>, for a parameter of hand-written SQL.</summary>
    public static string ToStored(TEnum value) => Naming.SnakeCase(value.ToString());
}

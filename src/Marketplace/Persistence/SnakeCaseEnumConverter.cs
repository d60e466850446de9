using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sleek.Workflows.Activities.Persistence;

/// <summary>Stores an enum as its snake_case name ("assigned_to_supplier", "deposit"): readable SQL, stable if members are reordered.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => Naming.SnakeCase(v.ToString()),
    v => Enum.Parse<TEnum>(v.Replace("_", "", StringComparison.Ordinal), true))
    where TEnum : struct, Enum;

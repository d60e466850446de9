using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>
/// Money on SQLite: a decimal kept as an INTEGER count of 10^-scale units (scale 4: 8.645 is 86450), so
/// SQL ORDER BY, SUM and comparisons are exact integer arithmetic (SQLite has no decimal type; REAL would
/// round and TEXT would sort "10" before "9"). Values with more decimals than the scale are rounded half
/// away from zero. PostgreSQL uses numeric(p, scale) instead.
/// </summary>
internal sealed class FixedPointConverter(int scale) : ValueConverter<decimal, long>(
    v => ToUnits(v, scale),
    v => FromUnits(v, scale))
{
    public static long ToUnits(decimal value, int scale) =>
        decimal.ToInt64(Math.Round(value * Pow10(scale), 0, MidpointRounding.AwayFromZero));

    public static decimal FromUnits(long units, int scale) => units / Pow10(scale);

    private static decimal Pow10(int scale) => scale switch
    {
        2 => 100m,
        4 => 10_000m,
        6 => 1_000_000m,
        _ => (decimal)Math.Pow(10, scale),
    };
}

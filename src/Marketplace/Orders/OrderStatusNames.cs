using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Marketplace.Orders;

/// <summary>The snake_case names of <see cref="OrderStatus"/> ("assigned_to_supplier"), as stored and sent.</summary>
public static class OrderStatusNames
{
    private static readonly Dictionary<string, OrderStatus> ByName =
        Enum.GetValues<OrderStatus>().ToDictionary(s => SnakeCase.Of(s.ToString()), StringComparer.OrdinalIgnoreCase);

    /// <summary>All names, in workflow order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<OrderStatus>().Select(s => SnakeCase.Of(s.ToString())).ToList();

    /// <summary>"quote_sent" for <see cref="OrderStatus.QuoteSent"/>.</summary>
    public static string ToName(this OrderStatus status) => SnakeCase.Of(status.ToString());

    /// <summary>Parses a snake_case name (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse(string? name, out OrderStatus status)
    {
        status = default;
        return name is not null && ByName.TryGetValue(name.Trim(), out status);
    }
}

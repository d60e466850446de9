using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>An eligible supplier in ranking order.</summary>
/// <param name="Rank">1 for the best.</param>
/// <param name="Supplier">The supplier.</param>
/// <param name="Score">Its score with the breakdown.</param>
public sealed record RankedSupplier(int Rank, SupplierProfile Supplier, SupplierScore Score)
{
    /// <summary><c>{rank, supplierId, name, score, breakdown}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["rank"] = Rank,
        ["supplierId"] = Supplier.Id,
        ["name"] = Supplier.Name,
        ["score"] = Score.Total,
        ["autoAccept"] = Supplier.AutoAccept,
        ["breakdown"] = Score.ToJson(),
    };
}

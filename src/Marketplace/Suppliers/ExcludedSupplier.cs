using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Rules;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>A supplier that eligibility rules excluded, with each rule that failed and why.</summary>
/// <param name="Supplier">The supplier.</param>
/// <param name="Rules">The failed eligibility rules.</param>
public sealed record ExcludedSupplier(SupplierProfile Supplier, IReadOnlyList<FailedRule> Rules)
{
    /// <summary><c>{supplierId, name, rules:[{rule, message}]}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["supplierId"] = Supplier.Id,
        ["name"] = Supplier.Name,
        ["rules"] = new JsonArray([.. Rules.Select(r => (JsonNode)new JsonObject { ["rule"] = r.Rule, ["message"] = r.Message })]),
    };
}

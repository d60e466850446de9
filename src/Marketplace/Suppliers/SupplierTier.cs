using System.Text.Json.Serialization;

namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>A supplier's tier (stored and sent lower-case).</summary>
public enum SupplierTier
{
    /// <summary>bronze.</summary>
    [JsonStringEnumMemberName("bronze")] Bronze,

    /// <summary>silver.</summary>
    [JsonStringEnumMemberName("silver")] Silver,

    /// <summary>gold.</summary>
    [JsonStringEnumMemberName("gold")] Gold,
}

using System.Text.Json.Serialization;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>Which invoice of an order: the 30 % deposit or the 70 % balance.</summary>
public enum InvoiceKind
{
    /// <summary>deposit.</summary>
    [JsonStringEnumMemberName("deposit")] Deposit,

    /// <summary>balance.</summary>
    [JsonStringEnumMemberName("balance")] Balance,
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>How invoices and payments appear in activity outputs and event payloads (camelCase JSON).</summary>
public static class InvoiceViews
{
    /// <summary>{invoiceId, number, orderId, kind, amount, currency, status, issuedAt, dueAt, paidAt, paymentIntentId}.</summary>
    public static JsonObject ToJson(Invoice invoice) => new()
    {
        ["invoiceId"] = invoice.Id.ToString(),
        ["number"] = invoice.Number,
        ["orderId"] = invoice.OrderId.ToString(),
        ["kind"] = Name(invoice.Kind),
        ["amount"] = invoice.Amount,
        ["currency"] = invoice.Currency,
        ["status"] = Name(invoice.Status),
        ["issuedAt"] = Time(invoice.IssuedAt),
        ["dueAt"] = Time(invoice.DueAt),
        ["paidAt"] = invoice.PaidAt is { } paid ? Time(paid) : null,
        ["paymentIntentId"] = invoice.PaymentIntentId,
    };

    /// <summary>The lower-case name of an enum value as stored ("deposit", "paid", "manual").</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>ISO 8601 UTC with milliseconds.</summary>
    public static string Time(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}

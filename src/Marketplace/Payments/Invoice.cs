namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>A deposit or balance invoice of an order (table <c>invoices</c>).</summary>
public sealed class Invoice
{
    /// <summary>Id; also the PaymentReceived event's correlation id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>"INV-2026-0001", unique.</summary>
    public string Number { get; set; } = "";

    /// <summary>The order.</summary>
    public Guid OrderId { get; set; }

    /// <summary>deposit (30 %) or balance (70 %).</summary>
    public InvoiceKind Kind { get; set; }

    /// <summary>Amount in <see cref="Currency"/>, to the cent.</summary>
    public decimal Amount { get; set; }

    /// <summary>ISO currency code; always USD today.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>pending, paid, cancelled, refunded.</summary>
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Pending;

    /// <summary>UTC.</summary>
    public DateTime IssuedAt { get; set; }

    /// <summary>UTC; 7 days after issue.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? PaidAt { get; set; }

    /// <summary>The Stripe PaymentIntent, once created.</summary>
    public string? PaymentIntentId { get; set; }
}

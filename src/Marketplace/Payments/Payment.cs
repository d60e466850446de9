namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>Money received for an invoice (table <c>payments</c>); a Stripe event is recorded at most once.</summary>
public sealed class Payment
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The invoice paid.</summary>
    public Guid InvoiceId { get; set; }

    /// <summary>stripe or manual.</summary>
    public PaymentProvider Provider { get; set; }

    /// <summary>The provider's id (PaymentIntent id, bank reference).</summary>
    public string? ExternalId { get; set; }

    /// <summary>USD.</summary>
    public decimal Amount { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>The webhook event (<c>evt_…</c>); unique, so a redelivered webhook is not recorded twice.</summary>
    public string? StripeEventId { get; set; }
}
